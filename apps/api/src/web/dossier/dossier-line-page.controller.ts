import { ApplicationService, type ApplicationView, type FundingLineView } from '@app/treasury';
import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { formText } from '../form-value.util';
import { PageRoles, WebController } from '../web-page.decorator';
import { WebPageContextService } from '../web-page-context.service';
import type { SignedInRequest } from '../web-request.types';
import { WebViewService } from '../web-view.service';
import type { FieldError } from '../web-view.types';
import { WebPageError } from '../web.exception';
import { DossierDetailRenderer, euros, STALE_MESSAGE } from './dossier-detail.renderer';
import {
  claimsText,
  lineIssuesToErrors,
  parseLineForm,
  type LineForm,
  type LineValue,
} from './dossier-form.util';
import { PLAN_EDITORS } from './dossier-label.constants';
import { dossierRefusal, formVersion, writeFromForm } from './dossier-refusal.util';
import { PageId } from '../page-id.pipe';

interface LinePageState {
  form: LineForm;
  errors?: FieldError[];
  message?: string | null;
}

/** The funding plan editor's lines: add (on the dossier page), edit and remove (on their own page). */
@WebController('dossiers')
@PageRoles(...PLAN_EDITORS)
export class DossierLinePageController {
  constructor(
    private readonly applications: ApplicationService,
    private readonly renderer: DossierDetailRenderer,
    private readonly context: WebPageContextService,
    private readonly views: WebViewService,
  ) {}

  @Post(':id/lignes')
  async add(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const { form, value, errors } = parseLineForm(body);
    const outcome = await writeFromForm(
      body,
      errors,
      (version) => this.applications.addLine(request.principal, id, lineBody(value), version),
      lineIssuesToErrors,
    );
    if (outcome.kind === 'saved')
      return response.redirect(303, `/dossiers/${id}?fait=ligne-ajoutee#plan`);
    const state =
      outcome.kind === 'stale'
        ? { line: form, message: STALE_MESSAGE }
        : { line: form, errors: outcome.errors };
    await this.renderer.render(request, response, id, state, outcome.kind === 'stale' ? 409 : 400);
  }

  @Get(':id/lignes/:lineId')
  async edit(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
    @PageId('lineId') lineId: string,
  ): Promise<void> {
    const { dossier, line } = await this.load(request, id, lineId);
    await this.renderLine(request, response, dossier, line, { form: lineForm(line) }, 200);
  }

  @Post(':id/lignes/:lineId')
  async update(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
    @PageId('lineId') lineId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const { line } = await this.load(request, id, lineId);
    const { form, value, errors } = parseLineForm(body, line.schedule);
    const outcome = await writeFromForm(
      body,
      errors,
      (version) =>
        this.applications.updateLine(request.principal, id, lineId, lineBody(value), version),
      lineIssuesToErrors,
    );
    if (outcome.kind === 'saved')
      return response.redirect(303, `/dossiers/${id}?fait=ligne-modifiee#plan`);
    if (outcome.kind === 'stale') return this.refuseStale(request, response, id, lineId, form);
    const fresh = await this.load(request, id, lineId);
    const state = { form, errors: outcome.errors };
    await this.renderLine(request, response, fresh.dossier, fresh.line, state, 400);
  }

  @Post(':id/lignes/:lineId/supprimer')
  async remove(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
    @PageId('lineId') lineId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    try {
      await this.applications.removeLine(
        request.principal,
        id,
        lineId,
        formVersion(formText(body, 'version', 12)),
      );
    } catch (error) {
      if (dossierRefusal(error).kind !== 'stale') throw error;
      const { line } = await this.load(request, id, lineId);
      return this.refuseStale(request, response, id, lineId, lineForm(line));
    }
    response.redirect(303, `/dossiers/${id}?fait=ligne-supprimee#plan`);
  }

  private async refuseStale(
    request: SignedInRequest,
    response: Response,
    id: string,
    lineId: string,
    form: LineForm,
  ): Promise<void> {
    const { dossier, line } = await this.load(request, id, lineId);
    await this.renderLine(request, response, dossier, line, { form, message: STALE_MESSAGE }, 409);
  }

  private async load(
    request: SignedInRequest,
    id: string,
    lineId: string,
  ): Promise<{ dossier: ApplicationView; line: FundingLineView }> {
    const dossier = await this.applications.get(request.principal, id);
    const line = dossier.fundingLines.find((l) => l.id === lineId);
    if (!line) throw new WebPageError('not-found');
    return { dossier, line };
  }

  private async renderLine(
    request: SignedInRequest,
    response: Response,
    dossier: ApplicationView,
    line: FundingLineView,
    state: LinePageState,
    status: number,
  ): Promise<void> {
    const layout = await this.context.layout(
      request,
      'Modifier une ligne de financement',
      'dossiers',
    );
    this.views.send(
      response,
      'dossier-line',
      {
        ...layout,
        dossier,
        line,
        form: state.form,
        errors: state.errors ?? [],
        message: state.message ?? null,
        options: this.renderer.options(),
      },
      status,
    );
  }
}

/** The form of a stored line, as a user would type it. */
function lineForm(line: FundingLineView): LineForm {
  return {
    type: line.kind,
    financeur: line.funder,
    montant: euros(line.amountCents),
    statut: line.status,
    signature: line.signedAt ?? '',
    avance:
      line.schedule?.advancePct === undefined
        ? ''
        : String(line.schedule.advancePct).replace('.', ','),
    versements: (line.schedule?.payments ?? [])
      .map((p) => `${p.month} : ${euros(p.amountCents)}`)
      .join('\n'),
    organisme: line.intermediateBody,
    finPret: line.bridge?.endMonth ?? '',
    demandes: claimsText(line.claims),
    delai:
      line.schedule?.claimDelayMonths === undefined ? '' : String(line.schedule.claimDelayMonths),
  };
}

function lineBody(value: LineValue): Record<string, unknown> {
  return { ...value };
}
