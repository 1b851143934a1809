// report-input.json read back from disk with a hostile or broken projection, one probe per row: the
// change to a valid projected input, and the words the refusal must hold (the file, the field, what
// was expected). The next probe is one more row. Texts the report may print are checked to arrive escaped.
import { describe, expect, it } from 'vitest';
import { parseReportInput, type ReportInput } from '../../analysis/report/report-input.js';
import { buildReport } from '../../analysis/report/html.js';
import { fixtureInput } from './fixture.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a probe edits the JSON freely

const FILE = 'out/report-input.json';

function projectedJson(): Json {
  return JSON.parse(JSON.stringify(fixtureInput({ scenarios: 2, years: 3 }))) as Json;
}

const refusals: ReadonlyArray<readonly [string, (input: Json) => void, readonly (string | RegExp)[]]> = [
  ['a year label with HTML', (i) => (i['scenarios'][0]['years'][0]['label'] = '<img src=x onerror=alert(1)>'), ['scenarios[0].years[0].label', 'school year such as 2025/26']],
  ['a year label of two years apart', (i) => (i['scenarios'][0]['years'][0]['label'] = '2025/27'), ['scenarios[0].years[0].label', 'two consecutive years']],
  ['NaN written as text for a mean', (i) => (i['scenarios'][1]['years'][2]['metrics']['over_13_weeks_legal']['mean'] = 'NaN'), ["scenarios[1].years[2].metrics.over_13_weeks_legal.mean", 'number']],
  ['a difference whose n is not a count', (i) => (i['scenarios'][1]['years'][0]['difference']['over_13_weeks_legal']['n'] = -1), ['scenarios[1].years[0].difference.over_13_weeks_legal.n']],
  ['21 years', (i) => (i['scenarios'][0]['years'] = Array.from({ length: 21 }, (_, k) => ({ label: `${2025 + k}/${String((26 + k) % 100).padStart(2, '0')}`, metrics: {}, difference: null }))), ['scenarios[0].years', /20/]],
  ['no years at all', (i) => (i['scenarios'][0]['years'] = []), ['scenarios[0].years']],
  ['years as an object', (i) => (i['scenarios'][0]['years'] = { label: '2025/26' }), ['scenarios[0].years', 'array']],
  ['scenarios 40 years apart', (i) => { delete i['scenarios'][1]['calendar']; i['scenarios'][1]['years'].forEach((y: Json, k: number) => (y['label'] = `${2065 + k}/${66 + k}`)); }, ['2025/26 to 2067/68', 'within 40 years']],
  ['a gap in the years', (i) => (i['scenarios'][1]['years'][2]['label'] = '2031/32'), ['scenarios[1].years[2].label', "'2031/32' does not follow '2026/27'", 'consecutive']],
  ['years out of order', (i) => i['scenarios'].forEach((s: Json) => s['years'].reverse()), ['scenarios[0].years[1].label', 'consecutive']],
  ['a start that is no date', (i) => (i['scenarios'][1]['calendar']['start'] = '2025-02-30'), ['scenarios[1].calendar.start', 'YYYY-MM-DD']],
  ['a start outside the first year', (i) => (i['scenarios'][1]['calendar']['start'] = '2024-08-01'), ['scenarios[1].calendar.start', '2024/25', '2025/26']],
  ['a change with a negative ramp', (i) => (i['scenarios'][1]['calendar']['changes'][1]['rampYears'] = -1), ['scenarios[1].calendar.changes[1].rampYears']],
  ['a change dated with a script', (i) => (i['scenarios'][1]['calendar']['changes'][0]['from'] = '<script>'), ['scenarios[1].calendar.changes[0].from', 'YYYY-MM-DD']],
  ['a goal share above 1', (i) => (i['goals'][0]['scenarios'][0]['years'][0]['share'] = 1.5), ['goals[0].scenarios[0].years[0].share']],
  ['a goal operator that is not <= or >=', (i) => (i['goals'][0]['operator'] = '<'), ['goals[0].operator']],
  ['a goal first year with HTML', (i) => (i['goals'][1]['scenarios'][1]['first_year_80'] = '<b>soon</b>'), ['goals[1].scenarios[1].first_year_80', 'school year']],
  ['a goal first year outside the run', (i) => (i['goals'][1]['scenarios'][1]['first_year_95'] = '2040/41'), ['goals[1].scenarios[1].first_year_95', 'not a school year casusregisseur measures', '2025/26, 2026/27, 2027/28']],
  ['a goal of a scenario the report lacks', (i) => (i['goals'][0]['scenarios'][0]['scenario'] = 'elsewhere'), ['goals[0].scenarios[0].scenario', "'elsewhere'", 'baseline, casusregisseur']],
  ['a goal with years of another run', (i) => i['goals'][0]['scenarios'][0]['years'].pop(), ['goals[0].scenarios[0].years', 'expected the school years baseline measures']],
  ['a relative goal against a year outside the run', (i) => (i['goals'][1]['target']['reference'] = '2019/20'), ['goals[1].target.reference', '2019/20']],
  ['an unknown target kind', (i) => (i['goals'][0]['target'] = { kind: 'percent', value: 1 }), ['goals[0].target']],
];

describe('report-input.json with a hostile projection', () => {
  it('accepts the untouched projected input', () => {
    expect(parseReportInput(JSON.stringify(projectedJson()), FILE).scenarios[0]?.years?.length).toBe(3);
  });

  it.each(refusals)('refuses %s, naming the file and the field', (_, change, words) => {
    const input = projectedJson();
    change(input);
    let message = '';
    try {
      parseReportInput(JSON.stringify(input), FILE);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(FILE);
    for (const word of words) expect(message).toMatch(typeof word === 'string' ? new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : word);
  });

  it('prints texts it accepts (goal, paths, names) escaped, in the page and the chart', async () => {
    const input = projectedJson();
    const script = '<img src=x onerror=alert(1)>';
    input['goals'][0]['goal'] = script;
    input['scenarios'][1]['calendar']['changes'][0]['paths'] = [script];
    input['scenarios'][1]['name'] = `${script}\u202e`;
    input['goals'].forEach((g: Json) => (g['scenarios'][1]['scenario'] = input['scenarios'][1]['name']));
    const parsed: ReportInput = parseReportInput(JSON.stringify(input), FILE);
    const { html } = await buildReport(parsed);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('\u202e');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('id="projection"');
  });
});
