// Command-line overrides: `--set care.ggz.capacity=12`. The path is checked against the schema before it is
// applied, so a typo is reported as the typo it is rather than as an unknown key in some file.
import YAML from 'yaml';
import type { z } from 'zod';
import { formatDotPath, isPlainObject, parseDotPath, pathsOverlap } from './dot-path.js';
import type { PathSegment } from './dot-path.js';
import { ScenarioError } from './errors.js';
import { knownKeysAt, knownPrefixLength, schemaNodesAt } from './schema-walk.js';

export interface Override {
  /** The text as given, for messages: 'care.ggz.capacity=12'. */
  readonly text: string;
  readonly segments: readonly PathSegment[];
  readonly value: unknown;
}

/** The value is read as YAML, so 12 is a number, true a boolean, and anything else a string. */
function parseValue(text: string): unknown {
  try {
    return YAML.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function parseOverride(text: string, schema: z.ZodType): Override {
  const equals = text.indexOf('=');
  const pathText = equals < 0 ? text : text.slice(0, equals).trim();
  const segments = parseDotPath(pathText);
  if (equals < 0 || pathText === '' || segments.some((segment) => segment === '')) {
    throw new ScenarioError({ path: `--set ${text}`, value: text, expected: 'path=value, for example care.ggz.capacity=12' });
  }
  const value = parseValue(text.slice(equals + 1).trim());
  if (schemaNodesAt(schema, segments).length === 0) {
    const known = knownPrefixLength(schema, segments);
    const parent = segments.slice(0, known);
    const keys = knownKeysAt(schema, parent);
    const where = known === 0 ? 'at the top level' : `under ${formatDotPath(parent)}`;
    const hint = keys.length > 0 ? `; keys ${where}: ${keys.join(', ')}` : '';
    throw new ScenarioError({
      path: `--set ${pathText}`,
      value,
      expected: 'a path that exists in the scenario schema',
      problem: `unknown path '${pathText}' ('${String(segments[known])}' is not a field ${where})${hint}`,
    });
  }
  return { text, segments, value };
}

/**
 * Writes each override into `target` (changed in place). `fill` supplies a container where the path
 * passes through a field nobody stated.
 */
export function applyOverrides(
  target: Record<string, unknown>,
  overrides: readonly Override[],
  fill: (segments: readonly PathSegment[], nextIsIndex: boolean) => Record<string, unknown> | unknown[],
): void {
  for (const override of overrides) {
    let container: Record<string | number, unknown> = target;
    override.segments.forEach((segment, depth) => {
      if (Array.isArray(container)) checkListIndex(override, depth, container.length);
      const key = Array.isArray(container) ? Number(segment) : String(segment);
      if (depth === override.segments.length - 1) {
        container[key] = structuredClone(override.value);
        return;
      }
      const nextIsIndex = typeof override.segments[depth + 1] === 'number';
      const existing = container[key];
      const usable = isPlainObject(existing) || (nextIsIndex && Array.isArray(existing));
      const next = usable ? existing : fill(override.segments.slice(0, depth + 1), nextIsIndex);
      container[key] = next;
      container = next as Record<string | number, unknown>;
    });
  }
}

/**
 * A list index must name an item of the list or the place just after it (which adds one). Anything
 * further would leave holes that the schema then blames on the scenario file, and an index of 2^32 or
 * more is no index at all to JavaScript: it would be stored as a stray property and silently ignored.
 */
function checkListIndex(override: Override, depth: number, length: number): void {
  const index = override.segments[depth];
  if (typeof index === 'number' && index <= length) return;
  const listPath = formatDotPath(override.segments.slice(0, depth));
  throw new ScenarioError({
    path: `--set ${override.text}`,
    value: index,
    expected: `an index of ${listPath} from 0 to ${length} (the list has ${length} item${length === 1 ? '' : 's'}; ${length} adds one)`,
  });
}

/**
 * The override to blame for a problem at `segments`: the last one that wrote there or above it, or below
 * it when the problem sits on a field the override changed part of. A problem on the whole scenario ('')
 * is not pinned on any override.
 */
export function overrideAt(overrides: readonly Override[], segments: readonly PropertyKey[]): Override | undefined {
  if (segments.length === 0) return undefined;
  return [...overrides].reverse().find((override) => pathsOverlap(override.segments, segments));
}
