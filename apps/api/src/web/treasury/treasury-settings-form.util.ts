import type { RecurringFlowInput, TreasurySettingsView, ValidationIssue } from '@app/treasury';
import { formText, readEuros } from '../form-value.util';
import type { FieldError } from '../web-view.types';
import { eurosInput, parseMonth, readSignedEuros } from './treasury-format.util';

/** More rows than any small structure has regular flows, few enough to keep the page light. */
export const MAX_FLOW_ROWS = 40;

/** One row of the recurring flows, as typed. */
export interface FlowRow {
  libelle: string;
  sens: string;
  montant: string;
  debut: string;
  fin: string;
  supprimer: boolean;
}

/** The settings form as typed (strings), so a refused form comes back exactly as it was sent. */
export interface TreasurySettingsForm {
  solde: string;
  mois: string;
  seuil: string;
  version: string;
  flux: FlowRow[];
}

export interface ParsedSettingsForm {
  form: TreasurySettingsForm;
  errors: FieldError[];
  /** What the treasury service receives; null when the form has errors of its own. */
  settings: {
    openingBalanceCents: number;
    openingMonth: string;
    minimumCashCents: number;
    recurring: RecurringFlowInput[];
  } | null;
  /** The row of the form each entry of `settings.recurring` came from (blank and removed rows are left out). */
  rowOfFlow: number[];
  version: number | undefined;
}

const SETTINGS_FIELDS: Record<string, string> = {
  openingBalanceCents: 'solde',
  openingMonth: 'mois',
  minimumCashCents: 'seuil',
};
const FLOW_FIELDS: Record<string, keyof FlowRow> = {
  label: 'libelle',
  direction: 'sens',
  amountCents: 'montant',
  fromMonth: 'debut',
  toMonth: 'fin',
};

export const BLANK_FLOW: FlowRow = {
  libelle: '',
  sens: 'out',
  montant: '',
  debut: '',
  fin: '',
  supprimer: false,
};

/** The id (and name) of a flow row's field: `flux-2-montant`. */
export function flowFieldId(row: number, field: keyof FlowRow): string {
  return `flux-${row}-${field}`;
}

/** The stored settings as the form shows them, with one blank row to add a flow. */
export function settingsToForm(settings: TreasurySettingsView): TreasurySettingsForm {
  return {
    solde: settings.configured ? eurosInput(settings.openingBalanceCents) : '',
    mois: settings.openingMonth,
    seuil: settings.minimumCashCents > 0 ? eurosInput(settings.minimumCashCents) : '',
    version: String(settings.version),
    flux: [
      ...settings.recurring.map((flow) => ({
        libelle: flow.label,
        sens: flow.direction,
        montant: eurosInput(flow.amountCents),
        debut: flow.fromMonth ?? '',
        fin: flow.toMonth ?? '',
        supprimer: false,
      })),
      { ...BLANK_FLOW },
    ],
  };
}

/** Reads the submitted form; checks what only the form knows (amounts and months as typed). */
export function parseSettingsForm(body: unknown): ParsedSettingsForm {
  const form = formOf(body);
  const errors: FieldError[] = [];
  // Every money field says what is wrong with the one euros wording of form-value.util.
  const balance = readSignedEuros(form.solde);
  const openingBalanceCents = balance.cents;
  if (balance.error !== null) errors.push({ field: 'solde', message: balance.error });
  const openingMonth = parseMonth(form.mois);
  if (openingMonth === null) {
    errors.push({
      field: 'mois',
      message: 'Saisissez un mois, par exemple 2027-01 ou janvier 2027.',
    });
  }
  const threshold = form.seuil.trim() === '' ? { cents: 0, error: null } : readEuros(form.seuil);
  const minimumCashCents = threshold.cents;
  if (threshold.error !== null) errors.push({ field: 'seuil', message: threshold.error });
  const recurring: RecurringFlowInput[] = [];
  const rowOfFlow: number[] = [];
  form.flux.forEach((row, i) => {
    if (row.supprimer || isBlank(row)) return;
    const flow = parseFlow(row, i, errors);
    if (flow) {
      recurring.push(flow);
      rowOfFlow.push(i);
    }
  });
  const version = /^\d{1,9}$/.test(form.version) ? Number(form.version) : undefined;
  const settings =
    errors.length === 0
      ? {
          openingBalanceCents: openingBalanceCents as number,
          openingMonth: openingMonth as string,
          minimumCashCents: minimumCashCents as number,
          recurring,
        }
      : null;
  return { form, errors, settings, rowOfFlow, version };
}

/** The treasury's own checks (too large, end before start…) placed next to the field at fault. */
export function issuesToFieldErrors(issues: ValidationIssue[], rowOfFlow: number[]): FieldError[] {
  return issues.map((issue) => {
    const flow = /^recurring\[(\d+)\]\.(\w+)/.exec(issue.path);
    if (flow) {
      const row = rowOfFlow[Number(flow[1])] ?? 0;
      return {
        field: flowFieldId(row, FLOW_FIELDS[flow[2]] ?? 'libelle'),
        message: issue.message,
      };
    }
    return { field: SETTINGS_FIELDS[issue.path] ?? 'solde', message: issue.message };
  });
}

/** The form with one more blank row (« Ajouter une ligne » without JavaScript). */
export function withBlankRow(form: TreasurySettingsForm): TreasurySettingsForm {
  if (form.flux.length >= MAX_FLOW_ROWS) return form;
  return { ...form, flux: [...form.flux, { ...BLANK_FLOW }] };
}

function formOf(body: unknown): TreasurySettingsForm {
  const declared = Number(formText(body, 'flux-lignes', 4));
  const rows = Number.isInteger(declared) ? Math.min(Math.max(declared, 0), MAX_FLOW_ROWS) : 0;
  return {
    solde: formText(body, 'solde', 40),
    mois: formText(body, 'mois', 40),
    seuil: formText(body, 'seuil', 40),
    version: formText(body, 'version', 12),
    flux: Array.from({ length: rows }, (_, i) => ({
      libelle: formText(body, flowFieldId(i, 'libelle'), 200),
      sens: formText(body, flowFieldId(i, 'sens'), 3),
      montant: formText(body, flowFieldId(i, 'montant'), 40),
      debut: formText(body, flowFieldId(i, 'debut'), 40),
      fin: formText(body, flowFieldId(i, 'fin'), 40),
      supprimer: formText(body, flowFieldId(i, 'supprimer'), 3) === 'oui',
    })),
  };
}

function isBlank(row: FlowRow): boolean {
  return [row.libelle, row.montant, row.debut, row.fin].every((v) => v.trim() === '');
}

function parseFlow(row: FlowRow, i: number, errors: FieldError[]): RecurringFlowInput | null {
  const before = errors.length;
  const label = row.libelle.trim();
  if (!label) {
    errors.push({
      field: flowFieldId(i, 'libelle'),
      message: 'Donnez un libellé à ce flux, par exemple « Salaires et charges ».',
    });
  }
  if (row.sens !== 'in' && row.sens !== 'out') {
    errors.push({
      field: flowFieldId(i, 'sens'),
      message: 'Choisissez « Encaissement » ou « Décaissement ».',
    });
  }
  const { cents: amountCents, error: amountError } = readEuros(row.montant);
  if (amountError !== null) errors.push({ field: flowFieldId(i, 'montant'), message: amountError });
  const fromMonth = optionalMonth(row.debut, flowFieldId(i, 'debut'), errors);
  const toMonth = optionalMonth(row.fin, flowFieldId(i, 'fin'), errors);
  if (errors.length > before) return null;
  return {
    label,
    direction: row.sens as 'in' | 'out',
    amountCents: amountCents as number,
    ...(fromMonth ? { fromMonth } : {}),
    ...(toMonth ? { toMonth } : {}),
  };
}

function optionalMonth(value: string, field: string, errors: FieldError[]): string | null {
  if (value.trim() === '') return null;
  const month = parseMonth(value);
  if (month === null) {
    errors.push({ field, message: 'Saisissez un mois, par exemple 2027-09, ou laissez vide.' });
  }
  return month;
}
