// What the per-year outputs cost beside the simulation: the zod check of stored results and the per-year
// aggregation (summaries, paired years, cumulative costs), per result of an 8-year baseline projection.
// Run after `npm run build`: node tests/analysis/measure-per-year-outputs.mjs
import { performance } from 'node:perf_hooks';
import { loadScenario } from '../../dist/scenarios/load.js';
import { runReplication } from '../../dist/sim/model/replication.js';
import { checkReplicationResults } from '../../dist/analysis/scenario-runs/check-results.js';
import { planScenarioRuns } from '../../dist/analysis/scenario-runs/plan.js';
import { compareScenarios } from '../../dist/analysis/scenario-runs/compare-outputs.js';
const loaded = loadScenario('baseline', ['measuredYears=8']);
const reps = 4;
let t = performance.now();
const outputs = Array.from({ length: reps }, (_, r) => JSON.parse(JSON.stringify(runReplication(loaded.scenario, 1, r))));
const simMs = (performance.now() - t) / reps;
const plan = planScenarioRuns('run', [loaded], { seed: 1, replications: reps * 25, episodes: false });
const results = Array.from({ length: reps * 25 }, (_, i) => outputs[i % reps]);
t = performance.now();
checkReplicationResults(plan, results, 'measure');
const checkMs = (performance.now() - t) / results.length;
t = performance.now();
compareScenarios(plan.options, results);
const aggMs = (performance.now() - t) / results.length;
console.log(`8 measured years: simulate ${simMs.toFixed(0)} ms/replication; check ${checkMs.toFixed(2)} ms/result; aggregate (per-year, costs) ${aggMs.toFixed(2)} ms/result`);
