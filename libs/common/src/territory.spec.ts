import { normaliseTerritories, parseTerritory, regionOf, territoryCovers } from './territory';

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
});
