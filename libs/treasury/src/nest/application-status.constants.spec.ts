import { APPLICATION_STATUSES } from '../funding-kind.constants';
import { APPLICATION_TRANSITIONS } from './application-status.constants';

describe('APPLICATION_TRANSITIONS', () => {
  it('lets every status but closed move on, and closed is final', () => {
    for (const status of APPLICATION_STATUSES) {
      expect(APPLICATION_TRANSITIONS[status].length > 0).toBe(status !== 'closed');
    }
  });

  it('reaches every status from an idea', () => {
    const reached = new Set<string>(['idea']);
    const queue = ['idea'] as (keyof typeof APPLICATION_TRANSITIONS)[];
    while (queue.length > 0) {
      for (const next of APPLICATION_TRANSITIONS[queue.shift()!]) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    expect([...reached].sort()).toEqual([...APPLICATION_STATUSES].sort());
  });

  it('never skips from submitted to money: a grant must be notified first', () => {
    expect(APPLICATION_TRANSITIONS.submitted).not.toContain('in_progress');
    expect(APPLICATION_TRANSITIONS.idea).not.toContain('granted');
  });
});
