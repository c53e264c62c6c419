import { readFileSync } from 'node:fs';
import { officialAreas, officialLocalities } from './official-geography.util';

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
}
interface RawEpci {
  code: string;
  nom: string;
  membres: Array<{ code: string }>;
}

const parsed = <T>(file: string): T =>
  JSON.parse(
    readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}.json`), 'utf8'),
  ) as T;

describe('official geography', () => {
  it('reads the 18 régions and 101 départements, without overseas collectivities', () => {
    const { regions, departements } = officialAreas();
    expect(regions.size).toBe(18);
    expect(departements.size).toBe(101);
    expect(departements.get('2B')).toEqual({ name: 'Haute-Corse', region: '94' });
    expect(departements.has('975')).toBe(false);
  });

  // The large files are scanned, not parsed, for speed: the scan must find exactly what a full
  // parse finds, so a new version of the package that changes their layout fails here.
  it('scans the communes and EPCI files exactly as a full JSON parse reads them', () => {
    const { departements } = officialAreas();
    const { communes, epci, communesIn, epciIn } = officialLocalities();
    const current = parsed<RawCommune[]>('communes').filter(
      (c) => c.type === 'commune-actuelle' && departements.has(c.departement ?? ''),
    );
    expect([...communes].map(([code, c]) => [code, c.name, c.departement])).toEqual(
      current.map((c) => [c.code, c.nom, c.departement]),
    );
    const groups = parsed<RawEpci[]>('epci')
      .map((e) => ({ code: e.code, name: e.nom, members: e.membres.map((m) => m.code) }))
      .map((e) => ({ ...e, members: e.members.filter((code) => communes.has(code)) }))
      .filter((e) => e.members.length > 0);
    expect([...epci].map(([code, e]) => [code, e.name, e.communes])).toEqual(
      groups.map((e) => [e.code, e.name, e.members]),
    );
    expect(communes.get('63113')?.epci).toBe('246300701');
    expect(communesIn.get('63')).toContain('63430');
    expect(epciIn.get('15')).toContain('246300966');
    expect(epci.get('246300966')?.departements).toEqual(['63', '15']);
  });

  it('reads each file once per process', () => {
    expect(officialLocalities()).toBe(officialLocalities());
    expect(officialAreas()).toBe(officialAreas());
  });
});
