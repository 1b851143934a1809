// Checks that span several fields, which per-field ranges cannot express: a sector with pupils but no
// school to put them in, and a scenario too large to simulate in bounded memory. (Category weights
// that are all zero are refused by their own schema.) Run by the schema as one refinement, so a
// problem is reported like any other field's, naming the file or --set that stated it.
import type { z } from 'zod';
import { workloadProblem, type WorkloadInput } from './workload.js';

/** What these checks read; structural, so schema.ts can use them without an import cycle. */
export interface ConsistencyInput extends WorkloadInput {
  region: WorkloadInput['region'] & { schools: Readonly<Record<string, number>> };
}

export function checkConsistency(scenario: ConsistencyInput, ctx: z.RefinementCtx): void {
  for (const [sector, pupils] of Object.entries(scenario.region.pupils)) {
    if (pupils > 0 && scenario.region.schools[sector] === 0) {
      ctx.addIssue({ code: 'custom', path: ['region', 'schools', sector], message: `expected at least 1 school, as region.pupils.${sector} is ${pupils}, got 0` });
    }
  }
  const workload = workloadProblem(scenario);
  if (workload !== undefined) ctx.addIssue({ code: 'custom', path: [...workload.path], message: workload.message });
}
