import { InputChecker } from '../input-checker.util';
import type { ValidationIssue } from '../validation-issue.types';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** People, workshops and hours stay far below this; above it is a typo. */
const MAX_INDICATOR = 10_000_000;

/** The fields the cash plan does not read: the linked call and the activity indicators. */
export function validateApplicationExtras(input: {
  callId?: unknown;
  indicators?: unknown;
}): ValidationIssue[] {
  const check = new InputChecker();
  if (
    input.callId !== undefined &&
    input.callId !== null &&
    (typeof input.callId !== 'string' || !UUID_RE.test(input.callId))
  ) {
    check.add(
      'callId',
      'UNKNOWN_VALUE',
      'Identifiant d’appel à projets attendu (UUID).',
      'Expected a call id (UUID).',
    );
  }
  if (input.indicators !== undefined && check.list('indicators', input.indicators)) {
    input.indicators.forEach((indicator, i) => {
      const at = `indicators[${i}]`;
      if (!check.record(at, indicator)) return;
      check.text(`${at}.key`, indicator.key);
      if (indicator.label !== undefined) check.text(`${at}.label`, indicator.label);
      check.integerBetween(`${at}.planned`, indicator.planned, 0, MAX_INDICATOR);
      // Achieved counts are dated now: a total without a date could not be put in a period.
      if (indicator.achieved !== undefined)
        check.add(
          `${at}.achieved`,
          'UNKNOWN_VALUE',
          'Le réalisé se saisit en activité datée (POST /api/applications/:id/activity).',
          'Achieved counts are dated activity now (POST /api/applications/:id/activity).',
        );
    });
  }
  return check.issues;
}

export function unknownCall(): ValidationIssue {
  return {
    path: 'callId',
    code: 'UNKNOWN_VALUE',
    message: 'Aucun appel à projets enregistré avec cet identifiant.',
    messageEn: 'No stored call has this id.',
  };
}
