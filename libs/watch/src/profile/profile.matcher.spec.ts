import { compileProfile } from './profile.compiler';
import { matchCall } from './profile.matcher';
import { PreparedCall } from './prepared-call';
import { MatchableCall, ProfileCriteria } from './watch-profile.types';

const TODAY = '2026-11-23';

const profile = (overrides: Partial<ProfileCriteria> = {}): ProfileCriteria => ({
  id: 'p1',
  organisationId: 'o1',
  themes: [],
  includeKeywords: [],
  excludeKeywords: [],
  territories: [],
  audiences: [],
  euFunds: [],
  minAmountCents: null,
  minScore: null,
  deadlineHorizonDays: null,
  ...overrides,
});

const call = (overrides: Partial<MatchableCall> = {}): MatchableCall => ({
  id: 'c1',
  title: 'Appel à projets Médiation numérique',
  descriptionText: 'Accompagner les publics éloignés du numérique dans leurs démarches.',
  funders: ['Région Auvergne-Rhône-Alpes'],
  status: 'open',
  nextDeadline: '2027-03-01',
  rolling: false,
  amountMinCents: null,
  amountMaxCents: 7_200_000,
  euFund: null,
  audiences: ['associations'],
  territory: ['R84'],
  classification: { score: 0.8, themes: [{ id: 'mediation_numerique', score: 0.9 }], euFund: null },
  ...overrides,
});

const matches = (criteria: Partial<ProfileCriteria>, callOverrides: Partial<MatchableCall> = {}) =>
  matchCall(compileProfile(profile(criteria)), new PreparedCall(call(callOverrides)), TODAY);

describe('matchCall', () => {
  it('lets a régional or national call reach a département inside it, not outside', () => {
    expect(matches({ territories: ['63'] })).not.toBeNull();
    expect(matches({ territories: ['63'] }, { territory: ['FR'] })).not.toBeNull();
    expect(matches({ territories: ['29'] })).toBeNull();
    expect(matches({ territories: ['R84'] }, { territory: ['63'] })).not.toBeNull();
  });

  it('lets a commune see the calls of its EPCI, département, région and FR, not its neighbours', () => {
    const clermont = { territories: ['63113'] };
    for (const territory of ['63113', '246300701', '63', 'R84', 'FR']) {
      expect([territory, matches(clermont, { territory: [territory] }) !== null]).toEqual([
        territory,
        true,
      ]);
    }
    for (const territory of ['03', '63430', '200070712', 'R11']) {
      expect([territory, matches(clermont, { territory: [territory] }) !== null]).toEqual([
        territory,
        false,
      ]);
    }
    expect(matches(clermont, { territory: ['246300701'] })?.reasons).toContain(
      'territoire couvert (246300701)',
    );
  });

  it('lets a département, a région and a GAL perimeter see the calls of the places inside', () => {
    expect(matches({ territories: ['63'] }, { territory: ['63430'] })).not.toBeNull();
    expect(matches({ territories: ['R84'] }, { territory: ['63430'] })).not.toBeNull();
    expect(matches({ territories: ['R84'] }, { territory: ['246300701'] })).not.toBeNull();
    expect(matches({ territories: ['03'] }, { territory: ['63430'] })).toBeNull();
    // A GAL: its EPCI; a call for one of their communes or their département reaches it.
    const gal = { territories: ['200070712', '246300966'] };
    expect(matches(gal, { territory: ['63430'] })).not.toBeNull();
    expect(matches(gal, { territory: ['15'] })).not.toBeNull();
    expect(matches(gal, { territory: ['63113'] })).toBeNull();
  });

  it('finds include keywords without accents or case, and exclusions always win', () => {
    expect(matches({ includeKeywords: ['DEMARCHES'] })?.reasons[0]).toBe('mot-clé « DEMARCHES »');
    expect(matches({ includeKeywords: ['tiers-lieu'] })).toBeNull();
    expect(
      matches({ themes: ['mediation_numerique'], excludeKeywords: ['publics éloignés'] }),
    ).toBeNull();
  });

  it('requires a wanted theme, the minimum score and the minimum amount', () => {
    // The score is the call's relevance (0.8), never averaged with the theme's correspondance.
    expect(matches({ themes: ['mediation_numerique'] })?.score).toBeCloseTo(0.8);
    expect(matches({ themes: ['fse'] })).toBeNull();
    expect(matches({ minScore: 0.9 })).toBeNull();
    expect(matches({ minScore: 0.5 }, { classification: null })).toBeNull();
    expect(matches({ minAmountCents: 10_000_000 })).toBeNull();
    expect(matches({ minAmountCents: 1_000_000 })?.reasons).toContain(
      'montant jusqu’à 72\u202f000\u00a0€',
    );
  });

  it('drops closed calls, past deadlines and deadlines beyond the horizon', () => {
    expect(matches({}, { status: 'closed' })).toBeNull();
    expect(matches({}, { nextDeadline: '2026-11-01' })).toBeNull();
    expect(matches({ deadlineHorizonDays: 30 })).toBeNull();
    expect(
      matches({ deadlineHorizonDays: 30 }, { rolling: true, nextDeadline: null }),
    ).not.toBeNull();
  });

  it('filters on audience and EU fund, from the call or its classification', () => {
    expect(matches({ audiences: ['entreprises'] })).toBeNull();
    expect(matches({ euFunds: ['FSE_PLUS'] })).toBeNull();
    expect(
      matches(
        { euFunds: ['FSE_PLUS'] },
        { classification: { score: 0.7, themes: [], euFund: 'FSE_PLUS' } },
      ),
    ).not.toBeNull();
  });

  it('shows the organisation’s figure and drops a call it marked « pas pour nous »', () => {
    const compiled = compileProfile(profile({ themes: ['mediation_numerique'], minScore: 0.4 }));
    const prepared = new PreparedCall(call());
    const labels = new Map([['mediation_numerique', 'Médiation numérique']]);
    const lowered = matchCall(compiled, prepared, TODAY, {
      figure: { score: 0.45, relevant: true, mark: null },
      themeLabels: labels,
    });
    expect(lowered?.score).toBe(0.45);
    expect(lowered?.reasons[0]).toBe('thème « Médiation numérique » (correspondance 90\u00a0%)');
    expect(lowered?.reasons.join(' ')).not.toContain('mediation_numerique');
    // Below the watch's minimum for this organisation: not listed, whatever the shared score.
    const below = { score: 0.37, relevant: false, mark: null };
    expect(matchCall(compiled, prepared, TODAY, { figure: below })).toBeNull();
    const dropped = { score: 0.9, relevant: false, mark: false };
    expect(matchCall(compiled, prepared, TODAY, { figure: dropped })).toBeNull();
  });

  it('drops a call the organisation’s legal form may not apply to, unless marked « pertinent »', () => {
    const compiled = compileProfile(profile({ themes: ['mediation_numerique'] }));
    const prepared = new PreparedCall(call());
    const ineligible = { score: 0.45, relevant: false, mark: null, notEligible: true };
    expect(matchCall(compiled, prepared, TODAY)).not.toBeNull();
    expect(matchCall(compiled, prepared, TODAY, { figure: ineligible })).toBeNull();
    const wanted = { ...ineligible, score: 0.9, relevant: true, mark: true };
    expect(matchCall(compiled, prepared, TODAY, { figure: wanted })?.score).toBe(0.9);
  });
});
