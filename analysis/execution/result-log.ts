// The results of one process's share of a plan, as one append-only file of JSON lines
// (`results/<hex>.jsonl`, one per process, so shards sharing a store never write the same file).
// One file instead of one per item: a national study has 100 000 items, and a file each (open,
// write, fsync, rename, and later unlink) cost more than a short replication on a busy disk.
// Lines are synced to disk in groups (at most every `syncEveryMs`, and at close): a stop or power
// loss loses at most the last moment's items, which a resume runs again. A line cut off by a stop
// (only the last one written can be) fails to parse and is ignored with everything after it.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';

export const RESULTS_DIRECTORY_NAME = 'results';
export const resultLogNamePattern = /^[0-9a-f]{12}\.jsonl$/;
const syncEveryMs = 1000;

export class ResultLog {
  private readonly descriptor: number;
  private lastSync = performance.now();
  private unsynced = false;

  constructor(storeDir: string) {
    const dir = path.join(storeDir, RESULTS_DIRECTORY_NAME);
    mkdirSync(dir, { recursive: true });
    this.descriptor = openSync(path.join(dir, `${randomBytes(6).toString('hex')}.jsonl`), 'wx');
  }

  /** `json` is the result as JSON text (resultToJson). */
  append(id: string, json: string): void {
    writeSync(this.descriptor, `{"id":${JSON.stringify(id)},"result":${json}}\n`);
    this.unsynced = true;
    if (performance.now() - this.lastSync >= syncEveryMs) this.sync();
  }

  close(): void {
    try {
      this.sync();
    } finally {
      closeSync(this.descriptor);
    }
  }

  private sync(): void {
    if (!this.unsynced) return;
    fsyncSync(this.descriptor);
    this.unsynced = false;
    this.lastSync = performance.now();
  }
}

export interface StoredResult {
  /** The line's text: two stores agree on an item when their lines are the same bytes. */
  line: string;
  result: unknown;
  file: string;
}

/** Every complete line of every result log in a store, in file-name and line order. */
export function readResultLogs(storeDir: string): Array<{ id: string } & StoredResult> {
  const dir = path.join(storeDir, RESULTS_DIRECTORY_NAME);
  if (!existsSync(dir)) return [];
  const entries: Array<{ id: string } & StoredResult> = [];
  for (const name of readdirSync(dir).filter((n) => resultLogNamePattern.test(n)).sort()) {
    const file = path.join(dir, name);
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const parsed = parseLine(line);
      if (parsed === null) break;
      entries.push({ ...parsed, line, file });
    }
  }
  return entries;
}

function parseLine(line: string): { id: string; result: unknown } | null {
  try {
    const value = JSON.parse(line) as { id?: unknown; result?: unknown } | null;
    if (value === null || typeof value !== 'object' || typeof value.id !== 'string' || !('result' in value)) return null;
    return { id: value.id, result: value.result };
  } catch {
    return null;
  }
}
