import { parseCallFilter } from './call-filter.util';

const themes = new Set(['mediation_numerique', 'inclusion']);
const funds = new Set(['FSE_PLUS', 'FEDER']);

describe('parseCallFilter', () => {
  it('defaults to relevant open and forthcoming calls, first page', () => {
    const parsed = parseCallFilter({}, themes, funds);
    expect(parsed.errors).toEqual([]);
    expect(parsed.statuses).toEqual(['open', 'forthcoming']);
    expect(parsed.form).toMatchObject({ relevance: 'pertinents', status: 'ouverts', page: 1 });
  });

  it('reads every filter', () => {
    const parsed = parseCallFilter(
      {
        q: ' numérique ',
        theme: 'inclusion',
        territoire: '63',
        echeance: '2027-03-15',
        montant: '5 000',
        fonds: 'FSE_PLUS',
        statut: 'clos',
        pertinence: 'tous',
        page: '3',
      },
      themes,
      funds,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.form.q).toBe('numérique');
    expect(parsed.coveringTerritories?.slice(0, 3)).toEqual(['63', 'R84', 'FR']);
    expect(parsed.coveringTerritories).toContain('63430'); // Thiers, inside the Puy-de-Dôme
    expect(parsed.amountMinCents).toBe(500_000);
    expect(parsed.statuses).toEqual(['closed', 'withdrawn']);
    expect(parsed.form.page).toBe(3);
  });

  it('keeps wrong values with a French message next to each field', () => {
    const parsed = parseCallFilter(
      {
        theme: 'jardinage',
        territoire: '99',
        echeance: '2027-02-30',
        montant: 'beaucoup',
        fonds: 'X',
      },
      themes,
      funds,
    );
    expect(parsed.errors.map((e) => e.field).sort()).toEqual(
      ['echeance', 'fonds', 'montant', 'territoire', 'theme'].sort(),
    );
    expect(parsed.form.territory).toBe('99');
    expect(parsed.form.amountMin).toBe('beaucoup');
    expect(parsed.coveringTerritories).toBeNull();
    expect(parsed.amountMinCents).toBeNull();
  });

  it('filters for a commune or an EPCI, and names an unknown code', () => {
    const clermont = parseCallFilter({ territoire: '63113' }, themes, funds);
    expect(clermont.errors).toEqual([]);
    expect(clermont.coveringTerritories).toEqual(['63113', '246300701', '63', 'R84', 'FR']);
    const metropole = parseCallFilter({ territoire: '246300701' }, themes, funds);
    expect(metropole.coveringTerritories).toContain('63113');
    const unknown = parseCallFilter({ territoire: '63999' }, themes, funds);
    expect(unknown.errors).toEqual([
      { field: 'territoire', message: expect.stringContaining('Territoire inconnu : « 63999 »') },
    ]);
  });

  it('item 13: reads a territory name as the watch form does', () => {
    const byName = parseCallFilter({ territoire: 'Puy-de-Dôme' }, themes, funds);
    expect(byName.errors).toEqual([]);
    expect(byName.coveringTerritories).toEqual(
      parseCallFilter({ territoire: '63' }, themes, funds).coveringTerritories,
    );
    const shared = parseCallFilter({ territoire: 'Beaumont' }, themes, funds);
    expect(shared.errors).toEqual([
      { field: 'territoire', message: expect.stringContaining('désigne plusieurs territoires') },
    ]);
    expect(shared.coveringTerritories).toBeNull();
  });

  it('ignores an unknown status, relevance or page instead of failing', () => {
    const parsed = parseCallFilter({ statut: 'x', pertinence: 'y', page: '-2' }, themes, funds);
    expect(parsed.form).toMatchObject({ status: 'ouverts', relevance: 'pertinents', page: 1 });
  });
});
