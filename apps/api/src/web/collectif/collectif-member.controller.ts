import { CollectifService } from '@app/watch';
import { Body, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PageRoles, WebController } from '../web-page.decorator';
import type { SignedInRequest } from '../web-request.types';
import { PageId } from '../page-id.pipe';
import { readSharing } from './collectif-form.util';
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
    @PageId('id') id: string,
  ): Promise<void> {
    await this.collectifs.accept(request.principal.organisationId, id);
    response.redirect(303, '/collectif?fait=accepte');
  }

  @Post('adhesions/:id/partage')
  @PageRoles('owner')
  async share(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    await this.collectifs.updateSharing(request.principal.organisationId, id, readSharing(body));
    response.redirect(303, `/collectif?fait=partage#partage-${id}`);
  }

  @Post('selections/:id/copier')
  @PageRoles(...CURATING_ROLES)
  async copy(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
  ): Promise<void> {
    await this.collectifs.copyPick(request.principal.organisationId, id);
    response.redirect(303, `/collectif?fait=copie#selection-${id}`);
  }
}
