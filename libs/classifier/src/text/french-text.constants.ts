/**
 * French function words dropped before matching and similarity. Kept short on purpose: words
 * that carry meaning in calls ("en" as in "en ligne", "plus" as in "FSE plus") stay in.
 * Written folded (no accents), as tokens are compared after folding.
 */
export const FRENCH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a au aux avec ce ces cet cette ceci cela celle celles celui ceux d de des du dans donc dont elle elles est ' +
    'et etre eu eux il ils j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous ' +
    'on ont ou par pas pour qu que quel quelle quelles quels qui s sa sans se ses si son sont sur t ta te tes ' +
    'toi ton tu un une uns unes vos votre vous y c ete etait sera seront peut peuvent doit doivent ainsi afin ' +
    'aussi alors comme entre lors tout tous toute toutes tres chaque cas ici la'
  ).split(' '),
);

/**
 * Words the French Porter stemmer would merge with an unrelated word ("formation" with "format",
 * "voirie" with "voir", "aidants" with "aides", "collectif" with "collecte"): given a stem of their own.
 */
export const STEM_EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ...['formation', 'formations', 'former'].map((w) => [w, 'formation'] as const),
  ...['voirie', 'voiries'].map((w) => [w, 'voirie'] as const),
  ...['aidant', 'aidants', 'aidante', 'aidantes'].map((w) => [w, 'aidant'] as const),
  ...['collectif', 'collectifs', 'collective', 'collectives'].map((w) => [w, 'collectif'] as const),
  ...['collecte', 'collectes', 'collecter'].map((w) => [w, 'collecte'] as const),
  ...['collection', 'collections'].map((w) => [w, 'collection'] as const),
]);

/** English function words, only used to notice a text that is not French. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  'the and of to for with is are this that from by be or which will on at as an it its have has their'.split(
    ' ',
  ),
);

/** French function words that are never English, for the same purpose. */
export const FRENCH_MARKER_WORDS: ReadonlySet<string> = new Set(
  'le la les des du et est pour dans avec sur une aux par qui que ces leur sont'.split(' '),
);
