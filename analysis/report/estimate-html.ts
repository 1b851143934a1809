// An estimate or a paired difference as the report's tables print it: value and interval each kept on
// one line (the line may break between them), a difference marked where its 95% CI excludes zero.
import type { MetricSummary } from './report-input.js';
import { escapeHtml } from './escape-html.js';
import { differenceParts, estimateParts, excludesZero, type EstimateText } from './format.js';
import type { Unit } from './metric-labels.js';

function parts(p: EstimateText): string {
  return `<span class="nw">${escapeHtml(p.value)}</span> <span class="nw">${escapeHtml(p.interval)}</span>`;
}

export function estimateHtml(summary: MetricSummary, unit: Unit): string {
  return parts(estimateParts(summary, unit));
}

export function differenceHtml(difference: MetricSummary, unit: Unit): string {
  const significant = excludesZero(difference);
  const title = significant ? '95% CI of the difference excludes 0' : '95% CI of the difference includes 0';
  return `<span class="diff${significant ? ' sig' : ''}" title="${title}">${parts(differenceParts(difference, unit))}</span>`;
}
