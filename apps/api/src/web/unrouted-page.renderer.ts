import { SESSION_COOKIE, WebSessionService } from '@app/account';
import { Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { WebPageContextService } from './web-page-context.service';
import type { WebRequest } from './web-request.types';
import { WebViewService } from './web-view.service';

/** Paths that belong to machines: they keep their JSON or feed errors. */
const MACHINE_PREFIXES = ['/api/', '/api', '/feeds/', '/health', '/metrics', '/static/'];

/**
 * The French page for an address no route knows (a typo, an old bookmark): a person in a
 * browser gets the site's own « Page introuvable » with the navigation, not a JSON body.
 */
@Injectable()
export class UnroutedPageRenderer {
  private readonly logger = new Logger('Web');

  constructor(
    private readonly sessions: WebSessionService,
    private readonly context: WebPageContextService,
    private readonly views: WebViewService,
  ) {}

  /** Only a browser asking for a page: GET/HEAD, HTML accepted, not an API or feed path. */
  handles(request: Request): boolean {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    if (
      MACHINE_PREFIXES.some((prefix) => request.path === prefix || request.path.startsWith(prefix))
    )
      return false;
    return request.accepts(['json', 'html']) === 'html';
  }

  async render(request: WebRequest, response: Response): Promise<void> {
    try {
      const cookies = (request.cookies ?? {}) as Record<string, string | undefined>;
      const session = await this.sessions.resolve(cookies[SESSION_COOKIE]);
      request.webSession = session;
      if (session?.principal) request.principal = session.principal;
      const layout = await this.context.layout(request, 'Page introuvable');
      this.views.send(
        response,
        'error',
        {
          ...layout,
          title: 'Page introuvable',
          message:
            'Cette adresse ne correspond à aucune page de Vigie. Vérifiez-la, ou repartez du menu.',
          errorId: null,
        },
        404,
      );
    } catch (error) {
      this.logger.error(`not-found page failed: ${(error as Error).message}`);
      response.status(404).type('text').send('Page introuvable.');
    }
  }
}
