// JSON Schema of a scenario file, for `thuiszit schema` and editors that validate YAML while typing.
import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/**
 * The input side of the schema (io 'input'), so fields with defaults are optional as they are in files.
 * `extends` is added because it belongs to the file format, not to the scenario itself.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return scenarioFileJsonSchema(scenarioSchema);
}

export function scenarioFileJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const properties = (json['properties'] ?? {}) as Record<string, unknown>;
  return {
    ...json,
    title: 'thuiszit scenario',
    properties: {
      extends: {
        type: 'string',
        description: 'A built-in scenario name or a path (relative to this file) whose fields this file changes',
      },
      ...properties,
    },
  };
}
