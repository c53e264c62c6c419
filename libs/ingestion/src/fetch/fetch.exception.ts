import { DomainException } from '@app/common';

export enum FetchExceptionCode {
  INVALID_OPTIONS = 'INVALID_OPTIONS',
  BAD_URL = 'BAD_URL',
  UNSUPPORTED_SCHEME = 'UNSUPPORTED_SCHEME',
  BLOCKED_ADDRESS = 'BLOCKED_ADDRESS',
  DNS_FAILURE = 'DNS_FAILURE',
  ROBOTS_DISALLOWED = 'ROBOTS_DISALLOWED',
  TOO_LARGE = 'TOO_LARGE',
  TIMEOUT = 'TIMEOUT',
  TOO_MANY_REDIRECTS = 'TOO_MANY_REDIRECTS',
  HTTP_ERROR = 'HTTP_ERROR',
  NETWORK = 'NETWORK',
  DECODING = 'DECODING',
}

/** Short French form of each failure, for the source's health line in the interface. */
const FRENCH_SUMMARY: Record<FetchExceptionCode, string> = {
  [FetchExceptionCode.INVALID_OPTIONS]: 'configuration du collecteur invalide',
  [FetchExceptionCode.BAD_URL]: 'adresse invalide',
  [FetchExceptionCode.UNSUPPORTED_SCHEME]: 'protocole non pris en charge (http ou https seulement)',
  [FetchExceptionCode.BLOCKED_ADDRESS]: 'adresse privée ou interne refusée',
  [FetchExceptionCode.DNS_FAILURE]: 'nom de domaine introuvable',
  [FetchExceptionCode.ROBOTS_DISALLOWED]: 'page interdite par robots.txt',
  [FetchExceptionCode.TOO_LARGE]: 'réponse trop volumineuse',
  [FetchExceptionCode.TIMEOUT]: 'délai de réponse dépassé',
  [FetchExceptionCode.TOO_MANY_REDIRECTS]: 'trop de redirections',
  [FetchExceptionCode.HTTP_ERROR]: 'erreur renvoyée par le site',
  [FetchExceptionCode.NETWORK]: 'erreur réseau',
  [FetchExceptionCode.DECODING]: 'contenu illisible (compression invalide)',
};

/**
 * 422: the request itself can never succeed as configured (the source is wrong);
 * 502/504: the remote site misbehaved; 500: our own configuration is wrong.
 */
const HTTP_STATUS: Record<FetchExceptionCode, number> = {
  [FetchExceptionCode.INVALID_OPTIONS]: 500,
  [FetchExceptionCode.BAD_URL]: 422,
  [FetchExceptionCode.UNSUPPORTED_SCHEME]: 422,
  [FetchExceptionCode.BLOCKED_ADDRESS]: 422,
  [FetchExceptionCode.DNS_FAILURE]: 502,
  [FetchExceptionCode.ROBOTS_DISALLOWED]: 422,
  [FetchExceptionCode.TOO_LARGE]: 502,
  [FetchExceptionCode.TIMEOUT]: 504,
  [FetchExceptionCode.TOO_MANY_REDIRECTS]: 502,
  [FetchExceptionCode.HTTP_ERROR]: 502,
  [FetchExceptionCode.NETWORK]: 502,
  [FetchExceptionCode.DECODING]: 502,
};

export interface FetchExceptionDetails extends Record<string, unknown> {
  /** The URL being fetched (absent only for INVALID_OPTIONS). */
  url?: string;
  /** The option at fault, for INVALID_OPTIONS. */
  field?: string;
  /** HTTP status returned by the remote site, for HTTP_ERROR. */
  status?: number;
  /** Number of attempts made before giving up. */
  attempts?: number;
}

export class FetchException extends DomainException<FetchExceptionCode> {
  readonly domain = 'ingestion.fetch';

  constructor(
    code: FetchExceptionCode,
    /** English explanation; the URL and the French summary are appended. */
    reason: string,
    override readonly details: FetchExceptionDetails,
    cause?: unknown,
  ) {
    super(
      code,
      `${reason}${details.url ? ` (${details.url})` : ''} — ${FRENCH_SUMMARY[code]}`,
      details,
    );
    if (cause !== undefined) this.cause = cause;
  }

  /** The French short form, for display beside a source. */
  get frenchSummary(): string {
    return FRENCH_SUMMARY[this.code];
  }

  get url(): string | undefined {
    return this.details.url;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }

  /** Whether trying the same request again later may succeed. */
  get retryable(): boolean {
    return (
      this.code === FetchExceptionCode.TIMEOUT ||
      this.code === FetchExceptionCode.NETWORK ||
      (this.code === FetchExceptionCode.HTTP_ERROR && (this.details.status ?? 0) >= 500)
    );
  }
}
