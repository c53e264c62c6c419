import { applyDecorators, HttpCode, type Type, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiResponse } from '@nestjs/swagger';
import { ApiErrorView } from './api-error.dto';
import { VersionEtagInterceptor } from './version-etag.interceptor';

/** What each status means on this API; every error answers with ApiErrorView. */
export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad input: unknown parameter, wrong type or out-of-range value; `message` and `details.errors` name the field at fault',
  401: 'Missing, unknown or revoked API key',
  403: 'Your role (or platform rights) does not allow this',
  404: 'Not found, or not visible to your organisation',
  409: 'Conflict: stale `version` / If-Match (someone saved in between), or a duplicate',
  503: 'Unavailable',
};

/**
 * The errors a route may answer beyond those every route gets from the document builder
 * (400 when it takes input, 401 when it needs a key, 404 when its path names something).
 */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, type: ApiErrorView, description: ERROR_DESCRIPTIONS[status] }),
    ),
  );
}

/** Routes that answer a version to send back: the same number as an ETag. */
export const ETAG_HEADER = {
  ETag: {
    description: 'The version, quoted ("3"); send it back as If-Match with the next edit',
    schema: { type: 'string', example: '"3"' },
  },
};

/** What a route answering a versioned object says it answers. */
export interface VersionedResponse {
  type: Type<unknown>;
  description?: string;
  example?: unknown;
}

/** A route answering a versioned object (200 unless said): documented with, and sent with, its ETag. */
export function AnswersVersion(
  response: VersionedResponse,
  status: 200 | 201 = 200,
): MethodDecorator {
  const { type, ...more } = response;
  return applyDecorators(
    ApiResponse({ type, headers: ETAG_HEADER, ...more, status }),
    UseInterceptors(VersionEtagInterceptor),
  );
}

/** The If-Match header an edit may send instead of `version`. */
export const IF_MATCH_HEADER = {
  name: 'If-Match',
  required: false,
  description: 'Version the edit starts from ("3"); stale → 409',
};

/**
 * An edit of a versioned object: it starts from a version (body or If-Match) and answers the
 * new one, with its ETag; a stale version gets 409.
 */
export function VersionedEdit(
  response: VersionedResponse,
  status: 200 | 201 = 200,
): MethodDecorator {
  return applyDecorators(
    ApiHeader(IF_MATCH_HEADER),
    AnswersVersion(response, status),
    ApiErrors(403, 409),
  );
}

/** A route that answers 204 with no body, documented with what it did. */
export function AnswersNoContent(description: string): MethodDecorator {
  return applyDecorators(HttpCode(204), ApiNoContentResponse({ description }));
}
