import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { WebController } from './web-page.decorator';
import { WebPageContextService } from './web-page-context.service';
import type { SignedInRequest } from './web-request.types';
import { WebViewService } from './web-view.service';
import type { NavKey } from './web-view.types';

const PAGES: Array<{ path: NavKey; title: string; description: string }> = [
  {
    path: 'veilles',
    title: 'Veilles',
    description:
      'Vous pourrez y régler vos profils de veille, copier vos flux (RSS, Atom, JSON, iCal) et choisir vos résumés par e-mail.',
  },
  {
    path: 'collectif',
    title: 'Collectif',
    description:
      'Vous y trouverez le fil partagé de votre collectif, ses sélections et ses annotations.',
  },
  {
    path: 'dossiers',
    title: 'Dossiers',
    description:
      'Vous pourrez y suivre vos dossiers de financement par étape, avec leur plan de financement et leurs échéanciers.',
  },
  {
    path: 'tresorerie',
    title: 'Trésorerie',
    description:
      'Vous y verrez la courbe de votre trésorerie mois par mois, ses alertes et ses exports.',
  },
];

/** Pages of the navigation not built yet: a short French notice, never a broken link. */
@WebController()
export class ComingSoonPageController {
  constructor(
    private readonly context: WebPageContextService,
    private readonly views: WebViewService,
  ) {}

  @Get(PAGES.map((p) => p.path))
  async show(@Req() request: SignedInRequest, @Res() response: Response): Promise<void> {
    const page = PAGES.find((p) => request.path === `/${p.path}`) ?? PAGES[0];
    const layout = await this.context.layout(request, page.title, page.path);
    this.views.send(response, 'coming-soon', { ...layout, description: page.description });
  }
}
