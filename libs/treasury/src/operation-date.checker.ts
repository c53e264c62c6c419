import { frenchMonth } from './french-date.util';
import { toMonthIndex } from './month.util';

/**
 * Something worth a second look in an application that is nonetheless accepted: unlike a
 * `ValidationIssue`, it refuses nothing (an operation may really be over, entered afterwards).
 */
export interface InputWarning {
  path: string;
  code: 'OPERATION_IN_PAST';
  message: string;
  messageEn: string;
}

/**
 * Warns when the operation ended before the current month (`currentMonth`, YYYY-MM, from the
 * app's Clock): a dossier dated 2020 by mistake would otherwise be accepted silently and only
 * show up later as treasury warnings about January 2020.
 */
export function operationDateWarnings(
  operation: { operationStart: string; operationEnd: string },
  currentMonth: string,
): InputWarning[] {
  const end = operation.operationEnd.slice(0, 7);
  if (end >= currentMonth) return [];
  return [
    {
      path: 'operationEnd',
      code: 'OPERATION_IN_PAST',
      message: `Attention : l’opération s’est terminée en ${frenchMonth(toMonthIndex(end))}, avant le mois en cours (${frenchMonth(toMonthIndex(currentMonth))}). Si c’est une erreur de saisie, corrigez les dates ; sinon, le dossier est bien enregistré.`,
      messageEn: `The operation ended in ${end}, before the current month (${currentMonth}): check the dates; the application was saved.`,
    },
  ];
}
