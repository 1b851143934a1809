// Progress in words: replications done and, once a few are done, the time left at the pace so far.
import type { Messages } from '../i18n/messages.js';

export function progressText(text: Messages, done: number, total: number, elapsedMs: number): string {
  const left = done === 0 || done === total ? '' : text.seconds(Math.ceil(((elapsedMs / done) * (total - done)) / 1000));
  return text.progress(done, total, left);
}
