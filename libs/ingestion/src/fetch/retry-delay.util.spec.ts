import { backoffDelay, parseRetryAfter } from './retry-delay.util';

describe(parseRetryAfter.name, () => {
  const now = Date.parse('2027-03-01T10:00:00Z');

  it('reads a delay in seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
  });

  it('reads an HTTP date', () => {
    expect(parseRetryAfter('Mon, 01 Mar 2027 10:00:30 GMT', now)).toBe(30_000);
  });

  it('never answers a negative delay for a date in the past', () => {
    expect(parseRetryAfter('Mon, 01 Mar 2027 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
  });
});

describe(backoffDelay.name, () => {
  it('doubles the ceiling at each attempt and stays under the cap', () => {
    const top = () => 1;
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, 100, 500, top))).toEqual([
      100, 200, 400, 500,
    ]);
  });

  it('spreads retries between zero and the ceiling', () => {
    expect(backoffDelay(2, 100, 10_000, () => 0)).toBe(0);
    expect(backoffDelay(2, 100, 10_000, () => 0.5)).toBe(200);
  });
});
