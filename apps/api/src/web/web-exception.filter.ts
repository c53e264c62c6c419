import { AccountException, AccountExceptionCode } from '@app/account';
import { TenancyException, TenancyExceptionCode } from '@app/tenancy';
import { maskUrlTokens } from '@app/common';
import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Injectable,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { WebPageContextService } from './web-page-context.service';
import type { WebRequest } from './web-request.types';
import { WebViewService } from './web-view.service';
import { WebPageError, WebRedirect } from './web.exception';

interface ErrorPage {
  status: number;
  title: string;
  message: string;
}

const PAGES: Record<string, Omit<ErrorPage, 'status'>> = {
  csrf: {
    title: 'Formulaire expiré',
    message:
      'Ce formulaire n’est plus valable (session expirée ou envoi depuis un autre site). ' +
      'Revenez à la page précédente, rechargez-la, puis recommencez.',
  },
  forbidden: {
    title: 'Accès refusé',
    message: 'Votre rôle dans cette organisation ne permet pas cette action.',
  },
  'not-found': {
    title: 'Page introuvable',
    message: 'Cette page n’existe pas ou ne vous est pas accessible.',
  },
  'too-many': {
    title: 'Trop de tentatives',
    message: 'Trop de tentatives. Patientez quelques minutes avant de réessayer.',
  },
};

/** Every failure of a web page becomes a French page (or a redirect), never JSON. */
@Catch()
@Injectable()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Web');

  constructor(
    private readonly views: WebViewService,
    private readonly context: WebPageContextService,
  ) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<WebRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof WebRedirect) {
      response.redirect(303, exception.location);
      return;
    }
    const page = this.pageFor(exception);
    const errorId = page.status >= 500 ? randomUUID() : null;
    if (errorId) {
      this.logger.error(
        `${errorId} ${request.method} ${maskUrlTokens(request.path)}`,
        (exception as Error)?.stack,
      );
    }
    try {
      const layout = await this.context.layout(request, page.title);
      this.views.send(response, 'error', { ...layout, ...page, errorId }, page.status);
    } catch (error) {
      this.logger.error(`error page failed: ${(error as Error).message}`);
      response.status(page.status).type('text').send(`${page.title}. ${page.message}`);
    }
  }

  private pageFor(exception: unknown): ErrorPage {
    if (exception instanceof WebPageError) {
      return { status: exception.status, ...PAGES[exception.kind] };
    }
    if (exception instanceof TenancyException) {
      if (exception.code === TenancyExceptionCode.NOT_FOUND)
        return { status: 404, ...PAGES['not-found'] };
      if (exception.code === TenancyExceptionCode.FORBIDDEN)
        return { status: 403, ...PAGES.forbidden };
    }
    if (exception instanceof AccountException) {
      if (exception.code === AccountExceptionCode.TOO_MANY_ATTEMPTS) {
        return { status: 429, title: PAGES['too-many'].title, message: exception.message };
      }
      return {
        status: exception.httpStatus,
        title: 'Action impossible',
        message: exception.message,
      };
    }
    if (exception instanceof HttpException && exception.getStatus() === 404) {
      return { status: 404, ...PAGES['not-found'] };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return {
        status: exception.getStatus(),
        title: 'Requête invalide',
        message: 'La demande n’a pas pu être traitée. Vérifiez l’adresse ou le formulaire.',
      };
    }
    return {
      status: 500,
      title: 'Erreur inattendue',
      message:
        'Une erreur inattendue est survenue. Réessayez ; si elle persiste, signalez-la avec son numéro.',
    };
  }
}
