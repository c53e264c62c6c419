import type { ThesaurusFile } from './thesaurus.types';

/** A small thesaurus written for tests: two themes, a negative, a proximity rule, funds. */
export const MINI_SETTINGS = `settings:
  field_weights: { title: 1.5, description: 1.0, funder: 0.6, documents: 0.5 }
  threshold: 0.5
  scale: 2
  repeat_bonus: 0.15
  stacking_decay: 0.5
  theme_threshold: 0.3
  semantic: { weight: 6, floor: 0.12 }
  feedback: { weight: 4, min_similarity: 0.2, marked_call_weight: 10 }
`;

export const MINI_THEMES = `themes:
  - id: inclusion_numerique
    label: Inclusion numérique
    relevance: 1
    concepts:
      - id: illectronisme
        weight: 2
        terms: [illectronisme, fracture numérique]
      - id: tiers_lieux
        weight: 1.5
        terms: [tiers-lieux, e-inclusion]
    exemplars:
      - Ateliers pour apprendre à se servir d'un ordinateur et d'internet, accompagnement des habitants vers l'autonomie avec les outils du quotidien.
  - id: culture
    label: Culture
    relevance: 0.2
    concepts:
      - id: bibliotheques
        weight: 1
        terms: [bibliothèques]
negatives:
  - id: voirie
    weight: -2
    terms: [travaux de voirie, ponts]
proximity:
  - id: numerique_publics
    theme: inclusion_numerique
    weight: 1.2
    window: 3
    anchor: [numérique]
    near: [habitants]
eu_funds:
  - id: FSE_PLUS
    terms: [FSE+, Fonds social européen]
  - id: FEDER
    terms: [FEDER]
counter_exemplars:
  - Réfection des chaussées et des ponts communaux, travaux de voirie et signalisation routière.
`;

export function miniThesaurus(
  overrides: Partial<Record<'settings' | 'themes', string>> = {},
): ThesaurusFile[] {
  return [
    { name: 'settings.yaml', content: overrides.settings ?? MINI_SETTINGS },
    { name: 'themes.yaml', content: overrides.themes ?? MINI_THEMES },
  ];
}
