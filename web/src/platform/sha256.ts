// The browser's stand-in for scenarios/sha256.ts (the web build aliases that module to this one):
// the same SHA-256 in pure JavaScript, synchronous as the plan hash needs it.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
