import { DomainException, maskUrlTokens } from '@app/common';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errorId: string;
  details?: Record<string, unknown>;
}

/** Renders a page for a browser that asked for an address no route knows (the web app's). */
export interface UnroutedPage {
  handles(request: Request): boolean;
  render(request: Request, response: Response): Promise<void>;
}

interface BodyParserError {
  type?: string;
  status?: number;
}

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * The one place errors become HTTP answers: domain codes carry their own status, validation
 * errors list the fields at fault, and stack traces go to the log only, for 5xx only.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  constructor(private readonly unroutedPage?: UnroutedPage) {}

  catch(exception: unknown, host: ArgumentsHost): void | Promise<void> {
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception);
    if (body.statusCode === 404 && this.unroutedPage?.handles(request) && !response.headersSent) {
      return this.unroutedPage.render(request, response);
    }
    if (body.statusCode >= 500) {
      this.logger.error(
        { errorId: body.errorId, requestId: request.id, err: exception },
        `${request.method} ${maskUrlTokens(request.url)} failed`,
      );
    } else {
      this.logger.warn(
        { errorId: body.errorId, requestId: request.id, code: body.code },
        body.message,
      );
    }
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    const errorId = randomUUID();
    if (exception instanceof DomainException) {
      return {
        statusCode: exception.httpStatus,
        code: exception.code,
        message: exception.message,
        errorId,
        ...(exception.httpStatus < 500 && exception.details ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof HttpException) return this.fromHttpException(exception, errorId);
    const parserError = exception as BodyParserError;
    if (parserError?.type === 'entity.parse.failed') {
      return {
        statusCode: 400,
        code: 'MALFORMED_JSON',
        message: 'Le corps de la requête n’est pas du JSON valide / request body is not valid JSON',
        errorId,
      };
    }
    if (parserError?.type === 'entity.too.large') {
      return {
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: 'Requête trop volumineuse / request too large',
        errorId,
      };
    }
    return {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: `Erreur interne, référence ${errorId} / internal error, reference ${errorId}`,
      errorId,
    };
  }

  private fromHttpException(exception: HttpException, errorId: string): ErrorBody {
    const statusCode = exception.getStatus();
    const payload = exception.getResponse();
    const messages =
      typeof payload === 'object' && payload !== null && 'message' in payload
        ? (payload as { message: string | string[] }).message
        : exception.message;
    const list = Array.isArray(messages) ? messages : [messages];
    const isValidation = statusCode === 400 && Array.isArray(messages);
    // Nest turns body-parser's SyntaxError into a bare BadRequestException carrying its message.
    if (statusCode === 400 && !isValidation && /JSON/.test(list.join(' '))) {
      return {
        statusCode,
        code: 'MALFORMED_JSON',
        message: `Le corps de la requête n’est pas du JSON valide / request body is not valid JSON (${list.join('; ')})`,
        errorId,
      };
    }
    return {
      statusCode,
      code: isValidation ? 'VALIDATION_FAILED' : (HTTP_CODES[statusCode] ?? `HTTP_${statusCode}`),
      message: isValidation
        ? `Requête invalide / invalid request: ${list.join('; ')}`
        : list.join('; '),
      errorId,
      ...(isValidation ? { details: { errors: list } } : {}),
    };
  }
}
