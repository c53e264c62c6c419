import { LocalHttpServer } from '../fetch/local-http-server.testing';
import { PoliteFetcher } from '../fetch/polite-fetcher';
import { IngestionException } from '../source/ingestion.exception';
import type { SourceAuth } from '../source/source.types';
import { AuthorisingFetcher, type TokenCache } from './source-auth.util';

const SECRET = 'api-key-7d1f0c';

describe(AuthorisingFetcher.name, () => {
  let server: LocalHttpServer;
  let polite: PoliteFetcher;
  /** Tokens the login hands out, in order; the API accepts only those in `accepted`. */
  let issued: string[];
  let accepted: Set<string>;

  beforeEach(async () => {
    server = await LocalHttpServer.start();
    polite = new PoliteFetcher({
      contact: 'tests@vigie.invalid',
      minDelayMs: 0,
      maxRetries: 0,
      allowHosts: ['127.0.0.1'],
    });
    issued = ['token-1', 'token-2', 'token-3'];
    accepted = new Set(['token-1']);
    server.route('/api/connexion/', (request, response) => {
      if (request.headers['x-auth-token'] !== SECRET) {
        response.writeHead(401, { 'content-type': 'application/json' });
        return response.end('{"message":"User not found"}');
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ token: issued.shift() }));
    });
    server.route('/api/aids/', (request, response) => {
      const token = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
      if (!token || !accepted.has(token)) {
        response.writeHead(401, { 'content-type': 'application/json' });
        return response.end('{"code":401,"message":"Expired JWT Token"}');
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"count":0,"next":null,"previous":null,"results":[]}');
    });
  });

  afterEach(async () => {
    await polite.close();
    await server.close();
  });

  const tokenExchange = (): SourceAuth => ({
    kind: 'token-exchange',
    secretEnv: 'AIDES_TERRITOIRES_TOKEN',
    howToGet: 'Demandez la clé dans « Mon compte › API ».',
    header: 'Authorization',
    scheme: 'Bearer',
    login: {
      url: server.url('/api/connexion/'),
      method: 'POST',
      secretHeader: 'X-AUTH-TOKEN',
      tokenPath: 'token',
      expiresInSeconds: 86_400,
    },
  });

  function fetcher(
    auth = tokenExchange(),
    secret = SECRET,
    tokens: TokenCache = new Map(),
    now = () => 0,
  ) {
    return new AuthorisingFetcher(polite, auth, secret, tokens, now);
  }

  it('logs in once and sends the token as Bearer until it expires', async () => {
    let clock = 0;
    const authorised = fetcher(tokenExchange(), SECRET, new Map(), () => clock);
    await authorised.fetch({ url: server.url('/api/aids/') });
    await authorised.fetch({ url: server.url('/api/aids/?page=2') });
    expect(server.hits('/api/connexion/')).toHaveLength(1);
    expect(server.hits('/api/aids/').map((hit) => hit.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-1',
    ]);
    // A day later the token has expired: a new login, before any 401.
    accepted.add('token-2');
    clock = 86_400_000 + 1;
    await authorised.fetch({ url: server.url('/api/aids/') });
    expect(server.hits('/api/connexion/')).toHaveLength(2);
    expect(server.hits('/api/aids/').at(-1)!.headers.authorization).toBe('Bearer token-2');
  });

  it('shares the token between sources that log in with the same secret', async () => {
    const tokens: TokenCache = new Map();
    await fetcher(tokenExchange(), SECRET, tokens).fetch({ url: server.url('/api/aids/') });
    await fetcher(tokenExchange(), SECRET, tokens).fetch({ url: server.url('/api/aids/') });
    expect(server.hits('/api/connexion/')).toHaveLength(1);
  });

  it('renews the token once on a 401 and goes on', async () => {
    accepted = new Set(['token-2']);
    const response = await fetcher().fetch({ url: server.url('/api/aids/') });
    expect(response.status).toBe(200);
    expect(server.hits('/api/connexion/')).toHaveLength(2);
    expect(server.hits('/api/aids/').map((hit) => hit.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);
  });

  it('fails with a French reason after one renewal, naming the variable, never the key or the tokens', async () => {
    accepted = new Set();
    const error = await fetcher()
      .fetch({ url: server.url('/api/aids/') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestionException);
    expect(error).toMatchObject({ code: 'AUTH_REFUSED' });
    const message = (error as Error).message;
    expect(message).toMatch(
      /^Accès refusé par 127\.0\.0\.1:\d+ \(HTTP 401\) : le jeton, même renouvelé,/,
    );
    expect(message).toContain('AIDES_TERRITOIRES_TOKEN');
    const everything = JSON.stringify({ message, details: (error as IngestionException).details });
    for (const secret of [SECRET, 'token-1', 'token-2']) expect(everything).not.toContain(secret);
    expect(server.hits('/api/connexion/')).toHaveLength(2);
    expect(server.hits('/api/aids/')).toHaveLength(2);
  });

  it('a key refused by the login is reported without it', async () => {
    const error = await fetcher(tokenExchange(), 'wrong-key-93a1')
      .fetch({ url: server.url('/api/aids/') })
      .catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ code: 'AUTH_REFUSED' });
    expect((error as Error).message).not.toContain('wrong-key-93a1');
    expect(server.hits('/api/aids/')).toHaveLength(0);
  });

  it('kind header: sends the secret in its header, no login, no renewal', async () => {
    server.route('/api/key/', (request, response) => {
      const ok = request.headers['x-api-key'] === SECRET;
      response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      response.end('{}');
    });
    const auth: SourceAuth = {
      kind: 'header',
      secretEnv: 'EXEMPLE_API_KEY',
      howToGet: 'Demandez une clé.',
      header: 'X-Api-Key',
      scheme: null,
      login: null,
    };
    expect((await fetcher(auth).fetch({ url: server.url('/api/key/') })).status).toBe(200);
    await expect(
      fetcher(auth, 'other').fetch({ url: server.url('/api/key/') }),
    ).rejects.toMatchObject({
      code: 'AUTH_REFUSED',
    });
    expect(server.hits('/api/key/')).toHaveLength(2);
    expect(server.hits('/api/connexion/')).toHaveLength(0);
  });

  it('does not carry the secret header across a redirect to another origin', async () => {
    const other = await LocalHttpServer.start();
    try {
      other.route('/landing', (_request, response) => response.writeHead(200).end('ok'));
      server.route('/api/moved/', (_request, response) =>
        response.writeHead(302, { location: other.url('/landing', 'localhost') }).end(),
      );
      const redirecting = new PoliteFetcher({
        contact: 'tests@vigie.invalid',
        minDelayMs: 0,
        maxRetries: 0,
        allowHosts: ['127.0.0.1', 'localhost'],
      });
      const auth: SourceAuth = {
        ...tokenExchange(),
        kind: 'header',
        header: 'X-Api-Key',
        scheme: null,
        login: null,
      };
      await new AuthorisingFetcher(redirecting, auth, SECRET).fetch({
        url: server.url('/api/moved/'),
      });
      await redirecting.close();
      expect(server.hits('/api/moved/')[0].headers['x-api-key']).toBe(SECRET);
      expect(other.hits('/landing')[0].headers['x-api-key']).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
