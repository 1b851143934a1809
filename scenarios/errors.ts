// Every way a scenario can be wrong ends up as one ScenarioError whose message names the file, the field,
// the value found there and what was expected, so a policy analyst can fix a YAML file without reading zod.
import type { z } from 'zod';
import { formatDotPath, valueAtPath } from './dot-path.js';

export interface ScenarioErrorDetails {
  /** Dot path ('care.ggz.capacity'), 'extends', '--set care.x', or '' for the file as a whole. */
  readonly path: string;
  readonly value: unknown;
  readonly expected: string;
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  /** Replaces the standard "expected X, got Y" wording when that reads badly (unknown keys, cycles). */
  readonly problem?: string | undefined;
}

export class ScenarioError extends Error {
  readonly path: string;
  readonly value: unknown;
  readonly expected: string;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(details: ScenarioErrorDetails, message: string = formatScenarioProblem(details)) {
    super(message);
    this.name = 'ScenarioError';
    this.path = details.path;
    this.value = details.value;
    this.expected = details.expected;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
  }
}

/** Short, readable rendering of a value found in a scenario file. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function formatScenarioProblem(details: ScenarioErrorDetails): string {
  const position = details.line !== undefined ? `:${details.line}:${details.column ?? 1}` : '';
  const where = details.file !== undefined ? `${details.file}${position}: ` : '';
  const field = details.path !== '' ? `${details.path}: ` : '';
  const problem = details.problem ?? `expected ${details.expected}, got ${describeValue(details.value)}`;
  return `${where}${field}${problem}`;
}

type Issue = z.core.$ZodIssue;

/** One problem in words, at an absolute path in the input. */
interface IssueDescription {
  readonly segments: readonly PropertyKey[];
  readonly value: unknown;
  readonly expected: string;
  readonly problem?: string;
}

export interface IssueContext {
  /** The object that was validated, to show the value found at each failing path. */
  readonly input: unknown;
  /** The field names an object at this path may have, to list them after an unknown key. */
  readonly knownKeysAt?: (segments: readonly PropertyKey[]) => readonly string[];
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping of fields',
  array: 'a list',
  null: 'null',
};

function literal(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

function oneOf(values: readonly unknown[]): string {
  return values.length === 1 ? literal(values[0]) : `one of ${values.map(literal).join(', ')}`;
}

function boundNoun(origin: string): { noun: string; unit: string } | undefined {
  if (origin === 'number' || origin === 'bigint') return { noun: 'a number', unit: '' };
  if (origin === 'int') return { noun: 'an integer', unit: '' };
  if (origin === 'array' || origin === 'set') return { noun: 'a list', unit: 'items' };
  if (origin === 'string') return { noun: 'a string', unit: 'characters' };
  return undefined;
}

function expectedBound(origin: string, limit: number | bigint, inclusive: boolean, exact: boolean, side: 'min' | 'max'): string {
  const words = boundNoun(origin) ?? { noun: article(origin), unit: '' };
  if (words.unit === '') {
    const sign = side === 'min' ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
    return `${words.noun} ${sign} ${limit}`;
  }
  const size = exact ? 'exactly' : side === 'min' ? 'at least' : 'at most';
  return `${words.noun} of ${size} ${limit} ${words.unit}`;
}

/** The literal values an issue says were allowed, when it is about a wrong tag or keyword. */
function allowedValues(issue: Issue): readonly unknown[] | undefined {
  if (issue.code === 'invalid_value') return issue.values;
  // A discriminated union whose tag matched no option; zod puts the tag in the path.
  if (issue.code === 'invalid_union' && issue.errors.length === 0 && 'options' in issue) return issue.options ?? [];
  return undefined;
}

/** Picks the union branch that came closest: fewest issues, where a wrong tag counts as far off. */
function closestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  let best: readonly Issue[] | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const branch of branches) {
    const score = branch.length + (branch.some((issue) => allowedValues(issue) !== undefined) ? 100 : 0);
    if (score < bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

function describeUnion(issue: Extract<Issue, { code: 'invalid_union' }>, base: readonly PropertyKey[], context: IssueContext): IssueDescription[] {
  const branches = issue.errors;
  if (branches.length === 0) {
    const values = allowedValues(issue);
    const expected = values !== undefined && values.length > 0 ? oneOf(values) : 'a known form';
    return [{ segments: base, value: valueAtPath(context.input, base).value, expected }];
  }
  // When every form fails first on the same field with a wrong type or tag (a distribution's `type`, or
  // a scalar that may be a number or a keyword), the honest summary lists what each form accepts there.
  const firsts = branches.map((branch) => branch[0]);
  const head = firsts[0];
  const sameField = firsts.every(
    (first) =>
      first !== undefined &&
      (first.code === 'invalid_type' || allowedValues(first) !== undefined) &&
      formatDotPath(first.path) === formatDotPath(head?.path ?? []),
  );
  if (head !== undefined && sameField) {
    const segments = [...base, ...head.path];
    const values = firsts.flatMap((first) => (first === undefined ? [] : (allowedValues(first) ?? [])));
    const types = firsts.flatMap((first) => (first?.code === 'invalid_type' ? [TYPE_WORDS[first.expected] ?? article(first.expected)] : []));
    const parts = [...new Set(types)];
    if (values.length > 0) parts.push(oneOf([...new Set(values)]));
    return [{ segments, value: valueAtPath(context.input, segments).value, expected: parts.join(' or ') }];
  }
  const branch = closestBranch(branches) ?? [];
  return branch.flatMap((inner) => describeIssue(inner, base, context));
}

/** Turns one zod issue (path relative to `base`) into one or more described problems. */
function describeIssue(issue: Issue, base: readonly PropertyKey[], context: IssueContext): IssueDescription[] {
  const segments = [...base, ...issue.path];
  const value = valueAtPath(context.input, segments).value;
  switch (issue.code) {
    case 'invalid_type':
      return [{ segments, value, expected: TYPE_WORDS[issue.expected] ?? article(issue.expected) }];
    case 'too_small':
      return [{ segments, value, expected: expectedBound(issue.origin, issue.minimum, issue.inclusive ?? true, issue.exact ?? false, 'min') }];
    case 'too_big':
      return [{ segments, value, expected: expectedBound(issue.origin, issue.maximum, issue.inclusive ?? true, issue.exact ?? false, 'max') }];
    case 'invalid_value':
      return [{ segments, value, expected: oneOf(issue.values) }];
    case 'not_multiple_of':
      return [{ segments, value, expected: `a multiple of ${issue.divisor}` }];
    case 'invalid_format':
      return [{ segments, value, expected: `a string in ${issue.pattern !== undefined ? `the pattern ${issue.pattern}` : `${issue.format} format`}` }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = context.knownKeysAt?.(segments) ?? [];
        const expected = known.length > 0 ? `one of the known keys: ${known.join(', ')}` : 'no such key';
        const keyPath = [...segments, key];
        const found = valueAtPath(context.input, keyPath).value;
        return { segments: keyPath, value: found, expected, problem: `unknown key '${key}' (value ${describeValue(found)}); expected ${expected}` };
      });
    case 'invalid_union':
      return describeUnion(issue, segments, context);
    case 'invalid_key':
    case 'invalid_element':
      return [{ segments, value, expected: issue.issues[0]?.message ?? issue.message }];
    case 'custom':
      // Refinements (a distribution's constructor, a share that must sum to one) explain themselves.
      return [{ segments, value, expected: issue.message, problem: /\bgot\b/.test(issue.message) ? issue.message : `${issue.message} (got ${describeValue(value)})` }];
  }
}

function describeZodIssues(issues: readonly Issue[], context: IssueContext): IssueDescription[] {
  return issues.flatMap((issue) => describeIssue(issue, [], context));
}

export interface ZodErrorOptions extends IssueContext {
  /** Which file (or '--set ...') stated the value at a path; omitted when unknown. */
  readonly fileOf?: (segments: readonly PropertyKey[]) => string | undefined;
  /** Report every issue (one per line) instead of the first only. */
  readonly all?: boolean;
}

/** How many problems one message lists before it summarises the rest; a long list hides the first cause. */
const MAX_LISTED = 10;

export function scenarioErrorFromZod(error: z.ZodError, options: ZodErrorOptions): ScenarioError {
  const described = describeZodIssues(error.issues, options);
  const details = described.map(
    (d): ScenarioErrorDetails => ({
      path: formatDotPath(d.segments),
      value: d.value,
      expected: d.expected,
      file: options.fileOf?.(d.segments),
      problem: d.problem,
    }),
  );
  const first = details[0] ?? { path: '', value: options.input, expected: 'a valid scenario', problem: error.message };
  if (options.all !== true || details.length <= 1) return new ScenarioError(first);
  const lines = details.slice(0, MAX_LISTED).map(formatScenarioProblem);
  if (details.length > MAX_LISTED) lines.push(`... and ${details.length - MAX_LISTED} more`);
  return new ScenarioError(first, lines.join('\n'));
}
