import {
  ambiguousTerritoryMessage,
  departementsOf,
  findTerritoryByName,
  normaliseTerritories,
  parseTerritory,
  regionOf,
  territoriesCovering,
  territoriesInside,
  territoryCovers,
  territoryOverlapSql,
} from './territory';

describe('territory', () => {
  it('reads départements, régions and the country', () => {
    expect(parseTerritory('75')).toEqual({ code: '75', level: 'department', name: 'Paris' });
    expect(parseTerritory('2a')).toEqual({ code: '2A', level: 'department', name: 'Corse-du-Sud' });
    expect(parseTerritory('971')).toEqual({ code: '971', level: 'department', name: 'Guadeloupe' });
    expect(parseTerritory('R75')).toMatchObject({ level: 'region', name: 'Nouvelle-Aquitaine' });
    expect(parseTerritory('fr')).toMatchObject({ level: 'country' });
    expect(parseTerritory('1')).toEqual({ code: '01', level: 'department', name: 'Ain' });
  });

  it('rejects codes that are no French territory', () => {
    for (const code of ['20', '99', '975', 'R99', 'R5', 'Paris', '']) {
      expect(parseTerritory(code)).toBeNull();
    }
    expect(() => normaliseTerritories(['63', '99'])).toThrow(/99/);
  });

  it('deduplicates and normalises', () => {
    expect(normaliseTerritories(['63', ' 63', 'r84'])).toEqual(['63', 'R84']);
  });

  it('knows which région holds a département', () => {
    expect(regionOf('63')).toBe('R84');
    expect(regionOf('75')).toBe('R11');
    expect(regionOf('2B')).toBe('R94');
    expect(regionOf('974')).toBe('R04');
  });

  it('lets national and régional calls reach the départements inside them', () => {
    expect(territoryCovers('FR', '63')).toBe(true);
    expect(territoryCovers('R84', '63')).toBe(true);
    expect(territoryCovers('R84', '75')).toBe(false);
    expect(territoryCovers('63', '63')).toBe(true);
    expect(territoryCovers('63', 'R84')).toBe(false);
  });

  it('lists the codes that cover a place, for one array overlap in SQL', () => {
    expect(territoriesCovering('R84')).toEqual(['R84', 'FR']);
    expect(territoriesCovering('FR')).toEqual(['FR']);
    expect(territoriesCovering('2a')?.slice(0, 3)).toEqual(['2A', 'R94', 'FR']);
    expect(territoriesCovering('99')).toBeNull();
  });

  it('covers a place exactly when a call territory is among its covering codes', () => {
    const calls = ['FR', 'R84', 'R11', '63', '75', '2A', 'R94', '974', 'R04'];
    calls.push('63113', '63430', '246300701', '200070712', '246300966', '15040', '03185', '2A004');
    const places = ['FR', 'R84', 'R94', '63', '75', '2A', '974', '15', '03'];
    places.push('63113', '63430', '246300701', '246300966', '2A004');
    for (const place of places) {
      const codes = territoriesCovering(place) ?? [];
      for (const call of calls)
        expect([call, place, codes.includes(call)]).toEqual([
          call,
          place,
          territoryCovers(call, place),
        ]);
    }
  });

  it('matches a short covering list by array overlap, a long one by a hashed lookup', () => {
    expect(territoryOverlapSql('c.territory', '$2', territoriesCovering('63113'))).toBe(
      'c.territory && $2',
    );
    expect(territoryOverlapSql('c.territory', '$2', null)).toBe('c.territory && $2');
    expect(territoryOverlapSql('c.territory', ':covering', territoriesCovering('63'))).toBe(
      'EXISTS (SELECT 1 FROM unnest(c.territory) AS call_territory(code) WHERE call_territory.code = ANY(:covering))',
    );
  });

  describe('below the département, from the official geography', () => {
    it('reads communes by INSEE code and EPCI by SIREN', () => {
      expect(parseTerritory('63113')).toEqual({
        code: '63113',
        level: 'commune',
        name: 'Clermont-Ferrand',
        departement: '63',
      });
      expect(parseTerritory('2a004')).toMatchObject({ code: '2A004', name: 'Ajaccio' });
      expect(parseTerritory('97411')).toMatchObject({ level: 'commune', departement: '974' });
      expect(parseTerritory(' 246300701 ')).toEqual({
        code: '246300701',
        level: 'epci',
        name: 'Clermont Auvergne Métropole',
      });
    });

    it('refuses codes of no current commune or EPCI, naming them', () => {
      // 63999: no such commune; 75101: a municipal arrondissement; 97501: Saint-Pierre-et-Miquelon
      // (an overseas collectivity); 216301135: Clermont-Ferrand's own SIREN, not an EPCI.
      for (const code of ['63999', '75101', '97501', '999999999', '216301135', '6311', '2C004']) {
        expect(parseTerritory(code)).toBeNull();
      }
      expect(() => normaliseTerritories(['63113', '63999'])).toThrow(/« 63999 »/);
      expect(normaliseTerritories(['63113', '246300701', '2a004', '63'])).toEqual([
        '63113',
        '246300701',
        '2A004',
        '63',
      ]);
    });

    it('climbs from a commune to its EPCI, département, région and FR', () => {
      expect(territoriesCovering('63113')).toEqual(['63113', '246300701', '63', 'R84', 'FR']);
      expect(territoriesCovering('63430')).toEqual(['63430', '200070712', '63', 'R84', 'FR']);
      for (const call of ['246300701', '63', 'R84', 'FR']) {
        expect([call, territoryCovers(call, '63113')]).toEqual([call, true]);
      }
      for (const call of ['03', '63430', '200070712', 'R11', '15']) {
        expect([call, territoryCovers(call, '63113')]).toEqual([call, false]);
      }
    });

    it('lets a département see the calls of the communes and EPCI inside it', () => {
      expect(territoryCovers('63430', '63')).toBe(true); // Thiers
      expect(territoryCovers('246300701', '63')).toBe(true);
      expect(territoryCovers('246300966', '15')).toBe(true); // Massif du Sancy: 63 and 15
      expect(territoryCovers('03185', '63')).toBe(false); // Montluçon is in the Allier
      expect(territoriesInside('63')).toHaveLength(477); // 14 EPCI, 463 communes
      expect(territoriesInside('246300701')).toHaveLength(21);
      expect(territoriesInside('246300701')).toContain('63113');
      expect(territoriesInside('63113')).toEqual([]);
      // A région keeps its own calls only; a watch profile may take in its parts.
      expect(territoryCovers('63430', 'R84')).toBe(false);
      expect(territoriesInside('R84')).toEqual(expect.arrayContaining(['63', '03', '63430']));
    });

    it('lets an EPCI see the calls of its communes and of every département it spans', () => {
      const sancy = territoriesCovering('246300966')!;
      expect(sancy.slice(0, 5)).toEqual(['246300966', '63', '15', 'R84', 'FR']);
      expect(sancy).toContain('63038'); // La Bourboule
      expect(territoryCovers('15', '246300966')).toBe(true);
      expect(territoryCovers('63113', '246300966')).toBe(false);
    });

    it('lists the départements a list of territories touches', () => {
      expect(departementsOf(['FR'])).toHaveLength(101);
      expect(departementsOf(['FR'])).toEqual(expect.arrayContaining(['01', '2A', '2B', '976']));
      expect(departementsOf(['R84'])).toEqual([
        '01',
        '03',
        '07',
        '15',
        '26',
        '38',
        '42',
        '43',
        '63',
        '69',
        '73',
        '74',
      ]);
      expect(departementsOf(['63113', '246300701', '63'])).toEqual(['63']);
      expect(departementsOf(['246300966', '2a004', '974'])).toEqual(['15', '2A', '63', '974']);
      expect(departementsOf([])).toEqual([]);
      expect(() => departementsOf(['63', 'R99'])).toThrow(/« R99 »/);
    });

    it('finds territories by name, wherever unambiguous', () => {
      const found = (name: string) => {
        const lookup = findTerritoryByName(name);
        return lookup.kind === 'found' ? lookup.territory.code : lookup.kind;
      };
      expect(found('Clermont Auvergne Métropole')).toBe('246300701');
      expect(found('clermont auvergne metropole')).toBe('246300701');
      expect(found('Thiers')).toBe('63430');
      expect(found('  CLERMONT-FERRAND ')).toBe('63113');
      expect(found('Communauté de communes Thiers Dore et Montagne')).toBe('200070712');
      expect(found('Thiers Dore et Montagne')).toBe('200070712');
      expect(found('Puy-de-Dôme')).toBe('63');
      expect(found('Département du Puy-de-Dôme')).toBe('63');
      expect(found('Région Auvergne-Rhône-Alpes')).toBe('R84');
      expect(found('La Réunion')).toBe('974');
      // A département's name wins over a commune's: the commune needs its code.
      expect(found('Vienne')).toBe('86');
      expect(found('Atlantide')).toBe('unknown');
      expect(found('')).toBe('unknown');
    });

    it('refuses a name several communes share, naming each candidate code', () => {
      const lookup = findTerritoryByName('Beaumont');
      expect(lookup.kind).toBe('ambiguous');
      const candidates = lookup.kind === 'ambiguous' ? lookup.candidates : [];
      expect(candidates.map((c) => c.code)).toEqual(expect.arrayContaining(['63032', '07029']));
      const message = ambiguousTerritoryMessage('Beaumont', candidates);
      expect(message).toContain('« Beaumont » désigne plusieurs territoires');
      expect(message).toContain('63032 (Puy-de-Dôme)');
      expect(message).toContain('07029 (Ardèche)');
    });
  });
});
