import { formatEuros, formatPercent } from '@app/common';
import { addDays, frenchDate } from '@app/common';
import { AUDIENCE_LABELS, OPEN_CALL_STATUSES } from '../watch.constants';
import { PreparedCall } from './prepared-call';
import { CompiledProfile, MatchResult } from './watch-profile.types';

/** Score given to a call matched by keywords alone, before the classifier has scored it. */
const KEYWORD_ONLY_SCORE = 0.5;

/** What the matcher knows of the call for the profile's organisation, beyond the call itself. */
export interface MatchContext {
  /**
   * The organisation's figure for the call when the ranking rule set it apart from the shared
   * one (a mark, a call close to a marked one, an ineligible call): see `CallRankingQuery`.
   */
  figure?: {
    score: number;
    relevant: boolean;
    mark: boolean | null;
    notEligible?: boolean;
  } | null;
  /** Theme labels by id (the thesaurus'), so reasons read « thème Accessibilité numérique ». */
  themeLabels?: ReadonlyMap<string, string>;
}

/**
 * Checks one call against one compiled profile. Cheap set lookups come first and the keyword
 * scans last; exclusions win over everything. Returns null when the call does not match.
 */
export function matchCall(
  profile: CompiledProfile,
  prepared: PreparedCall,
  today: string,
  context: MatchContext = {},
): MatchResult | null {
  const call = prepared.call;
  if (!OPEN_CALL_STATUSES.includes(call.status)) return null;
  // « Pas pour nous »: the organisation said so, whatever the profile's criteria.
  if (context.figure?.mark === false) return null;
  // Its legal form may not apply (the ranking rule): out, unless it marked the call « pertinent ».
  if (context.figure?.notEligible && context.figure.mark !== true) return null;
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
  // The one relevance figure of the call for the organisation, as every list shows it.
  const relevance = classification ? (context.figure?.score ?? classification.score) : null;
  if (profile.minScore !== null && (relevance === null || relevance < profile.minScore)) {
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

  if (bestTheme) {
    // The theme's own strength is « correspondance », never a second « pertinence » figure.
    const label = context.themeLabels?.get(bestTheme.id) ?? bestTheme.id;
    reasons.unshift(`thème « ${label} » (correspondance ${formatPercent(bestTheme.score)})`);
  }
  if (includeHit) reasons.unshift(`mot-clé « ${includeHit.raw} »`);
  if (call.nextDeadline) reasons.push(`date limite le ${frenchDate(call.nextDeadline)}`);

  return {
    profileId: profile.id,
    organisationId: profile.organisationId,
    callId: call.id,
    score: scoreOf(relevance, Boolean(includeHit)),
    reasons,
  };
}

/**
 * The match's score is the call's relevance for the organisation, the figure every surface
 * shows and the one a profile's minimum applies to: a watch « à 40 % au moins » never lists a
 * call at 37 %. A call matched by keyword before it is classified shows a neutral figure.
 */
function scoreOf(relevance: number | null, keyword: boolean): number {
  if (relevance === null) return keyword ? KEYWORD_ONLY_SCORE : 0;
  return Math.round(relevance * 1000) / 1000;
}
