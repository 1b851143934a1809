// `thuiszit schema` as an editor sees it: ajv (the validator behind many editors) in strict mode
// accepts every built-in scenario file, every property has a title and a description, and a table of
// wrong files is rejected by ajv and by `thuiszit validate` at the same path. What JSON Schema cannot
// say (min < max, sums of 1) is rejected by the CLI only and stated in the description instead.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readScenarioFile } from '../../scenarios/files.js';
import { listBuiltinScenarios, loadScenario } from '../../scenarios/load.js';
import { DOMAIN_TEXTS, scenarioFileJsonSchema } from '../../scenarios/json-schema.js';
import { countProperties, unannotatedProperties, unusedFieldRows } from '../../scenarios/schema-annotations.js';
import { scenarioSchema } from '../../scenarios/schema.js';
import { runCli, temporaryDir } from '../cli/helpers.js';
import { literal } from '../cli/refusal.js';

let schema: Record<string, unknown>;
let validate: ReturnType<Ajv2020['compile']>;
let dir: string;

beforeAll(() => {
  const printed = runCli(['schema']);
  expect(printed.status).toBe(0);
  schema = JSON.parse(printed.stdout) as Record<string, unknown>;
  validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
  dir = temporaryDir('schema-files');
});

const dotted = (error: ErrorObject) => error.instancePath.split('/').slice(1).join('.');

describe('descriptions', () => {
  it('every property at any depth has a title and a description', () => {
    expect(countProperties(schema)).toBeGreaterThan(900);
    expect(unannotatedProperties(schema)).toEqual([]);
  });

  it('has no description rows left behind by a removed field', () => {
    expect(unusedFieldRows(scenarioFileJsonSchema(scenarioSchema), DOMAIN_TEXTS)).toEqual([]);
  });

  it('every scenario field that holds a value names its unit or the source of its default', () => {
    const fields: [string, Record<string, unknown>][] = [];
    const walk = (node: Record<string, unknown>, at: string): void => {
      for (const [key, child] of Object.entries((node['properties'] ?? {}) as Record<string, Record<string, unknown>>)) {
        const route = at === '' ? key : `${at}.${key}`;
        if (child['type'] === 'object' && child['properties'] !== undefined) walk(child, route);
        else fields.push([route, child]);
      }
    };
    walk(schema, '');
    expect(fields.length).toBeGreaterThan(150);
    for (const [route, field] of fields) {
      expect(field['description'], route).toMatch(/ Source: \S/);
      if (field['type'] === 'number' || field['type'] === 'integer') expect(field['description'], route).toMatch(/ Unit: \S/);
    }
  });

  it('fills in the sector, the kind of care and the unit of a distribution', () => {
    const at = (...keys: string[]) => keys.reduce<Record<string, unknown>>((node, key) => (node['properties'] as Record<string, Record<string, unknown>>)[key] ?? {}, schema);
    expect(at('region', 'pupils', 'VSO')['title']).toBe('Pupils in special secondary education (VSO)');
    expect(at('care', 'ggz', 'capacity')['description']).toMatch(/^Children the providers of youth mental health care \(GGZ\) treat .* Unit: places .* Source: Treeknorm/);
    const lognormal = (at('onset', 'illnessWeeks')['oneOf'] as Record<string, unknown>[]).find((form) => form['title'] === 'Lognormal');
    expect((lognormal?.['properties'] as Record<string, Record<string, unknown>>)['mean']).toMatchObject({ exclusiveMinimum: 0, description: expect.stringContaining('in weeks') });
  });
});

describe('built-in scenario files', () => {
  it.each(listBuiltinScenarios())('%s validates against the schema', (name) => {
    const file = loadScenario(name).sourcePath ?? '';
    const ok = validate(readScenarioFile(file, path.basename(file)));
    expect(validate.errors ?? [], name).toEqual([]);
    expect(ok).toBe(true);
  });
});

interface WrongFile {
  name: string;
  yaml: string;
  /** Where both must place the problem: the CLI names it, ajv's errors are all at or below it. */
  path: string;
}

const wrongFiles: WrongFile[] = [
  { name: 'lognormal with a negative mean', yaml: 'onset:\n  illnessWeeks: {type: lognormal, mean: -1, sd: 1}\n', path: 'onset.illnessWeeks' },
  { name: 'lognormal with sigma 0', yaml: 'onset:\n  illnessWeeks: {type: lognormal, mu: 0, sigma: 0}\n', path: 'onset.illnessWeeks' },
  { name: 'lognormal with half of each pair', yaml: 'onset:\n  illnessWeeks: {type: lognormal, mean: 2, sigma: 1}\n', path: 'onset.illnessWeeks' },
  { name: 'gamma with no parameters', yaml: 'onset:\n  relapseGapWeeks: {type: gamma}\n', path: 'onset.relapseGapWeeks' },
  { name: 'gamma with a mean only', yaml: 'onset:\n  relapseGapWeeks: {type: gamma, mean: 3}\n', path: 'onset.relapseGapWeeks' },
  { name: 'gamma with both pairs', yaml: 'onset:\n  relapseGapWeeks: {type: gamma, mean: 3, sd: 1, shape: 9, scale: 0.3}\n', path: 'onset.relapseGapWeeks' },
  { name: 'gamma with a pair and a half', yaml: 'onset:\n  relapseGapWeeks: {type: gamma, mean: 3, sd: 1, shape: 9}\n', path: 'onset.relapseGapWeeks' },
  { name: 'gamma with sd 0', yaml: 'school:\n  noMdtReferralWeeks: {type: gamma, mean: 3, sd: 0}\n', path: 'school.noMdtReferralWeeks' },
  { name: 'exponential with mean 0', yaml: 'detection:\n  notEnrolledWeeks: {type: exponential, mean: 0}\n', path: 'detection.notEnrolledWeeks' },
  { name: 'exponential with an extra field', yaml: 'detection:\n  notEnrolledWeeks: {type: exponential, mean: 2, rate: 0.5}\n', path: 'detection.notEnrolledWeeks' },
  { name: 'weibull with a negative shape', yaml: 'pathway:\n  placeSearchWeeks: {type: weibull, shape: -1, scale: 4}\n', path: 'pathway.placeSearchWeeks' },
  { name: 'an unknown distribution type', yaml: 'pathway:\n  placeSearchWeeks: {type: normal, mean: 7, sd: 2}\n', path: 'pathway.placeSearchWeeks' },
  { name: 'empirical with no values', yaml: 'pathway:\n  negotiationWeeks: {type: empirical, values: [], probabilities: []}\n', path: 'pathway.negotiationWeeks' },
  { name: 'empirical with a negative probability', yaml: 'pathway:\n  negotiationWeeks: {type: empirical, values: [1, 2], probabilities: [1.5, -0.5]}\n', path: 'pathway.negotiationWeeks' },
  { name: 'piecewise with one point', yaml: 'pathway:\n  negotiationWeeks: {type: piecewise, points: [[0, 0]]}\n', path: 'pathway.negotiationWeeks' },
  { name: 'piecewise with a cdf above 1', yaml: 'pathway:\n  negotiationWeeks: {type: piecewise, points: [[0, 0], [4, 1.5]]}\n', path: 'pathway.negotiationWeeks' },
  { name: 'mixture with no components', yaml: 'care:\n  ggz:\n    serviceWeeks: {type: mixture, components: [], weights: []}\n', path: 'care.ggz.serviceWeeks' },
  { name: 'mixture with a bad component', yaml: 'care:\n  ggz:\n    serviceWeeks: {type: mixture, components: [{type: exponential, mean: -2}], weights: [1]}\n', path: 'care.ggz.serviceWeeks' },
  { name: 'a misspelt field', yaml: 'warmupYear: 3\n', path: '' },
  { name: 'a number as text', yaml: 'warmupYears: two\n', path: 'warmupYears' },
  { name: 'a share above 1', yaml: 'school:\n  shareWithMdt: 1.5\n', path: 'school.shareWithMdt' },
  { name: 'a fractional capacity', yaml: 'care:\n  ggz:\n    capacity: 2.5\n', path: 'care.ggz.capacity' },
  { name: 'an unknown sector', yaml: 'escalation:\n  interventieteam:\n    sectors: [XX]\n', path: 'escalation.interventieteam.sectors.0' },
  { name: 'an unknown queue order', yaml: 'care:\n  ggz:\n    discipline: lifo\n', path: 'care.ggz.discipline' },
  { name: 'a negative alternative time', yaml: 'care:\n  ggz:\n    alternativeWithinWeeks: -1\n', path: 'care.ggz.alternativeWithinWeeks' },
  { name: 'a switch as text', yaml: 'policy:\n  casusregisseur:\n    enabled: "yes"\n', path: 'policy.casusregisseur.enabled' },
];

describe('wrong files: rejected by ajv and by `thuiszit validate` at the same path', () => {
  it.each(wrongFiles)('$name', ({ name, yaml, path: where }) => {
    const file = path.join(dir, `${name.replaceAll(' ', '-')}.yaml`);
    writeFileSync(file, yaml);
    expect(validate(parseYaml(yaml))).toBe(false);
    const paths = (validate.errors ?? []).map(dotted);
    expect(paths.length).toBeGreaterThan(0);
    for (const found of paths) expect(where === '' || found === where || found.startsWith(`${where}.`), `ajv error at '${found}'`).toBe(true);
    const cli = runCli(['validate', file]);
    expect(cli.status).not.toBe(0);
    // The CLI may be more precise than the field (`.type`, `.rate`), never elsewhere.
    const named = where === '' ? Object.keys(parseYaml(yaml) as object)[0] ?? '' : where;
    expect(cli.stderr).toMatch(new RegExp(`${literal(file)}: ${literal(named)}[:.]`));
  });
});

describe('what JSON Schema cannot say: rejected by `thuiszit validate`, accepted by ajv, stated in the description', () => {
  const cases = [
    { name: 'uniform with min above max', yaml: 'escalation:\n  om:\n    handlingWeeks: {type: uniform, min: 9, max: 7}\n', form: 'Uniform', says: /max must be greater than min/ },
    { name: 'triangular with the mode outside', yaml: 'escalation:\n  om:\n    handlingWeeks: {type: triangular, min: 1, mode: 9, max: 4}\n', form: 'Triangular', says: /min <= mode <= max/ },
    { name: 'empirical probabilities not summing to 1', yaml: 'escalation:\n  om:\n    handlingWeeks: {type: empirical, values: [1, 2], probabilities: [0.5, 0.4]}\n', form: 'Empirical', says: /sum to 1/ },
    { name: 'mixture lists of different lengths', yaml: 'escalation:\n  om:\n    handlingWeeks: {type: mixture, components: [{type: fixed, value: 1}], weights: [0.5, 0.5]}\n', form: 'Mixture', says: /equally long/ },
  ];
  it.each(cases)('$name', ({ name, yaml, form, says }) => {
    const file = path.join(dir, `${name.replaceAll(' ', '-')}.yaml`);
    writeFileSync(file, yaml);
    expect(validate(parseYaml(yaml)), JSON.stringify(validate.errors)).toBe(true);
    const cli = runCli(['validate', file]);
    expect(cli.status).not.toBe(0);
    expect(cli.stderr).toContain(`${file}: escalation.om.handlingWeeks:`);
    const definitions = JSON.stringify(schema);
    expect(definitions).toMatch(new RegExp(`"title":"${form}","description":"[^"]*${says.source}`));
  });
});
