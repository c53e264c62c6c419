import { FetchException, FetchExceptionCode } from './fetch.exception';
import { FetcherOptions } from './fetcher-options.types';
import { resolveFetcherOptions } from './fetcher-options.util';

function rejection(options: unknown): FetchException {
  try {
    resolveFetcherOptions(options as FetcherOptions);
  } catch (error) {
    if (error instanceof FetchException) return error;
    throw error;
  }
  throw new Error('expected the options to be refused');
}

describe(resolveFetcherOptions.name, () => {
  it('fills in polite defaults', () => {
    const resolved = resolveFetcherOptions({ contact: 'veille@vigie.test' });
    expect(resolved).toMatchObject({
      userAgent: 'Vigie/0.1',
      minDelayMs: 1_000,
      maxBytes: 10 * 1024 * 1024,
      maxRedirects: 5,
      respectRobots: true,
      allowHosts: [],
    });
  });

  it('accepts a contact URL and lower-cases allowed hosts', () => {
    const resolved = resolveFetcherOptions({
      contact: 'https://vigie.example.org/contact',
      allowHosts: ['LocalHost', '127.0.0.0/8', '::1'],
    });
    expect(resolved.allowHosts).toEqual(['localhost', '127.0.0.0/8', '::1']);
  });

  it.each([
    [{}, 'contact'],
    [{ contact: 'personne' }, 'contact'],
    [{ contact: 'a@b.fr', minDelayMs: -1 }, 'minDelayMs'],
    [{ contact: 'a@b.fr', maxBytes: 0 }, 'maxBytes'],
    [{ contact: 'a@b.fr', timeoutMs: 1.5 }, 'timeoutMs'],
    [{ contact: 'a@b.fr', maxRetries: '3' }, 'maxRetries'],
    [{ contact: 'a@b.fr', userAgent: 'Vigie 0.1' }, 'userAgent'],
    [{ contact: 'a@b.fr', allowHosts: ['127.0.0.1', 'not a host'] }, 'allowHosts[1]'],
    [{ contact: 'a@b.fr', allowHosts: ['10.0.0.0/40'] }, 'allowHosts[0]'],
    [{ contact: 'a@b.fr', respectRobots: 'yes' }, 'respectRobots'],
  ])('refuses %j, naming %s', (options, field) => {
    const error = rejection(options);
    expect(error.code).toBe(FetchExceptionCode.INVALID_OPTIONS);
    expect(error.details.field).toBe(field);
    expect(error.message).toContain(field);
  });
});
