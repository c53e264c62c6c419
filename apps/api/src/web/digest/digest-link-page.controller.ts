import { Public } from '@app/tenancy';
import { DigestConsentService, type DigestLinkView } from '@app/watch';
import { Controller, Get, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebViewService } from '../web-view.service';

type LinkKind = 'unsubscribe' | 'consent';

const PAGES: Record<LinkKind, { title: string; path: string }> = {
  unsubscribe: { title: 'Se désabonner du résumé', path: '/desabonnement' },
  consent: { title: 'Confirmer l’envoi du résumé', path: '/confirmation-envoi' },
};

/**
 * The two links of digest e-mails, for people who may have no account. Not a session page:
 * the token in the path is the credential, so neither a sign-in nor a CSRF token is asked.
 * GET only shows a page with a button (mail scanners follow links); POST acts. The one-click
 * unsubscribe POST (RFC 8058) comes from the mail client itself, without the page.
 */
@Controller()
@Public()
@UseFilters(WebExceptionFilter)
@ApiExcludeController()
export class DigestLinkPageController {
  constructor(
    private readonly consents: DigestConsentService,
    private readonly views: WebViewService,
  ) {}

  @Get('desabonnement/:token')
  async unsubscribePage(@Param('token') token: string, @Res() response: Response) {
    this.send(response, 'unsubscribe', token, await this.consents.unsubscribeLink(token), false);
  }

  @Post('desabonnement/:token')
  async unsubscribe(@Param('token') token: string, @Res() response: Response) {
    const view = await this.consents.unsubscribe(token, new Date());
    this.send(response, 'unsubscribe', token, view, true);
  }

  @Get('confirmation-envoi/:token')
  async consentPage(@Param('token') token: string, @Res() response: Response) {
    this.send(
      response,
      'consent',
      token,
      await this.consents.consentLink(token, new Date()),
      false,
    );
  }

  @Post('confirmation-envoi/:token')
  async confirm(@Param('token') token: string, @Res() response: Response) {
    const view = await this.consents.confirm(token, new Date());
    this.send(response, 'consent', token, view, true);
  }

  private send(
    response: Response,
    kind: LinkKind,
    token: string,
    view: DigestLinkView | null,
    acted: boolean,
  ) {
    const page = PAGES[kind];
    this.views.send(
      response,
      'digest-link',
      {
        title: page.title,
        csrf: null,
        user: null,
        organisation: null,
        organisations: [],
        kind,
        view,
        acted,
        action: `${page.path}/${token}`,
      },
      view ? 200 : 404,
    );
  }
}
