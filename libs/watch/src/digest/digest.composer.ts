import { escapeHtml } from '../feed/xml.util';
import { ComposedDigest, DigestContent, DigestEntry } from './digest.types';

const SECTIONS: Array<
  [keyof Pick<DigestContent, 'newMatches' | 'changedFollowed' | 'deadlinesSoon'>, string]
> = [
  ['newMatches', 'Nouveaux appels à projets'],
  ['changedFollowed', 'Appels suivis qui ont changé'],
  ['deadlinesSoon', 'Dates limites dans les 14 jours'],
];

export const isEmptyDigest = (content: DigestContent) =>
  SECTIONS.every(([key]) => content[key].length === 0);

function textEntry(entry: DigestEntry): string {
  const note = entry.note ? `\n   ${entry.note}` : '';
  return ` • ${entry.title}\n   ${entry.facts}${note}\n   ${entry.url}`;
}

function htmlEntry(entry: DigestEntry): string {
  const note = entry.note ? `<br><em>${escapeHtml(entry.note)}</em>` : '';
  return (
    `<li><a href="${escapeHtml(entry.url)}">${escapeHtml(entry.title)}</a>` +
    `<br>${escapeHtml(entry.facts)}${note}</li>`
  );
}

/**
 * One grouped French message, plain text and HTML, with the same sections in both, ending
 * with the link that stops this digest for its one recipient.
 */
export function composeDigest(
  content: DigestContent,
  unsubscribeUrl: string | null = null,
): ComposedDigest {
  const sections = SECTIONS.filter(([key]) => content[key].length > 0);
  const subject = `Vigie – ${content.subjectName} : votre veille ${content.periodLabel}`;
  const text = [
    `Bonjour,`,
    '',
    `Voici votre veille ${content.periodLabel} « ${content.subjectName} ».`,
    ...sections.flatMap(([key, title]) => [
      '',
      `${title} (${content[key].length})`,
      ...content[key].map(textEntry),
    ]),
    '',
    content.manageUrl ? `Tout voir : ${content.manageUrl}` : '',
    '— Vigie',
    ...(unsubscribeUrl ? ['', `Ne plus recevoir ce résumé : ${unsubscribeUrl}`] : []),
  ].join('\n');
  const html =
    `<!doctype html><html lang="fr"><body>` +
    `<p>Bonjour,</p><p>Voici votre veille ${escapeHtml(content.periodLabel)} « ${escapeHtml(content.subjectName)} ».</p>` +
    sections
      .map(
        ([key, title]) =>
          `<h2>${escapeHtml(title)} (${content[key].length})</h2><ul>${content[key].map(htmlEntry).join('')}</ul>`,
      )
      .join('') +
    (content.manageUrl ? `<p><a href="${escapeHtml(content.manageUrl)}">Tout voir</a></p>` : '') +
    `<p>— Vigie</p>` +
    (unsubscribeUrl
      ? `<p><a href="${escapeHtml(unsubscribeUrl)}">Ne plus recevoir ce résumé</a></p>`
      : '') +
    `</body></html>`;
  return { subject, text, html };
}
