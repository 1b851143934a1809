// Finding and reading scenario files. A reference is either a built-in name ('baseline', shipped in the
// package's scenarios/ folder) or a path to a .yaml/.yml/.json file; both forms appear on the command line
// and after `extends:`.
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readdirSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML, { isScalar, LineCounter, type Document } from 'yaml';
import { isPlainObject } from './dot-path.js';
import { ScenarioError } from './errors.js';

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

export interface RefContext {
  readonly builtinDir: string;
  /** Folder a relative path is resolved against: the extending file's folder, or the working directory. */
  readonly baseDir: string;
  /** Where the reference was written, for the error message: undefined on the command line. */
  readonly file?: string | undefined;
  /** The field holding the reference ('extends'), or 'scenario' for a command-line reference. */
  readonly field: string;
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

/**
 * Parses YAML (JSON is read the same way: YAML 1.2 contains it) into a mapping of fields. An empty file is
 * an empty mapping: a scenario that states nothing is the default region.
 */
function parseScenarioText(text: string, label: string): Record<string, unknown> {
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const firstError = doc.errors[0];
  if (firstError !== undefined) {
    const position = lineCounter.linePos(firstError.pos[0]);
    const reason = firstError.message.split('\n')[0] ?? firstError.message;
    throw new ScenarioError({
      path: '',
      value: text.split('\n')[position.line - 1]?.trim(),
      expected: 'valid YAML',
      file: label,
      line: position.line,
      column: position.col,
      problem: `invalid YAML (${firstError.code}): ${reason}`,
    });
  }
  refuseProtoKeys(doc, lineCounter, label);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // The yaml library refuses an alias bomb (aliases that expand exponentially) by throwing.
    throw new ScenarioError({ path: '', value: undefined, expected: 'YAML without excessive aliases', file: label, problem: `refused: ${(error as Error).message} (expected at most 100 alias expansions)` });
  }
  if (data === null || data === undefined) return {};
  if (!isPlainObject(data)) {
    throw new ScenarioError({ path: '', value: data, expected: 'a mapping of scenario fields (key: value lines)', file: label });
  }
  return data;
}

/**
 * `__proto__:` is no scenario field; turned into JavaScript it would set the object's prototype, so a
 * field would be neither read nor reported. Refused where it is written, with its line.
 */
function refuseProtoKeys(doc: Document, lineCounter: LineCounter, label: string): void {
  YAML.visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.value !== '__proto__') return;
      const position = lineCounter.linePos(pair.key.range?.[0] ?? 0);
      throw new ScenarioError({
        path: '__proto__', value: '__proto__', expected: 'a scenario field', file: label, line: position.line, column: position.col,
        problem: "'__proto__' is not a scenario field (refused: it would change the object's prototype instead of setting a field)",
      });
    },
  });
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
