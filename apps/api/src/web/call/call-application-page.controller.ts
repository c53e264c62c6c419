import type { MemberRole } from '@app/persistence';
import { ApplicationService, TreasuryException, TreasuryExceptionCode } from '@app/treasury';
import type { ValidationIssue } from '@app/treasury';
import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { formText, readEuros } from '../form-value.util';
import { PageRoles, WebController } from '../web-page.decorator';
import { WebPageContextService } from '../web-page-context.service';
import type { SignedInRequest } from '../web-request.types';
import { WebViewService } from '../web-view.service';
import type { FieldError } from '../web-view.types';
import { WebCallDetailQuery } from './web-call-detail.query';

/** As the API: owners, accountants and members create applications. */
const APPLICATION_ROLES: MemberRole[] = ['owner', 'accountant', 'member'];

/** Where each field of the treasury's validation lands on this form. */
const FIELD_OF_PATH: Record<string, string> = {
  title: 'titre',
  totalCostCents: 'cout',
  operationStart: 'debut',
  operationEnd: 'fin',
};

interface ApplicationForm {
  titre: string;
  cout: string;
  debut: string;
  fin: string;
}

/** « Créer un dossier » from a call: the few fields an application needs to exist. */
@WebController('appels')
export class CallApplicationPageController {
  constructor(
    private readonly details: WebCallDetailQuery,
    private readonly applications: ApplicationService,
    private readonly context: WebPageContextService,
    private readonly views: WebViewService,
  ) {}

  @Get(':id/dossier')
  @PageRoles(...APPLICATION_ROLES)
  async form(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Param('id') id: string,
  ): Promise<void> {
    const { call } = await this.details.detail(request.principal.organisationId, id);
    const form = { titre: call.title, cout: '', debut: '', fin: '' };
    await this.render(request, response, call, form, [], 200);
  }

  @Post(':id/dossier')
  @PageRoles(...APPLICATION_ROLES)
  async create(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const { call } = await this.details.detail(request.principal.organisationId, id);
    const form: ApplicationForm = {
      titre: formText(body, 'titre', 300).trim(),
      cout: formText(body, 'cout', 30).trim(),
      debut: formText(body, 'debut', 10).trim(),
      fin: formText(body, 'fin', 10).trim(),
    };
    const errors: FieldError[] = [];
    const { cents: totalCostCents, error: costError } = readEuros(form.cout);
    if (!form.titre) errors.push({ field: 'titre', message: 'Donnez un titre au dossier.' });
    if (costError !== null) errors.push({ field: 'cout', message: costError });
    if (errors.length === 0) {
      try {
        const created = await this.applications.create(request.principal, {
          callId: call.id,
          title: form.titre,
          status: 'idea',
          totalCostCents,
          operationStart: form.debut,
          operationEnd: form.fin,
        });
        // Straight to the new dossier: its funding plan is the next thing to fill.
        return response.redirect(303, `/dossiers/${created.id}?fait=cree`);
      } catch (error) {
        if (
          !(error instanceof TreasuryException) ||
          error.code !== TreasuryExceptionCode.INVALID_INPUT
        ) {
          throw error;
        }
        errors.push(...issuesToFields((error.details?.issues ?? []) as ValidationIssue[]));
      }
    }
    await this.render(request, response, call, form, errors, 400);
  }

  private async render(
    request: SignedInRequest,
    response: Response,
    call: { id: string; title: string },
    form: ApplicationForm,
    errors: FieldError[],
    status: number,
  ): Promise<void> {
    const layout = await this.context.layout(request, 'Créer un dossier', 'appels');
    this.views.send(response, 'application-new', { ...layout, call, form, errors }, status);
  }
}

function issuesToFields(issues: ValidationIssue[]): FieldError[] {
  return issues.map((issue) => ({
    field: FIELD_OF_PATH[issue.path.split(/[.[]/)[0]] ?? 'titre',
    message: issue.message,
  }));
}
