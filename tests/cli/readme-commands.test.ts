// The README's command table runs, in order, as a newcomer would type it: only the sizes shrink
// (replications, samples, evaluations) and out/ lives in a temporary folder. A renamed option or a
// changed output would otherwise leave the README quietly wrong.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, temporaryDir } from './helpers.js';
import { runCliAsync } from './refusal.js';

const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

/** The `thuiszit ...` commands of the README's command table, in order. */
function tableCommands(): string[] {
  return [...readme.matchAll(/^\| `thuiszit ([^`]+)` \|/gm)].map((m) => m[1]!.replace(/[[\]]/g, ''));
}

/** The example scenario file the README shows (the yaml block naming my-region). */
function exampleScenario(): string {
  const block = /```yaml\n([\s\S]*?name: my-region[\s\S]*?)```/.exec(readme);
  if (block === null) throw new Error('README has no yaml example naming my-region');
  return block[1]!;
}

function shrink(command: string, work: string): string[] {
  const small = command
    .replace(/--replications \d+/, '--replications 2')
    .replace(/--samples \d+/, '--samples 4')
    .replace(/\bout\//g, `${work}/out/`)
    .replace(/\bmy-region\.yaml\b/, `${work}/my-region.yaml`);
  const extra = command.startsWith('calibrate') ? ['--max-evaluations', '6', '--replications', '2'] : [];
  return [...small.split(/\s+/), ...extra, ...(/^(run|compare|sensitivity|decompose)\b/.test(command) ? ['--quiet'] : [])];
}

describe('README commands', () => {
  // Every command of the table in turn, each a fresh process: longer than one command's test.
  it('every command in the table runs and writes what the table says', async () => {
    const commands = tableCommands();
    expect(commands.length).toBeGreaterThanOrEqual(10);
    const work = temporaryDir('readme');
    mkdirSync(path.join(work, 'out'), { recursive: true });
    writeFileSync(path.join(work, 'my-region.yaml'), exampleScenario());
    for (const command of commands) {
      const shard = /--shard (\d+)\/(\d+)/.exec(command);
      const variants = shard === null
        ? [command]
        : Array.from({ length: Number(shard[2]) }, (_, i) => command.replace(shard[0], `--shard ${i}/${shard[2]}`));
      for (const variant of variants) {
        const result = await runCliAsync(shrink(variant, work));
        expect(result.status, `thuiszit ${variant}\n${result.stderr}`).toBe(0);
      }
    }
    const out = (name: string) => path.join(work, 'out', name);
    for (const file of ['summary.json', 'replications.csv', 'weekly.csv', 'manifest.json']) expect(existsSync(path.join(out('base'), file))).toBe(true);
    for (const file of ['comparison.json', 'comparison.csv', 'report.html']) expect(existsSync(path.join(out('cmp'), file))).toBe(true);
    for (const file of ['sensitivity.json', 'sensitivity.csv', 'points.csv', 'report.html']) expect(existsSync(path.join(out('sens'), file))).toBe(true);
    for (const file of ['calibration.json', 'fit.csv', 'history.csv', 'report.html', 'baseline-calibrated.yaml']) expect(existsSync(path.join(out('cal'), file))).toBe(true);
    for (const file of ['comparison.json', 'comparison.csv']) expect(existsSync(path.join(out('merged'), file))).toBe(true);
    for (const file of ['decomposition.json', 'decomposition.csv', 'coalitions.csv']) expect(existsSync(path.join(out('dec'), file))).toBe(true);
    for (const file of ['sensitivity.json', 'points.csv']) expect(existsSync(path.join(out('sens-choices'), file))).toBe(true);
  }, 300_000);
});
