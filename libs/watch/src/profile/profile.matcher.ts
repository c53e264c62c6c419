import { formatEuros, formatPercent } from '../french-format.util';
import { addDays, frenchDate } from '@app/common';
import { AUDIENCE_LABELS, OPEN_CALL_STATUSES } from '../watch.constants';
import { PreparedCall } from './prepared-call';
import { CompiledProfile, MatchResult } from './watch-profile.types';

/** Score given to a call matched by keywords alone, before the classifier has scored it. */
const KEYWORD_ONLY_SCORE = 0.5;

/**
 * Checks one call against one compiled profile. Cheap set lookups come first and the keyword
 * scans last; exclusions win over everything. Returns null when the call does not match.
 */
export function matchCall(
  profile: CompiledProfile,
  prepared: PreparedCall,
  today: string,
): MatchResult | null {
  const call = prepared.call;
  if (!OPEN_CALL_STATUSES.includes(call.status)) return null;
  if (call.nextDeadline !== null && call.nextDeadline < today) return null;
  const reasons: string[] = [];

  if (profile.deadlineHorizonDays !== null && !call.rolling && call.nextDeadline !== null) {
    if (call.nextDeadline > addDays(today, profile.deadlineHorizonDays)) return null;
  }
  if (profile.acceptedTerritories && call.territory.length > 0) {
    const covering = call.territory.find((code) => profile.acceptedTerritories!.has(code));
    if (!covering) return null;
    reasons.push(`territoire couvert (${covering})`);
  }
  if (profile.audiences && call.audiences.length > 0) {
    const eligible = call.audiences.find((audience) => profile.audiences!.has(audience));
    if (!eligible) return null;
    reasons.push(`public éligible : ${(AUDIENCE_LABELS[eligible] ?? eligible).toLowerCase()}`);
  }
  if (profile.euFunds) {
    if (!prepared.euFund || !profile.euFunds.has(prepared.euFund)) return null;
    reasons.push(`fonds européen : ${prepared.euFund}`);
  }
  if (profile.minAmountCents !== null) {
    const best = call.amountMaxCents ?? call.amountMinCents;
    if (best !== null && best < profile.minAmountCents) return null;
    if (best !== null) reasons.push(`montant jusqu’à ${formatEuros(best)}`);
  }

  const classification = call.classification;
  if (profile.minScore !== null && (!classification || classification.score < profile.minScore)) {
    return null;
  }
  let bestTheme: { id: string; score: number } | null = null;
  if (profile.themes.size > 0) {
    for (const [id, score] of prepared.themeScores) {
      if (profile.themes.has(id) && score > 0 && (!bestTheme || score > bestTheme.score)) {
        bestTheme = { id, score };
      }
    }
  }
  const includeHit = profile.includes.find((keyword) => prepared.mentions(keyword.normalised));
  // Themes and include keywords are alternatives: either one lets the call in.
  const wantsTopic = profile.themes.size > 0 || profile.includes.length > 0;
  if (wantsTopic && !bestTheme && !includeHit) return null;
  const excludeHit = profile.excludes.find((keyword) => prepared.mentions(keyword.normalised));
  if (excludeHit) return null;

  if (bestTheme) reasons.unshift(`thème ${bestTheme.id} (${formatPercent(bestTheme.score)})`);
  if (includeHit) reasons.unshift(`mot-clé « ${includeHit.raw} »`);
  if (classification) reasons.push(`pertinence ${formatPercent(classification.score)}`);
  if (call.nextDeadline) reasons.push(`date limite le ${frenchDate(call.nextDeadline)}`);

  return {
    profileId: profile.id,
    organisationId: profile.organisationId,
    callId: call.id,
    score: scoreOf(classification?.score ?? null, bestTheme?.score ?? null, Boolean(includeHit)),
    reasons,
  };
}

/** Relevance, averaged with the best wanted theme when the profile names themes. */
function scoreOf(relevance: number | null, theme: number | null, keyword: boolean): number {
  if (relevance === null) return keyword ? KEYWORD_ONLY_SCORE : 0;
  const score = theme === null ? relevance : (relevance + theme) / 2;
  return Math.round(score * 1000) / 1000;
}
