import { escapeIcalText, foldIcalLine } from './ical.renderer';

describe('iCal text', () => {
  it('escapes the characters RFC 5545 reserves', () => {
    expect(escapeIcalText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });

  it('folds at 75 octets without cutting a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const parts = foldIcalLine(line).split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(parts.map((part, i) => (i ? part.slice(1) : part)).join('')).toBe(line);
  });
});
