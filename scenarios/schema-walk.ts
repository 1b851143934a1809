// Reads the structure of a zod 4 schema so a dot path can be checked against the schema itself: an override
// like `--set care.ggz.capacty=3` must fail on the typo, not create a field that strict parsing then rejects
// with a less direct message. Only zod's documented `_zod.def` shapes are read.
import type { z } from 'zod';
import type { PathSegment } from './dot-path.js';

/** The part of a zod 4 schema object this module reads. */
export interface SchemaNode {
  readonly _zod: {
    readonly def: { readonly type: string; readonly [key: string]: unknown };
    readonly bag?: Readonly<Record<string, unknown>>;
  };
}

const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nonoptional', 'readonly', 'catch', 'success']);

/** What `nullable` adds to its inner schema: a value that may be null has two forms. */
const NULL_FORM: SchemaNode = { _zod: { def: { type: 'null' } } };

function asNode(value: unknown): SchemaNode {
  return value as SchemaNode;
}

/** The concrete schemas a value at this node may match: wrappers stripped, unions and intersections expanded. */
function concreteNodes(node: SchemaNode, seen: Set<SchemaNode> = new Set()): SchemaNode[] {
  if (seen.has(node)) return [];
  seen.add(node);
  const def = node._zod.def;
  if (WRAPPERS.has(def.type)) return concreteNodes(asNode(def['innerType']), seen);
  switch (def.type) {
    case 'nullable':
      return [...concreteNodes(asNode(def['innerType']), seen), NULL_FORM];
    case 'pipe':
      return concreteNodes(asNode(def['in']), seen);
    case 'lazy':
      return concreteNodes(asNode((def['getter'] as () => unknown)()), seen);
    case 'union':
      return (def['options'] as unknown[]).flatMap((option) => concreteNodes(asNode(option), seen));
    case 'intersection':
      return [...concreteNodes(asNode(def['left']), seen), ...concreteNodes(asNode(def['right']), seen)];
    default:
      return [node];
  }
}

function childNodes(node: SchemaNode, segment: PathSegment): SchemaNode[] {
  const def = node._zod.def;
  switch (def.type) {
    case 'object': {
      const shape = def['shape'] as Record<string, unknown>;
      const key = String(segment);
      if (Object.hasOwn(shape, key)) return [asNode(shape[key])];
      const catchall = def['catchall'] as SchemaNode | undefined;
      return catchall !== undefined && catchall._zod.def.type !== 'never' ? [catchall] : [];
    }
    case 'record':
      return [asNode(def['valueType'])];
    case 'array':
      return typeof segment === 'number' ? [asNode(def['element'])] : [];
    case 'tuple': {
      if (typeof segment !== 'number') return [];
      const items = def['items'] as unknown[];
      if (segment < items.length) return [asNode(items[segment])];
      const rest = def['rest'] as SchemaNode | null | undefined;
      return rest ? [rest] : [];
    }
    default:
      return [];
  }
}

/** Every concrete schema the path may lead to; empty when the schema has no such path. */
export function schemaNodesAt(schema: z.ZodType | SchemaNode, segments: readonly PathSegment[]): SchemaNode[] {
  let nodes = concreteNodes(asNode(schema));
  for (const segment of segments) {
    nodes = nodes.flatMap((node) => childNodes(node, segment)).flatMap((child) => concreteNodes(child));
    if (nodes.length === 0) return [];
  }
  return nodes;
}

/** Whether a mapping's tag fields (literals, like a distribution's `type`) agree with the value's. */
function tagsMatch(node: SchemaNode, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  const shape = node._zod.def['shape'] as Record<string, unknown>;
  return Object.entries(shape).every(([key, field]) => {
    const def = asNode(field)._zod.def;
    if (def.type !== 'literal' || !Object.hasOwn(value, key)) return true;
    return (def['values'] as unknown[]).includes((value as Record<string, unknown>)[key]);
  });
}

/**
 * The field names a mapping at this path may have, for hints after an unknown key. With the mapping's
 * value, forms whose tag disagrees are left out: a gamma distribution lists gamma's fields only.
 */
export function knownKeysAt(schema: z.ZodType | SchemaNode, segments: readonly PathSegment[], value?: unknown): string[] {
  const objects = schemaNodesAt(schema, segments).filter((node) => node._zod.def.type === 'object');
  const matching = objects.filter((node) => tagsMatch(node, value));
  const keys = new Set<string>();
  for (const node of matching.length > 0 ? matching : objects) {
    for (const key of Object.keys(node._zod.def['shape'] as object)) keys.add(key);
  }
  return [...keys].sort();
}

/** The longest leading part of the path the schema knows, to point at where a bad path goes wrong. */
export function knownPrefixLength(schema: z.ZodType | SchemaNode, segments: readonly PathSegment[]): number {
  for (let length = segments.length; length > 0; length--) {
    if (schemaNodesAt(schema, segments.slice(0, length)).length > 0) return length;
  }
  return 0;
}

/** True when every number the path may hold must be whole (zod's `.int()`), like a capacity in slots. */
export function isIntegerAt(schema: z.ZodType | SchemaNode, segments: readonly PathSegment[]): boolean {
  const numbers = schemaNodesAt(schema, segments).filter((node) => node._zod.def.type === 'number');
  return numbers.length > 0 && numbers.every((node) => (node as { isInt?: boolean }).isInt === true);
}
