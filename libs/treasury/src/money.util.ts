/**
 * floor(a × b / c) exactly for non-negative integers. Doubles hold a × b exactly below 2^53;
 * above that (100 M€ × 100 M€) we switch to BigInt rather than lose cents.
 */
export function mulDivFloor(a: number, b: number, c: number): number {
  const product = a * b;
  // An exact product below 2^53 divided by an integer c: the rounding error of the division is
  // under 1/c, the gap between a non-integer quotient and the next integer, so floor is exact
  // (and cheaper than `%` on doubles, a library call; the projection divides ~10^4 times).
  if (product >= 0 && c > 0 && product <= Number.MAX_SAFE_INTEGER) return Math.floor(product / c);
  return mulDivFloorSlowly(a, b, c);
}

function mulDivFloorSlowly(a: number, b: number, c: number): number {
  const product = a * b;
  if (product <= Number.MAX_SAFE_INTEGER) return (product - (product % c)) / c;
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** Share of an amount for a percentage that may carry decimals (e.g. 33.33 %), rounded down. */
export function percentOf(amountCents: number, pct: number): number {
  return hundredthsOf(amountCents, pctInHundredths(pct));
}

/** Percentages are taken at 1/100 of a point so 33.33 % stays an integer ratio. */
export function pctInHundredths(pct: number): number {
  return Math.round(pct * 100);
}

/** Share of an amount for a percentage given in hundredths of a point (3 333 for 33.33 %), rounded down. */
export function hundredthsOf(amountCents: number, hundredths: number): number {
  // No advance and all of it are the usual rules: no division for them.
  if (hundredths === 0) return 0;
  if (hundredths === 10_000) return amountCents;
  return mulDivFloor(amountCents, hundredths, 10_000);
}

/** Evenly over `parts`; the cents that do not divide go to the last part so the sum is exact. */
export function splitEvenly(totalCents: number, parts: number): number[] {
  const base = Math.floor(totalCents / parts);
  const shares = new Array<number>(parts).fill(base);
  shares[parts - 1] += totalCents - base * parts;
  return shares;
}
