import {
  ANONYMOUS_CSRF_COOKIE,
  AnonymousCsrfService,
  SESSION_COOKIE,
  WebSessionService,
} from '@app/account';
import type { MemberRole } from '@app/persistence';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { WEB_ANONYMOUS, WEB_ROLES } from './web-page.decorator';
import { WebPageError, WebRedirect } from './web.exception';
import type { WebRequest } from './web-request.types';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Resolves the session cookie into a Principal (the same one API keys give), sends anonymous
 * visitors to the sign-in page, checks the CSRF token of every POST, then the page's roles.
 * A POST carries its session's token; on a public page (sign-in, reset, invitation) it may
 * instead carry a stateless token signed for the browser's CSRF cookie, so showing those forms
 * never needs a session row.
 */
@Injectable()
export class WebSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: WebSessionService,
    private readonly anonymousCsrf: AnonymousCsrfService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<WebRequest>();
    const cookies = (request.cookies ?? {}) as Record<string, string | undefined>;
    const session = await this.sessions.resolve(cookies[SESSION_COOKIE]);
    request.webSession = session;
    if (session?.principal) request.principal = session.principal;
    const anonymousPage = this.reflector.getAllAndOverride<boolean>(WEB_ANONYMOUS, targets);
    if (!SAFE_METHODS.has(request.method)) {
      const submitted = ((request.body ?? {}) as Record<string, unknown>)._csrf;
      const valid =
        (session !== null && this.sessions.checkCsrf(session, submitted)) ||
        (anonymousPage && this.anonymousCsrf.verify(cookies[ANONYMOUS_CSRF_COOKIE], submitted));
      if (!valid) throw new WebPageError('csrf');
    }
    if (anonymousPage) return true;
    if (!session?.principal) {
      if (!SAFE_METHODS.has(request.method)) throw new WebRedirect('/connexion');
      throw new WebRedirect(`/connexion?suite=${encodeURIComponent(request.originalUrl)}`);
    }
    const roles = this.reflector.getAllAndOverride<MemberRole[] | undefined>(WEB_ROLES, targets);
    if (roles && !roles.includes(session.principal.role)) throw new WebPageError('forbidden');
    return true;
  }
}
