import {
  normaliseTerritories,
  parseTerritory,
  regionOf,
  territoriesCovering,
  territoryCovers,
} from './territory';

describe('territory', () => {
  it('reads départements, régions and the country', () => {
    expect(parseTerritory('75')).toEqual({ code: '75', level: 'department' });
    expect(parseTerritory('2a')).toEqual({ code: '2A', level: 'department' });
    expect(parseTerritory('971')).toEqual({ code: '971', level: 'department' });
    expect(parseTerritory('R75')).toMatchObject({ level: 'region', name: 'Nouvelle-Aquitaine' });
    expect(parseTerritory('fr')).toMatchObject({ level: 'country' });
    expect(parseTerritory('1')).toEqual({ code: '01', level: 'department' });
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
    expect(territoriesCovering('2a')).toEqual(['2A', 'R94', 'FR']);
    expect(territoriesCovering('99')).toBeNull();
  });

  it('covers a place exactly when a call territory is among its covering codes', () => {
    const calls = ['FR', 'R84', 'R11', '63', '75', '2A', 'R94', '974', 'R04'];
    for (const place of ['FR', 'R84', 'R94', '63', '75', '2A', '974']) {
      const codes = territoriesCovering(place) ?? [];
      for (const call of calls)
        expect([call, place, codes.includes(call)]).toEqual([
          call,
          place,
          territoryCovers(call, place),
        ]);
    }
  });
});
