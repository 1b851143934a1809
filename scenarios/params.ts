// The numeric parameters of a domain scenario, each with the source of its default.
import { numericLeaves, numericParam, provenanceWithFallback, withNumericParams } from './numeric-leaves.js';
import { provenanceOf } from './provenance.js';
import { scenarioSchema } from './schema.js';
import type { Scenario } from './schema.js';

export interface ParamInfo {
  path: string;
  value: number;
  provenance: string;
}

/** Said plainly rather than left blank, so a report shows which numbers still lack a source. */
const NO_PROVENANCE = 'no provenance recorded';

/** The recorded source of the default at a path, or of the nearest field around it; undefined when none. */
export function numericParamProvenance(path: string): string | undefined {
  return provenanceWithFallback(path, provenanceOf);
}

export function listParams(scenario: Scenario): ParamInfo[] {
  return numericLeaves(scenario).map(({ path, value }) => ({
    path,
    value,
    provenance: numericParamProvenance(path) ?? NO_PROVENANCE,
  }));
}

export function getParam(scenario: Scenario, path: string): number {
  return numericParam(scenario, path);
}

export function withParams(scenario: Scenario, values: Readonly<Record<string, number>>): Scenario {
  return withNumericParams(scenarioSchema, scenario, values);
}
