// The calibration chart: observed against fitted per school year when the data has several periods.
import { describe, expect, it } from 'vitest';
import { calibrationChart } from '../../analysis/charts/calibration.js';
import { renderSvg } from '../../analysis/charts/render.js';
import type { CalibrationInput } from '../../analysis/report/report-input.js';

const row = (measure: string, period: string, observed: number, mean: number) => ({
  measure, period, observed: String(observed), observed_low: observed, observed_high: observed, simulated_mean: mean, ci95_low: mean - 2, ci95_high: mean + 2,
});
const fitted = [{ path: 'trend.onsetPerYear.VO', value: 0.05, ci95_low: 0.03, ci95_high: 0.07 }];

interface LayerLike { mark: { type: string }; transform?: Array<{ filter: string }>; encoding: { x: { sort: string[] } } }
function layersOf(input: CalibrationInput): LayerLike[] {
  const spec = calibrationChart(input) as unknown as { spec: { layer: LayerLike[] }; title: { text: string } };
  return spec.spec.layer;
}

describe('calibration chart', () => {
  it('puts several school years in calendar order and joins the fitted means of each measure by a line', async () => {
    // Rows as a region might list them: not in calendar order.
    const input: CalibrationInput = {
      fitted,
      fit: [row('new_episodes', '2025/26', 4400, 4390), row('new_episodes', '2023/24', 4000, 4010), row('new_episodes', '2024/25', 4200, 4195), row('over_13_weeks_legal', '2024/25', 60, 61)],
    };
    const spec = calibrationChart(input) as unknown as { title: { text: string }; data: { values: Array<{ kind: string; period: string; mean: number }> } };
    expect(spec.title.text).toBe('Calibration: observed and fitted, per school year');
    const layers = layersOf(input);
    const line = layers.filter((l) => l.mark.type === 'line');
    expect(line).toHaveLength(1);
    expect(line[0]?.transform?.[0]?.filter).toBe("datum.kind === 'Simulated (95% CI)'");
    for (const layer of layers) expect(layer.encoding.x.sort).toEqual(['2023/24', '2024/25', '2025/26']);
    // Each period's fitted mean is its own, not one figure repeated.
    expect(spec.data.values.filter((v) => v.kind !== 'Observed').map((v) => [v.period, v.mean])).toEqual([['2025/26', 4390], ['2023/24', 4010], ['2024/25', 4195], ['2024/25', 61]]);
    const svg = await renderSvg(calibrationChart(input));
    expect(svg).toContain('<svg');
    expect(svg).toContain('2023/24');
  });

  it('keeps the single-period chart without a line', () => {
    const layers = layersOf({ fitted, fit: [row('new_episodes', '2019', 4000, 4010), row('over_13_weeks_legal', '2019', 60, 61)] });
    expect(layers.map((l) => l.mark.type)).toEqual(['bar', 'rule', 'point']);
    expect((calibrationChart({ fitted, fit: [row('new_episodes', '2019', 4000, 4010)] }) as unknown as { title: { text: string } }).title.text).toBe('Calibration: observed and simulated');
  });
});
