import { dueOccurrence } from './due-occurrence.util';
import { jobIdFor } from './job-id.util';

describe(dueOccurrence.name, () => {
  it('is due once the first occurrence after the last run has come, evaluated in Paris time', () => {
    // 06:00 in Paris is 05:00 UTC in winter.
    const lastRun = new Date('2027-01-10T05:30:00Z');
    expect(dueOccurrence('0 6 * * *', lastRun, new Date('2027-01-11T04:59:00Z'))).toBeNull();
    expect(
      dueOccurrence('0 6 * * *', lastRun, new Date('2027-01-11T05:00:30Z'))?.toISOString(),
    ).toBe('2027-01-11T05:00:00.000Z');
  });

  it('follows summer time: 06:00 in Paris is 04:00 UTC in July', () => {
    expect(
      dueOccurrence(
        '0 6 * * *',
        new Date('2027-07-10T12:00:00Z'),
        new Date('2027-07-11T04:00:01Z'),
      )?.toISOString(),
    ).toBe('2027-07-11T04:00:00.000Z');
  });

  it('names one window however late the worker comes back', () => {
    const lastRun = new Date('2027-01-01T12:00:00Z');
    const windows = ['2027-01-05T08:00:00Z', '2027-01-05T08:01:00Z'].map((now) =>
      dueOccurrence('0 6 * * *', lastRun, new Date(now))?.toISOString(),
    );
    expect(windows).toEqual(['2027-01-02T05:00:00.000Z', '2027-01-02T05:00:00.000Z']);
  });
});

describe(jobIdFor.name, () => {
  it('gives the same UUID for the same window and another for the next', () => {
    const id = jobIdFor('src-a@2027-01-02T05:00:00.000Z');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(jobIdFor('src-a@2027-01-02T05:00:00.000Z')).toBe(id);
    expect(jobIdFor('src-a@2027-01-03T05:00:00.000Z')).not.toBe(id);
  });
});
