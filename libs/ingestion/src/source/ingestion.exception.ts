import { DomainException } from '@app/common';

export enum IngestionExceptionCode {
  SOURCE_FILE_UNREADABLE = 'SOURCE_FILE_UNREADABLE',
  SOURCE_DEFINITION_INVALID = 'SOURCE_DEFINITION_INVALID',
  UNKNOWN_SOURCE_KIND = 'UNKNOWN_SOURCE_KIND',
  FETCH_FAILED = 'FETCH_FAILED',
  HTTP_ERROR = 'HTTP_ERROR',
  MALFORMED_PAYLOAD = 'MALFORMED_PAYLOAD',
  ERROR_PAGE = 'ERROR_PAGE',
  PAGINATION_LOOP = 'PAGINATION_LOOP',
  TOO_MANY_PAGES = 'TOO_MANY_PAGES',
  ITEM_WITHOUT_TITLE = 'ITEM_WITHOUT_TITLE',
  ITEM_WITHOUT_URL = 'ITEM_WITHOUT_URL',
  DOCUMENT_UNREADABLE = 'DOCUMENT_UNREADABLE',
  SOURCE_NOT_FOUND = 'SOURCE_NOT_FOUND',
  SOURCE_EXISTS = 'SOURCE_EXISTS',
  NOT_PLATFORM_ADMIN = 'NOT_PLATFORM_ADMIN',
  QUEUE_UNAVAILABLE = 'QUEUE_UNAVAILABLE',
  /** The variable holding the source's secret is unset: the source waits for its token. */
  AUTH_MISSING = 'AUTH_MISSING',
  /** The site refused the source's key or token (401, after one renewal of a token). */
  AUTH_REFUSED = 'AUTH_REFUSED',
  /** The answer has no items where the source's entry expects some. */
  EMPTY_LISTING = 'EMPTY_LISTING',
}

const HTTP_STATUS: Record<IngestionExceptionCode, number> = {
  [IngestionExceptionCode.SOURCE_FILE_UNREADABLE]: 400,
  [IngestionExceptionCode.SOURCE_DEFINITION_INVALID]: 422,
  [IngestionExceptionCode.UNKNOWN_SOURCE_KIND]: 422,
  [IngestionExceptionCode.FETCH_FAILED]: 502,
  [IngestionExceptionCode.HTTP_ERROR]: 502,
  [IngestionExceptionCode.MALFORMED_PAYLOAD]: 502,
  [IngestionExceptionCode.ERROR_PAGE]: 502,
  [IngestionExceptionCode.PAGINATION_LOOP]: 502,
  [IngestionExceptionCode.TOO_MANY_PAGES]: 502,
  [IngestionExceptionCode.ITEM_WITHOUT_TITLE]: 422,
  [IngestionExceptionCode.ITEM_WITHOUT_URL]: 422,
  [IngestionExceptionCode.DOCUMENT_UNREADABLE]: 502,
  [IngestionExceptionCode.SOURCE_NOT_FOUND]: 404,
  [IngestionExceptionCode.SOURCE_EXISTS]: 409,
  [IngestionExceptionCode.NOT_PLATFORM_ADMIN]: 403,
  [IngestionExceptionCode.QUEUE_UNAVAILABLE]: 503,
  [IngestionExceptionCode.AUTH_MISSING]: 503,
  [IngestionExceptionCode.AUTH_REFUSED]: 502,
  [IngestionExceptionCode.EMPTY_LISTING]: 502,
};

/** Every failure of reading a source: its definition, its pages, one of its items. */
export class IngestionException extends DomainException<IngestionExceptionCode> {
  readonly domain = 'ingestion';

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}
