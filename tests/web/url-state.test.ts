// The page state in the URL: every state survives a round trip, the contract's examples read as the
// issue states them, and a bad parameter is named with what was expected.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPageState, LANGUAGES, MAX_SCENARIOS, parsePageState, type PageState } from '../../web/src/state/url-state.js';

const text = fc.string({ minLength: 0, maxLength: 12 });
const setText = fc.tuple(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9.]{0,20}$/), text).map(([path, value]) => `${path}=${value}`);
const state: fc.Arbitrary<PageState> = fc.record({
  scenarios: fc.array(fc.record({ ref: text, sets: fc.array(setText, { maxLength: 4 }) }), { minLength: 1, maxLength: MAX_SCENARIOS }),
  replications: fc.integer({ min: 1, max: 100_000 }),
  seed: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  run: fc.boolean(),
  lang: fc.constantFrom(...LANGUAGES),
});

describe('page state in the URL', () => {
  it('survives a round trip, whatever the names and values', () => {
    fc.assert(fc.property(state, (s) => {
      expect(parsePageState(formatPageState(s))).toEqual(s);
    }), { numRuns: 300 });
  });

  it('reads the automation contract: repeated scenarios, sets applying to the scenario before them', () => {
    const parsed = parsePageState('?scenario=baseline&scenario=casusregisseur&set=policy.casusregisseur.caseload=20&set=name=x%3Dy&replications=8&seed=3&run=1', 'en');
    expect(parsed).toEqual({
      scenarios: [
        { ref: 'baseline', sets: [] },
        { ref: 'casusregisseur', sets: ['policy.casusregisseur.caseload=20', 'name=x=y'] },
      ],
      replications: 8,
      seed: 3,
      run: true,
      lang: 'en',
    });
  });

  it('starts from baseline, 40 replications, seed 1 when the URL says nothing, and leaves unknown parameters alone', () => {
    expect(parsePageState('?utm=x', 'en')).toEqual({ scenarios: [{ ref: 'baseline', sets: [] }], replications: 40, seed: 1, run: false, lang: 'en' });
  });

  const refusals: Array<[string, string]> = [
    ['?replications=0', 'replications: expected a whole number from 1 to 100000, got "0"'],
    ['?replications=abc', 'replications: expected a whole number from 1 to 100000, got "abc"'],
    ['?replications=2.5', 'replications: expected a whole number from 1 to 100000, got "2.5"'],
    ['?seed=-1', `seed: expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got "-1"`],
    ['?seed=99999999999999999999', `seed: expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got "99999999999999999999"`],
    ['?set=care.ggz.capacity=3', 'set: expected a scenario named before it (set applies to the last scenario before it), got "care.ggz.capacity=3"'],
    ['?scenario=baseline&set=care.ggz.capacity', 'set: expected path=value, for example care.ggz.capacity=12, got "care.ggz.capacity"'],
    ['?lang=de', 'lang: expected one of nl, en, got "de"'],
    [`?${Array.from({ length: MAX_SCENARIOS + 1 }, () => 'scenario=baseline').join('&')}`, `scenario: expected at most ${MAX_SCENARIOS} scenarios (a reference and six to compare), got "baseline"`],
  ];
  it.each(refusals)('refuses %s', (search, message) => {
    expect(() => parsePageState(search)).toThrow(message);
  });
});
