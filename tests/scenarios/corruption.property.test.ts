// Property: whatever single thing goes wrong in a valid scenario, loading rejects it with a message that
// points at the place. Each corruption is chosen to be invalid for sure, using the schema's structure: a
// string where only a number fits, a negative where the schema sets a lower bound >= 0, null where null
// is not allowed, an unknown key in a strict mapping, a bogus word where only fixed words fit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDotPath, isPlainObject } from '../../scenarios/dot-path.js';
import type { PathSegment } from '../../scenarios/dot-path.js';
import { ScenarioError } from '../../scenarios/errors.js';
import { listBuiltinScenarios, loadScenario, loadScenarioObject } from '../../scenarios/load.js';
import { schemaNodesAt } from '../../scenarios/schema-walk.js';
import type { SchemaNode } from '../../scenarios/schema-walk.js';
import { scenarioSchema } from '../../scenarios/schema.js';

interface Corruption {
  readonly kind: string;
  readonly segments: readonly PathSegment[];
  readonly value: unknown;
  /** The path the message must name. */
  readonly expectedPath: string;
}

function leaves(root: unknown, segments: PathSegment[] = []): { segments: PathSegment[]; value: unknown }[] {
  if (Array.isArray(root)) return root.flatMap((item, index) => leaves(item, [...segments, index]));
  if (isPlainObject(root)) {
    return [{ segments, value: root }, ...Object.entries(root).flatMap(([key, item]) => leaves(item, [...segments, key]))];
  }
  return [{ segments, value: root }];
}

const only = (nodes: readonly SchemaNode[], types: readonly string[]) => nodes.length > 0 && nodes.every((node) => types.includes(node._zod.def.type));

function hasNonNegativeBound(node: SchemaNode): boolean {
  const checks = (node._zod.def['checks'] ?? []) as { _zod: { def: { check: string; value: unknown } } }[];
  return checks.some((check) => check._zod.def.check === 'greater_than' && typeof check._zod.def.value === 'number' && check._zod.def.value >= 0);
}

function isStrictObject(node: SchemaNode): boolean {
  const catchall = node._zod.def['catchall'] as SchemaNode | undefined;
  return node._zod.def.type === 'object' && catchall?._zod.def.type === 'never';
}

/** Every corruption of `root` that the schema must reject. */
function corruptionsOf(root: unknown): Corruption[] {
  const found: Corruption[] = [];
  for (const { segments, value } of leaves(root)) {
    const nodes = schemaNodesAt(scenarioSchema, segments);
    const path = formatDotPath(segments);
    if (typeof value === 'number' && only(nodes, ['number'])) {
      found.push({ kind: 'string for number', segments, value: 'not-a-number', expectedPath: path });
      found.push({ kind: 'null for number', segments, value: null, expectedPath: path });
      if (nodes.every(hasNonNegativeBound)) found.push({ kind: 'negative', segments, value: -1 - Math.abs(value), expectedPath: path });
    } else if (typeof value === 'string' && only(nodes, ['enum', 'literal'])) {
      found.push({ kind: 'bogus word', segments, value: 'bogus-word', expectedPath: path });
    } else if (isPlainObject(value) && nodes.length > 0 && nodes.every(isStrictObject)) {
      const keyPath = [...segments, 'unknownKey'];
      found.push({ kind: 'unknown key', segments: keyPath, value: 1, expectedPath: formatDotPath(keyPath) });
    }
  }
  return found;
}

function applied(root: unknown, corruption: Corruption): Record<string, unknown> {
  const copy = structuredClone(root) as Record<string, unknown>;
  let container: Record<string | number, unknown> = copy;
  corruption.segments.slice(0, -1).forEach((segment) => {
    container = container[segment] as Record<string | number, unknown>;
  });
  container[corruption.segments[corruption.segments.length - 1] as PathSegment] = corruption.value;
  return copy;
}

// Sources: the fully resolved defaults and baseline (so fields the files leave to the defaults are
// corrupted too), and what every built-in file chain states. The resolved forms of the other built-ins
// share the defaults' structure, so they would add run time, not cases.
const sources = [
  { label: 'defaults resolved', raw: loadScenarioObject({}, { name: 'defaults' }).scenario as unknown, runs: 200 },
  { label: 'baseline resolved', raw: loadScenario('baseline').scenario as unknown, runs: 200 },
  ...listBuiltinScenarios().map((name) => ({ label: `${name} stated`, raw: loadScenario(name).stated, runs: 60 })),
];

describe('a corrupted scenario is rejected at the corrupted place', () => {
  it.each(sources)('$label', ({ raw, runs }) => {
    const corruptions = corruptionsOf(raw);
    expect(corruptions.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...corruptions), (corruption) => {
        let error: unknown;
        try {
          loadScenarioObject(applied(raw, corruption), { name: 'corrupted' });
        } catch (caught) {
          error = caught;
        }
        expect(error, `${corruption.kind} at ${corruption.expectedPath} was accepted`).toBeInstanceOf(ScenarioError);
        expect((error as ScenarioError).message).toContain(`${corruption.expectedPath}:`);
      }),
      { numRuns: runs, seed: 20240611 },
    );
  });

  it('has corruptions of every kind on the resolved defaults', () => {
    const kinds = new Set(corruptionsOf(sources[0]?.raw).map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['bogus word', 'negative', 'null for number', 'string for number', 'unknown key']);
  });
});
