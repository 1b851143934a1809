// The scenario form as data, generated from the scenario schema's JSON Schema (input side): one group
// per mapping, one field per value, with its kind, range, unit and default. Nothing here names a
// parameter, so a field the model gains appears in the form without a change to the web app.
import { formatDotPath, type PathSegment } from '../../../scenarios/dot-path.js';

/** 'yaml' is any other value (a list of numbers, a number-or-keyword, a record), typed as YAML as after --set. */
export type FieldKind = 'number' | 'integer' | 'boolean' | 'choice' | 'choices' | 'text' | 'distribution' | 'yaml';

export interface FormField {
  path: string;
  key: string;
  kind: FieldKind;
  /** Inclusive bounds from the schema, when it states them. */
  min?: number;
  max?: number;
  /** The values a choice (or each item of a list of choices) may take. */
  options?: readonly string[];
  /** A number field that may also be left empty (null in the scenario). */
  nullable?: boolean;
  /** For a distribution: the forms it may take (its `type` tags). */
  forms?: readonly string[];
  unit: Unit | null;
  schemaDefault: unknown;
}

export interface FormGroup {
  path: string;
  key: string;
  fields: FormField[];
  groups: FormGroup[];
}

export type Unit = 'weeks' | 'years' | 'eur' | 'per-thousand' | 'per-year' | 'share' | 'pupils' | 'schools' | 'places';

type JsonSchema = Record<string, unknown>;

function asSchema(value: unknown): JsonSchema {
  return typeof value === 'object' && value !== null ? (value as JsonSchema) : {};
}

// Key naming conventions of the schema, first match wins. A multiplier (factor, premium) has no unit
// even where a number in it would look like a share.
const UNIT_BY_KEY: ReadonlyArray<readonly [RegExp, Unit | null]> = [
  [/Factor$|Premium$/, null],
  [/(^w|W)eeks?$|Weeks?[A-Z]/, 'weeks'],
  [/(^y|Y)ears$/, 'years'],
  [/Eur/, 'eur'],
  [/PerThousand$/, 'per-thousand'],
  [/PerYear$/, 'per-year'],
  [/Probability$|Share$|Reduction$|^share[A-Z]|^impasseByLevel$|^successDecay/, 'share'],
  [/^pupils$/, 'pupils'],
  [/^schools$/, 'schools'],
  [/^capacity$|^slotsPerMeeting$|^caseload$/, 'places'],
];

/** The unit a value is in, read from its keys (innermost first), else a 0-1 range read as a share. */
export function unitOf(segments: readonly PathSegment[], schema: JsonSchema): Unit | null {
  for (let i = segments.length - 1; i >= 0; i--) {
    const key = String(segments[i]);
    const match = UNIT_BY_KEY.find(([pattern]) => pattern.test(key));
    if (match !== undefined) return match[1];
  }
  return schema['minimum'] === 0 && schema['maximum'] === 1 ? 'share' : null;
}

function numberBounds(schema: JsonSchema): { min?: number; max?: number } {
  const bounds: { min?: number; max?: number } = {};
  if (typeof schema['minimum'] === 'number') bounds.min = schema['minimum'];
  if (typeof schema['maximum'] === 'number') bounds.max = schema['maximum'];
  return bounds;
}

function tagsOf(branches: readonly unknown[]): string[] | null {
  const tags = branches.map((branch) => asSchema(asSchema(asSchema(branch)['properties'])['type'])['const']);
  return tags.every((tag): tag is string => typeof tag === 'string') ? tags : null;
}

/** The alternatives of a union, unions within it flattened (a union of a tagged union and one more form). */
function flatBranches(listed: readonly unknown[], root: JsonSchema): JsonSchema[] {
  return listed.flatMap((raw) => {
    const branch = resolveRef(asSchema(raw), root);
    const inner = branch['oneOf'] ?? branch['anyOf'];
    return Array.isArray(inner) && branch['type'] === undefined ? flatBranches(inner, root) : [branch];
  });
}

function fieldOf(schema: JsonSchema, segments: readonly PathSegment[], root: JsonSchema): FormField {
  const base = { path: formatDotPath(segments), key: String(segments[segments.length - 1] ?? ''), unit: unitOf(segments, schema), schemaDefault: schema['default'] };
  const listed = (schema['oneOf'] ?? schema['anyOf']) as unknown[] | undefined;
  if (Array.isArray(listed)) {
    const branches = flatBranches(listed, root);
    const tags = tagsOf(branches);
    if (tags !== null) return { ...base, kind: 'distribution', forms: tags };
    const numeric = branches.map(asSchema).find((b) => b['type'] === 'number' || b['type'] === 'integer');
    const hasNull = branches.map(asSchema).some((b) => b['type'] === 'null');
    if (numeric !== undefined && hasNull) {
      return { ...base, unit: unitOf(segments, numeric), kind: numeric['type'] === 'integer' ? 'integer' : 'number', nullable: true, ...numberBounds(numeric) };
    }
    return { ...base, kind: 'yaml' };
  }
  switch (schema['type']) {
    case 'number':
    case 'integer':
      return { ...base, kind: schema['type'], ...numberBounds(schema) };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'string':
      return Array.isArray(schema['enum']) ? { ...base, kind: 'choice', options: schema['enum'].map(String) } : { ...base, kind: 'text' };
    case 'array': {
      const items = asSchema(schema['items']);
      return Array.isArray(items['enum']) ? { ...base, kind: 'choices', options: items['enum'].map(String) } : { ...base, kind: 'yaml' };
    }
    default:
      return { ...base, kind: 'yaml' };
  }
}

function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = asSchema(node)[part];
  return { ...asSchema(node), ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$ref')) };
}

/** The form of a JSON Schema object: groups for nested mappings, fields for values it can edit. */
export function formFromJsonSchema(root: JsonSchema): FormGroup {
  const walk = (schema: JsonSchema, segments: PathSegment[]): FormGroup => {
    const group: FormGroup = { path: formatDotPath(segments), key: String(segments[segments.length - 1] ?? ''), fields: [], groups: [] };
    const properties = asSchema(schema['properties']);
    for (const [key, raw] of Object.entries(properties)) {
      const child = resolveRef(asSchema(raw), root);
      const childSegments = [...segments, key];
      // A mapping that may also be written shorter (one trend number for every sector) is edited as the mapping.
      const branches = ((child['anyOf'] ?? []) as unknown[]).map(asSchema);
      const shorthand = branches.length === 2 && branches.some((b) => b['type'] === 'number') ? branches : [];
      const mapping = [child, ...shorthand].find((c) => c['type'] === 'object' && c['properties'] !== undefined);
      if (mapping !== undefined) {
        group.groups.push(walk(mapping, childSegments));
        continue;
      }
      group.fields.push(fieldOf(child, childSegments, root));
    }
    return group;
  };
  return walk(root, []);
}

/** Every field of a form, depth first in schema order. */
export function allFields(group: FormGroup): FormField[] {
  return [...group.fields, ...group.groups.flatMap(allFields)];
}

/** The form without the top-level field `key`. */
export function withoutField(group: FormGroup, key: string): FormGroup {
  return { ...group, fields: group.fields.filter((field) => field.key !== key) };
}
