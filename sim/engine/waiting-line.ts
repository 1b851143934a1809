import type { QueueComparator, WaitingEntry } from './queue-disciplines.js';

/** An entry that knows its place in the heap, so that leaving the line (reneging) is O(log n). */
export interface IndexedEntry extends WaitingEntry {
  lineIndex: number;
}

/** A binary heap ordered by a queue discipline, with removal from any position. */
export class WaitingLine<E extends IndexedEntry> {
  private readonly heap: E[] = [];

  constructor(private readonly before: QueueComparator) {}

  get length(): number {
    return this.heap.length;
  }

  push(entry: E): void {
    this.heap.push(entry);
    this.siftUp(this.heap.length - 1, entry);
  }

  /** Removes and returns the entry served next, or undefined when the line is empty. */
  shift(): E | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const first = heap[0]!;
    this.removeAt(0);
    return first;
  }

  /** Removes an entry from wherever it stands. */
  remove(entry: E): void {
    const index = entry.lineIndex;
    if (this.heap[index] !== entry) throw new Error('WaitingLine.remove: entry is not in this line');
    this.removeAt(index);
  }

  private removeAt(index: number): void {
    const heap = this.heap;
    const removed = heap[index]!;
    removed.lineIndex = -1;
    const last = heap.pop()!;
    if (index === heap.length) return;
    heap[index] = last;
    if (index > 0 && this.before(last, heap[(index - 1) >> 1]!)) this.siftUp(index, last);
    else this.siftDown(index, last);
  }

  private siftUp(start: number, entry: E): void {
    const heap = this.heap;
    let i = start;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex]!;
      if (!this.before(entry, parent)) break;
      heap[i] = parent;
      parent.lineIndex = i;
      i = parentIndex;
    }
    heap[i] = entry;
    entry.lineIndex = i;
  }

  private siftDown(start: number, entry: E): void {
    const heap = this.heap;
    const n = heap.length;
    let i = start;
    for (;;) {
      let childIndex = 2 * i + 1;
      if (childIndex >= n) break;
      let child = heap[childIndex]!;
      const rightIndex = childIndex + 1;
      if (rightIndex < n && this.before(heap[rightIndex]!, child)) {
        childIndex = rightIndex;
        child = heap[rightIndex]!;
      }
      if (!this.before(child, entry)) break;
      heap[i] = child;
      child.lineIndex = i;
      i = childIndex;
    }
    heap[i] = entry;
    entry.lineIndex = i;
  }
}
