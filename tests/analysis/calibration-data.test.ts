import { describe, expect, it } from 'vitest';
import { CalibrationDataError, parseObservations } from '../../analysis/calibration/data.js';

const measures = ['thuiszitters_all', 'exemptions', 'care_wait_weeks.ggz'];

function errorOf(text: string): CalibrationDataError {
  try {
    parseObservations(text, measures, 'region.csv');
  } catch (error) {
    if (error instanceof CalibrationDataError) return error;
    throw error;
  }
  throw new Error('expected a CalibrationDataError');
}

describe('parseObservations', () => {
  it('reads points, suppressed counts, optional sds, quotes, CRLF and blank lines', () => {
    const text = '\uFEFFmeasure,period,value,sd\r\nthuiszitters_all,2019,120,15\r\n\r\nexemptions,2019,<5,\r\n"care_wait_weeks.ggz","2019Q1",>100,\r\n';
    const observations = parseObservations(text, measures);
    expect(observations).toEqual([
      { measure: 'thuiszitters_all', period: '2019', observed: { kind: 'point', value: 120 }, text: '120', sd: 15, row: 2 },
      { measure: 'exemptions', period: '2019', observed: { kind: 'interval', low: 0, high: 5 }, text: '<5', row: 4 },
      { measure: 'care_wait_weeks.ggz', period: '2019Q1', observed: { kind: 'interval', low: 100, high: Infinity }, text: '>100', row: 5 },
    ]);
  });

  it('accepts the three-column header', () => {
    expect(parseObservations('measure,period,value\nexemptions,2020,3.5', measures)).toHaveLength(1);
  });

  it('names row, column, value and expectation for an unknown measure', () => {
    const error = errorOf('measure,period,value\nexemptions,2019,3\nthuiszitter,2019,4');
    expect(error.row).toBe(3);
    expect(error.column).toBe('measure');
    expect(error.value).toBe('thuiszitter');
    expect(error.message).toBe('region.csv: row 3, column measure: got "thuiszitter", expected a metric name (thuiszitters_all, exemptions, care_wait_weeks.ggz)');
  });

  it('rejects a value that is not a number', () => {
    const error = errorOf('measure,period,value\nexemptions,2019,12,5');
    expect(error.message).toMatch(/row 2, column \(line\).*expected 3 fields/);
    const notNumber = errorOf('measure,period,value\nexemptions,2019,twelve');
    expect([notNumber.row, notNumber.column, notNumber.value]).toEqual([2, 'value', 'twelve']);
    expect(notNumber.expected).toBe('a number >= 0, or a suppressed count like <5 or >100');
    expect(errorOf('measure,period,value\nexemptions,2019,<x').message).toMatch(/row 2, column value: got "<x"/);
    expect(errorOf('measure,period,value\nexemptions,2019,').message).toMatch(/row 2, column value: got ""/);
  });

  it('rejects a duplicate (measure, period), naming both rows', () => {
    const error = errorOf('measure,period,value\nexemptions,2019,3\nexemptions,2020,4\nexemptions,2019,5');
    expect(error.row).toBe(4);
    expect(error.message).toMatch(/row 4, column period: got "2019", expected one row per \(measure, period\); exemptions 2019 is already on row 2/);
  });

  it('rejects a non-positive or non-numeric sd, an empty period, a bad header and an empty file', () => {
    expect(errorOf('measure,period,value,sd\nexemptions,2019,3,0').message).toMatch(/row 2, column sd: got "0", expected a positive number/);
    expect(errorOf('measure,period,value,sd\nexemptions,2019,3,abc').column).toBe('sd');
    expect(errorOf('measure,period,value\nexemptions,,3').message).toMatch(/row 2, column period: got "", expected a non-empty period/);
    expect(errorOf('metric,year,value\nexemptions,2019,3').message).toMatch(/row 1, column \(header\): got "metric,year,value"/);
    expect(errorOf('measure,period,value\n\n').message).toMatch(/at least one observation row/);
    expect(errorOf('measure,period,value\nexemptions,2019,<0').column).toBe('value');
  });
});
