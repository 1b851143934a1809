// Sets values of any kind (numbers, switches, choices, whole blocks) at dot paths of a resolved
// scenario and validates the result by the schema. The decomposition builds every coalition of a
// package's changes this way, and sensitivity sets its categorical parameters with it.
import { isPlainObject, parseDotPath, valueAtPath, type PathSegment } from '../../scenarios/dot-path.js';
import { ScenarioError, scenarioErrorFromZod } from '../../scenarios/errors.js';
import { knownKeysAt } from '../../scenarios/schema-walk.js';
import { scenarioSchema, type Scenario } from '../../scenarios/schema.js';

/** A value at a path, or its absence (an optional field one scenario states and the other does not). */
export interface PathValue {
  path: string;
  found: boolean;
  value: unknown;
}

/** A copy with the given paths set (or removed where found is false), validated again by the schema. */
export function withValues(scenario: Scenario, values: readonly PathValue[]): Scenario {
  const copy: unknown = structuredClone(scenario);
  for (const entry of values) {
    const segments = parseDotPath(entry.path);
    const parent = valueAtPath(copy, segments.slice(0, -1));
    const key = segments[segments.length - 1] as PathSegment;
    if (!parent.found || !(isPlainObject(parent.value) || Array.isArray(parent.value))) {
      throw new ScenarioError({ path: entry.path, value: entry.value, expected: 'a path inside the scenario', problem: `no field holds '${entry.path}'` });
    }
    const container = parent.value as Record<string | number, unknown>;
    if (entry.found) container[key] = structuredClone(entry.value);
    else delete container[key];
  }
  const result = scenarioSchema.safeParse(copy);
  if (!result.success) {
    throw scenarioErrorFromZod(result.error, {
      input: copy,
      all: true,
      knownKeysAt: (segments) => knownKeysAt(scenarioSchema, segments as PathSegment[], valueAtPath(copy, segments).value),
    });
  }
  return result.data;
}
