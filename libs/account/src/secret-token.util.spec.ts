import {
  generateSecretToken,
  hashSecretToken,
  looksLikeSecretToken,
  sameSecret,
} from './secret-token.util';

describe('secret-token.util', () => {
  it('generates distinct URL-safe tokens that pass the shape check', () => {
    const a = generateSecretToken();
    const b = generateSecretToken();
    expect(a).not.toBe(b);
    expect(looksLikeSecretToken(a)).toBe(true);
    expect(encodeURIComponent(a)).toBe(a);
  });

  it('stores a hash that differs from the token and is stable', () => {
    const token = generateSecretToken();
    expect(hashSecretToken(token)).toBe(hashSecretToken(token));
    expect(hashSecretToken(token)).not.toContain(token);
  });

  it.each([undefined, '', 'short', `${'a'.repeat(42)}!`, 42])('rejects %p as a token', (v) => {
    expect(looksLikeSecretToken(v)).toBe(false);
  });

  it('compares secrets of different lengths without throwing', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('abc', 'abd')).toBe(false);
  });
});
