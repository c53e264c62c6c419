import { createHash } from 'node:crypto';
import { FetchException } from '../fetch/fetch.exception';
import type { Fetcher, FetchRequest, FetchResponse } from '../fetch/fetcher.types';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import type { SourceAuth, SourceDefinition } from '../source/source.types';
import { readPath } from './dot-path.util';

export interface CachedToken {
  token: string;
  /** Epoch milliseconds after which a new token is asked for. */
  expiresAt: number;
}

/** Tokens obtained by exchange, by login URL and secret: one login serves every source sharing them. */
export type TokenCache = Map<string, CachedToken>;

/** The process's tokens (memory only: a token is never written anywhere). */
export const processTokenCache: TokenCache = new Map();

/** The secret of a source's auth, or null when the source has none or its variable is unset. */
export function secretOf(source: SourceDefinition, env: NodeJS.ProcessEnv): string | null {
  const name = source.auth?.secretEnv;
  const value = name ? env[name] : undefined;
  return value && value.trim() !== '' ? value.trim() : null;
}

/** Whether the source cannot run because the variable holding its secret is unset. */
export function waitsForSecret(source: SourceDefinition, env: NodeJS.ProcessEnv): boolean {
  return !!source.auth && secretOf(source, env) === null;
}

/** In French, for sources:list, the Sources page and the API: which variable to set and how to get it. */
export function waitingForSecretMessage(auth: Pick<SourceAuth, 'secretEnv' | 'howToGet'>): string {
  return `En attente de son jeton : définissez la variable d’environnement ${auth.secretEnv}. ${auth.howToGet}`;
}

/**
 * A fetcher that adds the source's credentials: the secret itself in a header (`header`), or a
 * bearer token obtained by sending the secret to a login URL (`token-exchange`), kept until it
 * expires and renewed once when the API answers 401. Neither the secret nor the token appears in
 * an error message.
 */
export class AuthorisingFetcher implements Fetcher {
  constructor(
    private readonly inner: Fetcher,
    private readonly auth: SourceAuth,
    private readonly secret: string,
    private readonly tokens: TokenCache = processTokenCache,
    private readonly now: () => number = Date.now,
  ) {}

  async fetch(request: FetchRequest): Promise<FetchResponse> {
    const first = await this.attempt(request, false);
    if (first !== 'refused') return first;
    if (this.auth.kind === 'token-exchange') {
      const second = await this.attempt(request, true);
      if (second !== 'refused') return second;
    }
    throw refused(this.auth, request.url, this.auth.kind === 'token-exchange');
  }

  private async attempt(request: FetchRequest, renew: boolean): Promise<FetchResponse | 'refused'> {
    const credential = await this.credential(renew);
    const headerValue = this.auth.scheme ? `${this.auth.scheme} ${credential}` : credential;
    try {
      const response = await this.inner.fetch({
        ...request,
        headers: { ...(request.headers ?? {}), [this.auth.header]: headerValue },
        secretHeaders: [...(request.secretHeaders ?? []), this.auth.header],
      });
      return response.status === 401 ? 'refused' : response;
    } catch (error) {
      if (isUnauthorised(error)) return 'refused';
      throw error;
    }
  }

  private async credential(renew: boolean): Promise<string> {
    if (this.auth.kind === 'header' || !this.auth.login) return this.secret;
    const key = `${this.auth.login.url}\u0000${createHash('sha256').update(this.secret).digest('hex')}`;
    const cached = this.tokens.get(key);
    if (cached && !renew && cached.expiresAt > this.now()) return cached.token;
    this.tokens.delete(key);
    const token = await this.login();
    this.tokens.set(key, {
      token,
      expiresAt: this.now() + this.auth.login.expiresInSeconds * 1000,
    });
    return token;
  }

  private async login(): Promise<string> {
    const login = this.auth.login!;
    let response: FetchResponse;
    try {
      response = await this.inner.fetch({
        url: login.url,
        method: login.method,
        headers: { [login.secretHeader]: this.secret, accept: 'application/json' },
        secretHeaders: [login.secretHeader],
      });
    } catch (error) {
      if (isUnauthorised(error)) throw refused(this.auth, login.url, false);
      throw error;
    }
    if (response.status === 401 || response.status === 403)
      throw refused(this.auth, login.url, false);
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      body = null;
    }
    const token = readPath(body, login.tokenPath);
    if (typeof token !== 'string' || token === '') {
      throw new IngestionException(
        IngestionExceptionCode.AUTH_REFUSED,
        `${login.url} : la réponse de connexion ne contient pas de jeton à « ${login.tokenPath} » (HTTP ${response.status})`,
        { url: login.url },
      );
    }
    return token;
  }
}

function isUnauthorised(error: unknown): boolean {
  return error instanceof FetchException && error.details.status === 401;
}

function refused(auth: SourceAuth, url: string, afterRenewal: boolean): IngestionException {
  const host = new URL(url).host;
  const what =
    auth.kind === 'header' ? 'la clé' : afterRenewal ? 'le jeton, même renouvelé,' : 'la clé';
  return new IngestionException(
    IngestionExceptionCode.AUTH_REFUSED,
    `Accès refusé par ${host} (HTTP 401) : ${what} n’est pas accepté(e) ; vérifiez la variable d’environnement ${auth.secretEnv}. ${auth.howToGet}`,
    { url, secretEnv: auth.secretEnv },
  );
}
