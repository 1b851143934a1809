// The form is generated from the scenario schema: every value of a scenario gets a field with the
// schema's bounds, choices and default, in the schema's order, and a field the schema gains appears
// without a change to the web app.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { scenarioFileJsonSchema, scenarioJsonSchema } from '../../scenarios/json-schema.js';
import { listParams } from '../../scenarios/params.js';
import { scenarioSchema } from '../../scenarios/schema.js';
import { allFields, formFromJsonSchema, unitOf, type FormField } from '../../web/src/form/form-model.js';
import { keyLabel, words } from '../../web/src/i18n/labels.js';
import { testSchema } from '../scenarios/test-schema.js';

function byPath(fields: readonly FormField[]): Map<string, FormField> {
  return new Map(fields.map((f) => [f.path, f]));
}

describe('form generated from the schema', () => {
  it('covers every shape of the test schema, in schema order, with bounds, choices and defaults', () => {
    const form = formFromJsonSchema(scenarioFileJsonSchema(testSchema));
    const fields = byPath(allFields(form));
    expect(form.fields.map((f) => f.key)).toEqual(['extends', 'name', 'description', 'years', 'shares', 'points', 'limit', 'byRegion']);
    expect(form.groups.map((g) => g.path)).toEqual(['care', 'flags']);
    expect(form.groups[0]?.groups.map((g) => g.path)).toEqual(['care.ggz']);
    expect(fields.get('years')).toMatchObject({ kind: 'integer', min: 1, max: 20, schemaDefault: 1, unit: 'years' });
    expect(fields.get('care.ggz.capacity')).toMatchObject({ kind: 'number', min: 0, schemaDefault: 10, unit: 'places' });
    expect(fields.get('care.ggz.capacity')?.max).toBeUndefined();
    expect(fields.get('care.ggz.wait')).toMatchObject({ kind: 'distribution', forms: ['fixed', 'exponential', 'gamma'] });
    expect(fields.get('care.mode')).toMatchObject({ kind: 'choice', options: ['separate', 'bundled'], schemaDefault: 'separate' });
    expect(fields.get('flags.enabled')).toMatchObject({ kind: 'boolean', schemaDefault: false });
    // Shapes without a control of their own are typed as YAML, as after --set.
    for (const path of ['shares', 'points', 'limit', 'byRegion']) expect(fields.get(path)?.kind, path).toBe('yaml');
  });

  it('gives every numeric parameter of the domain scenario a field (or a distribution holding it)', () => {
    const fields = allFields(formFromJsonSchema(scenarioJsonSchema()));
    const paths = new Set(fields.map((f) => f.path));
    const distributions = fields.filter((f) => f.kind === 'distribution').map((f) => f.path);
    const defaults = scenarioSchema.parse({});
    const missing = listParams(defaults)
      .map((p) => p.path)
      .filter((path) => !paths.has(path) && !distributions.some((d) => path.startsWith(`${d}.`)));
    expect(missing).toEqual([]);
    const field = byPath(fields);
    expect(field.get('care.ggz.alternativeWithinWeeks')).toMatchObject({ kind: 'number', nullable: true, min: 0, max: 104, unit: 'weeks' });
    expect(field.get('escalation.interventieteam.sectors')).toMatchObject({ kind: 'choices', options: ['PO', 'SO', 'VO', 'VSO'] });
    expect(field.get('onset.unauthorisedPerThousand.PO')).toMatchObject({ unit: 'per-thousand' });
    expect(field.get('costs.mdtEurPerCase')).toMatchObject({ unit: 'eur' });
    expect(field.get('policy.casusregisseur.enabled')).toMatchObject({ kind: 'boolean' });
  });

  it('shows a parameter the schema gains without a change to the form code', () => {
    const grown = scenarioSchema.extend({ outlook: z.strictObject({ goalYear: z.number().int().min(2020).max(2040).default(2030) }).prefault({}) });
    const field = byPath(allFields(formFromJsonSchema(scenarioFileJsonSchema(grown)))).get('outlook.goalYear');
    expect(field).toMatchObject({ kind: 'integer', min: 2020, max: 2040, schemaDefault: 2030 });
  });

  it('reads units from the key names, innermost first', () => {
    expect(unitOf(['care', 'ggz', 'serviceWeeks'], {})).toBe('weeks');
    expect(unitOf(['onset', 'authorisedPerThousand', 'VO'], {})).toBe('per-thousand');
    expect(unitOf(['school', 'shareWithMdt'], {})).toBe('share');
    expect(unitOf(['x'], { minimum: 0, maximum: 1 })).toBe('share');
    expect(unitOf(['x'], { minimum: 0, maximum: 2 })).toBeNull();
  });
});

describe('field labels from the keys', () => {
  it('splits camel case, keeps abbreviations, translates sections and one-word keys into Dutch only', () => {
    expect(words('cadenceWeeks')).toBe('cadence weeks');
    expect(words('PO')).toBe('PO');
    expect(words('weeks_in_stage')).toBe('weeks in stage');
    expect(keyLabel('care', 'nl')).toBe('zorg');
    expect(keyLabel('care', 'en')).toBe('care');
    expect(keyLabel('arbitrationConsentProbability', 'nl')).toBe('arbitration consent probability');
  });
});
