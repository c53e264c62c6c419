import {
  ANONYMOUS_CSRF_COOKIE,
  ANONYMOUS_CSRF_TTL_MS,
  AccountService,
  AnonymousCsrfService,
  ROLE_LABELS,
  SESSION_COOKIE,
} from '@app/account';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { WebRequest } from './web-request.types';
import type { LayoutModel, NavKey } from './web-view.types';

/** Builds what the layout shows (who is signed in, for which organisation, the CSRF token). */
@Injectable()
export class WebPageContextService {
  constructor(
    private readonly accounts: AccountService,
    private readonly anonymousCsrf: AnonymousCsrfService,
  ) {}

  async layout(request: WebRequest, title: string, nav?: NavKey): Promise<LayoutModel> {
    const session = request.webSession ?? null;
    const principal = request.principal;
    const base: LayoutModel = {
      title,
      nav,
      csrf: session?.csrfToken ?? this.anonymousToken(request),
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
   * The layout for a public form. Without a session, the form's CSRF token is signed for the
   * browser's CSRF cookie, set now when it has none: nothing is written to the database.
   */
  async anonymousLayout(
    request: WebRequest,
    response: Response,
    title: string,
  ): Promise<LayoutModel> {
    if (!request.webSession && !this.anonymousCsrf.isNonce(csrfCookieOf(request))) {
      request.csrfNonce = this.anonymousCsrf.newNonce();
      response.cookie(ANONYMOUS_CSRF_COOKIE, request.csrfNonce, {
        httpOnly: true,
        sameSite: 'lax',
        secure: request.secure,
        path: '/',
        maxAge: ANONYMOUS_CSRF_TTL_MS,
      });
    }
    return this.layout(request, title);
  }

  /** A stateless token for the browser's CSRF cookie, or null when it has none. */
  private anonymousToken(request: WebRequest): string | null {
    const nonce = request.csrfNonce ?? csrfCookieOf(request);
    return this.anonymousCsrf.isNonce(nonce) ? this.anonymousCsrf.tokenFor(nonce) : null;
  }
}

function csrfCookieOf(request: WebRequest): string | undefined {
  return (request.cookies as Record<string, string | undefined> | undefined)?.[
    ANONYMOUS_CSRF_COOKIE
  ];
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
