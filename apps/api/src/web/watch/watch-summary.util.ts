import { parseTerritory } from '@app/common';
import type { WatchProfile } from '@app/persistence';
import { AUDIENCE_LABELS } from '@app/watch';
import { frenchAmount, frenchPercent } from '../french-format.util';

/** Labels of thesaurus ids (themes, EU funds); unknown ids are shown as they are. */
export interface SummaryLabels {
  theme(id: string): string;
  fund(id: string): string;
}

type Criteria = Pick<
  WatchProfile,
  | 'themes'
  | 'includeKeywords'
  | 'excludeKeywords'
  | 'territories'
  | 'audiences'
  | 'euFunds'
  | 'minAmountCents'
  | 'minScore'
  | 'deadlineHorizonDays'
>;

/**
 * « la région Auvergne-Rhône-Alpes (R84) », « toute la France », « le département 63 »,
 * « la commune de Thiers (63430) », « Clermont Auvergne Métropole (246300701) ».
 */
export function territoryLabel(code: string): string {
  const territory = parseTerritory(code);
  if (!territory) return code;
  if (territory.level === 'country') return 'toute la France';
  if (territory.level === 'region') return `la région ${territory.name} (${territory.code})`;
  if (territory.level === 'commune') return `la commune de ${territory.name} (${territory.code})`;
  if (territory.level === 'epci') return `${territory.name} (${territory.code})`;
  return `le département ${territory.code}`;
}

/**
 * What a profile watches, in one French sentence: « Les appels sur Médiation numérique ou
 * mentionnant « illectronisme », sauf ceux mentionnant « agricole », en Auvergne-Rhône-Alpes
 * (R84), d’au moins 10 000 €. »
 */
export function describeWatch(profile: Criteria, labels: SummaryLabels): string {
  const parts = [
    topicOf(profile, labels),
    profile.excludeKeywords.length
      ? `sauf ceux mentionnant ${orList(profile.excludeKeywords.map(quoted))}`
      : '',
    profile.territories.length
      ? `concernant ${andList(profile.territories.map(territoryLabel))}`
      : '',
    profile.audiences.length
      ? `ouverts aux publics : ${orList(profile.audiences.map(audienceLabel))}`
      : '',
    profile.euFunds.length ? `financés par ${orList(profile.euFunds.map(labels.fund))}` : '',
    profile.minAmountCents !== null ? `d’au moins ${frenchAmount(profile.minAmountCents)}` : '',
    profile.minScore !== null ? `pertinents à ${frenchPercent(profile.minScore)} au moins` : '',
    profile.deadlineHorizonDays !== null
      ? `dont la date limite tombe dans les ${profile.deadlineHorizonDays} jours`
      : '',
  ].filter(Boolean);
  if (parts.length === 0) return 'Tous les appels ouverts, sans autre critère.';
  return `Les appels ${parts.join(', ')}.`;
}

function topicOf(profile: Criteria, labels: SummaryLabels): string {
  const themes = profile.themes.length ? `sur ${orList(profile.themes.map(labels.theme))}` : '';
  const keywords = profile.includeKeywords.length
    ? `mentionnant ${orList(profile.includeKeywords.map(quoted))}`
    : '';
  return themes && keywords ? `${themes}, ou ${keywords}` : themes || keywords;
}

function audienceLabel(id: string): string {
  return (AUDIENCE_LABELS[id] ?? id).toLowerCase();
}

const quoted = (text: string) => `« ${text} »`;

function orList(items: string[]): string {
  return joinWith(items, 'ou');
}

function andList(items: string[]): string {
  return joinWith(items, 'et');
}

function joinWith(items: string[], word: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/**
 * « a@epn.fr, b@ailleurs.fr (en attente de confirmation) »: members' addresses as they are,
 * every other address with where it stands, since it gets nothing until it confirms.
 */
export function recipientList(
  emails: readonly string[],
  statuses: ReadonlyArray<{ email: string; status: string; label: string }> = [],
): string {
  const byEmail = new Map(statuses.map((view) => [view.email, view]));
  return emails
    .map((email) => {
      const view = byEmail.get(email);
      return view && view.status !== 'member' ? `${email} (${view.label})` : email;
    })
    .join(', ');
}
