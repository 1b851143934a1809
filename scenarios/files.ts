// Finding and reading scenario files. A reference is either a built-in name ('baseline', shipped in the
// package's scenarios/ folder) or a path to a .yaml/.yml/.json file; both forms appear on the command line
// and after `extends:`.
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readdirSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScenarioError } from './errors.js';
import type { ScenarioFiles, ScenarioRefContext } from './loader.js';
import { parseScenarioText } from './parse-text.js';

const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * The folder holding package.json, found by walking up from this module: the same code runs from source
 * (scenarios/files.ts under vitest) and compiled (dist/scenarios/files.js), one folder deeper.
 */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'scenarios'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`thuiszit: no package root (package.json next to scenarios/) above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export function builtinScenarioDir(): string {
  return path.join(packageRoot(), 'scenarios');
}

/** Names of the scenario files directly in `dir`, without extension, sorted. */
export function listScenarioNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && (entry.name.endsWith('.yaml') || entry.name.endsWith('.yml')))
    .map((entry) => entry.name.replace(/\.ya?ml$/, ''))
    .sort();
}

function looksLikePath(ref: string): boolean {
  return ref.includes('/') || ref.includes(path.sep) || SCENARIO_EXTENSIONS.some((ext) => ref.endsWith(ext));
}

export interface RefContext extends ScenarioRefContext {
  readonly builtinDir: string;
}

/** Absolute path of the file a reference names; throws a ScenarioError naming the choices. */
export function resolveScenarioRef(ref: string, context: RefContext): string {
  const builtins = listScenarioNames(context.builtinDir);
  const choices = `a built-in scenario (${builtins.join(', ') || 'none installed'}) or a path to a .yaml, .yml or .json file`;
  const fail = (problem?: string): never => {
    throw new ScenarioError({ path: context.field, value: ref, expected: choices, file: context.file, problem });
  };
  if (ref.trim() === '') fail();
  if (!looksLikePath(ref)) {
    for (const ext of ['.yaml', '.yml']) {
      const candidate = path.join(context.builtinDir, ref + ext);
      if (existsSync(candidate)) return candidate;
    }
    return fail();
  }
  const resolved = path.resolve(context.baseDir, ref);
  if (!SCENARIO_EXTENSIONS.some((ext) => resolved.endsWith(ext))) {
    return fail(`expected a file ending in .yaml, .yml or .json, got ${JSON.stringify(ref)}`);
  }
  if (!existsSync(resolved)) return fail(`file not found: ${JSON.stringify(ref)} (looked at ${resolved})`);
  return resolved;
}

/** How a file is named in messages: its bare name when built in, else relative to the working directory. */
export function fileLabel(absPath: string, builtinDir: string): string {
  if (path.dirname(absPath) === path.resolve(builtinDir)) return path.basename(absPath);
  const relative = path.relative(process.cwd(), absPath);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absPath;
}

/** Scenario files are a few kilobytes; a limit keeps a wrong path (a log, a disk image) from filling memory. */
export const MAX_SCENARIO_FILE_BYTES = 1024 * 1024;

/** What kind of thing a path is, in words, for a message refusing anything but a regular file. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads a file only when it is a regular file of at most `maxBytes`. Opened without blocking, so a
 * named pipe is refused instead of waiting for a writer forever; a link to /dev/zero is refused as the
 * device it is. `refuse(expected, got)` throws the caller's error naming its option or field.
 */
export function readRegularFile(file: string, maxBytes: number, refuse: (expected: string, got: string) => never): string {
  const expected = `a regular file of at most ${maxBytes.toLocaleString('en-US')} bytes`;
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return refuse(expected, `${(error as NodeJS.ErrnoException).code ?? 'an error'} opening ${JSON.stringify(file)}`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return refuse(expected, `${JSON.stringify(file)}, ${kindOf(stats)}`);
    if (stats.size > maxBytes) return refuse(expected, `${JSON.stringify(file)} of ${stats.size.toLocaleString('en-US')} bytes`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

export function readScenarioFile(absPath: string, label: string): Record<string, unknown> {
  const text = readRegularFile(absPath, MAX_SCENARIO_FILE_BYTES, (expected, got) => {
    throw new ScenarioError({ path: '', value: undefined, expected, file: label, problem: `expected ${expected}, got ${got}` });
  });
  return parseScenarioText(text, label);
}

/** The loader's view of scenario files on disk: built-in names in `builtinDir`, paths from the working directory. */
export function diskScenarioFiles(builtinDir: string): ScenarioFiles {
  return {
    resolve: (ref, context) => resolveScenarioRef(ref, { ...context, builtinDir }),
    label: (absPath) => fileLabel(absPath, builtinDir),
    read: readScenarioFile,
    dirOf: (absPath) => path.dirname(absPath),
    baseName: (absPath) => path.basename(absPath),
    workingDir: () => process.cwd(),
    listBuiltin: () => listScenarioNames(builtinDir),
  };
}
