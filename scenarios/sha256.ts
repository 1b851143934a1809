// SHA-256 of a text as hex: the one hash behind the scenario fingerprint and the plan hash. The web
// build swaps this module for web/src/platform/sha256.ts (same function in pure JavaScript), so the
// browser computes the same hashes without node:crypto, which stays here for its speed on large plans.
import { createHash } from 'node:crypto';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
