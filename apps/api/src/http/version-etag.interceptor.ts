import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';

/**
 * Answers the stored `version` of what a route returns as its ETag too (`"3"`), so a client may
 * send it back as If-Match with its next edit instead of reading the body.
 */
@Injectable()
export class VersionEtagInterceptor implements NestInterceptor<{ version: number }> {
  intercept(
    context: ExecutionContext,
    next: CallHandler<{ version: number }>,
  ): Observable<{ version: number }> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((view) => {
        response.setHeader('ETag', `"${view.version}"`);
        return view;
      }),
    );
  }
}
