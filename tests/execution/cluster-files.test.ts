// The cluster examples are run by people on machines we never see, so the suite checks what can go
// wrong unseen: the shard count drifting from the array size or completions, a broken script, an
// index variable that never expands. The scripts are executed with stub `npx`/`sbatch` commands
// that record their arguments, and the recorded --shard values go through the real parseShard.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { parseShard } from '../../analysis/execution/shard.js';
import { temporaryDirectories } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const slurmScript = path.join(root, 'examples', 'cluster', 'slurm-array.sh');
const indexedJobFile = path.join(root, 'examples', 'cluster', 'k8s-indexed-job.yaml');
const mergeJobFile = path.join(root, 'examples', 'cluster', 'k8s-merge-job.yaml');
const sensitivityArgs = ['thuiszit', 'sensitivity', '--scenario', 'baseline', '--param', 'care.ggz.capacity=2:8', '--method', 'sobol', '--samples', '256'];

const dirs = temporaryDirectories();
afterEach(() => dirs.removeAll());

/** A directory of stub commands, each writing its arguments (one per line) to <log>/<name>.args. */
function stubCommands(names: readonly string[]): { bin: string; log: string; argsOf(name: string): string[] | null } {
  const bin = dirs.make('bin');
  const log = dirs.make('log');
  for (const name of names) {
    const file = path.join(bin, name);
    writeFileSync(file, `#!/bin/sh\nprintf '%s\\n' "$@" > "${path.join(log, `${name}.args`)}"\n`);
    chmodSync(file, 0o755);
  }
  return {
    bin,
    log,
    argsOf(name: string): string[] | null {
      const file = path.join(log, `${name}.args`);
      return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(0, -1) : null;
    },
  };
}

function valueAfter(args: readonly string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at < 0 ? undefined : args[at + 1];
}

describe('examples/cluster/slurm-array.sh', () => {
  const text = readFileSync(slurmScript, 'utf8');
  const arrayMatch = /^#SBATCH --array=(\d+)-(\d+)(?:%\d+)?$/m.exec(text);
  const first = Number(arrayMatch?.[1]);
  const last = Number(arrayMatch?.[2]);
  const size = last - first + 1;

  it('is valid bash with a 0-based contiguous --array range', () => {
    execFileSync('bash', ['-n', slurmScript]);
    expect(arrayMatch).not.toBeNull();
    expect(first).toBe(0);
    expect(size).toBe(32);
  });

  // Slurm sets SLURM_ARRAY_TASK_COUNT to the number of tasks in the --array range.
  function runTask(taskId: number): ReturnType<typeof stubCommands> {
    const stubs = stubCommands(['npx', 'sbatch']);
    execFileSync('bash', [slurmScript], {
      cwd: dirs.make('cwd'),
      env: {
        PATH: `${stubs.bin}:${process.env['PATH'] ?? ''}`,
        SLURM_ARRAY_TASK_ID: String(taskId),
        SLURM_ARRAY_TASK_MIN: String(first),
        SLURM_ARRAY_TASK_COUNT: String(size),
        SLURM_ARRAY_JOB_ID: '4242',
      },
    });
    return stubs;
  }

  it('passes a shard whose count equals the --array range size, for the first and last task', () => {
    for (const taskId of [first, last]) {
      const npxArgs = runTask(taskId).argsOf('npx');
      expect(npxArgs?.slice(0, sensitivityArgs.length)).toEqual(sensitivityArgs);
      const shard = parseShard(valueAfter(npxArgs ?? [], '--shard') ?? '');
      expect(shard).toEqual({ index: taskId, count: size });
      expect(valueAfter(npxArgs ?? [], '--out')).toBe('results/');
    }
  });

  it('queues one merge of the same results directory after the whole array succeeds', () => {
    const sbatchArgs = runTask(first).argsOf('sbatch');
    expect(sbatchArgs).toContain('--dependency=afterok:4242');
    expect(valueAfter(sbatchArgs ?? [], '--wrap')).toBe('npx thuiszit merge results/ --out merged/');
    expect(runTask(last).argsOf('sbatch')).toBeNull();
  });
});

describe('examples/cluster/k8s-indexed-job.yaml', () => {
  const documents = parseAllDocuments(readFileSync(indexedJobFile, 'utf8')).map((document) => document.toJS() as Record<string, any>);
  const job = documents.find((document) => document['kind'] === 'Job')!;
  const claim = documents.find((document) => document['kind'] === 'PersistentVolumeClaim')!;
  const container = job['spec'].template.spec.containers[0];
  const commandLine: string[] = [...container.command, ...container.args];

  it('is an Indexed Job whose --shard uses JOB_COMPLETION_INDEX and the completions count', () => {
    expect(job['spec'].completionMode).toBe('Indexed');
    const completions: number = job['spec'].completions;
    expect(job['spec'].parallelism).toBeLessThanOrEqual(completions);
    const shardMatch = /--shard "\$JOB_COMPLETION_INDEX\/(\d+)"/.exec(commandLine.join(' '));
    expect(shardMatch).not.toBeNull();
    expect(Number(shardMatch?.[1])).toBe(completions);
  });

  it('expands the index in its shell command to a shard parseShard accepts, for the last index', () => {
    const stubs = stubCommands(['npx']);
    const completions: number = job['spec'].completions;
    const [shell, flag, script] = commandLine;
    expect([shell, flag]).toEqual(['/bin/sh', '-c']);
    execFileSync('sh', ['-c', script!], {
      env: { PATH: `${stubs.bin}:${process.env['PATH'] ?? ''}`, JOB_COMPLETION_INDEX: String(completions - 1) },
    });
    const npxArgs = stubs.argsOf('npx') ?? [];
    expect(npxArgs.slice(0, sensitivityArgs.length)).toEqual(sensitivityArgs);
    expect(parseShard(valueAfter(npxArgs, '--shard') ?? '')).toEqual({ index: completions - 1, count: completions });
  });

  it('writes to a shared ReadWriteMany volume that the merge job reads', () => {
    expect(claim['spec'].accessModes).toContain('ReadWriteMany');
    const volume = job['spec'].template.spec.volumes[0];
    expect(volume.persistentVolumeClaim.claimName).toBe(claim['metadata'].name);
    const mountPath: string = container.volumeMounts[0].mountPath;
    const outDir = /--out (\S+)/.exec(commandLine.join(' '))?.[1] ?? '';
    expect(outDir.startsWith(`${mountPath}/`)).toBe(true);

    const merge = parseAllDocuments(readFileSync(mergeJobFile, 'utf8'))[0]!.toJS() as Record<string, any>;
    const mergeContainer = merge['spec'].template.spec.containers[0];
    expect(merge['spec'].template.spec.volumes[0].persistentVolumeClaim.claimName).toBe(claim['metadata'].name);
    expect(mergeContainer.volumeMounts[0].mountPath).toBe(mountPath);
    expect(mergeContainer.command.slice(0, 4)).toEqual(['npx', 'thuiszit', 'merge', outDir]);
  });
});
