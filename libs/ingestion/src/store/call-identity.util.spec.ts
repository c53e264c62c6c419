import type { NormalisedCall } from '../call/normalised-call';
import { callIdentityKey, substantiveChanges, withoutAddresses } from './call-identity.util';

const call: NormalisedCall = {
  sourceId: 'grand-est',
  externalId: 'https://www.grandest.fr/aides/fabrique-numerique/',
  url: 'https://www.grandest.fr/aides/fabrique-numerique/',
  title: 'Fabrique numérique de territoire',
  funders: ['Région Grand Est', 'ANCT'],
  descriptionText:
    'Soutien aux tiers-lieux de médiation numérique. Règlement : https://www.grandest.fr/reglement.pdf',
  descriptionHtml: '<p>Soutien aux tiers-lieux</p>',
  documents: [{ url: 'https://www.grandest.fr/reglement.pdf', title: 'Règlement' }],
  publishedAt: '2026-11-02',
  opensAt: null,
  deadlines: [{ date: '2027-03-31', time: '12:00' }],
  rolling: false,
  amounts: { maxCents: 5_000_000 },
  aidTypes: ['aap'],
  euFund: null,
  audiences: ['associations'],
  territory: ['R44'],
  status: 'open',
};

describe('callIdentityKey', () => {
  it('is the same when only the addresses change: page, id, documents and links in the text', () => {
    const moved: NormalisedCall = {
      ...call,
      externalId: 'https://aides.grandest.fr/dispositifs/42',
      url: 'https://aides.grandest.fr/dispositifs/42',
      descriptionText:
        'Soutien aux tiers-lieux de médiation numérique. Règlement : https://aides.grandest.fr/docs/r.pdf',
      documents: [{ url: 'https://aides.grandest.fr/docs/r.pdf', title: 'Règlement' }],
    };
    expect(callIdentityKey(moved)).toBe(callIdentityKey(call));
  });

  it('ignores case, accents, spacing and the order of funders', () => {
    const retyped: NormalisedCall = {
      ...call,
      title: '  FABRIQUE  numerique de territoire ',
      funders: ['anct', 'Région  Grand Est'],
    };
    expect(callIdentityKey(retyped)).toBe(callIdentityKey(call));
  });

  it.each<[string, Partial<NormalisedCall>]>([
    ['title', { title: 'Fabrique numérique de territoire — lot 2' }],
    ['funder', { funders: ['Région Grand Est'] }],
    ['deadline', { deadlines: [{ date: '2027-09-30' }] }],
    ['second round', { deadlines: [{ date: '2027-03-31' }, { date: '2027-09-30' }] }],
    ['text', { descriptionText: 'Soutien aux cafés associatifs.' }],
  ])('differs when the %s differs', (_label, change) => {
    expect(callIdentityKey({ ...call, ...change })).not.toBe(callIdentityKey(call));
  });
});

describe('withoutAddresses', () => {
  it('takes absolute addresses out of a text, and only them', () => {
    expect(withoutAddresses('Voir https://a.fr/x?y=1 ou www.b.fr/z, puis /relatif.')).toBe(
      'Voir  ou , puis /relatif.',
    );
  });
});

describe('substantiveChanges', () => {
  it('drops the page address and what changed only by its links', () => {
    expect(
      substantiveChanges([
        { field: 'url', from: 'https://a.fr/1', to: 'https://b.fr/1' },
        {
          field: 'documents',
          from: [{ url: 'https://a.fr/r.pdf', title: 'Règlement' }],
          to: [{ url: 'https://b.fr/docs/r.pdf', title: 'Règlement' }],
        },
        {
          field: 'descriptionHtml',
          from: '<a href="https://a.fr/r.pdf">règlement</a>',
          to: '<a href="https://b.fr/docs/r.pdf">règlement</a>',
        },
      ]),
    ).toEqual([]);
  });

  it('keeps real changes, documents and text included', () => {
    const changes = [
      { field: 'amountMaxCents', from: 5_000_000, to: 8_000_000 },
      {
        field: 'documents',
        from: [{ url: 'https://a.fr/r.pdf', title: 'Règlement' }],
        to: [{ url: 'https://b.fr/r.pdf', title: 'Règlement 2027' }],
      },
      { field: 'descriptionHtml', from: '<p>Lot 1</p>', to: '<p>Lot 2</p>' },
    ];
    expect(substantiveChanges(changes)).toEqual(changes);
  });
});
