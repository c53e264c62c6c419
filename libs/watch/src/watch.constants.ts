/** Normalised audience ids, as the ingestion's audience extractor writes them on calls. */
export const AUDIENCE_IDS: readonly string[] = [
  'associations',
  'collectivites',
  'entreprises',
  'etablissements_publics',
  'particuliers',
  'agriculteurs',
  'recherche',
  'fondations',
];

/** What people read for each audience id (pages, summaries): the ids stay in code and data. */
export const AUDIENCE_LABELS: Readonly<Record<string, string>> = {
  associations: 'Associations',
  collectivites: 'Collectivités territoriales',
  entreprises: 'Entreprises',
  etablissements_publics: 'Établissements publics',
  particuliers: 'Particuliers',
  agriculteurs: 'Agriculteurs',
  recherche: 'Organismes de recherche',
  fondations: 'Fondations',
};

/** Call statuses that can still be applied to; closed or withdrawn calls leave every profile. */
export const OPEN_CALL_STATUSES: readonly string[] = ['open', 'forthcoming'];

/** The digest's "deadlines soon" section and the feeds' alarms look this far ahead. */
export const DEADLINE_SOON_DAYS = 14;
