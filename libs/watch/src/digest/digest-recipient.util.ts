/**
 * Digest addresses as stored: trimmed and lower-cased before de-duplicating, so
 * « Direction@EPN.fr » and « direction@epn.fr » are one recipient.
 */
export function normalisedRecipients(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.trim().toLowerCase()).filter(Boolean))];
}
