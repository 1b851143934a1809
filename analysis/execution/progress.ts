// A progress bar for long runs. It is drawn only for a person watching a terminal: never in CI logs,
// redirected output or when --quiet is given, where redraw codes would only be noise.
import cliProgress from 'cli-progress';

export interface Progress {
  tick(done: number): void;
  stop(): void;
}

export function createProgress(
  total: number,
  label: string,
  options: { quiet: boolean; stream?: NodeJS.WriteStream; /** items already done (a resume) */ initial?: number },
): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet || stream.isTTY !== true || runningInCi()) {
    return { tick: () => undefined, stop: () => undefined };
  }
  const bar = new cliProgress.SingleBar({
    stream,
    format: `${label} [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted}`,
    etaBuffer: 20,
    hideCursor: true,
  });
  const initial = options.initial ?? 0;
  const started = performance.now();
  // Starting the bar at the resumed count keeps those items out of the rate and the ETA.
  bar.start(total, initial, { rate: '0.0' });
  return {
    tick(done: number): void {
      const seconds = (performance.now() - started) / 1000;
      const rate = seconds > 0 ? (done - initial) / seconds : 0;
      bar.update(done, { rate: rate.toFixed(1) });
    },
    stop(): void {
      bar.stop();
    },
  };
}

function runningInCi(): boolean {
  const value = process.env['CI'];
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
