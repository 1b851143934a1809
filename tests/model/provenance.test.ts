import { describe, expect, it } from 'vitest';
import { provenanceOf } from '../../scenarios/provenance.js';
import { scenario } from './helpers.js';

function numericLeaves(value: unknown, path: string, out: string[]): string[] {
  if (typeof value === 'number') out.push(path);
  else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) numericLeaves(child, path === '' ? key : `${path}.${key}`, out);
  }
  return out;
}

describe('provenance of the default scenario', () => {
  it('every numeric leaf names a seed section or an assumption with a reason', () => {
    const leaves = numericLeaves(scenario(), '', []);
    expect(leaves.length).toBeGreaterThan(100);
    const missing = leaves.filter((path) => {
      const p = provenanceOf(path);
      return p === undefined || !(/seed 00\d/.test(p) || /^assumption: \S/.test(p) || /DUO|Treeknorm|2012Z06452/.test(p));
    });
    expect(missing).toEqual([]);
  });

  it('an unknown path has no provenance', () => {
    expect(provenanceOf('nonsense.field')).toBeUndefined();
  });
});
