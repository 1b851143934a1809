// The versions of a scenario over its run (scenarios/timeline.ts), computed once per scenario object and
// shared by its replications. The schema has already checked the timeline, so a problem here is a bug.
import type { Scenario } from '../../scenarios/schema.js';
import { scenarioFieldsSchema } from '../../scenarios/schema.js';
import type { ScenarioVersion } from '../../scenarios/timeline.js';
import { timelineVersions } from '../../scenarios/timeline.js';

const cache = new WeakMap<Scenario, ScenarioVersion<Scenario>[]>();

export function scenarioVersions(scenario: Scenario): ScenarioVersion<Scenario>[] {
  const cached = cache.get(scenario);
  if (cached !== undefined) return cached;
  const { versions, problems } = timelineVersions(scenario, scenarioFieldsSchema);
  if (problems.length > 0) {
    const first = problems[0] as (typeof problems)[number];
    throw new Error(`timeline.${first.entry}.${first.path}: ${first.message}`);
  }
  cache.set(scenario, versions);
  return versions;
}
