// How much a scenario asks the simulator to hold: every absence that starts, every background care
// referral and every child on an initial waiting list is an object in memory until it ends, and a
// queue that outgrows its capacity keeps them all. The schema's per-field ranges allow combinations
// (10 million referrals a year to a pool of 44 places) that exhaust memory after a minute, so the
// total is checked at once, before any work starts.

/** What the workload estimate reads; structural, so the schema can use it without an import cycle. */
export interface WorkloadInput {
  region: { pupils: Readonly<Record<string, number>> };
  onset: {
    unauthorisedPerThousand: Readonly<Record<string, number>>;
    authorisedPerThousand: Readonly<Record<string, number>>;
    notEnrolledPerThousand: Readonly<Record<string, number>>;
  };
  care: Readonly<Record<string, unknown>>;
  /** Direct exemption applications arrive per thousand pupils too. */
  escalation: { exemption: { directPerThousand: Readonly<Record<string, number>> } };
}

/**
 * At most this many arrivals a simulated year. The whole country (national.yaml) has about 330,000
 * (2.5 million pupils' absences plus care referrals), so the limit leaves room for three times the
 * Netherlands; one replication at 1,000,000 care referrals a year measured 18 s and 1.2 GB
 * (`/usr/bin/time -f '%e s %M kB' node dist/bin/thuiszit.js run --scenario baseline --replications 1
 * --set care.ggz.backgroundReferralsPerYear=1000000 ...`), where 10,000,000 ran out of memory.
 */
export const MAX_ARRIVALS_PER_YEAR = 1_000_000;

export interface WorkloadTerm {
  /** The field to name in a message: the one that contributes this term. */
  readonly path: readonly string[];
  readonly arrivalsPerYear: number;
}

function careTerms(care: Readonly<Record<string, unknown>>): WorkloadTerm[] {
  return Object.entries(care).flatMap(([type, pool]) => {
    if (typeof pool !== 'object' || pool === null || !('backgroundReferralsPerYear' in pool)) return [];
    const { backgroundReferralsPerYear, initialWaiting } = pool as { backgroundReferralsPerYear: number; initialWaiting: number };
    return [
      { path: ['care', type, 'backgroundReferralsPerYear'], arrivalsPerYear: backgroundReferralsPerYear },
      { path: ['care', type, 'initialWaiting'], arrivalsPerYear: initialWaiting },
    ];
  });
}

/** Each source of arrivals with the field that drives it; absences are named by their sector's pupils. */
export function workloadTerms(scenario: WorkloadInput): WorkloadTerm[] {
  const { onset } = scenario;
  const onsetTerms = Object.entries(scenario.region.pupils).map(([sector, pupils]) => {
    const rates = [onset.unauthorisedPerThousand, onset.authorisedPerThousand, onset.notEnrolledPerThousand, scenario.escalation.exemption.directPerThousand];
    const perThousand = rates.reduce((sum, rate) => sum + (rate[sector] ?? 0), 0);
    return { path: ['region', 'pupils', sector], arrivalsPerYear: (pupils * perThousand) / 1000 };
  });
  return [...onsetTerms, ...careTerms(scenario.care)];
}

/** The problem in words when the scenario is too large, else undefined. */
export function workloadProblem(scenario: WorkloadInput): { path: readonly string[]; message: string } | undefined {
  const terms = workloadTerms(scenario);
  const total = terms.reduce((sum, term) => sum + term.arrivalsPerYear, 0);
  if (total <= MAX_ARRIVALS_PER_YEAR) return undefined;
  const largest = terms.reduce((a, b) => (b.arrivalsPerYear > a.arrivalsPerYear ? b : a));
  const round = (n: number) => Math.round(n).toLocaleString('en-US');
  return {
    path: largest.path,
    message:
      `expected a scenario of at most ${round(MAX_ARRIVALS_PER_YEAR)} simulated arrivals a year (absences starting, exemption applications, care referrals, ` +
      `initial waiting lists; about three times the whole country), so that memory stays bounded, got about ${round(total)}, ` +
      `most from ${largest.path.join('.')} (${round(largest.arrivalsPerYear)} a year)`,
  };
}
