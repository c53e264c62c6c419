import { DIGEST_FREQUENCIES, type DigestFrequency } from '@app/persistence';
import type { CollectifDigestInput, CollectifDigestSettings } from '@app/watch';
import { formText } from '../form-value.util';
import { recipientsOf } from '../watch/watch-form.util';
import { FREQUENCY_LABELS } from '../watch/watch-label.constants';
import { recipientList } from '../watch/watch-summary.util';
import type { FieldError } from '../web-view.types';

const FREQUENCIES: readonly DigestFrequency[] = DIGEST_FREQUENCIES;

/** The « Envoi par e-mail » form as typed, or as stored: one address per line. */
export interface CollectifDigestForm {
  frequence: string;
  destinataires: string;
}

export function digestFormOf(settings: CollectifDigestInput): CollectifDigestForm {
  return { frequence: settings.frequency, destinataires: settings.recipients.join('\n') };
}

/** The submitted form, length-capped so a huge body cannot fill the page. */
export function readDigestForm(body: unknown): CollectifDigestForm {
  return {
    frequence: formText(body, 'frequence', 20),
    destinataires: formText(body, 'destinataires', 6_000),
  };
}

/**
 * The form as the collectif service takes it, or the errors next to their fields (with the
 * « Veilles » form's wording); nothing is stored unless both fields are right.
 */
export function parseDigestForm(form: CollectifDigestForm): {
  settings: CollectifDigestInput | null;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const frequency = form.frequence as DigestFrequency;
  if (!FREQUENCIES.includes(frequency)) {
    errors.push({ field: 'frequence', message: 'Choisissez une fréquence de résumé.' });
  }
  const recipients = recipientsOf(form.destinataires, (field, message) =>
    errors.push({ field, message }),
  );
  if (errors.length) return { settings: null, errors };
  return { settings: { frequency, recipients: [...new Set(recipients)] }, errors };
}

/**
 * « Chaque jour, à a@x.fr, b@y.fr (en attente de confirmation) » — what the page says is set,
 * for everyone, viewers too.
 */
export function describeDigest(
  settings: CollectifDigestInput & Partial<Pick<CollectifDigestSettings, 'recipientStatuses'>>,
): string {
  const frequency = FREQUENCY_LABELS[settings.frequency];
  if (settings.frequency === 'none') return frequency;
  const to = settings.recipients.length
    ? `à ${recipientList(settings.recipients, settings.recipientStatuses)}`
    : 'aux responsables et membres du collectif et de ses structures membres';
  return `${frequency}, ${to}`;
}
