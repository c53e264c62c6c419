import { signAnonymousCsrf, verifyAnonymousCsrf } from './anonymous-csrf.util';

describe('anonymous CSRF tokens (issue 17, finding 7)', () => {
  const secret = 's'.repeat(32);
  const nonce = 'n'.repeat(43);
  const now = Date.parse('2026-03-01T10:00:00Z');
  const token = signAnonymousCsrf(secret, nonce, now + 60_000);

  it('accepts the token signed for this cookie until it expires', () => {
    expect(verifyAnonymousCsrf(secret, nonce, token, now)).toBe(true);
    expect(verifyAnonymousCsrf(secret, nonce, token, now + 59_000)).toBe(true);
    expect(verifyAnonymousCsrf(secret, nonce, token, now + 60_000)).toBe(false);
  });

  it('refuses a forged signature, another cookie, another secret or a moved expiry', () => {
    const [expires, signature] = token.split('.');
    const flipped = `${expires}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expect(verifyAnonymousCsrf(secret, nonce, flipped, now)).toBe(false);
    expect(verifyAnonymousCsrf(secret, 'm'.repeat(43), token, now)).toBe(false);
    expect(verifyAnonymousCsrf('t'.repeat(32), nonce, token, now)).toBe(false);
    expect(verifyAnonymousCsrf(secret, nonce, `${Number(expires) + 3600}.${signature}`, now)).toBe(
      false,
    );
  });

  it('refuses what is not a token at all', () => {
    for (const bad of [undefined, '', 'abc', `${token}x`, 42, ['a']]) {
      expect(verifyAnonymousCsrf(secret, nonce, bad, now)).toBe(false);
    }
    expect(verifyAnonymousCsrf(secret, undefined, token, now)).toBe(false);
    expect(verifyAnonymousCsrf(secret, '', token, now)).toBe(false);
  });
});
