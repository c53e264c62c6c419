/** 7200000 → « 72 000 € » (no-break spaces, so a reader never splits the figure). */
export function formatEuros(cents: number): string {
  const euros = Math.round(cents / 100);
  const digits = String(Math.abs(euros)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${euros < 0 ? '-' : ''}${digits}\u00a0€`;
}

/** 0.823 → « 82 % ». */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}\u00a0%`;
}

/** « de 10 000 € à 72 000 € », « jusqu’à 72 000 € », or null when the call gives no amount. */
export function formatAmountRange(minCents: number | null, maxCents: number | null): string | null {
  if (minCents !== null && maxCents !== null && minCents !== maxCents) {
    return `de ${formatEuros(minCents)} à ${formatEuros(maxCents)}`;
  }
  if (maxCents !== null) return `jusqu’à ${formatEuros(maxCents)}`;
  if (minCents !== null) return `à partir de ${formatEuros(minCents)}`;
  return null;
}
