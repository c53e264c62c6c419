import { clockFor, PinnedClock, SystemClock } from './clock';

describe('Clock', () => {
  it('reads the system clock when nothing is pinned', () => {
    const clock = clockFor(undefined);
    expect(clock).toBeInstanceOf(SystemClock);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('pins the calendar to a day or an instant, in Europe/Paris', () => {
    expect(clockFor('2026-11-23').today()).toBe('2026-11-23');
    // 23:30 UTC on 31 December is already 1 January in Paris.
    const clock = clockFor('2026-12-31T23:30:00Z');
    expect(clock).toBeInstanceOf(PinnedClock);
    expect(clock.today()).toBe('2027-01-01');
    expect(clock.month()).toBe('2027-01');
  });

  it('keeps durations true after pinning', async () => {
    const clock = clockFor('2026-11-23T08:00:00Z');
    const first = clock.now().getTime();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now().getTime() - first).toBeGreaterThanOrEqual(15);
  });

  it('refuses what is not a date', () => {
    expect(() => clockFor('next monday')).toThrow('Not an ISO date or instant: next monday');
  });
});
