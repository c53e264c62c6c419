import { Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { WebController } from '../web-page.decorator';
import type { SignedInRequest } from '../web-request.types';
import { pageNumber } from './collectif-form.util';
import { CollectifPageService } from './collectif-page.service';

/** The confirmations shown after a POST redirected back to the page (`?fait=…`). */
export const COLLECTIF_NOTICES: Readonly<Record<string, string>> = {
  invitation: 'Invitation envoyée. La structure l’acceptera depuis sa propre page « Collectif ».',
  ajoute: 'Appel ajouté au fil partagé du collectif.',
  modifie: 'Sélection enregistrée.',
  retire: 'Appel retiré du fil partagé.',
  revoque: 'Lien révoqué : ses adresses ne fonctionnent plus.',
  accepte: 'Invitation acceptée : les sélections du collectif apparaissent sur cette page.',
  partage: 'Vos choix de partage sont enregistrés.',
  copie: 'Appel copié dans vos appels : présélectionné et suivi.',
  envoi: 'Réglages d’envoi par e-mail enregistrés.',
};

/** « Collectif »: the coordinator's or the member's view, depending on the organisation. */
@WebController('collectif')
export class CollectifPageController {
  constructor(private readonly pages: CollectifPageService) {}

  @Get()
  async show(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Query('fait') done?: string,
    @Query('page') page?: string,
  ): Promise<void> {
    await this.pages.send(request, response, {
      notice: COLLECTIF_NOTICES[done ?? ''] ?? null,
      page: pageNumber(page),
    });
  }
}
