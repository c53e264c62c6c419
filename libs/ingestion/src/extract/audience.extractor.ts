// Normalised ids of who may apply, from source labels ("Intercommunalités / Pays") or prose.
const RULES: Array<[string, RegExp]> = [
  [
    'associations',
    /\bassociations?\b|loi (?:de )?1901|\bESS\b|structures? de l'[ée]conomie sociale/i,
  ],
  [
    'collectivites',
    /collectivit[ée]s?|\bcommunes?\b|intercommunalit[ée]s?|\bEPCI\b|d[ée]partements?\b(?! de)|\br[ée]gions?\b(?! [A-Z])|\bsyndicats? mixtes?/i,
  ],
  [
    'entreprises',
    /\bentreprises?\b|\bPME\b|\bTPE\b|\bETI\b|start-?ups?|\bsoci[ée]t[ée]s? commerciales?|artisans?|\bSCA\d\b/i,
  ],
  [
    'etablissements_publics',
    /[ée]tablissements? publics?|services de l'[ée]tat|[ée]coles?\b|biblioth[èe]ques?|\bGIP\b|\bCCAS\b/i,
  ],
  ['particuliers', /\bparticuliers?\b|\bpersonnes? physiques?\b|\bhabitants?\b/i],
  ['agriculteurs', /\bagriculteurs?|exploitations? agricoles?|\bGAEC\b/i],
  [
    'recherche',
    /organismes? de recherche|laboratoires?|universit[ée]s?|[ée]tablissements? d'enseignement sup[ée]rieur/i,
  ],
  ['fondations', /\bfondations?\b(?! de france)/i],
];

export function extractAudiences(...texts: Array<string | null | undefined>): string[] {
  const text = texts.filter(Boolean).join('\n').replace(/’/g, "'");
  return RULES.filter(([, pattern]) => pattern.test(text)).map(([id]) => id);
}
