import { once } from 'node:events';
import { ServerResponse } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { FetchException, FetchExceptionCode } from './fetch.exception';
import { FetcherOptions } from './fetcher-options.types';
import { LocalHttpServer } from './local-http-server.testing';
import { PoliteFetcher } from './polite-fetcher';

const CONTACT = 'veille@vigie.test';

describe(PoliteFetcher.name, () => {
  let server: LocalHttpServer;
  const fetchers: PoliteFetcher[] = [];
  const extraServers: LocalHttpServer[] = [];

  function fetcher(options: Partial<FetcherOptions> = {}): PoliteFetcher {
    const created = new PoliteFetcher({
      contact: CONTACT,
      minDelayMs: 0,
      allowHosts: ['127.0.0.1'],
      backoffBaseMs: 1,
      backoffMaxMs: 5,
      timeoutMs: 3_000,
      ...options,
    });
    fetchers.push(created);
    return created;
  }

  async function failure(promise: Promise<unknown>): Promise<FetchException> {
    const error = await promise.then(
      () => new Error('expected the fetch to fail'),
      (caught: unknown) => caught,
    );
    if (!(error instanceof FetchException)) throw error;
    return error;
  }

  function text(body: string, type = 'text/html; charset=utf-8') {
    return (_req: unknown, res: ServerResponse) =>
      res.writeHead(200, { 'content-type': type }).end(body);
  }

  beforeEach(async () => {
    server = await LocalHttpServer.start();
  });

  afterEach(async () => {
    await Promise.all(fetchers.splice(0).map((created) => created.close()));
    await Promise.all([server, ...extraServers.splice(0)].map((started) => started.close()));
  });

  describe('politeness', () => {
    it('never overlaps two requests to the same host and keeps the minimum delay between them', async () => {
      server.route('/page', async (_req, res) => {
        await new Promise((resolve) => setTimeout(resolve, 15));
        res.end('ok');
      });
      const polite = fetcher({ minDelayMs: 60 });
      await Promise.all([1, 2, 3].map((n) => polite.fetch({ url: server.url(`/page?n=${n}`) })));

      const ordered = [...server.requests].sort((a, b) => a.startedAt - b.startedAt);
      expect(ordered.map((request) => request.path)).toEqual([
        '/robots.txt',
        '/page?n=1',
        '/page?n=2',
        '/page?n=3',
      ]);
      for (let i = 1; i < ordered.length; i++) {
        // Server-side clocks: the next request arrives only after the previous answer was sent, plus the delay.
        expect(ordered[i].startedAt - (ordered[i - 1].endedAt as number)).toBeGreaterThanOrEqual(
          59,
        );
      }
    });

    it('fetches different hosts in parallel', async () => {
      const other = await LocalHttpServer.start();
      extraServers.push(other);
      let otherArrived: () => void = () => undefined;
      const otherSeen = new Promise<void>((resolve) => (otherArrived = resolve));
      // Host A answers only once host B has received its request (or after 2 s if B is kept waiting).
      server.route('/page', async (_req, res) => {
        await Promise.race([otherSeen, new Promise((resolve) => setTimeout(resolve, 2_000))]);
        res.end('a');
      });
      other.route('/page', (_req, res) => {
        otherArrived();
        res.end('b');
      });
      const polite = fetcher({ respectRobots: false, minDelayMs: 500 });
      await Promise.all([
        polite.fetch({ url: server.url('/page') }),
        polite.fetch({ url: other.url('/page') }),
      ]);

      const [onA] = server.hits('/page');
      const [onB] = other.hits('/page');
      expect(onB.startedAt).toBeLessThan(onA.endedAt as number);
    });

    it('names Vigie and the contact address in the User-Agent', async () => {
      server.route('/page', text('ok'));
      await fetcher().fetch({ url: server.url('/page') });
      expect(server.hits('/page')[0].headers['user-agent']).toBe(`Vigie/0.1 (+${CONTACT})`);
    });
  });

  describe('robots.txt', () => {
    beforeEach(() => {
      server.route('/robots.txt', text('User-agent: *\nDisallow: /private\n', 'text/plain'));
      server.route('/private/appel', text('secret'));
      server.route('/public', text('ok'));
    });

    it('refuses a disallowed URL with a clear error and never requests it', async () => {
      const error = await failure(fetcher().fetch({ url: server.url('/private/appel') }));
      expect(error.code).toBe(FetchExceptionCode.ROBOTS_DISALLOWED);
      expect(error.message).toContain(server.url('/private/appel'));
      expect(error.message).toContain('robots.txt');
      expect(server.hits('/private/appel')).toHaveLength(0);
    });

    it('reads robots.txt once per host and caches it', async () => {
      const polite = fetcher();
      await polite.fetch({ url: server.url('/public') });
      await polite.fetch({ url: server.url('/public?again') });
      await failure(polite.fetch({ url: server.url('/private/appel') }));
      expect(server.hits('/robots.txt')).toHaveLength(1);
      expect(server.hits('/public')).toHaveLength(2);
    });

    it('ignores robots.txt when told to', async () => {
      const response = await fetcher({ respectRobots: false }).fetch({
        url: server.url('/private/appel'),
      });
      expect(response.text).toBe('secret');
    });

    it('allows everything when robots.txt is missing (404)', async () => {
      const fresh = await LocalHttpServer.start();
      extraServers.push(fresh);
      fresh.route('/page', text('ok'));
      const response = await fetcher().fetch({ url: fresh.url('/page') });
      expect(response.text).toBe('ok');
    });

    it('disallows everything while robots.txt answers 5xx', async () => {
      const failing = await LocalHttpServer.start();
      extraServers.push(failing);
      failing.route('/robots.txt', (_req, res) => res.writeHead(503).end());
      failing.route('/page', text('ok'));
      const error = await failure(fetcher({ maxRetries: 1 }).fetch({ url: failing.url('/page') }));
      expect(error.code).toBe(FetchExceptionCode.ROBOTS_DISALLOWED);
      expect(error.message).toContain('HTTP 503');
      expect(failing.hits('/page')).toHaveLength(0);
    });
  });

  describe('conditional requests', () => {
    it('turns a 304 on a matching ETag into notModified with an empty body', async () => {
      server.route('/feed.xml', (req, res) => {
        if (req.headers['if-none-match'] === '"v1"')
          return void res.writeHead(304, { etag: '"v1"' }).end();
        res.writeHead(200, { etag: '"v1"', 'content-type': 'application/rss+xml' }).end('<rss/>');
      });
      const polite = fetcher();
      const first = await polite.fetch({ url: server.url('/feed.xml') });
      const second = await polite.fetch({
        url: server.url('/feed.xml'),
        conditional: { etag: first.etag },
      });

      expect(first).toMatchObject({
        status: 200,
        notModified: false,
        etag: '"v1"',
        text: '<rss/>',
      });
      expect(second).toMatchObject({ status: 304, notModified: true, etag: '"v1"', text: '' });
      expect(second.body).toHaveLength(0);
      expect(polite.stats().notModified).toBe(1);
    });

    it('sends If-Modified-Since from Last-Modified and keeps the validator on a bare 304', async () => {
      const stamp = 'Wed, 01 Sep 2027 08:00:00 GMT';
      server.route('/page', (req, res) => {
        if (req.headers['if-modified-since'] === stamp) return void res.writeHead(304).end();
        res.writeHead(200, { 'last-modified': stamp }).end('page');
      });
      const polite = fetcher();
      const first = await polite.fetch({ url: server.url('/page') });
      const second = await polite.fetch({
        url: server.url('/page'),
        conditional: { lastModified: first.lastModified },
      });
      expect(first.lastModified).toBe(stamp);
      expect(second).toMatchObject({ notModified: true, lastModified: stamp });
    });
  });

  describe('decoding', () => {
    const page = '<p>Date limite de dépôt : 15 juillet, avant l’été</p>'.repeat(50);

    it.each([
      ['gzip', gzipSync],
      ['br', brotliCompressSync],
      ['deflate', deflateSync],
    ])('decompresses %s bodies', async (encoding, compress) => {
      server.route('/page', (_req, res) =>
        res
          .writeHead(200, {
            'content-encoding': encoding,
            'content-type': 'text/html; charset=utf-8',
          })
          .end(compress(Buffer.from(page))),
      );
      const polite = fetcher();
      const response = await polite.fetch({ url: server.url('/page') });
      expect(server.hits('/page')[0].headers['accept-encoding']).toContain(encoding);
      expect(response.text).toBe(page);
      expect(response.bytes).toBeLessThan(Buffer.byteLength(page));
      expect(polite.stats().decodedBytes).toBe(Buffer.byteLength(page));
    });

    it('decodes an ISO-8859-1 page declared in the Content-Type', async () => {
      const latin = '<p>Date limite de dépôt : 30 septembre. Projets menés cet été.</p>';
      server.route('/aap', (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' })
          .end(Buffer.from(latin, 'latin1')),
      );
      const response = await fetcher().fetch({ url: server.url('/aap') });
      expect(response.text).toBe(latin);
      expect(response.body).toEqual(Buffer.from(latin, 'latin1'));
    });

    it('finds the charset in an HTML meta tag when the header has none', async () => {
      const html =
        '<html><head><meta charset="windows-1252"></head><body>Dépôt en été – 2 M€</body></html>';
      server.route('/aap', (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(Buffer.from(html.replace('–', '\x96').replace('€', '\x80'), 'latin1')),
      );
      const response = await fetcher().fetch({ url: server.url('/aap') });
      expect(response.text).toContain('Dépôt en été – 2 M€');
    });

    it('leaves text empty for a PDF and returns its bytes', async () => {
      const pdf = Buffer.from('%PDF-1.4 binary \xff\xfe', 'latin1');
      server.route('/reglement.pdf', (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf),
      );
      const response = await fetcher().fetch({ url: server.url('/reglement.pdf') });
      expect(response.body).toEqual(pdf);
      expect(response.text).toBe('');
    });
  });

  describe('body cap', () => {
    const FIFTY_MB = 50 * 1024 * 1024;

    it('stops a streamed 50 MB body as soon as it passes the cap', async () => {
      let sent = 0;
      server.route('/huge', async (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        while (sent < FIFTY_MB && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
        }
        res.end();
      });
      const error = await failure(
        fetcher({ maxBytes: 1024 * 1024, respectRobots: false }).fetch({
          url: server.url('/huge'),
        }),
      );
      expect(error.code).toBe(FetchExceptionCode.TOO_LARGE);
      // The connection was dropped: the server could not push more than socket buffers past the cap.
      expect(sent).toBeLessThan(16 * 1024 * 1024);
    });

    it('refuses a declared Content-Length over the cap without downloading it', async () => {
      server.route('/huge', (_req, res) => {
        res.writeHead(200, { 'content-length': String(FIFTY_MB) });
        res.write(Buffer.alloc(1024));
      });
      const error = await failure(
        fetcher({ maxBytes: 1024 * 1024 }).fetch({ url: server.url('/huge') }),
      );
      expect(error.code).toBe(FetchExceptionCode.TOO_LARGE);
      expect(error.message).toContain('Content-Length');
    });

    it('counts the cap after decompression too (a gzip bomb)', async () => {
      const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
      server.route('/bomb', (_req, res) =>
        res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb),
      );
      const error = await failure(
        fetcher({ maxBytes: 1024 * 1024 }).fetch({ url: server.url('/bomb') }),
      );
      expect(bomb.length).toBeLessThan(1024 * 1024);
      expect(error.code).toBe(FetchExceptionCode.TOO_LARGE);
    });
  });

  describe('retries', () => {
    it('retries a 500 and returns the eventual success', async () => {
      let calls = 0;
      server.route('/flaky', (_req, res) =>
        ++calls < 3 ? res.writeHead(500).end('boom') : res.end('enfin'),
      );
      const polite = fetcher({ maxRetries: 3 });
      const response = await polite.fetch({ url: server.url('/flaky') });
      expect(response.text).toBe('enfin');
      expect(server.hits('/flaky')).toHaveLength(3);
      expect(polite.stats().retries).toBe(2);
    });

    it('gives up after maxRetries with the last status', async () => {
      server.route('/down', (_req, res) => res.writeHead(502).end());
      const error = await failure(fetcher({ maxRetries: 2 }).fetch({ url: server.url('/down') }));
      expect(error.code).toBe(FetchExceptionCode.HTTP_ERROR);
      expect(error.details).toMatchObject({ status: 502, attempts: 3 });
      expect(server.hits('/down')).toHaveLength(3);
    });

    it('does not retry a 404', async () => {
      const error = await failure(
        fetcher({ maxRetries: 3 }).fetch({ url: server.url('/missing') }),
      );
      expect(error.details.status).toBe(404);
      expect(server.hits('/missing')).toHaveLength(1);
    });

    it('waits for Retry-After on a 429 before asking again', async () => {
      let calls = 0;
      server.route('/limited', (_req, res) =>
        ++calls === 1 ? res.writeHead(429, { 'retry-after': '1' }).end() : res.end('ok'),
      );
      const response = await fetcher({ respectRobots: false }).fetch({
        url: server.url('/limited'),
      });
      const [first, second] = server.hits('/limited');
      expect(response.text).toBe('ok');
      expect(second.startedAt - (first.endedAt as number)).toBeGreaterThanOrEqual(1_000);
    });

    it('gives up at once when Retry-After is longer than allowed', async () => {
      server.route('/limited', (_req, res) => res.writeHead(503, { 'retry-after': '3600' }).end());
      const error = await failure(
        fetcher({ maxRetryAfterMs: 60_000 }).fetch({ url: server.url('/limited') }),
      );
      expect(error.message).toContain('retry after 3600 s');
      expect(server.hits('/limited')).toHaveLength(1);
    });

    it('reports a connection refused as a network error after retrying', async () => {
      const closed = await LocalHttpServer.start();
      const url = closed.url('/page');
      await closed.close();
      const error = await failure(fetcher({ maxRetries: 1, respectRobots: false }).fetch({ url }));
      expect(error.code).toBe(FetchExceptionCode.NETWORK);
      expect(error.message).toContain('ECONNREFUSED');
    });
  });

  describe('timeouts', () => {
    it('fails with TIMEOUT when no answer comes', async () => {
      server.route('/silent', () => undefined);
      const error = await failure(
        fetcher({ timeoutMs: 150, maxRetries: 0, respectRobots: false }).fetch({
          url: server.url('/silent'),
        }),
      );
      expect(error.code).toBe(FetchExceptionCode.TIMEOUT);
    });

    it('fails with TIMEOUT when the body stalls', async () => {
      server.route('/stall', (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('début…');
      });
      const error = await failure(
        fetcher({ timeoutMs: 150, maxRetries: 0, respectRobots: false }).fetch({
          url: server.url('/stall'),
        }),
      );
      expect(error.code).toBe(FetchExceptionCode.TIMEOUT);
    });
  });

  describe('redirects', () => {
    it('follows a relative Location', async () => {
      server.route('/old', (_req, res) => res.writeHead(301, { location: 'appels/new?x=1' }).end());
      server.route('/appels/new', text('moved'));
      const response = await fetcher().fetch({ url: server.url('/old') });
      expect(response.url).toBe(server.url('/appels/new?x=1'));
      expect(response.text).toBe('moved');
    });

    it('stops a redirect loop after 5 hops', async () => {
      server.route('/loop', (req, res) => {
        const n = Number(new URL(req.url ?? '', 'http://x').searchParams.get('n') ?? 0);
        res.writeHead(302, { location: `/loop?n=${n + 1}` }).end();
      });
      const error = await failure(fetcher().fetch({ url: server.url('/loop') }));
      expect(error.code).toBe(FetchExceptionCode.TOO_MANY_REDIRECTS);
      expect(server.hits('/loop')).toHaveLength(6);
    });

    it('turns a POST into a GET on 303', async () => {
      server.route('/search', (_req, res) => res.writeHead(303, { location: '/results' }).end());
      server.route('/results', (req, res) => res.end(req.method));
      const response = await fetcher().fetch({
        url: server.url('/search'),
        method: 'POST',
        body: { status: 'open' },
      });
      expect(server.hits('/search')[0]).toMatchObject({
        body: '{"status":"open"}',
        method: 'POST',
      });
      expect(server.hits('/search')[0].headers['content-type']).toBe('application/json');
      expect(response.text).toBe('GET');
    });

    it.each([
      ['a link-local metadata address', 'http://169.254.169.254/latest/meta-data/'],
      ['a private address', 'http://10.0.0.7/admin'],
      ['a name resolving to loopback', 'http://localhost:1/'],
    ])('refuses a redirect to %s', async (_label, target) => {
      server.route('/go', (_req, res) => res.writeHead(302, { location: target }).end());
      const error = await failure(fetcher().fetch({ url: server.url('/go') }));
      expect(error.code).toBe(FetchExceptionCode.BLOCKED_ADDRESS);
      expect(error.message).toContain(new URL(target).href);
    });

    it('refuses a redirect to another scheme', async () => {
      server.route('/go', (_req, res) =>
        res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
      );
      const error = await failure(fetcher().fetch({ url: server.url('/go') }));
      expect(error.code).toBe(FetchExceptionCode.UNSUPPORTED_SCHEME);
    });
  });

  describe('SSRF guard', () => {
    it('refuses a private address that is not allowed, without connecting', async () => {
      const error = await failure(fetcher({ allowHosts: [] }).fetch({ url: server.url('/page') }));
      expect(error.code).toBe(FetchExceptionCode.BLOCKED_ADDRESS);
      expect(error.message).toContain('loopback');
      expect(error.httpStatus).toBe(422);
      expect(server.requests).toHaveLength(0);
    });

    it('fetches an address listed in allowHosts', async () => {
      server.route('/page', text('ok'));
      const response = await fetcher({ allowHosts: ['127.0.0.1'] }).fetch({
        url: server.url('/page'),
      });
      expect(response.text).toBe('ok');
    });

    it('refuses a host name that resolves to loopback even though 127.0.0.1 itself is allowed', async () => {
      const error = await failure(
        fetcher({ allowHosts: ['127.0.0.1'] }).fetch({ url: server.url('/page', 'localhost') }),
      );
      expect(error.code).toBe(FetchExceptionCode.BLOCKED_ADDRESS);
      expect(error.message).toContain('localhost resolves to');
      expect(server.requests).toHaveLength(0);
    });

    it('refuses a name when any one of its addresses is private', async () => {
      const resolve = async () => ['93.184.216.34', '10.0.0.1'];
      const error = await failure(
        fetcher({ resolve }).fetch({ url: 'http://appels.example.org/' }),
      );
      expect(error.code).toBe(FetchExceptionCode.BLOCKED_ADDRESS);
      expect(error.details).toMatchObject({ address: '10.0.0.1', addressClass: 'private' });
    });

    it('connects to the very address it checked instead of resolving the name again', async () => {
      server.route('/page', text('pinned'));
      // The system resolver knows nothing of this name: only the checked address can be reached.
      const resolve = async (hostname: string) =>
        hostname === 'appels.example.org' ? ['127.0.0.1'] : [];
      const polite = fetcher({ resolve, allowHosts: ['127.0.0.0/8'] });
      const response = await polite.fetch({ url: `http://appels.example.org:${server.port}/page` });
      expect(response.text).toBe('pinned');
      expect(server.hits('/page')[0].headers.host).toBe(`appels.example.org:${server.port}`);
    });

    it.each([
      ['file:///etc/passwd', FetchExceptionCode.UNSUPPORTED_SCHEME],
      ['gopher://127.0.0.1/', FetchExceptionCode.UNSUPPORTED_SCHEME],
      ['pas une adresse', FetchExceptionCode.BAD_URL],
    ])('refuses %s', async (url, code) => {
      const error = await failure(fetcher().fetch({ url }));
      expect(error.code).toBe(code);
    });
  });

  it('counts requests, bytes and 304s per host', async () => {
    server.route('/a', (req, res) =>
      req.headers['if-none-match']
        ? res.writeHead(304).end()
        : res.writeHead(200, { etag: '"a"' }).end('0123456789'),
    );
    const polite = fetcher();
    await polite.fetch({ url: server.url('/a') });
    await polite.fetch({ url: server.url('/a'), conditional: { etag: '"a"' } });
    const host = `127.0.0.1:${server.port}`;
    // The 404 robots.txt body is discarded unread, so only the page's ten bytes count.
    expect(polite.stats().perHost[host]).toMatchObject({
      requests: 3,
      robotsRequests: 1,
      notModified: 1,
      bytes: 10,
    });
    polite.resetStats();
    expect(polite.stats().requests).toBe(0);
  });
});
