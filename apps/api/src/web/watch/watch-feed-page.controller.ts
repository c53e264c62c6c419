import { FeedTokenService } from '@app/watch';
import { Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PageRoles, WebController } from '../web-page.decorator';
import type { SignedInRequest } from '../web-request.types';
import { WebPageError } from '../web.exception';
import { putFeedLinkFlash } from './feed-link-flash.util';
import { WATCH_EDIT_ROLES } from './watch-label.constants';
import { WatchPageService } from './watch-page.service';
import { isUuid } from '../page-id.pipe';

/** A profile's secret feed links: created (shown once) and revoked from its page. */
@WebController('veilles')
export class WatchFeedPageController {
  constructor(
    private readonly tokens: FeedTokenService,
    private readonly pages: WatchPageService,
  ) {}

  /**
   * Only the token's hash is stored, so its addresses can be shown once: post/redirect/get, the
   * token crossing the redirect in a sealed one-read cookie (never in the URL). Back and Reload
   * then land on the profile's page and create nothing.
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
    putFeedLinkFlash(request, response, {
      profileId: profile.id,
      tokenId: issued.id,
      token: issued.token,
    });
    response.redirect(303, `/veilles/${profile.id}?fait=lien-cree#flux`);
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
    if (!isUuid(linkId)) throw new WebPageError('not-found');
    await this.tokens.revoke(request.principal.organisationId, profile.id, linkId);
    response.redirect(303, `/veilles/${profile.id}?fait=lien-revoque#flux`);
  }
}
