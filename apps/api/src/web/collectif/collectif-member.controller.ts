import { CollectifService } from '@app/watch';
import { Body, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PageRoles, WebController } from '../web-page.decorator';
import type { SignedInRequest } from '../web-request.types';
import { WebPageError } from '../web.exception';
import { isUuid, readSharing } from './collectif-form.util';
import { CURATING_ROLES } from './collectif-page.service';

/**
 * A member structure's actions: accept an invitation, choose what the collectif's other
 * members see, copy a pick into its own calls. Another organisation's object is a 404.
 */
@WebController('collectif')
export class CollectifMemberController {
  constructor(private readonly collectifs: CollectifService) {}

  @Post('invitations/:id/accepter')
  @PageRoles('owner')
  async accept(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Param('id') id: string,
  ): Promise<void> {
    await this.collectifs.accept(request.principal.organisationId, knownId(id));
    response.redirect(303, '/collectif?fait=accepte');
  }

  @Post('adhesions/:id/partage')
  @PageRoles('owner')
  async share(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    await this.collectifs.updateSharing(
      request.principal.organisationId,
      knownId(id),
      readSharing(body),
    );
    response.redirect(303, `/collectif?fait=partage#partage-${id}`);
  }

  @Post('selections/:id/copier')
  @PageRoles(...CURATING_ROLES)
  async copy(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Param('id') id: string,
  ): Promise<void> {
    await this.collectifs.copyPick(request.principal.organisationId, knownId(id));
    response.redirect(303, `/collectif?fait=copie#selection-${id}`);
  }
}

/** A malformed id names nothing: the same 404 as an unknown one, before any query. */
function knownId(id: string): string {
  if (!isUuid(id)) throw new WebPageError('not-found');
  return id;
}
