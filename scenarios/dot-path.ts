// Dot paths ('care.ggz.capacity', 'care.ggz.wait.points.0.1') are how people name a scenario field on the
// command line, in error messages and in the parameter list, so one module owns their syntax.

export type PathSegment = string | number;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Splits a dot path; an all-digit segment becomes a number so it can index a list. */
export function parseDotPath(text: string): PathSegment[] {
  return text.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

export function formatDotPath(segments: readonly PropertyKey[]): string {
  return segments.map((segment) => String(segment)).join('.');
}

export function valueAtPath(root: unknown, segments: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let current: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      const index = typeof segment === 'number' ? segment : Number.NaN;
      if (!Number.isInteger(index) || index < 0 || index >= current.length) return { found: false, value: undefined };
      current = current[index];
    } else if (isPlainObject(current)) {
      const key = String(segment);
      if (!Object.hasOwn(current, key)) return { found: false, value: undefined };
      current = current[key];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: current };
}

/** True when one path equals the other or lies inside it. */
export function pathsOverlap(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    if (String(a[i]) !== String(b[i])) return false;
  }
  return true;
}

/** Orders paths segment by segment, list indices numerically, so 'x.2' comes before 'x.10'. */
export function compareDotPaths(a: string, b: string): number {
  const left = parseDotPath(a);
  const right = parseDotPath(b);
  const shared = Math.min(left.length, right.length);
  for (let i = 0; i < shared; i++) {
    const x = left[i] as PathSegment;
    const y = right[i] as PathSegment;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}
