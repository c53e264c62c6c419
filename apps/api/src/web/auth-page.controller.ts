import {
  AccountException,
  AccountExceptionCode,
  AccountService,
  normaliseEmail,
  ROLE_LABELS,
  SESSION_COOKIE,
  WebSessionService,
} from '@app/account';
import { PublicUrlService } from '@app/config';
import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { formText, safeNextPath } from './form-value.util';
import { AnonymousPage, WebController } from './web-page.decorator';
import {
  clearSessionCookie,
  setSessionCookie,
  WebPageContextService,
} from './web-page-context.service';
import type { SignedInRequest, WebRequest } from './web-request.types';
import { WebViewService } from './web-view.service';
import type { FieldError } from './web-view.types';

/** Sign-in, sign-out, forgotten password, reset and invitation pages. */
@WebController()
export class AuthPageController {
  constructor(
    private readonly accounts: AccountService,
    private readonly sessions: WebSessionService,
    private readonly context: WebPageContextService,
    private readonly views: WebViewService,
    private readonly publicUrl: PublicUrlService,
  ) {}

  @Get()
  @AnonymousPage()
  home(@Req() request: WebRequest, @Res() response: Response): void {
    response.redirect(303, request.principal ? '/tableau-de-bord' : '/connexion');
  }

  @Get('connexion')
  @AnonymousPage()
  async signInPage(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Query('suite') next?: string,
  ): Promise<void> {
    if (request.principal) return response.redirect(303, safeNextPath(next ?? ''));
    const layout = await this.context.anonymousLayout(request, response, 'Connexion');
    this.views.send(response, 'sign-in', { ...layout, email: '', next: safeNextPath(next ?? '') });
  }

  @Post('connexion')
  @AnonymousPage()
  async signIn(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const email = formText(body, 'email', 254);
    const password = formText(body, 'password', 1000);
    const next = safeNextPath(formText(body, 'suite'));
    const errors: FieldError[] = [];
    if (!email.trim()) errors.push({ field: 'email', message: 'Saisissez votre adresse e-mail.' });
    if (!password) errors.push({ field: 'password', message: 'Saisissez votre mot de passe.' });
    if (errors.length === 0) {
      try {
        const signedIn = await this.accounts.signIn(email, password, request.ip ?? 'unknown');
        const started = await this.sessions.startForUser(
          signedIn.userId,
          signedIn.organisationId,
          sessionToken(request),
        );
        setSessionCookie(request, response, started.token);
        return response.redirect(303, next);
      } catch (error) {
        if (!(error instanceof AccountException)) throw error;
        const status = error.code === AccountExceptionCode.TOO_MANY_ATTEMPTS ? 429 : 401;
        if (status === 429) response.setHeader('Retry-After', retryAfterOf(error));
        errors.push({ field: 'email', message: error.message });
        const layout = await this.context.layout(request, 'Connexion');
        return this.views.send(response, 'sign-in', { ...layout, errors, email, next }, status);
      }
    }
    const layout = await this.context.layout(request, 'Connexion');
    this.views.send(response, 'sign-in', { ...layout, errors, email, next }, 400);
  }

  @Post('deconnexion')
  @AnonymousPage()
  async signOut(@Req() request: WebRequest, @Res() response: Response): Promise<void> {
    const token = sessionToken(request);
    if (token) await this.sessions.end(token);
    clearSessionCookie(request, response);
    response.redirect(303, '/connexion');
  }

  @Post('organisation')
  async switchOrganisation(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    await this.sessions.switchOrganisation(request.webSession, formText(body, 'organisationId'));
    response.redirect(303, '/tableau-de-bord');
  }

  @Get('mot-de-passe/oublie')
  @AnonymousPage()
  async forgotPage(@Req() request: WebRequest, @Res() response: Response): Promise<void> {
    const layout = await this.context.anonymousLayout(request, response, 'Mot de passe oublié');
    this.views.send(response, 'forgot-password', { ...layout, email: '', sent: false });
  }

  @Post('mot-de-passe/oublie')
  @AnonymousPage()
  async forgot(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const email = formText(body, 'email', 254);
    const layout = await this.context.layout(request, 'Mot de passe oublié');
    if (!normaliseEmail(email)) {
      const errors = [{ field: 'email', message: AccountException.invalidEmail().message }];
      return this.views.send(
        response,
        'forgot-password',
        { ...layout, errors, email, sent: false },
        400,
      );
    }
    await this.accounts.requestPasswordReset(email, this.publicUrl.base());
    this.views.send(response, 'forgot-password', { ...layout, email, sent: true });
  }

  @Get('mot-de-passe/reinitialiser/:token')
  @AnonymousPage()
  async resetPage(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('token') token: string,
  ): Promise<void> {
    const email = await this.accounts.checkResetLink(token);
    const layout = await this.context.anonymousLayout(request, response, 'Nouveau mot de passe');
    this.views.send(response, 'reset-password', { ...layout, email, token });
  }

  @Post('mot-de-passe/reinitialiser/:token')
  @AnonymousPage()
  async reset(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const email = await this.accounts.checkResetLink(token);
    const password = formText(body, 'password', 1000);
    const errors = confirmationErrors(password, formText(body, 'confirmation', 1000));
    if (errors.length === 0) {
      try {
        const signedIn = await this.accounts.resetPassword(token, password);
        return this.startSession(request, response, signedIn, '/tableau-de-bord?fait=mot-de-passe');
      } catch (error) {
        if (
          !(error instanceof AccountException) ||
          error.code !== AccountExceptionCode.WEAK_PASSWORD
        ) {
          throw error;
        }
        errors.push({ field: 'password', message: error.message });
      }
    }
    const layout = await this.context.layout(request, 'Nouveau mot de passe');
    this.views.send(response, 'reset-password', { ...layout, email, token, errors }, 400);
  }

  @Get('invitation/:token')
  @AnonymousPage()
  async invitationPage(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('token') token: string,
  ): Promise<void> {
    const invitation = await this.accounts.describeInvitation(token);
    const layout = await this.context.anonymousLayout(request, response, 'Invitation');
    this.views.send(response, 'invitation', {
      ...layout,
      invitation,
      token,
      displayName: '',
      roleLabel: ROLE_LABELS[invitation.role],
    });
  }

  @Post('invitation/:token')
  @AnonymousPage()
  async acceptInvitation(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const invitation = await this.accounts.describeInvitation(token);
    const password = formText(body, 'password', 1000);
    const displayName = formText(body, 'displayName', 120).trim();
    const errors = invitation.existingAccount
      ? password
        ? []
        : [{ field: 'password', message: 'Saisissez votre mot de passe.' }]
      : confirmationErrors(password, formText(body, 'confirmation', 1000));
    let status = 400;
    if (errors.length === 0) {
      try {
        const signedIn = await this.accounts.acceptInvitation(
          token,
          password,
          displayName || null,
          request.ip ?? 'unknown',
        );
        return this.startSession(request, response, signedIn, '/tableau-de-bord?fait=bienvenue');
      } catch (error) {
        if (
          !(error instanceof AccountException) ||
          error.code === AccountExceptionCode.INVALID_LINK
        ) {
          throw error;
        }
        if (error.code === AccountExceptionCode.TOO_MANY_ATTEMPTS) {
          status = 429;
          response.setHeader('Retry-After', retryAfterOf(error));
        }
        errors.push({ field: 'password', message: error.message });
      }
    }
    const layout = await this.context.layout(request, 'Invitation');
    const roleLabel = ROLE_LABELS[invitation.role];
    this.views.send(
      response,
      'invitation',
      { ...layout, invitation, token, displayName, roleLabel, errors },
      status,
    );
  }

  private async startSession(
    request: WebRequest,
    response: Response,
    signedIn: { userId: string; organisationId: string },
    location: string,
  ): Promise<void> {
    const started = await this.sessions.startForUser(
      signedIn.userId,
      signedIn.organisationId,
      sessionToken(request),
    );
    setSessionCookie(request, response, started.token);
    response.redirect(303, location);
  }
}

function sessionToken(request: WebRequest): string | undefined {
  return (request.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE];
}

function retryAfterOf(error: AccountException): string {
  return String(Number(error.details?.retryAfterSeconds ?? 60));
}

function confirmationErrors(password: string, confirmation: string): FieldError[] {
  if (!password) return [{ field: 'password', message: 'Choisissez un mot de passe.' }];
  if (password !== confirmation) {
    return [{ field: 'confirmation', message: 'Les deux mots de passe ne sont pas identiques.' }];
  }
  return [];
}
