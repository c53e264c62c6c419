import { diffFields, euros, summariseChanges } from './call-diff.util';
import type { CallFields } from './call-fields.types';
import { callFingerprint, similarTitles, titleTokens } from './call-fingerprint.util';
import { mergeFields } from './call-merge.util';

const base: CallFields = {
  title: 'Appel à projets Inclusion numérique 2027',
  url: 'https://example.org/aap',
  funders: ['Région Grand Est'],
  descriptionText: 'Texte',
  descriptionHtml: null,
  documents: [],
  publishedAt: null,
  opensAt: null,
  deadlines: [{ date: '2027-03-15' }],
  rolling: false,
  amountMinCents: null,
  amountMaxCents: 5_000_000,
  envelopeCents: null,
  ratePct: 80,
  aidTypes: ['aap'],
  euFund: null,
  audiences: ['associations'],
  territory: ['R44'],
};

describe('call history', () => {
  it('describes a postponed deadline and a raised ceiling in French, with from and to', () => {
    const changes = diffFields(base, {
      ...base,
      deadlines: [{ date: '2027-04-30' }],
      amountMaxCents: 8_000_000,
    });
    expect(changes).toEqual([
      { field: 'deadlines', from: [{ date: '2027-03-15' }], to: [{ date: '2027-04-30' }] },
      { field: 'amountMaxCents', from: 5_000_000, to: 8_000_000 },
    ]);
    expect(summariseChanges(changes)).toBe(
      'date limite reportée du 15/03/2027 au 30/04/2027 ; montant maximum : 50 000 € → 80 000 €',
    );
  });

  it('finds nothing to say when only key order differs', () => {
    expect(diffFields(base, { ...base, deadlines: [{ date: '2027-03-15' }] })).toEqual([]);
  });

  it('says when a deadline is brought forward or several rounds move', () => {
    expect(
      summariseChanges(diffFields(base, { ...base, deadlines: [{ date: '2027-03-01' }] })),
    ).toBe('date limite avancée du 15/03/2027 au 01/03/2027');
    expect(
      summariseChanges(
        diffFields(base, { ...base, deadlines: [{ date: '2027-03-15' }, { date: '2027-06-15' }] }),
      ),
    ).toBe('dates limites : 15/03/2027 → 15/03/2027, 15/06/2027');
  });

  it('formats euros with grouped thousands and cents only when present', () => {
    expect(euros(200_000_000)).toBe('2 000 000 €');
    expect(euros(12_345)).toBe('123,45 €');
    expect(euros(null)).toBe('non précisé');
  });
});

describe('duplicates across sources', () => {
  it('gives the same fingerprint to the same call written differently', () => {
    const a = callFingerprint({
      title: 'Fabriques numériques de territoire : appel à manifestation d’intérêt',
      deadlines: [{ date: '2027-03-31' }],
    });
    const b = callFingerprint({
      title: 'FABRIQUES NUMÉRIQUES DE TERRITOIRE – Appel à manifestation d’intérêt',
      deadlines: [{ date: '2027-03-31' }],
    });
    expect(a).toBe(b);
    expect(
      callFingerprint({
        title: 'Fabriques numériques de territoire',
        deadlines: [{ date: '2027-05-31' }],
      }),
    ).not.toBe(a);
  });

  it('treats near-identical titles as one call and different calls as two', () => {
    const tokens = (title: string) => titleTokens(title).join(' ');
    expect(
      similarTitles(
        tokens('Fabriques numériques de territoire 2027'),
        tokens('Fabrique numérique de territoire 2027'),
      ),
    ).toBe(true);
    expect(
      similarTitles(
        tokens('Conseillers numériques France Services'),
        tokens('Tiers-lieux ruraux et numérique'),
      ),
    ).toBe(false);
  });

  it('merges: primary source first, gaps filled by the others, lists united', () => {
    const aggregator: CallFields = {
      ...base,
      url: 'https://aggregator.example/aide',
      funders: ['ANCT'],
      amountMaxCents: null,
      envelopeCents: 100_000_000,
      territory: ['FR'],
    };
    const merged = mergeFields([{ ...base, amountMaxCents: null }, aggregator]);
    expect(merged).toMatchObject({
      url: base.url,
      funders: ['Région Grand Est', 'ANCT'],
      envelopeCents: 100_000_000,
      territory: ['R44', 'FR'],
    });
  });
});
