// The CLI as a shell user meets it (issue 12, "The shell"): -h is --help, every positional and option
// is described without its columns running together, a mistake inside a command points to that
// command's help, merge takes --quiet like every command that runs work, and the default worker count
// follows the CPUs the process may use.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli, temporaryDir } from './helpers.js';

const COMMANDS = ['run', 'compare', 'report', 'sensitivity', 'calibrate', 'merge', 'validate', 'params', 'schema'];

describe('help', () => {
  it.each([[[] as string[]], [['run']], [['merge']]])('-h is --help for %j', (command) => {
    const short = runCli([...command, '-h']);
    expect(short.status, short.stderr).toBe(0);
    expect(short.stdout).toBe(runCli([...command, '--help']).stdout);
    expect(short.stdout).toMatch(/Show help/);
  });

  it('describes each positional argument, and merge\'s <dirs> has no default', () => {
    for (const [command, positional] of [['merge', 'dirs'], ['validate', 'file'], ['report', 'dir']] as const) {
      const help = runCli([command, '--help']).stdout;
      expect(help, command).toMatch(new RegExp(`Positionals:\\n  ${positional}  \\w+`));
    }
    expect(runCli(['merge', '--help']).stdout).not.toMatch(/\[default: \[\]\]/);
  });

  it('says the accepted range of --replications', () => {
    expect(runCli(['run', '--help']).stdout).toMatch(/--replications .*a whole number from\s+1 to 100,000/s);
    expect(runCli(['calibrate', '--help']).stdout).toMatch(/--replications .*a whole number from\s+2 to\s+10,000/s);
  });

  it('never runs a description into its type column', () => {
    // The reference holds every command's help at the fixed width it is generated with.
    const reference = readFileSync(path.join(root, 'docs', 'CLI.md'), 'utf8');
    for (const command of COMMANDS) expect(reference).toContain(`## thuiszit ${command}`);
    expect(reference).not.toMatch(/\S\[(number|string|boolean|array)\]/);
  });
});

describe('mistakes inside a command', () => {
  it.each([['run', '--scenario', 'baseline', '--out', 'x', '--replicatoins', '2'], ['merge', 'x', '--out', 'y', '--nope']])('point to that command\'s help: %j', (...args) => {
    const result = runCli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`run \`thuiszit ${args[0]} --help\` for its options`);
  });
});

describe('same options on every command that runs work', () => {
  it('merge takes --quiet', () => {
    const dir = temporaryDir('merge-quiet');
    const shard = runCli(['run', '--scenario', 'baseline', '--replications', '1', '--workers', '1', '--quiet', '--shard', '0/1', '--out', dir]);
    expect(shard.status, shard.stderr).toBe(0);
    const merged = runCli(['merge', dir, '--quiet', '--out', path.join(dir, 'merged')]);
    expect(merged.status, merged.stderr).toBe(0);
  });

  it('every such command lists --workers, --quiet, --shard and --resume', () => {
    for (const command of ['run', 'compare', 'sensitivity', 'calibrate']) {
      const help = runCli([command, '--help']).stdout;
      for (const option of ['--workers', '--quiet', '--shard', '--resume']) expect(help, `${command} ${option}`).toContain(option);
    }
  });

  it('the default worker count is the CPUs the process may use (taskset to one CPU gives 1)', () => {
    const module = path.join(root, 'dist', 'analysis', 'commands', 'option-checks.js');
    const script = `import(${JSON.stringify(module)}).then((m) => process.stdout.write(String(m.defaultWorkers())))`;
    const result = spawnSync('taskset', ['-c', '0', process.execPath, '-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('1');
  });
});
