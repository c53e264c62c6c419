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

/** « 1,2 s », « 350 ms », « 3 min 05 s »: how long a task's last run took. */
export function frenchDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1).replace('.', ',')} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')} s`;
}
