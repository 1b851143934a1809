// JSON Schema of a scenario file, for `thuiszit schema` and editors that validate YAML while typing.
import { z } from 'zod';
import { FIELD_TEXTS, KEY_NAMES } from './field-descriptions.js';
import { annotateJsonSchema } from './schema-annotations.js';
import type { AnnotationTexts } from './schema-annotations.js';
import { scenarioSchema } from './schema.js';

export const DOMAIN_TEXTS: AnnotationTexts = { fields: FIELD_TEXTS, keyNames: KEY_NAMES };

/**
 * The input side of the schema (io 'input'), so fields with defaults are optional as they are in files.
 * `extends` is added because it belongs to the file format, not to the scenario itself. Every property
 * carries a title and a description with its unit and the source of its default (editors show them on
 * hover), and distribution parameters carry the bounds their constructors check.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return scenarioFileJsonSchema(scenarioSchema, DOMAIN_TEXTS);
}

export function scenarioFileJsonSchema(schema: z.ZodType, texts: AnnotationTexts = { fields: {}, keyNames: {} }): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  allowOneNumberPerSector(json);
  const properties = (json['properties'] ?? {}) as Record<string, unknown>;
  return annotateJsonSchema(
    {
      ...json,
      title: 'thuiszit scenario',
      description: 'A thuiszit scenario file (YAML or JSON). Every field is optional: what a file leaves out comes from the scenario it extends, else from the baseline. Time is in weeks unless a field says otherwise.',
      properties: { extends: { type: 'string' }, ...properties },
    },
    texts,
  );
}

/**
 * A yearly trend may be one number for every sector (the schema's preprocess turns it into four), which
 * the generated schema cannot see: its input side shows only the per-sector object.
 */
function allowOneNumberPerSector(json: Record<string, unknown>): void {
  const trend = (json['properties'] as Record<string, { properties?: Record<string, Record<string, unknown>> }> | undefined)?.['trend'];
  const fields = trend?.properties;
  if (fields === undefined) return;
  for (const name of ['pupilsPerYear', 'onsetPerYear']) {
    const perSector = fields[name];
    if (perSector === undefined) continue;
    const { default: initial, ...object } = perSector;
    // One number stands for every sector, so it takes the bounds of a sector's own field.
    const sector = Object.values((object['properties'] ?? {}) as Record<string, Record<string, unknown>>)[0] ?? {};
    fields[name] = { default: initial, anyOf: [{ type: 'number', minimum: sector['minimum'], maximum: sector['maximum'] }, object] };
  }
}
