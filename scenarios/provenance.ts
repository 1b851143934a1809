// Where every default number of the scenario schema comes from: a seed document and section, a public
// statistic named in DOMAIN.md, or `assumption:` with the reason. Keys are dot paths; a key also covers
// everything below it (e.g. 'care.ggz.serviceWeeks' covers '.mean' and '.sd'), and the longest match wins.
// Numbers marked 'calibrated' were tuned so the baseline reproduces the national figures (docs/MODEL.md).

const DUO = 'DUO pupil counts 2016/17 (DOMAIN.md public statistics) divided by 75';
const CALIBRATED = 'assumption: calibrated so the baseline reproduces 4,215 pupils > 3 months (004 6.2) and LRV 3,140 new per year (parliamentary answer 2012Z06452), scaled by 1/75; see docs/MODEL.md';

const table: Readonly<Record<string, string>> = {
  warmupYears: 'assumption: two years let the stock of long cases and the waiting lists build up from the start',
  measuredYears: 'assumption: one school year, the period of the national counts (004 6.2)',
  followUpYears: 'assumption: three years of follow-up: with one year the 90th percentile of weeks to an offer fell among still-open episodes in 18 of 20 baseline replications, with three in 2 of 20; the rest is censored',
  'region.pupils': `${DUO}; split between PO/SO and VO/VSO is an assumption (about 2.4% SO, 3.7% VSO)`,
  'region.schools.PO': 'seed 004 6.2 (a little over 6,800 primary schools) / 75',
  'region.schools.VO': 'seed 004 6.2 (635 secondary schools) / 75',
  'region.schools.SO': 'assumption: about 150 special primary schools nationally, / 75',
  'region.schools.VSO': 'assumption: about 150 special secondary schools nationally, / 75',
  'onset.unauthorisedPerThousand': CALIBRATED,
  'onset.notEnrolledPerThousand': `${CALIBRATED}; higher in special education, where placements break down (003)`,
  'onset.authorisedPerThousand': 'seed 004 bijlage 2 (21): about 300,000 children with authorised absence, / 75 = 4,000 episodes per region-year',
  'onset.maskedShareOfAuthorised': `${CALIBRATED}; seed 003 (pupils registered as long-term sick while doubts exist) and 004 4.10 (authorised absence predicts thuiszitten)`,
  'onset.illnessWeeks': 'assumption: most illness absence lasts one or two weeks, with a long tail of long-term illness',
  'onset.relapseProbability': 'assumption: one in seven returned pupils drops out again (001: cases recur)',
  'onset.relapseGapWeeks': 'assumption: relapses mostly within the next school year',
  'onset.moveAwayPerYear': 'assumption: about 4% of families move out of the region each year',
  'needs.complexity': 'seed 004 5.1 (most situations simple, fewer complicated, rare complex/chaotic/stagnation); shares are an assumption',
  'needs.escalationPerWeek': 'seed 004 5.3 (the longer it lasts, the harder it gets); rate is an assumption: about one rung per 8 months at home',
  'needs.careType': 'assumption: about half of thuiszitters need youth care, youth GGZ for a fifth (001, 003: anxiety, GGZ waiting lists)',
  'needs.educationSupportShare': 'assumption: half need support beyond a return to the own school, more on higher rungs (001)',
  'needs.parentsCooperativeShare': 'assumption: most parents cooperate; 003 describes stalemates where parents reject the offer',
  'detection.goodRegistrationWeeks': 'seed 004 6.11 (weekly monitoring by the school)',
  'detection.poorRegistrationWeeks': 'seed 003 (registration and signalling quality differ strongly between schools); 3 weeks is an assumption',
  'detection.notEnrolledWeeks': 'assumption: absoluut verzuim is found by leerplicht through the population register within about two months',
  'detection.maskedConversionWeeks': `${CALIBRATED}; seed 003 (long-term sick notes without a doctor's check)`,
  'detection.youthHealthCheckWeeks': 'assumption: two weeks for the school doctor to see a pupil reported sick; 003 names the M@zl approach and asks for the GGD school doctor but gives no timing',
  'school.shareGoodRegistration': 'seed 004 6.2 (preventieakkoord: every school gets registration in order), so today not all; 60% is an assumption',
  'school.shareWithMdt': 'seed 004 6.2 (an MDT in every school is an advice, so not all have one); 70% is an assumption',
  'school.shareYouthHealthPresent': 'seed 004 6.2 (CJG presence in every school is an advice); 20% today is an assumption',
  'school.mdtCadenceWeeks': 'seed 003 (cases wait 4-6 weeks for the next care meeting) and 001 (every two weeks elsewhere): 5 weeks',
  'school.noMdtReferralWeeks': 'seed 003 (4-6 weeks before a case is discussed)',
  'school.simpleResolutionWeeks': 'seed 004 6.11 (school regie in the first four weeks) and 5.2 (dialogue solves simple cases)',
  'pathway.ownSchoolReturnWeeks': 'assumption: a return to the own school with light support takes about two weeks to arrange',
  'pathway.placeSearchWeeks': 'seed 001 ("after 6 or 8 weeks" a place or care is found); 7 weeks mean is an assumption',
  'pathway.complexityDelayPerLevel': 'seed 004 5.3 (each rung needs more parties and steps); 50% longer per rung is an assumption',
  'pathway.negotiationWeeks': 'seed 004 foreword and 001 (combined arrangements wait while parties negotiate who pays); 6 weeks is an assumption',
  'pathway.impasseByLevel': `${CALIBRATED}; seed 004 5.1 (stagnation: an obstacle blocks every route)`,
  'pathway.uncooperativeImpasseFactor': 'seed 003 (parents who reject the offer create a stalemate); factor is an assumption',
  'pathway.impasseCause': 'seed 004 5.1 (a school, parents or a budget holder refuses) and 001; weights are an assumption',
  'pathway.spontaneousResolutionWeeks': CALIBRATED,
  'pathway.successDecayPerLevel': 'seed 004 5.3 (higher rungs: fewer options, counter-reactions); 25% less per rung is an assumption',
  'care.ambulant': 'assumption: ambulant youth care slots and background referrals for a region of 34,000 pupils, short waits',
  'care.ggz': 'Treeknorm (DOMAIN.md: at most 4 + 10 weeks) is exceeded in youth GGZ (003, 004); slots and background demand are assumptions that give waits of about 8 weeks',
  'care.specialist': 'assumption: specialist youth care has few slots and long treatments, waits of months (001)',
  'care.ambulant.weeklyCostEur': 'assumption: about EUR 350 per week of ambulant youth care',
  'care.ggz.weeklyCostEur': 'assumption: about EUR 700 per week of youth GGZ treatment',
  'care.specialist.weeklyCostEur': 'assumption: about EUR 2,500 per week of specialist (residential/day) care',
  'care.ambulant.initialWaiting': 'assumption: the list is already there at the start (avoids a years-long fill from empty)',
  'care.ggz.initialWaiting': 'assumption: the list is already there at the start (avoids a years-long fill from empty)',
  'care.specialist.initialWaiting': 'assumption: the list is already there at the start (avoids a years-long fill from empty)',
  'escalation.leerplicht': 'seed 004 3.2.7 / 6.10 (leerplicht talks, then a proces-verbaal); chance and cost are assumptions',
  'escalation.leerplichtAfterWeeks': 'assumption: leerplicht is involved within two weeks of a stalemate with parents',
  'escalation.actietafel': 'seed 002/003 (action table, Doorbraakoverleg, monthly); places, chance and cost are assumptions',
  'escalation.actietafel.successProbability': CALIBRATED,
  'escalation.actietafelAfterWeeks': 'seed 002 (after 8 weeks without offer the case goes up); 6 weeks after the impasse is an assumption',
  'escalation.actietafelRetryWeeks': 'assumption: a failed case returns to the table about once a quarter',
  'escalation.om': 'seed 004 6.10 (7): decision within 1 week of the PV, officierszitting 6-8 weeks after; the only sanction a fine, so a low chance',
  'escalation.rvdk': 'seed 004 6.10 (7): the civil route, RvdK investigation then OTS; duration, places and chance are assumptions',
  'escalation.rvdkMinimumLevel': 'seed 004 5.1 (RvdK is involved from complex/chaotic situations)',
  'escalation.interventieteam': 'seed 002 (Interventieteam VO: after 10 weeks, a plan within 48 hours, a solution within 10 working days); chance and cost are assumptions',
  'escalation.exemption': 'seed 004 6.3/6.4 (art. 5a used as an escape route) and 003 (exemptions, -10% target); chances and timings are assumptions',
  costs: 'assumption: unit costs in euros of 2019, order of magnitude from public tariffs; used for comparing scenarios, not for budgets',
  'policy.casusregisseur.startWeek': 'seed 004 6.7 (regie after the first four weeks)',
  'policy.casusregisseur.forcePlaceWeeks': 'seed 000 (an independent team forces a plan within a week) and 002 (solution within 10 working days)',
  'policy.casusregisseur.caseload': 'assumption: about 40 open cases per region (several casusregisseurs)',
  'policy.casusregisseur.breakthroughWeek': 'seed 004 1.1 (8) and 6.11: doorbraakteam in week 12',
  'policy.casusregisseur.earlyBreakthroughWeek': 'seed 004 1.1 (8): after 8 weeks if no offer is expected within the next 4',
  'policy.casusregisseur.doorbraakteam': 'seed 004 6.8 (team of education, care, safety tables); cadence, places and chance are assumptions',
  'policy.casusregisseur.arbitrationConsentProbability': 'seed 004 6.9 (parents are asked to cooperate with binding arbitration); 70% is an assumption',
  'policy.casusregisseur.arbitrationBody': 'seed 004 6.9 (committee of parents\' representative, own and neighbouring SWV; binding); timings and chance are assumptions',
  'policy.casusregisseur.omReferralWeek': 'seed 004 6.11 (to the OM at the latest after three months)',
  'policy.budgets.potEurPerYear': 'seed 001 (one pot) and 004 6.7 (50/50); size is an assumption: about 30 combined arrangements a year',
  'policy.prevention.mdtCadenceWeeks': 'seed 001 (MDT every two weeks)',
  'policy.prevention.escalationReduction': 'seed 004 6.2 (early joint approach is more effective); 30% slower escalation is an assumption',
  'policy.prevention.onsetReduction': 'assumption: no onsets prevented unless a scenario says so',
};

export function provenanceOf(path: string): string | undefined {
  let key = path;
  for (;;) {
    const found = table[key];
    if (found !== undefined) return found;
    const dot = key.lastIndexOf('.');
    if (dot < 0) return undefined;
    key = key.slice(0, dot);
  }
}
