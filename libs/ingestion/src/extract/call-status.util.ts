import type { CallDeadline, CallStatus } from '../call/normalised-call';
import { parisDate } from '@app/common';
import { toReferenceDate } from './paris-date.util';

/**
 * Status from dates, on the Paris calendar: forthcoming before the opening, closed once the
 * last deadline's day has passed, open otherwise (rolling calls and calls without dates included).
 */
export function statusFromDates(
  dates: { opensAt: string | null; deadlines: CallDeadline[]; rolling: boolean },
  referenceDate?: Date | string,
): Exclude<CallStatus, 'withdrawn'> {
  const today = parisDate(toReferenceDate(referenceDate));
  if (dates.opensAt && dates.opensAt > today) return 'forthcoming';
  if (dates.rolling || dates.deadlines.length === 0) return 'open';
  const last = dates.deadlines.reduce(
    (latest, deadline) => (deadline.date > latest ? deadline.date : latest),
    '',
  );
  return last < today ? 'closed' : 'open';
}
