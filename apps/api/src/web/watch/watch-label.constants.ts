import { DIGEST_FREQUENCIES, type DigestFrequency } from '@app/persistence';

export const FREQUENCY_LABELS: Readonly<Record<DigestFrequency, string>> = {
  weekly: 'Chaque semaine',
  daily: 'Chaque jour',
  none: 'Pas de résumé par e-mail',
};

/** The frequency radio buttons of every digest form (Veilles, Collectif). */
export const FREQUENCY_CHOICES = DIGEST_FREQUENCIES.map((id) => ({
  id,
  label: FREQUENCY_LABELS[id],
}));

/** As the API: owners and members edit watch profiles and their feed links; others read. */
export const WATCH_EDIT_ROLES = ['owner', 'member'] as const;

/** Best matches shown on a profile's page. */
export const TOP_MATCHES = 20;

/**
 * Match counts stop here (« plus de 200 », as the dashboard's): enough to tell a profile is
 * broad, and counting further cost 2 ms per profile at 100 000 calls (bench, 10 profiles).
 */
export const MATCH_COUNT_CAP = 200;
