// The cluster examples are run by people on machines we never see, so the suite checks what can go
// wrong unseen: the shard count drifting from the array size or completions, a broken script, an
// index variable that never expands, a resubmitted shard that names a shard count of 1. The scripts
// are executed with stub `node`/`sbatch` commands that record their arguments, and the recorded
// --shard values go through the real parseShard. scripts/test-cluster.sh runs the Slurm script on a
// real Slurm (npm run test:cluster).
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  const shardsVariable = Number(/^SHARDS=(\d+)$/m.exec(text)?.[1]);
  const command = /^COMMAND=(\S+)$/m.exec(text)?.[1] ?? '';

  it('is valid bash whose SHARDS equals the size of its 0-based contiguous --array range', () => {
    execFileSync('bash', ['-n', slurmScript]);
    expect(arrayMatch).not.toBeNull();
    expect(first).toBe(0);
    expect(size).toBe(32);
    expect(shardsVariable).toBe(size);
  });

  it('names its jobs and logs after the command it runs', () => {
    expect(command).toBe('sensitivity');
    expect(text).toMatch(new RegExp(`^#SBATCH --job-name=thuiszit-${command}$`, 'm'));
    expect(text).toMatch(new RegExp(`^#SBATCH --output=thuiszit-${command}-%A_%a\\.out$`, 'm'));
    expect(text).not.toMatch(/^[^#]*\bnpx\b/m);
  });

  interface Task {
    id: number;
    /** Slurm's values for this submission: the lowest id and the number of ids in its --array. */
    min?: number;
    count?: number;
    restarts?: number;
    args?: string[];
  }

  /** Runs one task as Slurm would, with stub `node` and `sbatch`, in a checkout that has a built CLI. */
  function runTask(task: Task): ReturnType<typeof stubCommands> & { cli: string } {
    const stubs = stubCommands(['node', 'sbatch']);
    const checkout = dirs.make('checkout');
    const cli = path.join(checkout, 'dist', 'bin', 'thuiszit.js');
    mkdirSync(path.dirname(cli), { recursive: true });
    writeFileSync(cli, '');
    execFileSync('bash', [slurmScript, ...(task.args ?? [])], {
      cwd: dirs.make('cwd'),
      env: {
        PATH: `${stubs.bin}:${process.env['PATH'] ?? ''}`,
        SLURM_SUBMIT_DIR: checkout,
        SLURM_ARRAY_TASK_ID: String(task.id),
        SLURM_ARRAY_TASK_MIN: String(task.min ?? first),
        SLURM_ARRAY_TASK_COUNT: String(task.count ?? size),
        SLURM_ARRAY_JOB_ID: '4242',
        SLURM_CPUS_PER_TASK: '3',
        ...(task.restarts === undefined ? {} : { SLURM_RESTART_COUNT: String(task.restarts) }),
      },
    });
    return { ...stubs, cli };
  }

  it('runs the checkout\'s CLI by path on shard id/SHARDS with --resume once and the allocated CPUs, first and last task', () => {
    for (const id of [first, last]) {
      const task = runTask({ id, args: ['--resume'] });
      const nodeArgs = task.argsOf('node') ?? [];
      expect(nodeArgs.slice(0, sensitivityArgs.length)).toEqual([task.cli, ...sensitivityArgs.slice(1)]);
      expect(parseShard(valueAfter(nodeArgs, '--shard') ?? '')).toEqual({ index: id, count: size });
      expect(valueAfter(nodeArgs, '--out')).toBe('results/');
      expect(valueAfter(nodeArgs, '--workers')).toBe('3');
      expect(nodeArgs.filter((arg) => arg === '--resume')).toEqual(['--resume']);
    }
  });

  it('runs shard 7/32 when only task 7 is resubmitted (--array=7: a count of 1), and queues that submission\'s merge', () => {
    const task = runTask({ id: 7, min: 7, count: 1, args: ['--resume'] });
    expect(parseShard(valueAfter(task.argsOf('node') ?? [], '--shard') ?? '')).toEqual({ index: 7, count: size });
    expect(task.argsOf('sbatch')).toContain('--dependency=afterok:4242');
  });

  it('refuses a task outside the shards instead of running a shard that does not exist', () => {
    expect(() => runTask({ id: size, min: size, count: 1 })).toThrow();
  });

  it('queues one merge, by the lowest task, killed if a task fails, with its own time and memory', () => {
    const task = runTask({ id: first });
    const sbatchArgs = task.argsOf('sbatch') ?? [];
    expect(sbatchArgs).toEqual(expect.arrayContaining(['--dependency=afterok:4242', '--kill-on-invalid-dep=yes', `--job-name=thuiszit-${command}-merge`]));
    expect(sbatchArgs.find((arg) => arg.startsWith('--time='))).toMatch(/^--time=\d\d:\d\d:\d\d$/);
    expect(sbatchArgs.find((arg) => arg.startsWith('--mem='))).toMatch(/^--mem=\d+[MG]$/);
    expect(sbatchArgs.find((arg) => arg.startsWith('--output='))).toBe(`--output=thuiszit-${command}-merge-%j.out`);
    expect(valueAfter(sbatchArgs, '--wrap')).toBe(`node ${task.cli} merge results/ --out merged/`);
    expect(runTask({ id: last }).argsOf('sbatch')).toBeNull();
    // Requeued by Slurm (pre-emption, node failure): its merge is already queued.
    expect(runTask({ id: first, restarts: 1 }).argsOf('sbatch')).toBeNull();
  });

  it('passes --report on to the tasks and to the merge', () => {
    const task = runTask({ id: first, args: ['--report'] });
    expect(task.argsOf('node')).toContain('--report');
    expect(valueAfter(task.argsOf('sbatch') ?? [], '--wrap')).toBe(`node ${task.cli} merge results/ --out merged/ --report`);
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
    const stubs = stubCommands(['node']);
    const completions: number = job['spec'].completions;
    const [shell, flag, script] = commandLine;
    expect([shell, flag]).toEqual(['/bin/sh', '-c']);
    // The CPU request reaches the pod as CPUS (resourceFieldRef), and becomes the worker count.
    const cpus = container.env.find((variable: { name: string }) => variable.name === 'CPUS');
    expect(cpus.valueFrom.resourceFieldRef).toMatchObject({ resource: 'requests.cpu', divisor: '1' });
    execFileSync('sh', ['-c', script!], {
      env: { PATH: `${stubs.bin}:${process.env['PATH'] ?? ''}`, JOB_COMPLETION_INDEX: String(completions - 1), CPUS: String(container.resources.requests.cpu) },
    });
    const nodeArgs = stubs.argsOf('node') ?? [];
    expect(nodeArgs.slice(0, sensitivityArgs.length)).toEqual(['/app/dist/bin/thuiszit.js', ...sensitivityArgs.slice(1)]);
    expect(parseShard(valueAfter(nodeArgs, '--shard') ?? '')).toEqual({ index: completions - 1, count: completions });
    expect(valueAfter(nodeArgs, '--workers')).toBe(String(container.resources.requests.cpu));
    expect(nodeArgs).toContain('--resume');
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
    expect(mergeContainer.command.slice(0, 4)).toEqual(['node', '/app/dist/bin/thuiszit.js', 'merge', outDir]);
  });
});
