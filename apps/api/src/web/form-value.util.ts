/** A submitted form field as a string ('' when absent or not a string), length-capped. */
export function formText(body: unknown, name: string, maxLength = 500): string {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' ? text.slice(0, maxLength) : '';
}

/** Only a local path may follow sign-in: never another site (open redirect). */
export function safeNextPath(value: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/tableau-de-bord';
}

/** « 5000 », « 5 000 », « 5000,50 € » → cents; null when it is not an amount. */
export function parseEuros(value: string): number | null {
  const cleaned = value.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}
