import type { WatchProfile } from '@app/persistence';
import { describeWatch, territoryLabel } from './watch-summary.util';

const labels = {
  theme: (id: string) => ({ mediation: 'Médiation numérique', tiers: 'Tiers-lieux' })[id] ?? id,
  fund: (id: string) => id,
};

const criteria = (patch: Partial<WatchProfile>) => ({
  themes: [],
  includeKeywords: [],
  excludeKeywords: [],
  territories: [],
  audiences: [],
  euFunds: [],
  minAmountCents: null,
  minScore: null,
  deadlineHorizonDays: null,
  ...patch,
});

describe('describeWatch', () => {
  it('says when a profile has no criteria', () => {
    expect(describeWatch(criteria({}), labels)).toBe(
      'Tous les appels ouverts, sans autre critère.',
    );
  });

  it('writes every criterion in one French sentence', () => {
    const sentence = describeWatch(
      criteria({
        themes: ['mediation', 'tiers'],
        includeKeywords: ['illectronisme'],
        excludeKeywords: ['agricole'],
        territories: ['63', 'R84'],
        audiences: ['associations'],
        minAmountCents: 1_000_000,
        minScore: 0.4,
        deadlineHorizonDays: 90,
      }),
      labels,
    );
    expect(sentence.replace(/[\u202f\u00a0]/g, ' ')).toBe(
      'Les appels sur Médiation numérique ou Tiers-lieux, ou mentionnant « illectronisme », ' +
        'sauf ceux mentionnant « agricole », concernant le département 63 et ' +
        'la région Auvergne-Rhône-Alpes (R84), ouverts aux publics : associations, ' +
        'd’au moins 10 000 €, pertinents à 40 % au moins, ' +
        'dont la date limite tombe dans les 90 jours.',
    );
  });

  it('names régions and the whole country', () => {
    expect(territoryLabel('FR')).toBe('toute la France');
    expect(territoryLabel('R11')).toBe('la région Île-de-France (R11)');
    expect(territoryLabel('63430')).toBe('la commune de Thiers (63430)');
    expect(territoryLabel('246300701')).toBe('Clermont Auvergne Métropole (246300701)');
  });
});
