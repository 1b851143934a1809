// A result file must be either absent or complete: a stop (Ctrl-C, a cluster time limit, a killed
// node) in the middle of a write would otherwise leave half a JSON file that resume takes for done.
// So the text goes to a temporary file in the same directory (rename is atomic only within one file
// system), is flushed to disk, and is then renamed over the final name.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Creates the file's folder if needed: an output folder named for the first time (a merge's) is normal. */
export function writeFileAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // Random rather than pid-based: shards on different nodes may share a directory and a pid. The
  // '.thuiszit-<hex>.tmp' ending lets a later command recognise one a stop left behind as its own.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.thuiszit-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const descriptor = openSync(temporary, 'wx');
    try {
      writeSync(descriptor, text, null, 'utf8');
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
