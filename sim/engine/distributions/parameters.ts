// Parameter checks and formatting shared by the distributions, so every error reads the same:
// `<distribution>: <parameter> must be <expectation>, got <value>`.

export function formatNumber(x: number): string {
  // Six significant digits keeps toString() readable while telling 0.1 from 0.10001.
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}

export function parameterError(distribution: string, parameter: string, expected: string, value: unknown): Error {
  const shown = typeof value === 'number' ? formatNumber(value) : JSON.stringify(value);
  return new Error(`${distribution}: ${parameter} must be ${expected}, got ${shown}`);
}

export function requireFinite(distribution: string, parameter: string, value: number): number {
  if (!Number.isFinite(value)) throw parameterError(distribution, parameter, 'a finite number', value);
  return value;
}

export function requirePositive(distribution: string, parameter: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw parameterError(distribution, parameter, '> 0', value);
  return value;
}

/** Weights or probabilities: non-negative, finite, summing to 1 within rounding. Returns them normalised. */
export function requireProbabilities(distribution: string, parameter: string, values: readonly number[]): number[] {
  if (values.length === 0) throw parameterError(distribution, parameter, 'a non-empty list', values);
  let sum = 0;
  values.forEach((p, i) => {
    if (!Number.isFinite(p) || p < 0) throw parameterError(distribution, `${parameter}[${i}]`, '>= 0', p);
    sum += p;
  });
  // 1e-9 absorbs decimal rounding (0.1 + 0.2 + 0.7) but catches a forgotten or mistyped entry.
  if (Math.abs(sum - 1) > 1e-9) throw parameterError(distribution, `the sum of ${parameter}`, '1', sum);
  return values.map((p) => p / sum);
}
