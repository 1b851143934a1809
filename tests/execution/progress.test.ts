import { afterEach, describe, expect, it, vi } from 'vitest';
import { Writable } from 'node:stream';
import { createProgress } from '../../analysis/execution/progress.js';

// A stream that records what is written and claims (or not) to be a terminal.
function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: () => string } {
  const chunks: string[] = [];
  const writable = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  Object.assign(writable, { isTTY, columns: 100, rows: 30 });
  return { stream: writable as unknown as NodeJS.WriteStream, written: () => chunks.join('') };
}

afterEach(() => vi.unstubAllEnvs());

describe('createProgress', () => {
  it('draws done/total, rate and ETA on a terminal outside CI', () => {
    vi.stubEnv('CI', '');
    const { stream, written } = fakeStream(true);
    const progress = createProgress(8, 'sensitivity', { quiet: false, stream, initial: 2 });
    progress.tick(5);
    progress.stop();
    expect(written()).toMatch(/sensitivity \[.*\] 5\/8 \| [0-9.]+\/s \| ETA /);
  });

  const silentCases: Array<[string, boolean, boolean, string]> = [
    ['not a terminal', false, false, ''],
    ['quiet', true, true, ''],
    ['in CI', true, false, 'true'],
  ];
  for (const [label, isTTY, quiet, ci] of silentCases) {
    it(`prints nothing when ${label}`, () => {
      vi.stubEnv('CI', ci);
      const { stream, written } = fakeStream(isTTY);
      const progress = createProgress(4, 'run', { quiet, stream });
      progress.tick(1);
      progress.tick(4);
      progress.stop();
      expect(written()).toBe('');
    });
  }
});
