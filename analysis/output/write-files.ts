// Writes a set of output files, each renamed into place whole (see execution/atomic-write.ts).
import path from 'node:path';
import { writeFileAtomic } from '../execution/atomic-write.js';

export function writeFiles(out: string, files: ReadonlyMap<string, string>): string[] {
  return [...files].map(([name, content]) => {
    const target = path.join(out, name);
    writeFileAtomic(target, content);
    return target;
  });
}
