import { frenchDate } from '@app/common';
import { formatAmountRange, formatPercent } from '@app/common';
import { FeedItem } from './feed-item.types';
import { escapeHtml } from './xml.util';

/** The French lines every rendering of an item shows, in this order. */
export function itemFacts(item: FeedItem): Array<[string, string]> {
  const facts: Array<[string, string]> = [];
  if (item.changeSummary) facts.push(['Changement', item.changeSummary]);
  if (item.pick?.annotation) facts.push(['Note du collectif', item.pick.annotation]);
  if (item.pick?.jointBid) facts.push(['Candidature commune', 'possible']);
  facts.push([
    'Date limite',
    item.nextDeadline
      ? frenchDate(item.nextDeadline)
      : item.rolling
        ? 'au fil de l’eau'
        : 'non précisée',
  ]);
  const amount = formatAmountRange(item.amountMinCents, item.amountMaxCents);
  if (amount) facts.push(['Montant', amount]);
  facts.push(['Pertinence', formatPercent(item.score)]);
  if (item.themeLabels.length) facts.push(['Thèmes', item.themeLabels.join(', ')]);
  if (item.reasons.length) facts.push(['Pourquoi', item.reasons.join(' ; ')]);
  if (item.funders.length) facts.push(['Financeur', item.funders.join(', ')]);
  return facts;
}

/** A title that shows at once what changed: « [Modifié] Titre ». */
export function itemTitle(item: FeedItem): string {
  return item.changeSummary ? `[Modifié] ${item.title}` : item.title;
}

export function itemText(item: FeedItem): string {
  const lines = itemFacts(item).map(([label, value]) => `${label} : ${value}`);
  if (item.excerpt) lines.push('', item.excerpt);
  return lines.join('\n');
}

export function itemHtml(item: FeedItem): string {
  const facts = itemFacts(item)
    .map(
      ([label, value]) => `<li><strong>${escapeHtml(label)} :</strong> ${escapeHtml(value)}</li>`,
    )
    .join('');
  const excerpt = item.excerpt ? `<p>${escapeHtml(item.excerpt)}</p>` : '';
  return `<ul>${facts}</ul>${excerpt}`;
}

/** A new id each time the item reappears, so feed readers show it again. */
export function itemGuid(item: FeedItem): string {
  return `vigie:call:${item.callId}:${item.matchedAt.getTime()}`;
}
