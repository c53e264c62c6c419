import { apiKeyDisplayPrefix, apiKeyLooksValid, generateApiKey, hashApiKey } from './api-key.util';

describe('api keys', () => {
  it('are random, recognisable and well-formed', () => {
    const keys = new Set(Array.from({ length: 50 }, generateApiKey));
    expect(keys.size).toBe(50);
    for (const key of keys) {
      expect(apiKeyLooksValid(key)).toBe(true);
      expect(apiKeyDisplayPrefix(key)).toHaveLength(12);
    }
    expect(apiKeyLooksValid('vigie_short')).toBe(false);
  });

  it('hash to 64 hex characters that never contain the key', () => {
    const key = generateApiKey();
    const hash = hashApiKey(key);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(key.slice(6));
    expect(hashApiKey(key)).toBe(hash);
  });
});
