import fc from 'fast-check';
import { extractAmounts } from './amount.extractor';

describe(extractAmounts.name, () => {
  it.each([
    ['Une enveloppe de 2 M€ est consacrée à cet appel.', { envelopeCents: 200_000_000 }],
    ["L'aide peut aller jusqu'à 50 000 € par projet.", { maxCents: 5_000_000 }],
    [
      'Subvention comprise entre 5 000 et 30 000 euros.',
      { minCents: 500_000, maxCents: 3_000_000 },
    ],
    ['Aide plafonnée à 15 k€.', { maxCents: 1_500_000 }],
    ['Taux maximum de 80 % des dépenses éligibles.', { ratePct: 80 }],
    ['Subvention plafonnée à 80 %.', { ratePct: 80 }],
    ['2.200.000 € à répartir entre les bénéficiaires', { envelopeCents: 220_000_000 }],
    [
      'Budget total : 1,5 million d’euros ; aide minimum 3 000 €, maximum 20 000 €',
      { envelopeCents: 150_000_000, minCents: 300_000, maxCents: 2_000_000 },
    ],
  ])('reads "%s"', (text, expected) => {
    expect(extractAmounts(text)).toEqual({
      minCents: null,
      maxCents: null,
      envelopeCents: null,
      ratePct: null,
      ...expected,
    });
  });

  it('does not take a share of products for a subsidy rate', () => {
    expect(
      extractAmounts('50% de produits sous signe de qualité, dont 20% de bio').ratePct,
    ).toBeNull();
  });

  it('reads back generated amounts in their usual wordings', () => {
    const spaced = (euros: number) => euros.toLocaleString('fr-FR').replace(/\u202f/g, ' ');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.integer({ min: 0, max: 3 }),
        (euros, wording) => {
          const cases: Array<[string, Partial<ReturnType<typeof extractAmounts>>]> = [
            [`Le montant de l'aide est plafonné à ${spaced(euros)} €.`, { maxCents: euros * 100 }],
            [
              `Une enveloppe de ${spaced(euros)} euros est mobilisée.`,
              { envelopeCents: euros * 100 },
            ],
            [
              `Subvention entre ${spaced(euros)} et ${spaced(euros + 1000)} €.`,
              { minCents: euros * 100, maxCents: (euros + 1000) * 100 },
            ],
            [
              `Aide jusqu'à ${Math.max(1, Math.round(euros / 1000))} k€.`,
              { maxCents: Math.max(1, Math.round(euros / 1000)) * 100_000 },
            ],
          ];
          const [text, expected] = cases[wording];
          expect(extractAmounts(text)).toMatchObject(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const amounts = extractAmounts(`jusqu'à ${text} € ${text} %`);
        if (amounts.ratePct !== null) expect(amounts.ratePct).toBeLessThanOrEqual(100);
      }),
    );
  });
});
