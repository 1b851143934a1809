// Turns a scenario reference into a validated scenario: read the file, follow its `extends` chain, merge,
// apply command-line overrides, validate (the schema fills every default) and fingerprint. The schema is a
// parameter so this machinery is tested on small schemas and bound to the domain schema in load.ts. Files
// come through a ScenarioFiles, so the same loader reads the disk (files.ts) or the web app's bundled
// built-in scenarios.
import type { z } from 'zod';
import { sha256Of } from './canonical.js';
import { isPlainObject, valueAtPath } from './dot-path.js';
import type { PathSegment } from './dot-path.js';
import { ScenarioError, scenarioErrorFromZod } from './errors.js';
import { deepMerge } from './merge.js';
import { applyOverrides, overrideAt, parseOverride } from './overrides.js';
import { knownKeysAt, schemaNodesAt } from './schema-walk.js';

export interface LoadedScenarioOf<T> {
  /** The leaf file's own `name`, else its file name without extension. */
  name: string;
  scenario: T;
  /** sha256 of the canonical JSON of `scenario`. */
  sha256: string;
  /** Absolute path of the file loaded; null for a scenario given as an object. */
  sourcePath: string | null;
  /** What the file chain and overrides state, merged, before defaults: for reports. */
  stated: unknown;
}

export interface ObjectSource {
  /** Scenario name when the object states none, and how it is named in messages. */
  readonly name: string;
  /** Folder a relative `extends` path is resolved against; the working directory when omitted. */
  readonly baseDir?: string;
}

export interface ScenarioLoader<T> {
  load(ref: string, sets?: readonly string[]): LoadedScenarioOf<T>;
  loadObject(raw: unknown, source: ObjectSource, sets?: readonly string[]): LoadedScenarioOf<T>;
  listBuiltin(): string[];
}

/** Where a reference was written, for resolving it and for the error message. */
export interface ScenarioRefContext {
  /** Folder a relative path is resolved against: the extending file's folder, or the working directory. */
  readonly baseDir: string;
  /** Where the reference was written: undefined for a reference given directly (command line, URL). */
  readonly file?: string | undefined;
  /** The field holding the reference ('extends'), or 'scenario' for a directly given reference. */
  readonly field: string;
}

/** How the loader finds and reads scenario files; ids are what `resolve` returns (absolute paths on disk). */
export interface ScenarioFiles {
  /** The id of the file a reference names; throws a ScenarioError naming the choices. */
  resolve(ref: string, context: ScenarioRefContext): string;
  /** How the file is named in messages. */
  label(id: string): string;
  read(id: string, label: string): Record<string, unknown>;
  /** Folder a relative `extends` in this file is resolved against. */
  dirOf(id: string): string;
  /** The file's own name, extension included. */
  baseName(id: string): string;
  workingDir(): string;
  listBuiltin(): string[];
}

interface ChainLink {
  readonly label: string;
  readonly absPath: string | null;
  /** The link's own fields, without `extends`. */
  readonly fields: Record<string, unknown>;
}

export function createScenarioLoader<S extends z.ZodType>(options: { schema: S; files: ScenarioFiles }): ScenarioLoader<z.output<S>> {
  const { schema, files } = options;

  /** Follows `extends` from the leaf; returns the chain root first. */
  function resolveChain(leaf: { label: string; absPath: string | null; raw: Record<string, unknown>; baseDir: string }): ChainLink[] {
    const links: ChainLink[] = [];
    let current = leaf;
    for (;;) {
      const { extends: parentRef, ...fields } = current.raw;
      links.push({ label: current.label, absPath: current.absPath, fields });
      if (parentRef === undefined) break;
      if (typeof parentRef !== 'string') {
        throw new ScenarioError({ path: 'extends', value: parentRef, expected: 'the name of a built-in scenario or a file path', file: current.label });
      }
      const parentPath = files.resolve(parentRef, { baseDir: current.baseDir, file: current.label, field: 'extends' });
      const parentLabel = files.label(parentPath);
      if (links.some((link) => link.absPath === parentPath)) {
        const cycle = [...links.map((link) => link.label), parentLabel].join(' -> ');
        throw new ScenarioError({
          path: 'extends',
          value: parentRef,
          expected: 'a chain of extends without cycles',
          file: current.label,
          problem: `extends cycle: ${cycle}`,
        });
      }
      current = { label: parentLabel, absPath: parentPath, raw: files.read(parentPath, parentLabel), baseDir: files.dirOf(parentPath) };
    }
    return links.reverse();
  }

  function resolve(leaf: { label: string; absPath: string | null; raw: Record<string, unknown>; baseDir: string; fallbackName: string }, sets: readonly string[]): LoadedScenarioOf<z.output<S>> {
    const overrides = sets.map((text) => parseOverride(text, schema));
    const chain = resolveChain(leaf);
    const leafFields = chain[chain.length - 1]?.fields ?? {};
    // A name names one file: a child that states none is called after its own file, not its parent.
    const inherited = chain.map((link, index) => (index === chain.length - 1 ? link.fields : withoutName(link.fields)));
    const stated = inherited.reduce<unknown>((merged, fields) => deepMerge(merged, fields), {}) as Record<string, unknown>;
    // Defaults of what the files state, taken before any override could make it invalid.
    const defaults = lazy(() => schema.safeParse(structuredClone(stated)));
    applyOverrides(stated, overrides, (segments, nextIsIndex) => {
      // A list, or a mapping whose form is picked by a tag (a distribution), starts from its default, so an
      // override changes one number in it and keeps the rest; other mappings start empty and default field
      // by field, which keeps `stated` to what was said.
      const forms = schemaNodesAt(schema, segments);
      const fromDefault = nextIsIndex || forms.length > 1;
      const parsed = fromDefault ? defaults() : undefined;
      const found = parsed?.success === true ? valueAtPath(parsed.data, segments).value : undefined;
      if (found !== undefined && (isPlainObject(found) || Array.isArray(found))) return structuredClone(found);
      return nextIsIndex ? [] : {};
    });

    const fallbackName = typeof leafFields['name'] === 'string' ? leafFields['name'] : leaf.fallbackName;
    const hasNameField = schemaNodesAt(schema, ['name']).length > 0;
    const input = hasNameField && !Object.hasOwn(stated, 'name') ? { ...stated, name: fallbackName } : stated;
    const result = schema.safeParse(input);
    if (!result.success) {
      throw scenarioErrorFromZod(result.error, {
        input,
        all: true,
        knownKeysAt: (segments) => knownKeysAt(schema, segments as PathSegment[], valueAtPath(input, segments).value),
        fileOf: (segments) => {
          const override = overrideAt(overrides, segments);
          if (override !== undefined) return `--set ${override.text}`;
          const stating = [...chain].reverse().find((link) => valueAtPath(link.fields, segments).found);
          return (stating ?? chain[chain.length - 1])?.label;
        },
      });
    }
    const scenario = result.data;
    const ownName = isPlainObject(scenario) && typeof scenario['name'] === 'string' ? scenario['name'] : fallbackName;
    return { name: ownName, scenario, sha256: sha256Of(scenario), sourcePath: leaf.absPath, stated };
  }

  return {
    load(ref, sets = []) {
      const absPath = files.resolve(ref, { baseDir: files.workingDir(), field: 'scenario' });
      const label = files.label(absPath);
      const raw = files.read(absPath, label);
      const fallbackName = files.baseName(absPath).replace(/\.(ya?ml|json)$/, '');
      return resolve({ label, absPath, raw, baseDir: files.dirOf(absPath), fallbackName }, sets);
    },
    loadObject(raw, source, sets = []) {
      if (!isPlainObject(raw)) {
        throw new ScenarioError({ path: '', value: raw, expected: 'a mapping of scenario fields', file: source.name });
      }
      const baseDir = source.baseDir ?? files.workingDir();
      return resolve({ label: source.name, absPath: null, raw, baseDir, fallbackName: source.name }, sets);
    },
    listBuiltin() {
      return files.listBuiltin();
    },
  };
}

function withoutName(fields: Record<string, unknown>): Record<string, unknown> {
  const { name: _ignored, ...rest } = fields;
  return rest;
}

function lazy<T>(compute: () => T): () => T {
  let cached: { value: T } | undefined;
  return () => (cached ??= { value: compute() }).value;
}
