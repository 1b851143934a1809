// What each scenario field means and in which unit, for the JSON Schema that editors show on hover and in
// completion (`thuiszit schema`). Data only, keyed by dot path like provenance.ts (which says where each
// default comes from); a '*' segment matches any one key, and `{key}` in a text is replaced by the long
// name of the matched key (see KEY_NAMES). A new schema field needs a row here: the schema test names
// every property that has none.

export interface FieldText {
  readonly title: string;
  readonly description: string;
  /** The unit of a number, or of the values a distribution draws. */
  readonly unit?: string;
  /** For fields that are choices rather than estimates (switches, names): why the default is what it is. */
  readonly source?: string;
}

/** Long names of the keys that repeat under several fields, for `{key}` in the texts. */
export const KEY_NAMES: Readonly<Record<string, string>> = {
  PO: 'primary education (PO)',
  SO: 'special primary education (SO)',
  VO: 'secondary education (VO)',
  VSO: 'special secondary education (VSO)',
  none: 'no youth care',
  ambulant: 'ambulant youth care',
  ggz: 'youth mental health care (GGZ)',
  specialist: 'specialist youth care (residential or day treatment)',
  simple: 'simple situations',
  complicated: 'complicated situations',
  complex: 'complex situations',
  chaotic: 'chaotic situations',
  stagnation: 'stagnated situations',
  place: 'no fitting place',
  funding: 'no agreement on who pays',
  parents: 'parents who refuse the offer',
};

const SCENARIO_CHOICE = 'a setting of the scenario, not an estimate';
const POLICY_OFF = 'today\'s practice (the lever is off unless a policy scenario turns it on); the lever itself follows seed 004';
const SHARE_OF_WEIGHTS = 'A relative weight: the weights of the siblings are divided by their sum, so they need not add up to 1.';

/** A body that takes cases at meetings (escalation.leerplicht, .actietafel, .om, .rvdk, ...), by field. */
const meetingBody = (name: string): Record<string, FieldText> => ({
  '': { title: name, description: `The ${name}: meets every cadenceWeeks, takes up to slotsPerMeeting cases per meeting, handles each for handlingWeeks and then breaks the impasse with successProbability.` },
  cadenceWeeks: { title: 'Weeks between meetings', description: `Time from one meeting of the ${name} to the next.`, unit: 'weeks' },
  slotsPerMeeting: { title: 'Cases per meeting', description: `How many waiting cases the ${name} takes up at one meeting; the rest wait for the next.`, unit: 'cases (whole number)' },
  handlingWeeks: { title: 'Handling time', description: `Time the ${name} works on a case before its outcome is known.`, unit: 'weeks' },
  successProbability: { title: 'Chance of a breakthrough', description: `Chance that the ${name} ends the impasse (an offer follows); otherwise the case goes on to the next step.`, unit: 'probability (0-1)' },
  costEurPerCase: { title: 'Cost per case', description: `What one case handled by the ${name} costs.`, unit: 'euro per case' },
});

const prefixed = (prefix: string, rows: Record<string, FieldText>): Record<string, FieldText> =>
  Object.fromEntries(Object.entries(rows).map(([key, text]) => [key === '' ? prefix : `${prefix}.${key}`, text]));

export const FIELD_TEXTS: Readonly<Record<string, FieldText>> = {
  extends: { title: 'Extends', description: 'A built-in scenario name or a path (relative to this file) whose fields this file changes; fields not given here keep that scenario\'s values.', source: SCENARIO_CHOICE },
  name: { title: 'Scenario name', description: 'Short name used in outputs, tables and charts.', source: SCENARIO_CHOICE },
  description: { title: 'Scenario description', description: 'One or two sentences saying what the scenario changes, shown in the report.', source: SCENARIO_CHOICE },
  warmupYears: { title: 'Warm-up years', description: 'Simulated years before measuring starts, so waiting lists and long cases reach their usual level; nothing in them is counted.', unit: 'years (whole number)' },
  measuredYears: { title: 'Measured years', description: 'Years in which new episodes are counted and costs booked.', unit: 'years (whole number)' },
  followUpYears: { title: 'Follow-up years', description: 'Years simulated after the measured period, so episodes that started in it can end; what is still open then is censored.', unit: 'years (whole number)' },

  region: { title: 'Region', description: 'Size of the simulated region: pupils and schools per sector (default about 1/75 of the Netherlands).' },
  'region.pupils': { title: 'Pupils per sector', description: 'Number of pupils of school age in the region, per sector.' },
  'region.pupils.*': { title: 'Pupils in {key}', description: 'Pupils in {key} in the region.', unit: 'pupils (whole number)' },
  'region.schools': { title: 'Schools per sector', description: 'Number of schools in the region, per sector; pupils are spread over them and each school draws its own registration, MDT and youth-health presence.' },
  'region.schools.*': { title: 'Schools in {key}', description: 'Schools of {key} in the region.', unit: 'schools (whole number)' },

  onset: { title: 'Onset', description: 'How often absence episodes start, and of which kind.' },
  'onset.unauthorisedPerThousand': { title: 'Unauthorised absence per 1,000 pupils', description: 'New episodes of unauthorised absence (relatief verzuim that becomes long) per year, per 1,000 pupils, by sector.' },
  'onset.unauthorisedPerThousand.*': { title: 'Unauthorised absence, {key}', description: 'New episodes of unauthorised absence per year per 1,000 pupils in {key}.', unit: 'episodes per 1,000 pupils per year' },
  'onset.authorisedPerThousand': { title: 'Authorised absence per 1,000 pupils', description: 'New episodes of authorised absence (illness, exemption from attendance) per year, per 1,000 pupils, by sector; most end by themselves, a share hides a thuiszitter (maskedShareOfAuthorised).' },
  'onset.authorisedPerThousand.*': { title: 'Authorised absence, {key}', description: 'New episodes of authorised absence per year per 1,000 pupils in {key}.', unit: 'episodes per 1,000 pupils per year' },
  'onset.notEnrolledPerThousand': { title: 'Not enrolled per 1,000 pupils', description: 'New cases of children of school age not enrolled at any school (absoluut verzuim) per year, per 1,000 pupils, by sector.' },
  'onset.notEnrolledPerThousand.*': { title: 'Not enrolled, {key}', description: 'New cases of children not enrolled at any school per year per 1,000 pupils in {key}.', unit: 'cases per 1,000 pupils per year' },
  'onset.maskedShareOfAuthorised': { title: 'Masked share of authorised absence', description: 'Share of authorised-absence episodes that are in fact a thuiszitter behind a sick note, found only later (detection.maskedConversionWeeks).', unit: 'share (0-1)' },
  'onset.illnessWeeks': { title: 'Illness duration', description: 'How long an ordinary illness absence lasts.', unit: 'weeks' },
  'onset.relapseProbability': { title: 'Relapse chance', description: 'Chance that a pupil who returned to school drops out again.', unit: 'probability (0-1)' },
  'onset.relapseGapWeeks': { title: 'Time to relapse', description: 'Time from the return to school to the new episode, for pupils who relapse.', unit: 'weeks' },
  'onset.moveAwayPerYear': { title: 'Moving away', description: 'Yearly chance that a family moves out of the region; its open episode then ends uncounted.', unit: 'probability per year (0-1)' },

  needs: { title: 'Needs', description: 'What the child in an episode needs: how complex the situation is, which care, which education support.' },
  'needs.complexity': { title: 'Complexity shares', description: `Shares of new episodes on each rung of the complexity ladder (simple to stagnation). ${SHARE_OF_WEIGHTS}` },
  'needs.complexity.*': { title: 'Share of {key}', description: `Weight of {key} among new episodes. ${SHARE_OF_WEIGHTS}`, unit: 'relative weight (0-100)' },
  'needs.escalationPerWeek': { title: 'Escalation rate', description: 'Rate at which a situation climbs one rung of the complexity ladder while the child is at home.', unit: 'per week' },
  'needs.careType': { title: 'Care needed', description: `Shares of episodes needing no youth care or one of the three kinds. ${SHARE_OF_WEIGHTS}` },
  'needs.careType.*': { title: 'Share needing {key}', description: `Weight of episodes needing {key}. ${SHARE_OF_WEIGHTS}`, unit: 'relative weight (0-100)' },
  'needs.educationSupportShare': { title: 'Education support share', description: 'Share of episodes that need a support or combined arrangement rather than a plain return to the own school; higher on higher rungs.', unit: 'share (0-1)' },
  'needs.parentsCooperativeShare': { title: 'Cooperative parents', description: 'Share of episodes in which the parents cooperate with the offer; otherwise an impasse is likelier (pathway.uncooperativeImpasseFactor).', unit: 'share (0-1)' },

  detection: { title: 'Detection', description: 'Time from the start of an episode until someone who can act knows of it.' },
  'detection.goodRegistrationWeeks': { title: 'Detection, good registration', description: 'Time until a school whose absence registration is in order reports the absence.', unit: 'weeks' },
  'detection.poorRegistrationWeeks': { title: 'Detection, poor registration', description: 'Time until a school whose absence registration is poor reports the absence.', unit: 'weeks' },
  'detection.notEnrolledWeeks': { title: 'Detection, not enrolled', description: 'Time until leerplicht finds a child who is enrolled nowhere.', unit: 'weeks' },
  'detection.maskedConversionWeeks': { title: 'Unmasking time', description: 'Time until a thuiszitter hidden behind authorised absence is recognised as one.', unit: 'weeks' },
  'detection.youthHealthCheckWeeks': { title: 'Youth-health check', description: 'Time for the school doctor to see a pupil reported sick, at schools where youth health care is present.', unit: 'weeks' },

  school: { title: 'Schools', description: 'What schools have in place and how fast they act.' },
  'school.shareGoodRegistration': { title: 'Schools with good registration', description: 'Share of schools whose absence registration is in order.', unit: 'share (0-1)' },
  'school.shareWithMdt': { title: 'Schools with an MDT', description: 'Share of schools with a multidisciplinary team (MDT) that discusses cases.', unit: 'share (0-1)' },
  'school.shareYouthHealthPresent': { title: 'Schools with youth health care', description: 'Share of schools where youth health care (school doctor, CJG) is present.', unit: 'share (0-1)' },
  'school.mdtCadenceWeeks': { title: 'MDT cadence', description: 'Weeks between two meetings of a school\'s MDT.', unit: 'weeks' },
  'school.noMdtReferralWeeks': { title: 'Referral without MDT', description: 'Time until a school without an MDT gets a case discussed elsewhere.', unit: 'weeks' },
  'school.simpleResolutionWeeks': { title: 'School solves a simple case', description: 'Time the school needs to solve a simple situation itself.', unit: 'weeks' },

  pathway: { title: 'Pathway', description: 'From detection to an offer: search, negotiation, impasses.' },
  'pathway.ownSchoolReturnWeeks': { title: 'Return to own school', description: 'Time to arrange a return to the own school with light support.', unit: 'weeks' },
  'pathway.placeSearchWeeks': { title: 'Place search', description: 'Time to find a fitting school place or arrangement, for a simple situation (longer on higher rungs: complexityDelayPerLevel).', unit: 'weeks' },
  'pathway.complexityDelayPerLevel': { title: 'Extra search time per rung', description: 'The place search takes (1 + this x rung) times as long, with rung 0 for simple situations.', unit: 'fraction per rung' },
  'pathway.negotiationWeeks': { title: 'Negotiation', description: 'Time the parties negotiate who pays for a combined education-care arrangement.', unit: 'weeks' },
  'pathway.impasseByLevel': { title: 'Impasse chance by rung', description: 'Chance that the search ends in an impasse, by complexity rung (simple situations never do).' },
  'pathway.impasseByLevel.*': { title: 'Impasse chance, {key}', description: 'Chance that the search for {key} ends in an impasse.', unit: 'probability (0-1)' },
  'pathway.uncooperativeImpasseFactor': { title: 'Impasse factor, uncooperative parents', description: 'The impasse chance is multiplied by this when parents do not cooperate (capped at 1).', unit: 'factor (1-10)' },
  'pathway.impasseCause': { title: 'Impasse causes', description: `Weights of the causes of an impasse; the cause decides which remedy works. ${SHARE_OF_WEIGHTS}` },
  'pathway.impasseCause.*': { title: 'Cause: {key}', description: `Weight of impasses caused by {key}. ${SHARE_OF_WEIGHTS}`, unit: 'relative weight (0-100)' },
  'pathway.spontaneousResolutionWeeks': { title: 'Spontaneous resolution', description: 'Time until a stuck situation resolves without any intervention (the family finds its own way).', unit: 'weeks' },
  'pathway.successDecayPerLevel': { title: 'Success decay per rung', description: 'An escalation body\'s chance of a breakthrough is multiplied by this for every rung above simple.', unit: 'factor per rung (0-1)' },

  care: { title: 'Youth care', description: 'The three kinds of youth care: places, treatment times, other demand, costs.' },
  'care.*': { title: '{key}', description: 'Capacity, treatment time, background demand and cost of {key}; thuiszitters queue with other referred children.' },
  'care.*.capacity': { title: 'Places', description: 'Children the providers of {key} treat at the same time in the region.', unit: 'places (whole number)' },
  'care.*.serviceWeeks': { title: 'Treatment time', description: 'How long one treatment of {key} occupies a place.', unit: 'weeks' },
  'care.*.backgroundReferralsPerYear': { title: 'Other referrals per year', description: 'Children who are not thuiszitters referred to {key} per year; they share the places and the waiting list.', unit: 'referrals per year' },
  'care.*.initialWaiting': { title: 'Waiting list at the start', description: 'Children already on the waiting list of {key} when the simulation starts.', unit: 'children (whole number)' },
  'care.*.discipline': { title: 'Queue order', description: 'fifo: first come, first served; thuiszitter-priority: thuiszitters go ahead of other referrals on the waiting list.', source: 'today\'s practice is fifo; thuiszitter-priority is the care-priority policy (seed 004)' },
  'care.*.alternativeWithinWeeks': { title: 'Alternative within', description: 'If set, a child still waiting this long for {key} gets a fitting alternative outside the list (Utrecht, seed 002); null: no such guarantee.', unit: 'weeks, or null', source: 'today\'s practice has no guarantee (null); the Utrecht preset sets 2 weeks after seed 002' },
  'care.*.weeklyCostEur': { title: 'Cost per week', description: 'What one week of {key} costs.', unit: 'euro per week' },
  'care.careBeforeAttendance': { title: 'Care before school', description: 'Per kind of care: true if a child must have started that care before a return to school is arranged.' },
  'care.careBeforeAttendance.*': { title: '{key} first', description: 'true: a child needing {key} returns to school only after the care has started; false: both at once.', source: 'assumption: ambulant care runs alongside school; GGZ and specialist treatment come first (seed 003: GGZ waiting lists keep children at home)' },

  escalation: { title: 'Escalation', description: 'The bodies a case goes to after an impasse, in order: leerplicht, the action table, the OM or the Raad voor de Kinderbescherming, and the exemption route.' },
  ...prefixed('escalation.leerplicht', meetingBody('leerplicht (compulsory-education officer)')),
  'escalation.leerplichtAfterWeeks': { title: 'Leerplicht after', description: 'Weeks after an impasse with the parents before leerplicht takes up the case.', unit: 'weeks' },
  ...prefixed('escalation.actietafel', meetingBody('action table (actietafel, Doorbraakoverleg)')),
  'escalation.actietafelAfterWeeks': { title: 'Action table after', description: 'Weeks after the impasse before the case goes to the action table.', unit: 'weeks' },
  'escalation.actietafelRetryWeeks': { title: 'Action table retry', description: 'Weeks after a failed attempt before the case returns to the table.', unit: 'weeks' },
  ...prefixed('escalation.om', meetingBody('public prosecutor (OM)')),
  ...prefixed('escalation.rvdk', meetingBody('child protection board (Raad voor de Kinderbescherming)')),
  'escalation.rvdkMinimumLevel': { title: 'Civil route from rung', description: 'The lowest complexity rung (0 simple, 1 complicated, 2 complex, 3 chaotic, 4 stagnation) at which the case takes the civil route to the child protection board instead of the OM.', unit: 'rung (whole number 0-4)' },
  'escalation.interventieteam': { title: 'Intervention team', description: 'An intervention team that takes cases of the given sectors after afterWeeks without an offer (Interventieteam VO, seed 002).' },
  'escalation.interventieteam.enabled': { title: 'Intervention team on', description: 'true: the intervention team takes cases.', source: POLICY_OFF },
  'escalation.interventieteam.sectors': { title: 'Sectors', description: 'The sectors (PO, SO, VO, VSO) whose cases the intervention team takes.', source: 'seed 002: the Interventieteam VO works for secondary education' },
  'escalation.interventieteam.afterWeeks': { title: 'Intervention team after', description: 'Weeks without an offer before the intervention team takes the case.', unit: 'weeks' },
  ...prefixed('escalation.interventieteam.body', meetingBody('intervention team')),
  'escalation.exemption': { title: 'Exemption route', description: 'Parents or the school may apply for an exemption from compulsory education (art. 5a), which ends the episode without an offer.' },
  'escalation.exemption.applyProbability': { title: 'Chance of applying', description: 'Chance that an exemption is applied for in an eligible stuck case.', unit: 'probability (0-1)' },
  'escalation.exemption.applyAfterWeeks': { title: 'Application after', description: 'Time from the impasse to the application.', unit: 'weeks' },
  'escalation.exemption.decisionWeeks': { title: 'Decision time', description: 'Time from the application to the decision.', unit: 'weeks' },
  'escalation.exemption.grantProbability': { title: 'Chance of a grant', description: 'Chance that the exemption is granted.', unit: 'probability (0-1)' },
  'escalation.exemption.costEurPerCase': { title: 'Cost per case', description: 'Cost of handling one exemption application.', unit: 'euro per case' },

  costs: { title: 'Unit costs', description: 'Costs per case of the steps not priced elsewhere, for comparing scenarios.' },
  'costs.schoolRegieEurPerCase': { title: 'School regie', description: 'Cost of the school handling a case itself in the first weeks.', unit: 'euro per case' },
  'costs.mdtEurPerCase': { title: 'MDT', description: 'Cost of a case discussed by a multidisciplinary team.', unit: 'euro per case' },
  'costs.supportArrangementEur': { title: 'Support arrangement', description: 'Cost of an education support arrangement.', unit: 'euro per arrangement' },
  'costs.combinedArrangementEur': { title: 'Combined arrangement', description: 'Cost of a combined education-care arrangement.', unit: 'euro per arrangement' },
  'costs.casusregisseurEurPerCase': { title: 'Casusregisseur', description: 'Cost of a casusregisseur taking a case.', unit: 'euro per case' },
  'costs.waitingListBypassPremium': { title: 'Bypass premium', description: 'Care bought around a waiting list costs (1 + this) times the weekly cost.', unit: 'fraction (0.25 = 25% more)' },

  policy: { title: 'Policy levers', description: 'The policy choices a scenario compares; all off or at today\'s practice in the baseline.' },
  'policy.absenceDistinction': { title: 'Authorised/unauthorised distinction', description: 'authorised-unauthorised: today\'s split, in which authorised absence is not followed up; abolished: every long absence is followed up the same way.', source: 'today\'s practice; abolishing it is the advice of seed 004 6.2' },
  'policy.casusregisseur': { title: 'Casusregisseur', description: 'An independent case director who takes stuck cases after startWeek, can force a place or 50/50 funding and escalates at fixed weeks (seed 004 6.7-6.11).' },
  'policy.casusregisseur.enabled': { title: 'Casusregisseur on', description: 'true: cases get a casusregisseur.', source: POLICY_OFF },
  'policy.casusregisseur.startWeek': { title: 'Start week', description: 'Weeks after the start of the episode at which the casusregisseur takes over.', unit: 'weeks' },
  'policy.casusregisseur.bypassWaitingLists': { title: 'Bypass waiting lists', description: 'true: the casusregisseur buys care around the waiting list (at costs.waitingListBypassPremium).', source: 'seed 004 6.7 (the casusregisseur can arrange care without waiting)' },
  'policy.casusregisseur.forcePlace': { title: 'Force a place', description: 'true: the casusregisseur can force a school place within forcePlaceWeeks.', source: 'seed 004 6.7 (doorzettingsmacht)' },
  'policy.casusregisseur.forcePlaceWeeks': { title: 'Forcing a place', description: 'Time the casusregisseur needs to force a place.', unit: 'weeks' },
  'policy.casusregisseur.fund5050': { title: '50/50 funding', description: 'true: education and care pay half each while they disagree, so negotiation does not block the offer.', source: 'seed 004 6.7 (50/50 pre-financing)' },
  'policy.casusregisseur.caseload': { title: 'Caseload', description: 'Open cases the casusregisseurs of the region can hold at once; others wait for a free one.', unit: 'cases (whole number)' },
  'policy.casusregisseur.breakthroughWeek': { title: 'Breakthrough week', description: 'Week of the episode at which a case without an offer goes to the doorbraakteam.', unit: 'weeks since onset' },
  'policy.casusregisseur.earlyBreakthroughWeek': { title: 'Early breakthrough week', description: 'Week at which a case goes to the doorbraakteam early when no offer is expected in the next four weeks.', unit: 'weeks since onset' },
  ...prefixed('policy.casusregisseur.doorbraakteam', meetingBody('doorbraakteam (breakthrough team)')),
  'policy.casusregisseur.arbitration': { title: 'Binding arbitration', description: 'true: a case the doorbraakteam cannot solve goes to binding arbitration, if the parents consent.', source: 'seed 004 6.9' },
  'policy.casusregisseur.arbitrationConsentProbability': { title: 'Parents consent', description: 'Chance that parents agree to binding arbitration.', unit: 'probability (0-1)' },
  ...prefixed('policy.casusregisseur.arbitrationBody', meetingBody('arbitration committee')),
  'policy.casusregisseur.omReferralWeek': { title: 'OM referral week', description: 'Week of the episode at which a case still without an offer goes to the public prosecutor at the latest.', unit: 'weeks since onset' },
  'policy.budgets': { title: 'Budgets', description: 'Whether education and care budgets are separate or bundled in one regional pot.' },
  'policy.budgets.mode': { title: 'Budget mode', description: 'separate: each party pays from its own budget and combined arrangements wait for negotiation; bundled: one pot pays without negotiating while it lasts.', source: 'today\'s practice is separate; bundled follows seed 001 (one pot)' },
  'policy.budgets.potEurPerYear': { title: 'Pot per year', description: 'Size of the bundled pot, per year.', unit: 'euro per year' },
  'policy.exemptions': { title: 'Exemptions', description: 'allowed: the exemption route (escalation.exemption) exists; abolished: no exemptions for these children.', source: 'today\'s practice; abolishing is the variant of seed 004 6.3/6.4' },
  'policy.prevention': { title: 'Prevention', description: 'Every school gets registration in order, an MDT and youth health care, and situations escalate more slowly (seed 004 6.2).' },
  'policy.prevention.enabled': { title: 'Prevention on', description: 'true: the prevention measures below apply.', source: POLICY_OFF },
  'policy.prevention.registrationOnOrder': { title: 'Registration in order', description: 'true: every school\'s absence registration is in order.', source: 'seed 004 6.2 (preventieakkoord)' },
  'policy.prevention.mdtInEverySchool': { title: 'MDT in every school', description: 'true: every school has an MDT.', source: 'seed 004 6.2' },
  'policy.prevention.mdtCadenceWeeks': { title: 'MDT cadence', description: 'Weeks between MDT meetings under prevention.', unit: 'weeks' },
  'policy.prevention.youthHealthInEverySchool': { title: 'Youth health care in every school', description: 'true: youth health care is present at every school.', source: 'seed 004 6.2' },
  'policy.prevention.escalationReduction': { title: 'Slower escalation', description: 'needs.escalationPerWeek is multiplied by (1 - this).', unit: 'fraction (0-1)' },
  'policy.prevention.onsetReduction': { title: 'Prevented onsets', description: 'Share of new episodes (other than plain illness) that prevention stops before they start.', unit: 'share (0-1)' },
};
