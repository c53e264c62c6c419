import type { CallDeadline } from '../call/normalised-call';
import { stableStringify } from './call-content.util';
import { CALL_FIELD_NAMES, type CallFields } from './call-fields.types';

export interface FieldChange {
  /** A field of CallFields, or `status` for a withdrawal. */
  field: string;
  from: unknown;
  to: unknown;
}

/** Field-level differences between what was stored and what the sources now say. */
export function diffFields(before: CallFields, after: CallFields): FieldChange[] {
  return CALL_FIELD_NAMES.filter(
    (field) => stableStringify(before[field]) !== stableStringify(after[field]),
  ).map((field) => ({ field, from: before[field], to: after[field] }));
}

const LABELS: Record<keyof CallFields, string> = {
  title: 'intitulé',
  url: 'adresse de la page',
  funders: 'financeurs',
  descriptionText: 'description',
  descriptionHtml: 'description',
  documents: 'documents',
  publishedAt: 'date de publication',
  opensAt: "date d'ouverture",
  deadlines: 'date limite',
  rolling: 'dépôt au fil de l’eau',
  amountMinCents: 'montant minimum',
  amountMaxCents: 'montant maximum',
  envelopeCents: 'enveloppe',
  ratePct: 'taux maximum',
  aidTypes: "types d'aide",
  euFund: 'fonds européen',
  audiences: 'publics éligibles',
  territory: 'territoire',
};

/**
 * One French sentence for a timeline or a feed: « date limite reportée du 15/03/2027 au
 * 30/04/2027 ; montant maximum : 50 000 € → 80 000 € ».
 */
export function summariseChanges(changes: FieldChange[]): string {
  const parts: string[] = [];
  for (const change of changes) {
    // The HTML description changes with the text one: say it once.
    if (change.field === 'descriptionHtml' && changes.some((c) => c.field === 'descriptionText'))
      continue;
    parts.push(describeChange(change));
  }
  return parts.join(' ; ');
}

function describeChange(change: FieldChange): string {
  const label = LABELS[change.field as keyof CallFields] ?? change.field;
  switch (change.field) {
    case 'deadlines':
      return describeDeadlines(change.from as CallDeadline[], change.to as CallDeadline[]);
    case 'amountMinCents':
    case 'amountMaxCents':
    case 'envelopeCents':
      return `${label} : ${euros(change.from as number | null)} → ${euros(change.to as number | null)}`;
    case 'ratePct':
      return `${label} : ${percent(change.from as number | null)} → ${percent(change.to as number | null)}`;
    case 'publishedAt':
    case 'opensAt':
      return `${label} : ${frenchDate(change.from as string | null)} → ${frenchDate(change.to as string | null)}`;
    case 'title':
      return `${label} : « ${String(change.from)} » → « ${String(change.to)} »`;
    case 'rolling':
      return change.to ? 'dépôt désormais au fil de l’eau' : 'dépôt au fil de l’eau retiré';
    case 'euFund':
      return `${label} : ${change.from ?? 'aucun'} → ${change.to ?? 'aucun'}`;
    case 'funders':
    case 'aidTypes':
    case 'audiences':
    case 'territory':
      return `${label} : ${list(change.from)} → ${list(change.to)}`;
    default:
      return `${label} modifié${label.endsWith('e') && !label.endsWith('ée') ? 'e' : ''}`;
  }
}

function describeDeadlines(from: CallDeadline[], to: CallDeadline[]): string {
  if (from.length === 0 && to.length > 0)
    return `date limite ajoutée : ${to.map((d) => frenchDate(d.date)).join(', ')}`;
  if (to.length === 0)
    return `date limite retirée (${from.map((d) => frenchDate(d.date)).join(', ')})`;
  if (from.length === 1 && to.length === 1) {
    const [before, after] = [from[0], to[0]];
    if (before.date === after.date)
      return `heure limite : ${before.time ?? '—'} → ${after.time ?? '—'}`;
    const verb = after.date > before.date ? 'reportée' : 'avancée';
    return `date limite ${verb} du ${frenchDate(before.date)} au ${frenchDate(after.date)}`;
  }
  return `dates limites : ${from.map((d) => frenchDate(d.date)).join(', ')} → ${to.map((d) => frenchDate(d.date)).join(', ')}`;
}

/** 15/03/2027 from 2027-03-15. */
export function frenchDate(iso: string | null): string {
  if (!iso) return '—';
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** 50 000 € from 5,000,000 cents; cents shown only when there are some. */
export function euros(cents: number | null): string {
  if (cents === null || cents === undefined) return 'non précisé';
  const whole = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  const grouped = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${whole < 0 ? '-' : ''}${grouped}${rest ? `,${String(rest).padStart(2, '0')}` : ''} €`;
}

function percent(value: number | null): string {
  return value === null || value === undefined
    ? 'non précisé'
    : `${String(value).replace('.', ',')} %`;
}

function list(value: unknown): string {
  return Array.isArray(value) && value.length ? value.join(', ') : 'aucun';
}
