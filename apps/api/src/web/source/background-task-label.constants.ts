/**
 * French names of the background tasks on « Sources ». A queue missing here still shows, under
 * its own name: a new job needs no change to appear.
 */
export const BACKGROUND_TASK_LABELS: Record<string, string> = {
  'ingestion-run-source': 'Collecte des sources',
  'ingestion-schedule': 'Planification des collectes',
  'classification-score': 'Classement des appels',
  'account-purge': 'Nettoyage des sessions et des liens',
  'housekeeping-purge': 'Nettoyage des traces techniques',
};
