import type { TreasuryProjection } from './treasury-projection.types';
import type { Month } from './treasury.types';

export interface TreasuryExportRow {
  month: Month;
  openingCents: number;
  inflowsCents: number;
  outflowsCents: number;
  closingCents: number;
}

/** Which plan: the whole structure, or one application's own flows (its balance starts at 0). */
export type TreasuryExportScope = 'structure' | { applicationId: string };

export function exportRows(
  projection: TreasuryProjection,
  scope: TreasuryExportScope,
): TreasuryExportRow[] {
  if (scope === 'structure') {
    return projection.months.map(
      ({ month, openingCents, inflowsCents, outflowsCents, closingCents }) => ({
        month,
        openingCents,
        inflowsCents,
        outflowsCents,
        closingCents,
      }),
    );
  }
  // An application's plan shows its cumulative position: what it has cost the structure's cash so far.
  let balance = 0;
  return projection.months.map((m) => {
    let inflowsCents = 0;
    let outflowsCents = 0;
    for (const line of m.lines) {
      if (line.applicationId !== scope.applicationId) continue;
      if (line.direction === 'in') inflowsCents += line.amountCents;
      else outflowsCents += line.amountCents;
    }
    const openingCents = balance;
    balance = openingCents + inflowsCents - outflowsCents;
    return { month: m.month, openingCents, inflowsCents, outflowsCents, closingCents: balance };
  });
}

/** Application ids in order of first appearance in the movements. */
export function applicationIdsOf(projection: TreasuryProjection): string[] {
  const ids = new Set<string>();
  for (const month of projection.months)
    for (const line of month.lines) if (line.applicationId) ids.add(line.applicationId);
  return [...ids];
}
