// docs/CLI.md is generated from the CLI's help; this fails when an option changes and the file does not.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

describe('docs/CLI.md', () => {
  it('is what `npm run docs:cli` generates from the current options', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'dist', 'bin', 'cli-docs.js'), '--check'], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
