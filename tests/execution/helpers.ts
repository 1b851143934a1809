// Shared helpers for the execution-layer tests: fixture task paths, temporary directories, plans.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPlan, type WorkPlan } from '../../analysis/execution/work-item.js';

const tasksDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tasks');

export function fixtureTask(name: string): string {
  return path.join(tasksDir, name);
}

export function temporaryDirectories(): { make(label: string): string; removeAll(): void } {
  const made: string[] = [];
  return {
    make(label: string): string {
      const dir = mkdtempSync(path.join(tmpdir(), `thuiszit-exec-${label}-`));
      made.push(dir);
      return dir;
    },
    removeAll(): void {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SquareInput {
  x: number;
  markerDir?: string;
  fail?: boolean;
  delayMs?: number;
}

export function squarePlan(count: number, extra: Omit<SquareInput, 'x'> = {}): WorkPlan<SquareInput> {
  const items = Array.from({ length: count }, (_, k) => ({ id: `sq-${String(k).padStart(4, '0')}`, input: { x: k, ...extra } }));
  return createPlan('test', { note: 'squares' }, items);
}

/** Executions per x, read from the marker files the square task writes. */
export function executionsByX(markerDir: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const name of readdirSync(markerDir)) {
    const x = Number(name.split('-')[0]);
    counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  return counts;
}
