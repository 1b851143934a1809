// Measurement, not a test: wall time of the CPU-bound LCG fixture on 1 and 2 workers, and the
// speed-up. Needs the compiled tree: `npx tsc -p tsconfig.json && node tests/execution/measure-speedup.mjs [items] [iterations]`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { executeItems } from '../../dist/analysis/execution/pool.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const taskModule = path.join(here, '..', 'fixtures', 'tasks', 'lcg.mjs');
const itemCount = Number(process.argv[2] ?? 16);
const iterations = Number(process.argv[3] ?? 20_000_000);
const items = Array.from({ length: itemCount }, (_, k) => ({ id: `lcg-${k}`, input: { seed: k + 1, iterations } }));

const timings = new Map();
const outputs = new Map();
for (const workers of [1, 2, 1, 2]) {
  const started = performance.now();
  const results = await executeItems(items, { workers, taskModule });
  const seconds = (performance.now() - started) / 1000;
  timings.set(workers, Math.min(timings.get(workers) ?? Infinity, seconds));
  outputs.set(workers, JSON.stringify(results));
}
const identical = outputs.get(1) === outputs.get(2);
process.stdout.write(
  `${itemCount} items x ${iterations} LCG steps (best of 2)\n` +
    `workers=1: ${timings.get(1).toFixed(2)} s\nworkers=2: ${timings.get(2).toFixed(2)} s\n` +
    `speed-up: ${(timings.get(1) / timings.get(2)).toFixed(2)}x; results identical: ${identical}\n`,
);
