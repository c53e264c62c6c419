import {
  EU_AREAS,
  FUNDING_KINDS,
  FUNDING_LINE_STATUSES,
  TASK_KINDS,
  type ValidationIssue,
} from '@app/treasury';
import { EUROS_TOO_LARGE, formText, readEuros } from '../form-value.util';
import { frenchAmount } from '../french-format.util';
import type { FieldError } from '../web-view.types';

/** A form as the user typed it (to show it again), what it means once read, and what is wrong. */
export interface ParsedForm<F, V> {
  form: F;
  value: V;
  errors: FieldError[];
}

export interface GeneralForm {
  titre: string;
  cout: string;
  debut: string;
  fin: string;
  depot: string;
  zone: string;
}

export interface LineForm {
  type: string;
  financeur: string;
  montant: string;
  statut: string;
  signature: string;
  avance: string;
  versements: string;
  organisme: boolean;
  finPret: string;
  /** Payment claims, one a line (see `claimsField`). */
  demandes: string;
  /** The convention's delay from a claim to its payment, in months. */
  delai: string;
}

export interface TaskRowForm {
  libelle: string;
  type: string;
  echeance: string;
  faite: boolean;
  supprimer: boolean;
}

export interface IndicatorRowForm {
  cle: string;
  libelle: string;
  prevu: string;
  supprimer: boolean;
}

export interface StoredSchedule {
  advancePct?: number;
  advanceDelayMonths?: number;
  interim?: { pct: number; monthsAfterStart: number }[];
  balanceDelayMonths?: number;
  claimDelayMonths?: number;
  payments?: { month: string; amountCents: number }[];
}

/** A claim as the line stores it (see @app/treasury ClaimInput). */
export interface ClaimValue {
  filedOn: string;
  planned?: boolean;
  periodStart: string;
  periodEnd: string;
  expensesCents?: number;
  cofinancing?: 'received_by_claim' | { line: number; month: string }[];
}

/** What a line form writes; `schedule` keeps the overrides this form does not show. */
export interface LineValue {
  kind: string;
  funder: string;
  amountCents: number;
  status: string;
  signedAt: string | null;
  schedule: StoredSchedule | null;
  bridge: { endMonth: string } | null;
  intermediateBody: boolean;
  claims: ClaimValue[] | null;
}

export interface TaskValue {
  label: string;
  kind: string;
  dueDate: string;
  done?: boolean;
}

export interface IndicatorValue {
  key: string;
  label: string;
  planned: number;
}

/** Most rows a task or indicator form reads: far more than a dossier has. */
export const MAX_ROWS = 50;
/** People, workshops and hours stay far below this, as the API requires. */
const MAX_INDICATOR = 10_000_000;
const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Where the treasury's validation of the general fields lands on the form. */
const GENERAL_FIELD_OF: Record<string, string> = {
  title: 'titre',
  totalCostCents: 'cout',
  operationStart: 'debut',
  operationEnd: 'fin',
  submissionDeadline: 'depot',
  euArea: 'zone',
  // New dates can leave a line's claims outside the operation: say so next to its start.
  fundingLines: 'debut',
};

const LINE_FIELD_OF: Record<string, string> = {
  kind: 'ligne-type',
  funder: 'ligne-financeur',
  amountCents: 'ligne-montant',
  status: 'ligne-statut',
  signedAt: 'ligne-signature',
  schedule: 'ligne-avance',
  'schedule.advancePct': 'ligne-avance',
  'schedule.interim': 'ligne-avance',
  'schedule.payments': 'ligne-versements',
  bridge: 'ligne-fin-pret',
  intermediateBody: 'ligne-organisme',
  claims: 'ligne-demandes',
  'schedule.claimDelayMonths': 'ligne-delai',
};

export function parseGeneralForm(body: unknown): ParsedForm<GeneralForm, Record<string, unknown>> {
  const form: GeneralForm = {
    titre: formText(body, 'titre', 300).trim(),
    cout: formText(body, 'cout', 30).trim(),
    debut: formText(body, 'debut', 10).trim(),
    fin: formText(body, 'fin', 10).trim(),
    depot: formText(body, 'depot', 10).trim(),
    zone: formText(body, 'zone', 40).trim(),
  };
  const errors: FieldError[] = [];
  if (!form.titre) errors.push({ field: 'titre', message: 'Donnez un titre au dossier.' });
  const totalCostCents = amountField(form.cout, 'cout', errors);
  monthField(form.debut, 'debut', 'le mois de début de l’opération', errors);
  monthField(form.fin, 'fin', 'le mois de fin de l’opération', errors);
  if (MONTH_RE.test(form.debut) && MONTH_RE.test(form.fin) && form.fin < form.debut)
    errors.push({ field: 'fin', message: 'La fin de l’opération précède son début.' });
  if (form.depot && !DATE_RE.test(form.depot))
    errors.push({
      field: 'depot',
      message: 'Saisissez la date limite de dépôt au format 2027-03-15, ou laissez vide.',
    });
  if (form.zone && !(EU_AREAS as readonly string[]).includes(form.zone))
    errors.push({ field: 'zone', message: 'Choisissez une zone dans la liste.' });
  return {
    form,
    errors,
    value: {
      title: form.titre,
      totalCostCents,
      operationStart: form.debut,
      operationEnd: form.fin,
      submissionDeadline: form.depot || null,
      euArea: form.zone || null,
    },
  };
}

/** The line form; `current` is the stored schedule, whose other overrides are kept. */
export function parseLineForm(
  body: unknown,
  current: StoredSchedule | null = null,
): ParsedForm<LineForm, LineValue> {
  const form: LineForm = {
    type: formText(body, 'type', 40).trim(),
    financeur: formText(body, 'financeur', 300).trim(),
    montant: formText(body, 'montant', 30).trim(),
    statut: formText(body, 'statut', 20).trim(),
    signature: formText(body, 'signature', 10).trim(),
    avance: formText(body, 'avance', 10).trim(),
    versements: formText(body, 'versements', 3000).trim(),
    organisme: formText(body, 'organisme', 5) === 'oui',
    finPret: formText(body, 'fin-pret', 10).trim(),
    demandes: formText(body, 'demandes', 5000).trim(),
    delai: formText(body, 'delai', 10).trim(),
  };
  const errors: FieldError[] = [];
  if (!(FUNDING_KINDS as readonly string[]).includes(form.type))
    errors.push({ field: 'ligne-type', message: 'Choisissez le type de financement.' });
  if (!form.financeur)
    errors.push({ field: 'ligne-financeur', message: 'Nommez le financeur (ex. Région).' });
  const amountCents = amountField(form.montant, 'ligne-montant', errors);
  if (!(FUNDING_LINE_STATUSES as readonly string[]).includes(form.statut))
    errors.push({ field: 'ligne-statut', message: 'Choisissez où en est ce financement.' });
  if (form.signature && !DATE_RE.test(form.signature))
    errors.push({
      field: 'ligne-signature',
      message: 'Saisissez la date de signature au format 2027-03-15, ou laissez vide.',
    });
  const advancePct = percentField(form.avance, errors);
  const payments = paymentsField(form.versements, amountCents, errors);
  const bridge = form.type === 'BRIDGE_LOAN' ? bridgeField(form.finPret, errors) : null;
  const claims = claimsField(form.demandes, errors);
  const claimDelayMonths = delayField(form.delai, errors);
  const {
    advancePct: _advance,
    payments: _payments,
    claimDelayMonths: _delay,
    ...kept
  } = current ?? {};
  const schedule: StoredSchedule = {
    ...kept,
    ...(advancePct !== null ? { advancePct } : {}),
    ...(payments.length > 0 ? { payments } : {}),
    ...(claimDelayMonths !== null ? { claimDelayMonths } : {}),
  };
  return {
    form,
    errors,
    value: {
      kind: form.type,
      funder: form.financeur,
      amountCents: amountCents ?? 0,
      status: form.statut,
      signedAt: form.signature || null,
      schedule: Object.keys(schedule).length > 0 ? schedule : null,
      bridge,
      intermediateBody: form.type === 'FSE_PLUS' && form.organisme,
      claims: claims.length > 0 ? claims : null,
    },
  };
}

/** « 2026-10-15 : 2026-03 à 2026-09 : 42 000 (prévue) ; cofinancement : L2 2027-06 », one a line. */
const CLAIM_RE =
  /^(\d{4}-\d{2}-\d{2})\s*:\s*(\d{4}-\d{2})\s*(?:à|a|->|→)\s*(\d{4}-\d{2})(?:\s*:\s*([^;(]*?))?\s*(\(prévue\))?\s*(?:;\s*cofinancement\s*:\s*(.+?))?\s*$/i;

/**
 * The claims textarea: filing day, the months of expenses it covers, optionally the expenses
 * presented (default: all of the period), « (prévue) » when not filed yet, and the co-financer
 * payments it proves as « L2 2027-06 » (line 2 of the plan, its payment of June 2027; default:
 * every one received by the filing).
 */
function claimsField(text: string, errors: FieldError[]): ClaimValue[] {
  const claims: ClaimValue[] = [];
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  for (const [i, line] of lines.entries()) {
    const match = CLAIM_RE.exec(line.trim());
    const proofs = match?.[6] ? proofsField(match[6]) : null;
    const reading = match?.[4] ? readEuros(match[4]) : null;
    if (
      !match ||
      !DATE_RE.test(match[1]) ||
      !MONTH_RE.test(match[2]) ||
      !MONTH_RE.test(match[3]) ||
      (reading !== null && reading.cents === null) ||
      (match[6] !== undefined && proofs === null)
    ) {
      errors.push({
        field: 'ligne-demandes',
        message: `Demande ${i + 1} : écrivez la date de dépôt, puis la période, par exemple « 2026-10-15 : 2026-03 à 2026-09 », éventuellement « : 42 000 » (dépenses présentées), « (prévue) » et « ; cofinancement : L2 2027-06 ».`,
      });
      return [];
    }
    claims.push({
      filedOn: match[1],
      ...(match[5] ? { planned: true } : {}),
      periodStart: match[2],
      periodEnd: match[3],
      ...(reading?.cents != null ? { expensesCents: reading.cents } : {}),
      ...(proofs ? { cofinancing: proofs } : {}),
    });
  }
  return claims;
}

/** « L2 2027-06, L2 2027-12 » → the payments of line 2 (from 1) in those months. */
function proofsField(text: string): { line: number; month: string }[] | null {
  const proofs: { line: number; month: string }[] = [];
  for (const part of text.split(',')) {
    const match = /^\s*L(\d{1,3})\s+(\d{4}-\d{2})\s*$/i.exec(part);
    if (!match || !MONTH_RE.test(match[2]) || Number(match[1]) < 1) return null;
    proofs.push({ line: Number(match[1]) - 1, month: match[2] });
  }
  return proofs;
}

/** The claims of a stored line as the textarea shows them (`claimsField` reads them back). */
export function claimsText(claims: readonly ClaimValue[] | null | undefined): string {
  return (claims ?? [])
    .map((claim) => {
      const expenses =
        claim.expensesCents === undefined ? '' : ` : ${frenchAmount(claim.expensesCents)}`;
      const planned = claim.planned ? ' (prévue)' : '';
      const proofs = Array.isArray(claim.cofinancing)
        ? ` ; cofinancement : ${claim.cofinancing.map((p) => `L${p.line + 1} ${p.month}`).join(', ')}`
        : '';
      return `${claim.filedOn} : ${claim.periodStart} à ${claim.periodEnd}${expenses}${planned}${proofs}`;
    })
    .join('\n');
}

function delayField(text: string, errors: FieldError[]): number | null {
  if (!text) return null;
  const months = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(months) || months > 120) {
    errors.push({
      field: 'ligne-delai',
      message: 'Saisissez le délai en mois entiers, entre 0 et 120 (ex. 11), ou laissez vide.',
    });
    return null;
  }
  return months;
}

/** The task rows; blank rows (the empty one offered for adding) and rows ticked for removal are dropped. */
export function parseTaskForm(body: unknown): ParsedForm<TaskRowForm[], TaskValue[]> & {
  /** For each kept task, the row it came from (issues name tasks by their kept position). */
  rowOf: number[];
} {
  const form: TaskRowForm[] = [];
  const value: TaskValue[] = [];
  const rowOf: number[] = [];
  const errors: FieldError[] = [];
  for (let i = 0; i < rowCount(body, 'taches'); i++) {
    const row: TaskRowForm = {
      libelle: formText(body, `tache-${i}-libelle`, 300).trim(),
      type: formText(body, `tache-${i}-type`, 30).trim(),
      echeance: formText(body, `tache-${i}-echeance`, 10).trim(),
      faite: formText(body, `tache-${i}-faite`, 5) === 'oui',
      supprimer: formText(body, `tache-${i}-supprimer`, 5) === 'oui',
    };
    form.push(row);
    if (row.supprimer || (!row.libelle && !row.echeance)) continue;
    if (!row.libelle)
      errors.push({
        field: `tache-${i}-libelle`,
        message: `Tâche ${i + 1} : donnez-lui un titre.`,
      });
    if (!DATE_RE.test(row.echeance))
      errors.push({
        field: `tache-${i}-echeance`,
        message: `Tâche ${i + 1} : saisissez son échéance au format 2027-03-15.`,
      });
    const kind = (TASK_KINDS as readonly string[]).includes(row.type) ? row.type : 'other';
    value.push({
      label: row.libelle,
      kind,
      dueDate: row.echeance,
      ...(row.faite ? { done: true } : {}),
    });
    rowOf.push(i);
  }
  return { form, value, errors, rowOf };
}

export function parseIndicatorForm(body: unknown): ParsedForm<
  IndicatorRowForm[],
  IndicatorValue[]
> & {
  rowOf: number[];
} {
  const form: IndicatorRowForm[] = [];
  const value: IndicatorValue[] = [];
  const rowOf: number[] = [];
  const errors: FieldError[] = [];
  const keys = new Set<string>();
  for (let i = 0; i < rowCount(body, 'indicateurs'); i++) {
    const row: IndicatorRowForm = {
      cle: formText(body, `indicateur-${i}-cle`, 80).trim(),
      libelle: formText(body, `indicateur-${i}-libelle`, 200).trim(),
      prevu: formText(body, `indicateur-${i}-prevu`, 20).trim(),
      supprimer: formText(body, `indicateur-${i}-supprimer`, 5) === 'oui',
    };
    form.push(row);
    if (row.supprimer || (!row.libelle && !row.prevu)) continue;
    const n = i + 1;
    if (!row.libelle)
      errors.push({
        field: `indicateur-${i}-libelle`,
        message: `Indicateur ${n} : nommez-le (ex. Personnes accompagnées).`,
      });
    const planned = countField(row.prevu, `indicateur-${i}-prevu`, `Indicateur ${n}`, errors);
    const key = uniqueKey(row.cle || slug(row.libelle) || `indicateur-${n}`, keys);
    value.push({
      key,
      label: row.libelle,
      planned: planned ?? 0,
    });
    rowOf.push(i);
  }
  return { form, value, errors, rowOf };
}

/** The treasury's field-level refusals of the general fields, next to their field. */
export function generalIssuesToErrors(issues: ValidationIssue[]): FieldError[] {
  return issues.map((issue) => ({
    field: GENERAL_FIELD_OF[issue.path.split(/[.[]/)[0]] ?? 'titre',
    message: issue.message,
  }));
}

export function lineIssuesToErrors(issues: ValidationIssue[]): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.replace(/\[\d+\].*$/, '');
    const field = LINE_FIELD_OF[path] ?? LINE_FIELD_OF[path.split('.')[0]] ?? 'ligne-financeur';
    return { field, message: issue.message };
  });
}

/** Issues name rows by their position among the kept ones (`tasks[2].dueDate`). */
export function rowIssuesToErrors(
  issues: ValidationIssue[],
  rowOf: number[],
  prefix: 'tache' | 'indicateur',
  fieldOf: Record<string, string>,
): FieldError[] {
  return issues.map((issue) => {
    const match = /^\w+\[(\d+)\]\.(\w+)/.exec(issue.path);
    const row = match ? (rowOf[Number(match[1])] ?? 0) : 0;
    const field = (match && fieldOf[match[2]]) || Object.values(fieldOf)[0];
    return { field: `${prefix}-${row}-${field}`, message: `Ligne ${row + 1} : ${issue.message}` };
  });
}

function rowCount(body: unknown, name: string): number {
  const count = Number(formText(body, name, 4));
  return Number.isInteger(count) && count > 0 ? Math.min(count, MAX_ROWS) : 0;
}

function amountField(text: string, field: string, errors: FieldError[]): number | null {
  // The one wording of every web money field (form-value.util), so both forms say the same.
  const { cents, error } = readEuros(text);
  if (error !== null) errors.push({ field, message: error });
  return cents;
}

function monthField(text: string, field: string, what: string, errors: FieldError[]): void {
  if (!MONTH_RE.test(text))
    errors.push({ field, message: `Saisissez ${what} au format 2027-01 (année-mois).` });
}

function percentField(text: string, errors: FieldError[]): number | null {
  if (!text) return null;
  const cleaned = text.replace(/[\s%]/g, '').replace(',', '.');
  const pct = /^\d{1,3}(\.\d{1,2})?$/.test(cleaned) ? Number(cleaned) : NaN;
  if (Number.isNaN(pct) || pct > 100) {
    errors.push({
      field: 'ligne-avance',
      message: 'Saisissez l’avance en pourcentage entre 0 et 100 (ex. 30), ou laissez vide.',
    });
    return null;
  }
  return pct;
}

/** « 2027-06 : 12 000 », one payment a line. */
function paymentsField(
  text: string,
  amountCents: number | null,
  errors: FieldError[],
): { month: string; amountCents: number }[] {
  const payments: { month: string; amountCents: number }[] = [];
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  for (const [i, line] of lines.entries()) {
    const match = /^\s*(\d{4}-\d{2})\s*[:;=]?\s*(.+)$/.exec(line);
    const reading = match ? readEuros(match[2]) : null;
    if (reading?.error === EUROS_TOO_LARGE) {
      errors.push({ field: 'ligne-versements', message: `Versement ${i + 1} : ${reading.error}` });
      return [];
    }
    const cents = reading?.cents ?? null;
    if (!match || !MONTH_RE.test(match[1]) || cents === null) {
      errors.push({
        field: 'ligne-versements',
        message: `Versement ${i + 1} : écrivez le mois puis le montant, par exemple « 2027-06 : 12 000 ».`,
      });
      return [];
    }
    payments.push({ month: match[1], amountCents: cents });
  }
  const total = payments.reduce((sum, p) => sum + p.amountCents, 0);
  if (amountCents !== null && total > amountCents)
    errors.push({
      field: 'ligne-versements',
      message: `Les versements (${frenchAmount(total)}) dépassent le montant de la ligne (${frenchAmount(amountCents)}).`,
    });
  return payments;
}

function bridgeField(text: string, errors: FieldError[]): { endMonth: string } | null {
  if (MONTH_RE.test(text)) return { endMonth: text };
  errors.push({
    field: 'ligne-fin-pret',
    message: 'Pour un prêt relais, saisissez le mois de son remboursement au format 2027-12.',
  });
  return null;
}

function countField(
  text: string,
  field: string,
  what: string,
  errors: FieldError[],
): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '');
  const n = /^\d{1,8}$/.test(cleaned) ? Number(cleaned) : NaN;
  if (Number.isNaN(n) || n > MAX_INDICATOR) {
    errors.push({
      field,
      message: `${what} : saisissez un nombre entier positif, par exemple 120.`,
    });
    return null;
  }
  return n;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
}

function uniqueKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  taken.add(key);
  return key;
}
