import { JobName } from '@app/persistence';

/**
 * French names of the background tasks on « Sources », one per queue of JobName (a queue added
 * there without a name here does not compile). A queue missing here, created by a test or a
 * script, still shows under its own name.
 */
export const BACKGROUND_TASK_LABELS: Readonly<Record<JobName, string>> = {
  [JobName.INGESTION_RUN_SOURCE]: 'Collecte des sources',
  [JobName.INGESTION_SCHEDULE]: 'Planification des collectes',
  [JobName.CLASSIFICATION]: 'Classement des appels',
  [JobName.ACCOUNT_PURGE]: 'Nettoyage des sessions et des liens',
  [JobName.HOUSEKEEPING]: 'Nettoyage des traces techniques',
  [JobName.WATCH_MATCH_CHANGES]: 'Veille : repérage des appels modifiés',
  [JobName.WATCH_MATCH_CALLS]: 'Veille : rapprochement des appels',
  [JobName.WATCH_REMATCH_PROFILES]: 'Veille : rapprochement complet des profils',
  [JobName.WATCH_DIGEST_TICK]: 'Veille : préparation des résumés',
  [JobName.WATCH_DIGEST_BATCH]: 'Veille : envoi des résumés',
};
