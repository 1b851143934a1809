// Checks that span several fields, which per-field ranges cannot express: category weights that are
// all zero (every draw would fall to the last category), a sector with pupils but no school to put
// them in, and a scenario too large to simulate in bounded memory. Run by the schema as one refinement,
// so a problem is reported like any other field's, naming the file or --set that stated it.
import type { z } from 'zod';
import { workloadProblem, type WorkloadInput } from './workload.js';

/** What these checks read; structural, so schema.ts can use them without an import cycle. */
export interface ConsistencyInput extends WorkloadInput {
  region: WorkloadInput['region'] & { schools: Readonly<Record<string, number>> };
  needs: { complexity: Readonly<Record<string, number>>; careType: Readonly<Record<string, number>> };
  pathway: { impasseCause: Readonly<Record<string, number>> };
}

function weightGroups(scenario: ConsistencyInput): { path: string[]; weights: Readonly<Record<string, number>> }[] {
  return [
    { path: ['needs', 'complexity'], weights: scenario.needs.complexity },
    { path: ['needs', 'careType'], weights: scenario.needs.careType },
    { path: ['pathway', 'impasseCause'], weights: scenario.pathway.impasseCause },
  ];
}

export function checkConsistency(scenario: ConsistencyInput, ctx: z.RefinementCtx): void {
  for (const { path, weights } of weightGroups(scenario)) {
    if (Object.values(weights).every((weight) => weight === 0)) {
      ctx.addIssue({ code: 'custom', path, message: `expected weights of which at least one is above 0 (a case draws a category in proportion to them)` });
    }
  }
  for (const [sector, pupils] of Object.entries(scenario.region.pupils)) {
    if (pupils > 0 && scenario.region.schools[sector] === 0) {
      ctx.addIssue({ code: 'custom', path: ['region', 'schools', sector], message: `expected at least 1 school, as region.pupils.${sector} is ${pupils}, got 0` });
    }
  }
  const workload = workloadProblem(scenario);
  if (workload !== undefined) ctx.addIssue({ code: 'custom', path: [...workload.path], message: workload.message });
}
