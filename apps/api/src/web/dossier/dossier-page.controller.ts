import { APPLICATION_STATUSES, ApplicationService, type ApplicationStatus } from '@app/treasury';
import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { formText } from '../form-value.util';
import { PageRoles, WebController } from '../web-page.decorator';
import { WebPageContextService } from '../web-page-context.service';
import type { SignedInRequest } from '../web-request.types';
import { WebViewService } from '../web-view.service';
import type { FieldError } from '../web-view.types';
import { DossierDetailRenderer, STALE_MESSAGE } from './dossier-detail.renderer';
import { frenchMonthOf } from '../french-format.util';
import { generalIssuesToErrors, parseGeneralForm, type GeneralForm } from './dossier-form.util';
import { DOSSIER_EDITORS, STATUS_LABELS, STATUS_ORDER } from './dossier-label.constants';
import { CARDS_PER_COLUMN, DOSSIERS_PER_PAGE, DossierListQuery } from './dossier-list.query';
import { DossierPageService } from './dossier-page.service';
import { dossierRefusal, formVersion } from './dossier-refusal.util';
import { PageId } from '../page-id.pipe';

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const BOARD_STALE_MESSAGE =
  'Ce dossier a été modifié entre-temps (dans un autre onglet ou par quelqu’un d’autre) : ' +
  'rien n’a été déplacé. Le tableau montre maintenant son étape actuelle ; recommencez si besoin.';

/** « Dossiers »: the list, the board by status, a new dossier, and moves between statuses. */
@WebController('dossiers')
export class DossierPageController {
  constructor(
    private readonly list: DossierListQuery,
    private readonly pages: DossierPageService,
    private readonly applications: ApplicationService,
    private readonly detail: DossierDetailRenderer,
    private readonly context: WebPageContextService,
    private readonly views: WebViewService,
  ) {}

  @Get()
  async index(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const wanted = formText(query, 'statut', 30);
    const status = (APPLICATION_STATUSES as readonly string[]).includes(wanted)
      ? (wanted as ApplicationStatus)
      : null;
    const page = Math.max(1, Math.min(10_000, Number(formText(query, 'page', 6)) || 1));
    const [layout, found] = await Promise.all([
      this.context.layout(request, 'Dossiers', 'dossiers'),
      this.list.page(request.principal.organisationId, status, page),
    ]);
    this.views.send(response, 'dossier-list', {
      ...layout,
      status,
      page,
      pages: Math.max(1, Math.ceil(found.total / DOSSIERS_PER_PAGE)),
      total: found.total,
      counts: found.counts,
      statuses: STATUS_ORDER.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
      rows: this.pages.rows(found.dossiers),
      canEdit: DOSSIER_EDITORS.includes(request.principal.role),
      month: frenchMonthOf,
    });
  }

  @Get('etapes')
  async board(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const to = formText(query, 'vers', 30) as ApplicationStatus;
    const notice =
      formText(query, 'fait', 20) === 'etape' && STATUS_LABELS[to]
        ? `Dossier déplacé vers l’étape « ${STATUS_LABELS[to]} ».`
        : null;
    await this.renderBoard(request, response, { notice }, 200);
  }

  @Get('nouveau')
  @PageRoles(...DOSSIER_EDITORS)
  async newForm(@Req() request: SignedInRequest, @Res() response: Response): Promise<void> {
    const form: GeneralForm = { titre: '', cout: '', debut: '', fin: '', depot: '', zone: '' };
    await this.renderNew(request, response, form, [], 200);
  }

  @Post('nouveau')
  @PageRoles(...DOSSIER_EDITORS)
  async create(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const { form, value, errors } = parseGeneralForm(body);
    if (errors.length === 0) {
      try {
        const created = await this.applications.create(request.principal, {
          ...withoutNulls(value),
          status: 'idea',
        });
        return response.redirect(303, `/dossiers/${created.id}?fait=cree`);
      } catch (error) {
        const refusal = dossierRefusal(error);
        if (refusal.kind !== 'invalid') throw error;
        errors.push(...generalIssuesToErrors(refusal.issues));
      }
    }
    await this.renderNew(request, response, form, errors, 400);
  }

  /** From a board card or the dossier page; `retour` says which page answers. */
  @Post(':id/etape')
  @PageRoles(...DOSSIER_EDITORS)
  async move(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const fromBoard = formText(body, 'retour', 20) === 'etapes';
    const form = { etape: formText(body, 'etape', 30), date: formText(body, 'date', 10).trim() };
    if (form.date && !DATE_RE.test(form.date)) {
      const errors = [
        {
          field: 'etape-date',
          message: 'Saisissez la date au format 2027-03-15, ou laissez vide.',
        },
      ];
      return this.detail.render(request, response, id, { status: form, errors }, 400);
    }
    try {
      await this.applications.changeStatus(
        request.principal,
        id,
        { status: form.etape, at: form.date || undefined },
        formVersion(formText(body, 'version', 12)),
      );
    } catch (error) {
      const refusal = dossierRefusal(error);
      const stale = fromBoard ? BOARD_STALE_MESSAGE : STALE_MESSAGE;
      const message =
        refusal.kind === 'transition'
          ? refusal.message
          : refusal.kind === 'stale'
            ? stale
            : 'Choisissez une étape dans la liste.';
      const status = refusal.kind === 'invalid' ? 400 : 409;
      if (fromBoard) return this.renderBoard(request, response, { message }, status);
      const state =
        refusal.kind === 'stale'
          ? { status: form, message }
          : { status: form, errors: [{ field: 'nouvelle-etape', message }] };
      return this.detail.render(request, response, id, state, status);
    }
    response.redirect(
      303,
      fromBoard
        ? `/dossiers/etapes?fait=etape&vers=${encodeURIComponent(form.etape)}#dossier-${id}`
        : `/dossiers/${id}?fait=etape`,
    );
  }

  private async renderBoard(
    request: SignedInRequest,
    response: Response,
    state: { notice?: string | null; message?: string | null },
    status: number,
  ): Promise<void> {
    const [layout, found] = await Promise.all([
      this.context.layout(request, 'Dossiers par étape', 'dossiers'),
      this.list.board(request.principal.organisationId),
    ]);
    const cards = found.dossiers.map((dossier) => this.pages.card(dossier));
    this.views.send(
      response,
      'dossier-board',
      {
        ...layout,
        notice: state.notice ?? null,
        message: state.message ?? null,
        columns: STATUS_ORDER.map((s) => ({
          status: s,
          label: STATUS_LABELS[s],
          count: found.counts[s] ?? 0,
          cards: cards.filter((c) => c.status === s),
        })),
        canEdit: DOSSIER_EDITORS.includes(request.principal.role),
        perColumn: CARDS_PER_COLUMN,
      },
      status,
    );
  }

  private async renderNew(
    request: SignedInRequest,
    response: Response,
    form: GeneralForm,
    errors: FieldError[],
    status: number,
  ): Promise<void> {
    const layout = await this.context.layout(request, 'Nouveau dossier', 'dossiers');
    this.views.send(
      response,
      'dossier-new',
      { ...layout, form, errors, euAreas: this.detail.options().euAreas },
      status,
    );
  }
}

function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null));
}
