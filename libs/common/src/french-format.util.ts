/**
 * The one French money and percent writing of the application (issue 15 item 3): pages,
 * feeds, digests, CSV, treasury messages and the co-financing finder all use these.
 */

/**
 * 1234567 → « 12 345,67 € », 8200000 → « 82 000 € » (narrow no-break space between thousands,
 * no-break space before €, as in fr-FR): cents are written only when there are some, as an
 * accountant writes a sum in a sentence.
 */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '−' : '';
  const abs = Math.abs(cents);
  const rest = abs % 100;
  const euros = groupThousands(Math.floor(abs / 100));
  if (rest === 0) return `${sign}${euros}\u00a0€`;
  return `${sign}${euros},${rest < 10 ? '0' : ''}${rest}\u00a0€`;
}

/** Thousands separated by a narrow no-break space; a loop rather than a regex (thousands of messages per projection). */
function groupThousands(euros: number): string {
  let text = '';
  let rest = euros;
  while (rest >= 1000) {
    const group = rest % 1000;
    text = `\u202f${group < 10 ? '00' : group < 100 ? '0' : ''}${group}${text}`;
    rest = Math.floor(rest / 1000);
  }
  return `${rest}${text}`;
}

/** 0.823 → « 82 % » (no-break space). */
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
