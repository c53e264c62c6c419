import { frenchDate } from '@app/common';
import type { FixtureCall, FixtureDeadline } from './fixture-call.types';

export function numericFrenchDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

function at(deadline: FixtureDeadline): string {
  if (!deadline.time) return '';
  const [hours, minutes] = deadline.time.split(':');
  return ` à ${Number(hours)}h${minutes === '00' ? '' : minutes}`;
}

/** The sentence that states a call's dates, in the call's own wording. */
export function deadlineSentence(call: FixtureCall): string {
  if (call.rolling) return "Les dossiers sont instruits au fil de l'eau, sans date limite.";
  const opening = call.opensAt ? `Ouverture des candidatures le ${frenchDate(call.opensAt)}. ` : '';
  if (call.deadlines.length === 0) return opening.trim();
  if (call.deadlines.length > 1) {
    return `${opening}L'appel comporte plusieurs sessions : ${call.deadlines
      .map((d) => `${d.label ?? 'session'} : ${frenchDate(d.date)}${at(d)}`)
      .join(' ; ')}.`;
  }
  const [deadline] = call.deadlines;
  switch (call.deadlineStyle ?? 'long') {
    case 'numeric':
      return `${opening}Date limite de dépôt des dossiers : ${numericFrenchDate(deadline.date)}${at(deadline)}.`;
    case 'jusquau':
      return `${opening}Les candidatures sont reçues jusqu'au ${numericFrenchDate(deadline.date)}${at(deadline)} inclus.`;
    case 'avant':
      return `${opening}Les projets doivent être déposés avant le ${frenchDate(deadline.date)}${at(deadline)}.`;
    case 'cloture':
      return `${opening}Clôture de l'appel le ${frenchDate(deadline.date)}${at(deadline)}.`;
    default:
      return `${opening}Date limite de dépôt : ${frenchDate(deadline.date)}${at(deadline)}.`;
  }
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The description as HTML: paragraphs, amounts, audiences, then the dates. */
export function descriptionHtml(call: FixtureCall, withDates = true): string {
  const parts = call.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`);
  if (call.amountText) parts.push(`<h3>Montant</h3><p>${escapeHtml(call.amountText)}</p>`);
  parts.push(
    `<h3>Bénéficiaires</h3><ul>${call.audiences.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul>`,
  );
  if (withDates) parts.push(`<h3>Calendrier</h3><p>${escapeHtml(deadlineSentence(call))}</p>`);
  return parts.join('\n');
}
