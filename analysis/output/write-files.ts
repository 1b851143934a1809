// Writes a set of output files, each renamed into place whole (see execution/atomic-write.ts).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../execution/atomic-write.js';

/** Creates `out` first: merge (unlike a run, whose work store lives inside it) may name a new folder. */
export function writeFiles(out: string, files: ReadonlyMap<string, string>): string[] {
  mkdirSync(out, { recursive: true });
  return [...files].map(([name, content]) => {
    const target = path.join(out, name);
    writeFileAtomic(target, content);
    return target;
  });
}
