// The numeric parameters of a scenario, by dot path: what `thuiszit params` lists and what sensitivity
// and calibration runs vary. Generic over the schema so it is tested on small schemas; params.ts binds it
// to the domain schema and its provenance table.
import type { z } from 'zod';
import { compareDotPaths, formatDotPath, isPlainObject, parseDotPath, valueAtPath } from './dot-path.js';
import type { PathSegment } from './dot-path.js';
import { ScenarioError, scenarioErrorFromZod } from './errors.js';
import { isIntegerAt, knownKeysAt } from './schema-walk.js';

export interface NumericLeaf {
  readonly path: string;
  readonly value: number;
}

/** Every number in the value, lists included (indices become path segments), sorted by path. */
export function numericLeaves(root: unknown): NumericLeaf[] {
  const leaves: NumericLeaf[] = [];
  const visit = (value: unknown, segments: PathSegment[]): void => {
    if (typeof value === 'number') {
      leaves.push({ path: formatDotPath(segments), value });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...segments, index]));
    } else if (isPlainObject(value)) {
      for (const [key, item] of Object.entries(value)) visit(item, [...segments, key]);
    }
  };
  visit(root, []);
  return leaves.sort((a, b) => compareDotPaths(a.path, b.path));
}

/** The path, then forms with list indices replaced by '*', fewest replaced first. */
function wildcardForms(segments: readonly PathSegment[]): string[] {
  const indices = segments.flatMap((segment, position) => (typeof segment === 'number' ? [position] : []));
  const masks = Array.from({ length: 2 ** indices.length }, (_, mask) => mask);
  const ones = (mask: number) => indices.filter((_, bit) => (mask >> bit) & 1).length;
  masks.sort((a, b) => ones(a) - ones(b) || a - b);
  return masks.map((mask) => {
    const form: PathSegment[] = [...segments];
    indices.forEach((position, bit) => {
      if ((mask >> bit) & 1) form[position] = '*';
    });
    return formatDotPath(form);
  });
}

/**
 * Provenance of a path: its own entry, else an entry with list indices as '*' ('points.*.1'), else the
 * nearest enclosing field's (a distribution's source covers its parameters). Undefined when none has one.
 */
export function provenanceWithFallback(path: string, lookup: (path: string) => string | undefined): string | undefined {
  const segments = parseDotPath(path);
  for (let length = segments.length; length > 0; length--) {
    for (const form of wildcardForms(segments.slice(0, length))) {
      const found = lookup(form);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

export function numericParam(root: unknown, path: string): number {
  const found = valueAtPath(root, parseDotPath(path));
  if (!found.found) {
    throw new ScenarioError({ path, value: undefined, expected: 'the path of a numeric parameter (see `thuiszit params`)', problem: `unknown parameter path '${path}'` });
  }
  if (typeof found.value !== 'number') {
    throw new ScenarioError({ path, value: found.value, expected: 'the path of a numeric parameter, not of a field holding something else' });
  }
  return found.value;
}

/** A copy with the given numeric parameters replaced, validated again by the schema. */
export function withNumericParams<S extends z.ZodType>(schema: S, root: z.output<S>, values: Readonly<Record<string, number>>): z.output<S> {
  const copy: unknown = structuredClone(root);
  for (const [path, value] of Object.entries(values)) {
    const segments = parseDotPath(path);
    numericParam(copy, path);
    if (typeof value !== 'number') {
      throw new ScenarioError({ path, value, expected: 'a number' });
    }
    const parent = valueAtPath(copy, segments.slice(0, -1)).value as Record<string, unknown> | unknown[];
    // Sensitivity and calibration designs move parameters continuously; a whole-number parameter
    // (slots, meetings) takes the nearest whole value instead of failing validation.
    const settled = isIntegerAt(schema, segments) ? Math.round(value) : value;
    (parent as Record<string | number, unknown>)[segments[segments.length - 1] as PathSegment] = settled;
  }
  const result = schema.safeParse(copy);
  if (!result.success) {
    throw scenarioErrorFromZod(result.error, {
      input: copy,
      all: true,
      knownKeysAt: (segments) => knownKeysAt(schema, segments as PathSegment[], valueAtPath(copy, segments).value),
    });
  }
  return result.data;
}
