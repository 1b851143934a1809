// Text from scenario files and regional data ends up in CSV cells, on the terminal and in HTML. A
// cell a spreadsheet would run as a formula, or a character a terminal or browser would obey (an
// escape sequence, a direction override), must arrive as inert, visible text (issue 11, items 7, 9).
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../analysis/output/csv.js';
import { visibleText } from '../../analysis/output/visible-text.js';
import { escapeHtml } from '../../analysis/report/escape-html.js';

describe('CSV cells', () => {
  const cases: Array<[input: string | number | null, cell: string]> = [
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    // Text that is a plain number is read as that number, not run: it stays as written.
    ['-5', '-5'],
    ['-3.2', '-3.2'],
    ['+4e3', '+4e3'],
    // Numbers are numbers, never formulas.
    [-3.2, '-3.2'],
    [-0.000001, '-0.000001'],
    [null, ''],
    ['baseline', 'baseline'],
    ['a=b', 'a=b'],
  ];
  for (const [input, cell] of cases) {
    it(`writes ${JSON.stringify(input)} as ${JSON.stringify(cell)}`, () => {
      expect(csvLine([input])).toBe(`${cell}\n`);
    });
  }
});

describe('control characters', () => {
  it('are shown as \\u escapes on the terminal, newline and tab kept', () => {
    expect(visibleText('bad\u001b[2J\u0000name\u202eevil\u0085x\u2066y\u007f')).toBe('bad\\u001b[2J\\u0000name\\u202eevil\\u0085x\\u2066y\\u007f');
    expect(visibleText('two\nlines\tand tab')).toBe('two\nlines\tand tab');
  });

  it('are shown as \\u escapes in HTML too, after the HTML escaping', () => {
    expect(escapeHtml('<b>\u001b[31m\u202e</b>')).toBe('&lt;b&gt;\\u001b[31m\\u202e&lt;/b&gt;');
  });
});

describe('the report page', () => {
  it('shows control and direction-override characters of scenario text as \\u escapes, charts included', async () => {
    const { buildReport } = await import('../../analysis/report/html.js');
    const { fixtureInput } = await import('../report/fixture.js');
    const input = fixtureInput({ scenarios: 2 });
    input.scenarios[1]!.name = 'evil\u202eright\u001b[2J';
    input.scenarios[1]!.description = 'clears\u001b[2Jthe screen\u0000';
    const { html } = await buildReport(input);
    expect(html).not.toMatch(/[\u0000\u001b\u202e]/);
    expect(html).toContain('evil\\u202eright\\u001b[2J');
  });
});
