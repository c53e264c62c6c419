/**
 * Whether an organisation may apply to a call, from the call's eligible beneficiaries and the
 * organisation's legal form. Computed elsewhere (issue 15 item 1); `unknown` until it is.
 */
export type EligibilityVerdict = 'eligible' | 'not_eligible' | 'unknown';

/** What the one ranking rule needs to know of a call, for one organisation. */
export interface RankingInput {
  /** The call's relevance for the organisation: the shared rules plus its feedback model. */
  score: number;
  relevant: boolean;
  /** True when the organisation's marks moved the score (a marked call, or one close to it). */
  adjusted: boolean;
  /** The organisation's own mark on the call: « pertinent » true, « pas pour nous » false. */
  mark: boolean | null;
  /** Absent means `unknown`: the slot the eligibility verdict plugs into. */
  eligibility?: EligibilityVerdict;
}

export interface RankedRelevance {
  score: number;
  relevant: boolean;
}

/**
 * A call the organisation may not apply to keeps its score for the explanation but sinks
 * below every call it may apply to with a similar score.
 */
export const NOT_ELIGIBLE_FACTOR = 0.5;

/**
 * The kind (and concept) of the reason entry that carries the verdict for the organisation's
 * legal form in a list's reasons; not `eligibility`, the thesaurus' own rules on audiences.
 */
export const ELIGIBILITY_REASON_KIND = 'legal_form';

/**
 * The one ranking rule, in this order: the organisation's own mark wins (it knows whether the
 * call is for it), then eligibility (a call it may not apply to is not relevant, whatever its
 * vocabulary), then the score learnt from its marks, else the shared score.
 *
 * The list queries read the marks' part from `organisation_call_score`, where only calls for
 * which it differs from the shared classification are stored (see `differsFromShared`), and
 * apply the mark and the eligibility parts on read (`ORGANISATION_SCORE_SQL`,
 * `ORGANISATION_RELEVANT_SQL`, joined to `legal_form_call_verdict` by the legal form): the
 * integration spec checks that SQL against this function.
 */
export function rankCall(input: RankingInput): RankedRelevance {
  const score =
    input.eligibility === 'not_eligible' && input.mark !== true
      ? Math.round(input.score * NOT_ELIGIBLE_FACTOR * 1000) / 1000
      : input.score;
  if (input.mark !== null) return { score, relevant: input.mark };
  if (input.eligibility === 'not_eligible') return { score, relevant: false };
  return { score, relevant: input.relevant };
}

/** Whether the rule's result must be stored for the organisation (it differs from the shared one). */
export function differsFromShared(input: RankingInput): boolean {
  return input.adjusted || input.mark !== null || input.eligibility === 'not_eligible';
}
