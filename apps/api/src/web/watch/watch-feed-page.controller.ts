import { FeedTokenService } from '@app/watch';
import { Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PageRoles, WebController } from '../web-page.decorator';
import type { SignedInRequest } from '../web-request.types';
import { WebPageError } from '../web.exception';
import { watchFormOf } from './watch-form.util';
import { WATCH_EDIT_ROLES } from './watch-label.constants';
import { WatchPageService } from './watch-page.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A profile's secret feed links: created (shown once) and revoked from its page. */
@WebController('veilles')
export class WatchFeedPageController {
  constructor(
    private readonly tokens: FeedTokenService,
    private readonly pages: WatchPageService,
  ) {}

  /**
   * Only the token's hash is stored, so its addresses can be shown this once: the page is
   * rendered in the answer to the POST rather than after a redirect that would need the token.
   */
  @Post(':id/liens')
  @PageRoles(...WATCH_EDIT_ROLES)
  async issue(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Param('id') id: string,
  ): Promise<void> {
    const profile = await this.pages.profileOf(request, id);
    const issued = await this.tokens.issue(request.principal.organisationId, profile.id);
    await this.pages.sendDetail(request, response, profile, {
      form: watchFormOf(profile),
      issued: this.pages.feedLinks(issued.id, issued.token),
      notice: 'Nouveau lien de flux créé. Copiez ses adresses ci-dessous.',
      status: 201,
    });
  }

  @Post(':id/liens/:linkId/revoquer')
  @PageRoles(...WATCH_EDIT_ROLES)
  async revoke(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Param('id') id: string,
    @Param('linkId') linkId: string,
  ): Promise<void> {
    const profile = await this.pages.profileOf(request, id);
    if (!UUID.test(linkId)) throw new WebPageError('not-found');
    await this.tokens.revoke(request.principal.organisationId, profile.id, linkId);
    response.redirect(303, `/veilles/${profile.id}?fait=lien-revoque#flux`);
  }
}
