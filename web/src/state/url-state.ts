// The page state lives in the URL, so a link reproduces a comparison exactly. The format is the
// automation contract of the web app: `?scenario=<name>` (repeatable, the first is the reference),
// `&set=<path>=<value>` (repeatable, applies to the last scenario named before it), `&replications=N`,
// `&seed=S`, `&run=1` to start at once, and `&lang=nl|en`.

export const MAX_SCENARIOS = 7;
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface ScenarioChoice {
  /** A built-in scenario name, or '' for a scenario that extends nothing (the schema's defaults). */
  ref: string;
  /** Overrides as `thuiszit --set` takes them: 'care.ggz.capacity=12'. */
  sets: string[];
}

export interface PageState {
  scenarios: ScenarioChoice[];
  replications: number;
  seed: number;
  run: boolean;
  lang: Language;
}

export const DEFAULT_STATE: Readonly<PageState> = { scenarios: [{ ref: 'baseline', sets: [] }], replications: 40, seed: 1, run: false, lang: 'nl' };

/** A problem with the URL, said the way the command line says a bad option. */
export class UrlStateError extends Error {
  constructor(readonly parameter: string, value: string, expected: string) {
    super(`${parameter}: expected ${expected}, got ${JSON.stringify(value)}`);
    this.name = 'UrlStateError';
  }
}

function wholeNumber(name: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new UrlStateError(name, text, `a whole number from ${min} to ${max}`);
  return value;
}

/** Reads the state from a query string; parameters it does not know are left alone (embedders may add theirs). */
export function parsePageState(search: string, fallbackLang: Language = DEFAULT_STATE.lang): PageState {
  const params = new URLSearchParams(search);
  const scenarios: ScenarioChoice[] = [];
  let replications = DEFAULT_STATE.replications;
  let seed = DEFAULT_STATE.seed;
  let run = false;
  let lang = fallbackLang;
  for (const [name, value] of params) {
    if (name === 'scenario') {
      if (scenarios.length >= MAX_SCENARIOS) throw new UrlStateError('scenario', value, `at most ${MAX_SCENARIOS} scenarios (a reference and six to compare)`);
      scenarios.push({ ref: value, sets: [] });
    } else if (name === 'set') {
      const last = scenarios[scenarios.length - 1];
      if (last === undefined) throw new UrlStateError('set', value, 'a scenario named before it (set applies to the last scenario before it)');
      if (!value.includes('=')) throw new UrlStateError('set', value, 'path=value, for example care.ggz.capacity=12');
      last.sets.push(value);
    } else if (name === 'replications') {
      replications = wholeNumber('replications', value, 1, 100_000);
    } else if (name === 'seed') {
      seed = wholeNumber('seed', value, 0, Number.MAX_SAFE_INTEGER);
    } else if (name === 'run') {
      run = value === '1' || value === 'true';
    } else if (name === 'lang') {
      if (!(LANGUAGES as readonly string[]).includes(value)) throw new UrlStateError('lang', value, `one of ${LANGUAGES.join(', ')}`);
      lang = value as Language;
    }
  }
  return { scenarios: scenarios.length > 0 ? scenarios : structuredClone(DEFAULT_STATE.scenarios), replications, seed, run, lang };
}

/** The query string of a state, parameters in the contract's order so equal states give equal links. */
export function formatPageState(state: PageState): string {
  const params = new URLSearchParams();
  for (const scenario of state.scenarios) {
    params.append('scenario', scenario.ref);
    for (const set of scenario.sets) params.append('set', set);
  }
  params.append('replications', String(state.replications));
  params.append('seed', String(state.seed));
  params.append('lang', state.lang);
  if (state.run) params.append('run', '1');
  return `?${params.toString()}`;
}
