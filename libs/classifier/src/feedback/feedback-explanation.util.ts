import { ELIGIBILITY_REASON_KIND } from '../ranking/call-ranking.rule';

/** How many of the shared reasons a personal explanation keeps beside every feedback reason. */
export const KEPT_SHARED_REASONS = 6;

interface Reason {
  weight: number;
  kind: string;
}

/**
 * A call's personal explanation from its stored shared one (strongest first) and its feedback
 * entries: the order `classify` gives (a stable sort by |weight| with the feedback pushed last),
 * cut to the strongest reasons plus every feedback one and the eligibility words (weight 0).
 */
export function withFeedbackReasons<T extends Reason>(
  shared: readonly T[],
  feedback: readonly T[],
): T[] {
  return [...shared, ...feedback]
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .filter(
      (e, i) =>
        i < KEPT_SHARED_REASONS || e.kind === 'feedback' || e.kind === ELIGIBILITY_REASON_KIND,
    );
}
