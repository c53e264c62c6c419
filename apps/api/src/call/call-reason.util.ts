import { ELIGIBILITY_REASON_KIND } from '@app/classifier';

/** An explanation entry, fresh from the classifier or read back from the database. */
interface Reason {
  field: string;
  match: string;
  weight: number;
  kind: string;
}

const FIELD_LABELS: Record<string, string> = {
  title: 'titre',
  description: 'description',
  funder: 'financeur',
  documents: 'documents joints',
};

const MAX_QUOTED = 3;

function quoted(entry: Reason): string {
  const where = FIELD_LABELS[entry.field] ?? entry.field;
  const how = entry.kind === 'semantic' ? `${where}, vocabulaire proche` : where;
  return `« ${entry.match} » (${how})`;
}

/** Distinct matches, strongest first (the explanation is already sorted by |weight|). */
function strongest(entries: readonly Reason[], keep: (e: Reason) => boolean, n: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const entry of entries) {
    if (!keep(entry) || seen.has(entry.match.toLowerCase())) continue;
    seen.add(entry.match.toLowerCase());
    out.push(quoted(entry));
    if (out.length === n) break;
  }
  return out;
}

/**
 * One French sentence a director reads in the list: the words that made the call relevant (or
 * kept it out), and what the organisation's own marks did.
 */
export function reasonOf(explanation: readonly Reason[], relevant: boolean): string {
  const feedback = explanation
    .filter((e) => e.kind === 'feedback' && (relevant ? e.weight > 0 : e.weight < 0))
    .map((e) => e.match);
  const positive = (e: Reason) => e.kind !== 'feedback' && e.weight > 0;
  const negative = (e: Reason) => e.kind !== 'feedback' && e.weight < 0;
  if (relevant) {
    return `Pertinent : ${[...strongest(explanation, positive, MAX_QUOTED), ...feedback].join(' ; ')}`;
  }
  // Who may apply decides before any vocabulary: its words say why the call is out.
  const ineligible = explanation.find((e) => e.kind === ELIGIBILITY_REASON_KIND);
  if (ineligible) return `Écarté : ${[ineligible.match, ...feedback].join(' ; ')}`;
  const against = strongest(explanation, negative, 2);
  if (against.length > 0 || feedback.length > 0) {
    return `Écarté : ${[...against, ...feedback].join(' ; ')}`;
  }
  const weak = strongest(explanation, positive, 2);
  return weak.length > 0
    ? `Signaux trop faibles : ${weak.join(' ; ')}`
    : 'Aucun signal de la médiation ou de l’inclusion numérique';
}
