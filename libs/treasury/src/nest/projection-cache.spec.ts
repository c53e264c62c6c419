import { ProjectionCache } from './projection-cache';

describe(ProjectionCache.name, () => {
  it('keeps the most recently used entries up to its capacity', () => {
    const cache = new ProjectionCache<string>(2);
    cache.set('a', 'A');
    cache.set('b', 'B');
    expect(cache.get('a')).toBe('A');
    cache.set('c', 'C');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    expect(cache.get('c')).toBe('C');
  });
});
