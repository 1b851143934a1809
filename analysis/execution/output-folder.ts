// The output folder is the user's: it may hold their own files, even a folder called work/. thuiszit
// touches only what it made and can recognise: its lock, its work store `.thuiszit-work/` (with a
// marker file inside, and never through a symbolic link), its temporaries (named
// `.<file>.thuiszit-<hex>.tmp`) and its outputs. The outputs of one command appear as a set: the
// completion marker is removed before the first output is replaced and written after the last, and
// readers (`thuiszit report`) refuse a folder without it.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { RESULTS_DIRECTORY_NAME, resultLogNamePattern } from './result-log.js';
import { checkNotLocked, lockOutputFolder, LOCK_FILE_NAME, type OutputLock } from './output-lock.js';

export const WORK_DIR_NAME = '.thuiszit-work';
const WORK_MARKER = 'made-by-thuiszit.json';
export const COMPLETE_FILE_NAME = '.thuiszit-complete.json';

/** Temporaries of this version, and the two forms earlier versions left behind. */
const temporaryPatterns = [/^\..+\.thuiszit-[0-9a-f]{12}\.tmp$/, /^\.episodes\.csv\.\d+\.tmp$/, /^\..+\.(json|csv|html|yaml)\.[0-9a-f]{12}\.tmp$/];

export function isThuiszitTemporary(name: string): boolean {
  return temporaryPatterns.some((pattern) => pattern.test(name));
}

function kindOf(file: string): 'missing' | 'link' | 'directory' | 'file' | 'other' {
  try {
    const stat = lstatSync(file);
    return stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

/**
 * The work store inside `out`, checked to be thuiszit's own: a real folder (not a link) holding the
 * marker. `create` makes it when missing; otherwise a missing store gives null.
 */
export function workStore(out: string, create: boolean): string | null {
  const dir = path.join(out, WORK_DIR_NAME);
  const kind = kindOf(dir);
  if (kind === 'missing') {
    if (!create) return null;
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(path.join(dir, WORK_MARKER), `${JSON.stringify({ tool: 'thuiszit', note: 'work store of an unfinished or sharded run; thuiszit removes it when the run is complete' })}\n`);
    return dir;
  }
  if (kind === 'link') throw new Error(`${dir} is a symbolic link; expected thuiszit's own work folder there: remove the link or use another --out (thuiszit never follows it)`);
  if (kind !== 'directory' || kindOf(path.join(dir, WORK_MARKER)) !== 'file') {
    throw new Error(`${dir} was not made by thuiszit (it has no ${WORK_MARKER}); expected thuiszit's own work folder there: move it away or use another --out`);
  }
  return dir;
}

/** Removes the work store's files that thuiszit wrote (by their names), then the folder if that empties it. */
export function removeWorkStore(out: string): void {
  const dir = workStore(out, false);
  if (dir === null) return;
  const ours = (sub: string, pattern: RegExp): void => {
    const folder = path.join(dir, sub);
    if (kindOf(folder) !== 'directory') return;
    for (const name of readdirSync(folder)) {
      if (pattern.test(name) || isThuiszitTemporary(name)) rmSync(path.join(folder, name), { force: true });
    }
    rmdirIfEmpty(folder);
  };
  ours(RESULTS_DIRECTORY_NAME, resultLogNamePattern);
  ours('episodes', /^[A-Za-z0-9][A-Za-z0-9._-]*\.csv$/);
  // Stored evaluations of `calibrate` (analysis/calibration-runs/evaluation-store.ts), named by their hash.
  ours('calibration', /^[0-9a-f]{64}\.json$/);
  ours('.', /^plan\.json$/);
  rmSync(path.join(dir, WORK_MARKER), { force: true });
  rmdirIfEmpty(dir);
}

function rmdirIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch (error) {
    // Something of the user's is in there: it stays, and so does the folder.
    if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY' && (error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Removes temporaries a stopped earlier command left in `out` (the caller holds the lock). */
function removeStaleTemporaries(out: string): void {
  for (const name of readdirSync(out)) {
    if (name !== LOCK_FILE_NAME && isThuiszitTemporary(name) && kindOf(path.join(out, name)) === 'file') rmSync(path.join(out, name), { force: true });
  }
}

/** True when `out` holds a complete output set: the command that wrote it got to its end. */
export function isCompleteOutputSet(out: string): boolean {
  return kindOf(path.join(out, COMPLETE_FILE_NAME)) === 'file';
}

export interface OutputSession {
  out: string;
  /** Call before replacing the first output: until commit(), the folder's set is incomplete. */
  beginOutputs(): void;
  /** Marks the set complete, listing its files (those outside `out` are not listed). */
  commit(files: readonly string[]): void;
  release(): void;
}

/**
 * Opens `out` for a command that writes outputs: takes its lock and clears stale temporaries. A
 * shard only checks that no command holds the lock: shards share a folder by design.
 */
export function openOutputFolder(out: string, options: { command: string; shard: boolean; notice: (message: string) => void }): OutputSession {
  mkdirSync(out, { recursive: true });
  let lock: OutputLock | null = null;
  if (options.shard) {
    checkNotLocked(out);
  } else {
    lock = lockOutputFolder(out, options.command, options.notice);
    removeStaleTemporaries(out);
  }
  const marker = path.join(out, COMPLETE_FILE_NAME);
  return {
    out,
    beginOutputs: () => {
      if (kindOf(marker) === 'file') rmSync(marker);
    },
    commit: (files) => {
      const listed = files
        .map((file) => path.relative(out, file))
        .filter((name) => !name.startsWith('..') && !path.isAbsolute(name))
        .sort();
      writeFileAtomic(marker, `${JSON.stringify({ tool: 'thuiszit', complete: true, files: listed }, null, 2)}\n`);
    },
    release: () => lock?.release(),
  };
}

/** Files already in a completion marker, so a command that adds files (report) keeps the rest listed. */
export function listedOutputs(out: string): string[] {
  if (!existsSync(path.join(out, COMPLETE_FILE_NAME))) return [];
  try {
    const parsed = JSON.parse(readFileSync(path.join(out, COMPLETE_FILE_NAME), 'utf8')) as { files?: unknown };
    const names = Array.isArray(parsed.files) ? parsed.files.filter((name): name is string => typeof name === 'string') : [];
    // Names are checked, not trusted: only plain names of files in `out` itself.
    return names.filter((name) => name === path.basename(name) && !name.startsWith('.')).map((name) => path.join(out, name)).filter((file) => kindOf(file) === 'file');
  } catch {
    return [];
  }
}
