// One thuiszit command at a time writes an output folder: two runs into one --out would otherwise
// interleave their files and exit 0 with a wrong result. The lock is a file created whole (written
// under a temporary name, then hard-linked to its name, which fails if the name exists) naming the
// process that holds it. The lock of a process that is no longer running on this host is stale and
// taken over, with a notice; a live one, or one from another host, is a refusal naming its holder.
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE_NAME = '.thuiszit.lock';

interface LockContent {
  pid: number;
  host: string;
  command: string;
  started: string;
}

export interface OutputLock {
  release(): void;
}

function readLock(file: string): LockContent | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockContent> | null;
    if (parsed === null || typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, command: String(parsed.command ?? ''), started: String(parsed.started ?? '') };
  } catch {
    return null;
  }
}

/** Creates `file` as a hard link to `source`: false if the name is taken, atomically. */
function linked(source: string, file: string): boolean {
  try {
    linkSync(source, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(content: LockContent): string {
  return `process ${content.pid} on ${content.host}${content.command === '' ? '' : ` (${content.command})`}${content.started === '' ? '' : ` since ${content.started}`}`;
}

function inUse(dir: string, file: string, content: LockContent | null): Error {
  const who = content === null ? 'another thuiszit command (its lock file cannot be read)' : holder(content);
  return new Error(
    `--out folder ${dir} is in use by ${who}; expected a folder no other thuiszit command is writing: wait for it to finish or use another --out ` +
      `(if that process is surely gone, delete ${file})`,
  );
}

/** Takes the folder's lock, or throws naming its live holder. `notice` hears of a stale lock taken over. */
export function lockOutputFolder(dir: string, command: string, notice: (message: string) => void): OutputLock {
  const file = path.join(dir, LOCK_FILE_NAME);
  const mine: LockContent = { pid: process.pid, host: os.hostname(), command, started: new Date().toISOString() };
  const temporary = path.join(dir, `${LOCK_FILE_NAME}.thuiszit-${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(mine)}\n`, { flag: 'wx' });
  try {
    // Twice at most: once as found, once after taking over a stale lock.
    for (let attempt = 0; !linked(temporary, file); attempt += 1) {
      const held = readLock(file);
      if (attempt > 0 || held === null || held.host !== os.hostname() || running(held.pid)) throw inUse(dir, file, held);
      takeOver(file, held);
      notice(`took over the stale lock of ${holder(held)}, which is no longer running`);
    }
  } finally {
    rmSync(temporary, { force: true });
  }
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off('exit', release);
    const current = readLock(file);
    if (current !== null && current.pid === mine.pid && current.started === mine.started) rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { release };
}

/**
 * Moves the stale lock aside and removes it, but only if what was moved is still the stale lock
 * read: two commands taking over at once must not remove the lock the first of them just took.
 */
function takeOver(file: string, stale: LockContent): void {
  const aside = `${file}.thuiszit-${randomBytes(6).toString('hex')}.tmp`;
  renameSync(file, aside);
  const moved = readLock(aside);
  if (moved === null || moved.pid !== stale.pid || moved.started !== stale.started) {
    renameSync(aside, file);
    throw inUse(path.dirname(file), file, moved);
  }
  rmSync(aside, { force: true });
}

/**
 * For shards, which share a folder by design and so take no lock: refuses only while a command that
 * does (a full run, a merge) is writing the folder.
 */
export function checkNotLocked(dir: string): void {
  const file = path.join(dir, LOCK_FILE_NAME);
  let held: LockContent | null;
  try {
    readFileSync(file);
    held = readLock(file);
  } catch {
    return;
  }
  if (held === null || held.host !== os.hostname() || running(held.pid)) throw inUse(dir, file, held);
}
