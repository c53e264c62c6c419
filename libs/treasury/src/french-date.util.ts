import { FRENCH_MONTH_NAMES } from '@app/common';
import type { MonthIndex } from './month.util';

/** « juin 2027 » from the projection's month index (year × 12 + month − 1). */
export function frenchMonth(index: MonthIndex): string {
  return `${FRENCH_MONTH_NAMES[index % 12]} ${Math.floor(index / 12)}`;
}
