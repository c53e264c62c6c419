import { extractAidTypes } from './aid-type.extractor';
import { extractAudiences } from './audience.extractor';
import { statusFromDates } from './call-status.util';
import { extractEuFund } from './eu-fund.extractor';
import { territoryCodesFromNames } from './territory.extractor';

describe(extractAidTypes.name, () => {
  it.each([
    ['Appel à projets 2027 — subvention de fonctionnement', ['subvention', 'aap']],
    ["Appel à manifestation d'intérêt (AMI) tiers-lieux", ['ami']],
    ['Avance remboursable à taux zéro', ['avance_remboursable']],
    ['Prêt d’honneur', ['pret']],
    ['Prix de l’innovation sociale', ['prix']],
    ['Marché public de formation', ['marche']],
  ])('"%s" → %j', (text, expected) => {
    expect(extractAidTypes(text)).toEqual(expected);
  });
});

describe(extractEuFund.name, () => {
  it.each([
    ['Programme LEADER du GAL Pays Dignois (FEADER)', 'FEADER_LEADER'],
    ['Fonds social européen plus — inclusion active', 'FSE_PLUS'],
    ['Axe 3 du FEDER', 'FEDER'],
    ['Interreg France-Suisse', 'INTERREG'],
    ['Erasmus+ éducation des adultes', 'ERASMUS_PLUS'],
    ['CERV-2027-CITIZENS', 'CERV'],
    ['Subvention régionale', null],
  ])('"%s" → %s', (text, expected) => {
    expect(extractEuFund(text)).toBe(expected);
  });
});

describe(extractAudiences.name, () => {
  it('normalises audience labels of the sources', () => {
    expect(
      extractAudiences(
        'Communes',
        'Intercommunalités / Pays',
        'Associations',
        "Établissements publics (écoles, bibliothèques…) / Services de l'État",
      ),
    ).toEqual(['associations', 'collectivites', 'etablissements_publics']);
    expect(extractAudiences('PME', 'Particuliers')).toEqual(['entreprises', 'particuliers']);
  });
});

describe(statusFromDates.name, () => {
  const dates = { opensAt: null, rolling: false, deadlines: [{ date: '2027-03-01' }] };
  it('is open until the end of the deadline day in Paris, closed after', () => {
    expect(statusFromDates(dates, new Date('2027-03-01T22:30:00Z'))).toBe('open'); // 23:30 in Paris
    expect(statusFromDates(dates, new Date('2027-03-01T23:30:00Z'))).toBe('closed'); // 00:30 on the 2nd
  });
  it('is forthcoming before the opening and open for rolling calls', () => {
    expect(statusFromDates({ ...dates, opensAt: '2027-02-01' }, '2027-01-15')).toBe('forthcoming');
    expect(statusFromDates({ opensAt: null, rolling: true, deadlines: [] }, '2030-01-01')).toBe(
      'open',
    );
  });
});

describe(territoryCodesFromNames.name, () => {
  it('resolves départements, régions and the whole country', () => {
    expect(
      territoryCodesFromNames(
        'Drôme',
        'Région Occitanie',
        'Corse-du-Sud',
        '- France entière -',
        'La Réunion',
        'Atlantide',
      ),
    ).toEqual(['26', 'R76', '2A', 'FR', '974']);
  });

  it('resolves communes and EPCI by name, dropping a name several communes share', () => {
    expect(
      territoryCodesFromNames(
        'Clermont Auvergne Métropole',
        'Thiers; Communauté de communes Thiers Dore et Montagne',
        'Beaumont',
        'Département du Puy-de-Dôme',
      ),
    ).toEqual(['246300701', '63430', '200070712', '63']);
  });
});
