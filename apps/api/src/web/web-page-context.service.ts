import { AccountService, ROLE_LABELS, SESSION_COOKIE, WebSessionService } from '@app/account';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { WebRequest } from './web-request.types';
import type { LayoutModel, NavKey } from './web-view.types';

/** Builds what the layout shows (who is signed in, for which organisation, the CSRF token). */
@Injectable()
export class WebPageContextService {
  constructor(
    private readonly accounts: AccountService,
    private readonly sessions: WebSessionService,
  ) {}

  async layout(request: WebRequest, title: string, nav?: NavKey): Promise<LayoutModel> {
    const session = request.webSession ?? null;
    const principal = request.principal;
    const base: LayoutModel = {
      title,
      nav,
      csrf: session?.csrfToken ?? null,
      user: null,
      organisation: null,
      organisations: [],
    };
    if (!session?.user || !principal) return base;
    const memberships = await this.accounts.membershipsOf(session.user.id);
    const current = memberships.find((m) => m.organisationId === principal.organisationId);
    return {
      ...base,
      user: {
        name: session.user.displayName ?? session.user.email ?? '',
        email: session.user.email,
      },
      organisation: current
        ? {
            id: current.organisationId,
            name: current.organisationName,
            role: current.role,
            roleLabel: ROLE_LABELS[current.role],
            kind: current.organisationKind,
          }
        : null,
      organisations: memberships.length > 1 ? memberships : [],
    };
  }

  /**
   * The layout for a public form: an anonymous session is started when there is none, so the
   * form can carry a CSRF token.
   */
  async anonymousLayout(
    request: WebRequest,
    response: Response,
    title: string,
  ): Promise<LayoutModel> {
    if (!request.webSession) {
      const started = await this.sessions.startAnonymous();
      setSessionCookie(request, response, started.token);
      request.webSession = await this.sessions.resolve(started.token);
    }
    return this.layout(request, title);
  }
}

/**
 * HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs), Secure when the
 * request came over HTTPS (directly or through a trusted proxy), and a session cookie: closing
 * the browser forgets it.
 */
export function setSessionCookie(request: WebRequest, response: Response, token: string): void {
  response.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.secure,
    path: '/',
  });
}

export function clearSessionCookie(request: WebRequest, response: Response): void {
  response.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.secure,
    path: '/',
  });
}
