// Adds titles, descriptions and distribution bounds to the JSON Schema zod generates, from the data in
// field-descriptions.ts, distribution-descriptions.ts and provenance.ts. Properties without a row are left
// bare; unannotatedProperties() lists them so a test fails on a new field nobody described.
import { DISTRIBUTION_FORMS, DISTRIBUTION_TYPE_TEXT } from './distribution-descriptions.js';
import type { FieldText } from './field-descriptions.js';
import { numericParamProvenance } from './params.js';

type JsonNode = Record<string, unknown>;

export interface AnnotationTexts {
  readonly fields: Readonly<Record<string, FieldText>>;
  readonly keyNames: Readonly<Record<string, string>>;
}

const isNode = (value: unknown): value is JsonNode => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Objects merged key by key; anything else (numbers, lists) replaced. */
function mergeInto(target: JsonNode, patch: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(patch)) {
    const existing = target[key];
    if (isNode(existing) && isNode(value)) mergeInto(existing, value);
    else target[key] = structuredClone(value);
  }
}

/**
 * The row for a path: exact first, then rows with '*' for one segment, fewest wildcards first. A '*'
 * matches a list's items or a key with a long name (a sector, a kind of care, a rung), never any other
 * field: a new field beside the repeated ones must get a row of its own, not inherit theirs.
 */
function fieldRow(texts: AnnotationTexts, path: readonly string[]): { text: FieldText; key: string; pattern: string } | undefined {
  const exact = texts.fields[path.join('.')];
  if (exact !== undefined) return { text: exact, key: path[path.length - 1] ?? '', pattern: path.join('.') };
  const wildcardMatches = (segment: string | undefined) => segment === '*' || (segment !== undefined && Object.hasOwn(texts.keyNames, segment));
  let best: { text: FieldText; key: string; pattern: string; wildcards: number } | undefined;
  for (const [pattern, text] of Object.entries(texts.fields)) {
    const parts = pattern.split('.');
    if (parts.length !== path.length || !parts.every((part, i) => (part === '*' ? wildcardMatches(path[i]) : part === path[i]))) continue;
    const wildcards = parts.filter((part) => part === '*').length;
    // `{key}` names the segment the last wildcard matched (care.*.capacity: the kind of care).
    const key = path[parts.lastIndexOf('*')] ?? '';
    if (best === undefined || wildcards < best.wildcards) best = { text, key, pattern, wildcards };
  }
  return best;
}

function distributionKind(node: JsonNode): string | undefined {
  const properties = node['properties'];
  if (!isNode(properties) || !isNode(properties['type'])) return undefined;
  const kind = properties['type']['const'];
  return typeof kind === 'string' && Object.hasOwn(DISTRIBUTION_FORMS, kind) ? kind : undefined;
}

class Annotator {
  /** The rows that described something, to find rows left behind by a field that is gone. */
  readonly used = new Set<string>();

  constructor(private readonly texts: AnnotationTexts) {}

  private fill(template: string, key: string): string {
    return template.replaceAll('{key}', this.texts.keyNames[key] ?? key);
  }

  /** Walks a node that holds the value at `path`; `unit` is the unit of the distribution it may be. */
  node(node: JsonNode, path: readonly string[], unit: string): void {
    const kind = distributionKind(node);
    if (kind !== undefined) this.distribution(node, kind, unit);
    else if (isNode(node['properties'])) {
      for (const [key, child] of Object.entries(node['properties'])) {
        if (isNode(child)) this.field(child, [...path, key]);
      }
    }
    for (const keyword of ['oneOf', 'anyOf', 'allOf']) {
      const options = node[keyword];
      if (Array.isArray(options)) options.filter(isNode).forEach((option) => this.node(option, path, unit));
    }
    // A list's items sit under '*', as list indices do in provenance.ts ('points.*.1').
    if (isNode(node['items'])) this.node(node['items'], [...path, '*'], unit);
  }

  private field(node: JsonNode, path: readonly string[]): void {
    const row = fieldRow(this.texts, path);
    if (row !== undefined) {
      this.used.add(row.pattern);
      const dotted = path.join('.');
      const source = row.text.source ?? numericParamProvenance(dotted);
      node['title'] = this.fill(row.text.title, row.key);
      node['description'] = [
        this.fill(row.text.description, row.key),
        row.text.unit === undefined ? '' : ` Unit: ${row.text.unit}.`,
        source === undefined ? '' : ` Source: ${source}`,
      ].join('');
    }
    this.node(node, path, row?.text.unit ?? 'the unit of the field');
  }

  private distribution(node: JsonNode, kind: string, unit: string): void {
    const form = DISTRIBUTION_FORMS[kind];
    if (form === undefined) return;
    node['title'] = form.title;
    node['description'] = form.description;
    if (form.rules !== undefined) mergeInto(node, form.rules);
    const properties = node['properties'] as JsonNode;
    for (const [name, schema] of Object.entries(properties)) {
      if (!isNode(schema)) continue;
      const text = name === 'type' ? DISTRIBUTION_TYPE_TEXT : form.parameters[name];
      if (text === undefined) continue;
      schema['title'] = text.title;
      schema['description'] = text.description.replaceAll('{unit}', unit);
      if (text.bounds !== undefined) mergeInto(schema, text.bounds);
      // Mixture components are distributions again, in the same unit.
      this.node(schema, [], unit);
    }
  }
}

function annotate(json: JsonNode, texts: AnnotationTexts): Annotator {
  const annotator = new Annotator(texts);
  annotator.node(json, [], 'the unit of the field');
  const defs = json['$defs'];
  if (isNode(defs)) Object.values(defs).filter(isNode).forEach((def) => annotator.node(def, [], 'the unit of the field'));
  return annotator;
}

/** Annotates the schema in place: the root's properties by path, shared definitions ($defs) by form. */
export function annotateJsonSchema(json: JsonNode, texts: AnnotationTexts): JsonNode {
  annotate(json, texts);
  return json;
}

/** Rows of the texts that match no property of the (unannotated) schema: left behind by a removed field. */
export function unusedFieldRows(json: JsonNode, texts: AnnotationTexts): string[] {
  const used = annotate(structuredClone(json), texts).used;
  return Object.keys(texts.fields).filter((pattern) => !used.has(pattern));
}

/** Dot paths (with the route through oneOf/anyOf/$defs) of every property lacking a title or a description. */
export function unannotatedProperties(json: unknown, at = ''): string[] {
  if (Array.isArray(json)) return json.flatMap((item, index) => unannotatedProperties(item, `${at}[${index}]`));
  if (!isNode(json)) return [];
  const missing: string[] = [];
  for (const [key, value] of Object.entries(json)) {
    if (key === 'properties' && isNode(value)) {
      for (const [name, property] of Object.entries(value)) {
        const route = at === '' ? name : `${at}.${name}`;
        if (!isNode(property) || typeof property['title'] !== 'string' || typeof property['description'] !== 'string') missing.push(route);
        missing.push(...unannotatedProperties(property, route));
      }
    } else if (key !== 'default') {
      missing.push(...unannotatedProperties(value, `${at}/${key}`));
    }
  }
  return missing;
}

/** Every property of the schema, at any depth: what the counts in the issue count. */
export function countProperties(json: unknown): number {
  if (Array.isArray(json)) return json.reduce((sum: number, item) => sum + countProperties(item), 0);
  if (!isNode(json)) return 0;
  return Object.entries(json).reduce((sum, [key, value]) => {
    if (key === 'default') return sum;
    const own = key === 'properties' && isNode(value) ? Object.keys(value).length : 0;
    return sum + own + countProperties(value);
  }, 0);
}
