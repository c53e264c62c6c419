import { differsFromShared, rankCall } from './call-ranking.rule';

describe(rankCall.name, () => {
  const base = { score: 0.8, relevant: true, adjusted: false, mark: null };

  it('keeps the shared figure when nothing is known of the organisation', () => {
    expect(rankCall(base)).toEqual({ score: 0.8, relevant: true });
    expect(differsFromShared(base)).toBe(false);
  });

  it('lets « pas pour nous » win over a high score, and « pertinent » over a low one', () => {
    expect(rankCall({ ...base, mark: false }).relevant).toBe(false);
    expect(rankCall({ ...base, score: 0.1, relevant: false, mark: true }).relevant).toBe(true);
  });

  it('pushes a call the organisation may not apply to down and out of its relevant list', () => {
    const ranked = rankCall({ ...base, eligibility: 'not_eligible' });
    expect(ranked).toEqual({ score: 0.4, relevant: false });
    expect(differsFromShared({ ...base, eligibility: 'not_eligible' })).toBe(true);
    expect(rankCall({ ...base, eligibility: 'unknown' })).toEqual({ score: 0.8, relevant: true });
  });

  it('lets the organisation’s « pertinent » win over an ineligible verdict', () => {
    expect(rankCall({ ...base, eligibility: 'not_eligible', mark: true })).toEqual({
      score: 0.8,
      relevant: true,
    });
  });
});
