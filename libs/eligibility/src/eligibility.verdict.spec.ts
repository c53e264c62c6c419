import type { Beneficiary } from './eligibility.types';
import { eligibilityVerdict } from './eligibility.verdict';

const b = (
  category: Beneficiary['category'],
  strength: Beneficiary['strength'],
  words: string,
): Beneficiary => ({ category, strength, words, field: 'description' });

describe(eligibilityVerdict.name, () => {
  const forCompanies = [b('entreprises', 'only', 'réservé aux TPE et PME')];

  it('tells an association it cannot apply to a call only for companies, with the words', () => {
    expect(eligibilityVerdict('association', forCompanies)).toEqual({
      verdict: 'not_eligible',
      categories: ['entreprises'],
      strength: 'only',
      words: ['réservé aux TPE et PME'],
      summary: 'Non éligible : réservé aux entreprises (« réservé aux TPE et PME »)',
    });
  });

  it('tells a company (and an ESS company) it can', () => {
    expect(eligibilityVerdict('entreprise', forCompanies).summary).toBe(
      'Éligible : réservé aux entreprises (« réservé aux TPE et PME »)',
    );
    expect(eligibilityVerdict('scic_scop', forCompanies).verdict).toBe('eligible');
  });

  it('makes an association eligible where associations, ESS structures or anyone are listed', () => {
    for (const category of ['associations', 'ess', 'open'] as const) {
      const listed = [
        b('communes', 'listed', 'Bénéficiaires : communes'),
        b(category, 'listed', 'et autres'),
      ];
      expect(eligibilityVerdict('association', listed).verdict).toBe('eligible');
    }
  });

  it('makes a commune eligible for collectivités in general or communes, not for EPCI only', () => {
    const collectivites = [b('collectivites', 'listed', 'destiné aux collectivités')];
    expect(eligibilityVerdict('commune', collectivites).verdict).toBe('eligible');
    expect(eligibilityVerdict('epci', collectivites).verdict).toBe('eligible');
    const epciOnly = [b('epci', 'only', 'réservé aux EPCI')];
    expect(eligibilityVerdict('commune', epciOnly)).toMatchObject({
      verdict: 'not_eligible',
      summary: 'Non éligible : réservé aux intercommunalités (EPCI) (« réservé aux EPCI »)',
    });
  });

  it('lets « réservé aux » win over a wider list, and an exclusion win over both', () => {
    const mixed = [
      b('associations', 'listed', 'les associations peuvent candidater'),
      b('communes', 'only', 'réservé aux communes'),
    ];
    expect(eligibilityVerdict('association', mixed).verdict).toBe('not_eligible');
    const excluded = [
      b('open', 'listed', 'tout porteur de projet'),
      b('associations', 'excluded', 'les associations ne sont pas éligibles'),
    ];
    expect(eligibilityVerdict('association', excluded)).toMatchObject({
      verdict: 'not_eligible',
      summary:
        'Non éligible : l’appel exclut les associations (« les associations ne sont pas éligibles »)',
    });
  });

  it('says nothing from mere mentions, or when the call says nothing', () => {
    expect(eligibilityVerdict('association', [b('entreprises', 'mention', 'entreprises')])).toEqual(
      {
        verdict: 'unknown',
        categories: [],
        strength: null,
        words: [],
        summary: 'Éligibilité non précisée',
      },
    );
    expect(eligibilityVerdict('association', []).verdict).toBe('unknown');
  });

  it('does not guess for « autre » or a structure without a legal form', () => {
    expect(eligibilityVerdict('autre', forCompanies).verdict).toBe('unknown');
    expect(eligibilityVerdict('autre', [b('open', 'listed', 'ouvert à tous')]).verdict).toBe(
      'eligible',
    );
    expect(eligibilityVerdict(null, forCompanies)).toMatchObject({
      verdict: 'unknown',
      summary: 'Éligibilité non évaluée : forme juridique de la structure non renseignée',
    });
  });
});
