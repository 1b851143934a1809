// What a projection costs over its years, and what the money buys: per replication, the cost summed
// over the school years so far, and the cost per child back within 13 weeks. Computed replication by
// replication, so two scenarios' figures pair on common random numbers like every other metric.
//
// "Children back within 13 weeks" of a school year is the year's duration cohort (pupils at home more
// than 4 weeks whose episode starts in that year, `episodes_over_4_weeks`) times the share of that
// cohort with a fitting offer within 13 weeks of onset (`share_offer_within_13_weeks`, Kaplan-Meier).
// It is the expected number with a fitting offer, not a head count of pupils seen back in class: an
// offer is what the national goal measures; attendance may follow later (median_weeks_to_attendance).
import type { YearlyFigures } from './aggregate.js';

export const COST_FIGURES = {
  /** The year's cost_eur_total summed over the school years up to and including this one. */
  cost: 'cost_eur_cumulative',
  /** The year's cohort times its share with a fitting offer within 13 weeks. */
  back: 'children_back_within_13_weeks',
  back_cumulative: 'children_back_within_13_weeks_cumulative',
  /** The year's cost over the year's children back. */
  per_child: 'cost_eur_per_child_back_within_13_weeks',
  /** Cumulative cost over cumulative children back. */
  per_child_cumulative: 'cost_eur_per_child_back_within_13_weeks_cumulative',
} as const;

type Figures = Record<string, number | null>;

function childrenBack(year: Readonly<Figures>): number | null {
  const cohort = year['episodes_over_4_weeks'];
  if (cohort === 0) return 0;
  const share = year['share_offer_within_13_weeks'];
  return cohort === null || cohort === undefined || share === null || share === undefined ? null : cohort * share;
}

const sum = (a: number | null, b: number | null | undefined): number | null => (a === null || b === null || b === undefined ? null : a + b);
/** A cost per child is undefined when no child came back (or the count is). */
const perChild = (cost: number | null, children: number | null): number | null => (cost === null || children === null || children <= 0 ? null : cost / children);

/**
 * The figures of one replication: per school year (cumulative ones summed up to that year) and, as
 * the all-years figures, the cumulative ones at the end of the projection (summed over every year).
 */
export function cumulativeCosts(output: YearlyFigures): YearlyFigures {
  let cost: number | null = 0;
  let back: number | null = 0;
  const years = output.years.map((year): Figures => {
    const yearBack = childrenBack(year);
    cost = sum(cost, year['cost_eur_total']);
    back = sum(back, yearBack);
    return {
      [COST_FIGURES.cost]: cost,
      [COST_FIGURES.back]: yearBack,
      [COST_FIGURES.back_cumulative]: back,
      [COST_FIGURES.per_child]: perChild(year['cost_eur_total'] ?? null, yearBack),
      [COST_FIGURES.per_child_cumulative]: perChild(cost, back),
    };
  });
  const last = years[years.length - 1];
  const metrics: Figures = last === undefined ? {} : {
    [COST_FIGURES.cost]: last[COST_FIGURES.cost] ?? null,
    [COST_FIGURES.back_cumulative]: last[COST_FIGURES.back_cumulative] ?? null,
    [COST_FIGURES.per_child_cumulative]: last[COST_FIGURES.per_child_cumulative] ?? null,
  };
  return { metrics, years };
}
