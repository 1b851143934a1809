// Names for schema keys and units, generated from the keys themselves ('cadenceWeeks' -> 'cadence
// weeks'); section names and one-word keys get a Dutch translation, the rest (often Dutch policy terms
// already, or model names) is shown as written, so a parameter the model gains is named without a
// change here.
import type { Unit } from '../form/form-model.js';
import type { Language } from '../state/url-state.js';

/** 'cadenceWeeks' -> 'cadence weeks', 'PO' stays 'PO', 'rvdkMinimumLevel' -> 'rvdk minimum level'. */
export function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .split(' ')
    .map((word) => (/^[A-Z]+$/.test(word) ? word : word.toLowerCase()))
    .join(' ');
}

// One-word keys (the sections, and fields such as 'capacity'); a longer key keeps its own words in
// both languages, since a word-by-word translation reads worse than the model's name.
const dutchKeys: Readonly<Record<string, string>> = {
  region: 'regio', pupils: 'leerlingen', schools: 'scholen', onset: 'ontstaan', needs: 'behoeften', detection: 'signalering',
  school: 'school', pathway: 'traject', care: 'zorg', escalation: 'escalatie', costs: 'kosten', policy: 'beleid',
  capacity: 'capaciteit', enabled: 'aan', name: 'naam', description: 'beschrijving', complexity: 'complexiteit',
  budgets: 'budgetten', mode: 'vorm', exemptions: 'vrijstellingen', exemption: 'vrijstelling', prevention: 'preventie',
  discipline: 'volgorde', body: 'orgaan', sectors: 'sectoren', caseload: 'caseload', arbitration: 'arbitrage',
};

export function keyLabel(key: string, lang: Language): string {
  const english = words(key);
  return lang === 'nl' ? (dutchKeys[english] ?? english) : english;
}

const unitNames: Readonly<Record<Language, Readonly<Record<Unit, string>>>> = {
  en: { weeks: 'weeks', years: 'years', eur: 'EUR', 'per-thousand': 'per 1,000 pupils per year', 'per-year': 'per year', share: 'share, 0 to 1', pupils: 'pupils', schools: 'schools', places: 'places' },
  nl: { weeks: 'weken', years: 'jaren', eur: 'EUR', 'per-thousand': 'per 1.000 leerlingen per jaar', 'per-year': 'per jaar', share: 'aandeel, 0 tot 1', pupils: 'leerlingen', schools: 'scholen', places: 'plaatsen' },
};

export function unitLabel(unit: Unit, lang: Language): string {
  return unitNames[lang][unit];
}
