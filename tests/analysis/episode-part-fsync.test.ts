// An item counts as done once its result file is stored (and fsynced); its episode rows must be on
// disk before that, or a power loss could leave a done item with half its rows (issue 11, item 4).
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    fsyncSync: (fd: number) => {
      calls.push(`fsync ${fd}`);
      fs.fsyncSync(fd);
    },
    closeSync: (fd: number) => {
      calls.push(`close ${fd}`);
      fs.closeSync(fd);
    },
    openSync: (...args: Parameters<typeof fs.openSync>) => {
      const fd = fs.openSync(...args);
      calls.push(`open ${fd}`);
      return fd;
    },
  };
});

const { EpisodeCsvWriter } = await import('../../analysis/scenario-runs/episodes-csv.js');

describe('episode part files', () => {
  it('are flushed to disk (fsync) before they are closed', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'thuiszit-fsync-')), 'part.csv');
    const writer = new EpisodeCsvWriter(file);
    const fd = calls.at(-1)!.split(' ')[1];
    writer.close();
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(calls.filter((call) => call.endsWith(` ${fd}`)).slice(-2)).toEqual([`fsync ${fd}`, `close ${fd}`]);
  });
});
