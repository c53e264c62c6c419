import { metricsAccess } from './metrics-access.util';

describe(metricsAccess.name, () => {
  const token = 'operator-token-0123456789';

  it('keeps /metrics closed to everyone when no token is configured', () => {
    expect(metricsAccess(undefined, `Bearer ${token}`)).toBe('disabled');
    expect(metricsAccess('', undefined)).toBe('disabled');
  });

  it('lets in the exact bearer token only', () => {
    expect(metricsAccess(token, `Bearer ${token}`)).toBe('allowed');
    expect(metricsAccess(token, `bearer ${token}`)).toBe('allowed');
    expect(metricsAccess(token, undefined)).toBe('denied');
    expect(metricsAccess(token, token)).toBe('denied');
    expect(metricsAccess(token, `Bearer ${token}x`)).toBe('denied');
    expect(metricsAccess(token, `Bearer ${token.slice(0, -1)}`)).toBe('denied');
    expect(metricsAccess(token, `Basic ${token}`)).toBe('denied');
  });
});
