import { territoriesCovering } from '@app/common';
import { readEuros } from '../form-value.util';
import { readTerritoryInput } from '../territory-input.util';
import type { FieldError } from '../web-view.types';
import type {
  CallFilter,
  ParsedCallFilter,
  RelevanceChoice,
  StatusChoice,
} from './call-filter.types';

const STATUSES: Record<StatusChoice, string[]> = {
  ouverts: ['open', 'forthcoming'],
  'a-venir': ['forthcoming'],
  clos: ['closed', 'withdrawn'],
  tous: ['open', 'forthcoming', 'closed', 'withdrawn'],
};
const RELEVANCES: readonly RelevanceChoice[] = ['pertinents', 'tous', 'ecartes', 'suivis'];
const MAX_PAGE = 50;

const text = (query: Record<string, unknown>, name: string, max = 100): string => {
  const value = query[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim().slice(0, max) : '';
};

/**
 * Reads the GET filters of the calls page. A wrong value never fails the page: it is kept in
 * the form with a French message next to it, and ignored in the query.
 */
export function parseCallFilter(
  query: Record<string, unknown>,
  knownThemes: ReadonlySet<string>,
  knownFunds: ReadonlySet<string>,
): ParsedCallFilter {
  const errors: FieldError[] = [];
  const status = text(query, 'statut') as StatusChoice;
  const relevance = text(query, 'pertinence') as RelevanceChoice;
  const pageNumber = Number.parseInt(text(query, 'page'), 10);
  const form: CallFilter = {
    q: text(query, 'q', 200),
    theme: text(query, 'theme'),
    territory: text(query, 'territoire', 100),
    deadlineBefore: text(query, 'echeance', 10),
    amountMin: text(query, 'montant', 20),
    euFund: text(query, 'fonds'),
    status: status in STATUSES ? status : 'ouverts',
    relevance: RELEVANCES.includes(relevance) ? relevance : 'pertinents',
    page: Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, MAX_PAGE) : 1,
  };
  if (form.theme && !knownThemes.has(form.theme)) {
    errors.push({ field: 'theme', message: 'Choisissez une thématique de la liste.' });
  }
  if (form.euFund && !knownFunds.has(form.euFund)) {
    errors.push({ field: 'fonds', message: 'Choisissez un fonds européen de la liste.' });
  }
  if (form.deadlineBefore && !isCalendarDate(form.deadlineBefore)) {
    errors.push({
      field: 'echeance',
      message: 'Saisissez une date valide, par exemple 2027-03-15.',
    });
  }
  // The one euro reading and message of every money field (issue 20, item 9).
  const amount = form.amountMin ? readEuros(form.amountMin) : null;
  const amountMinCents = amount?.cents ?? null;
  if (amount?.error) errors.push({ field: 'montant', message: amount.error });
  // Names and codes read as on the watch form (issue 20, item 13).
  const read = form.territory ? readTerritoryInput(form.territory) : null;
  const coveringTerritories = read?.kind === 'code' ? territoriesCovering(read.code) : null;
  if (read?.kind === 'ambiguous') {
    errors.push({ field: 'territoire', message: read.message });
  } else if (form.territory && !coveringTerritories) {
    errors.push({
      field: 'territoire',
      message:
        `Territoire inconnu : « ${form.territory} ». Saisissez une commune (63113 ou son nom), ` +
        'une intercommunalité (246300701), un département (63, Puy-de-Dôme), une région (R84) ' +
        'ou FR.',
    });
  }
  return {
    form,
    errors,
    coveringTerritories,
    amountMinCents,
    statuses: STATUSES[form.status],
  };
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
