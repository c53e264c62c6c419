import { frenchMonth } from '@app/common';
import type { MemberRole } from '@app/persistence';
import {
  ImpactException,
  ImpactExceptionCode,
  ImpactService,
  type ImpactIssue,
  type ImpactReport,
} from '@app/impact';
import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DossierDetailRenderer, type ActivityForm } from '../dossier/dossier-detail.renderer';
import { DOSSIER_EDITORS } from '../dossier/dossier-label.constants';
import { sendDownload } from '../file-download.util';
import { formText, trimmedFields } from '../form-value.util';
import { PageId } from '../page-id.pipe';
import { PageRoles, WebController } from '../web-page.decorator';
import { WebPageContextService } from '../web-page-context.service';
import type { SignedInRequest } from '../web-request.types';
import { WebViewService } from '../web-view.service';
import type { FieldError } from '../web-view.types';
import { WebPageError } from '../web.exception';
import { buildActivityChart } from './activity-chart.builder';

/** Where an entry's fields land on the dossier page's activity form. */
const ACTIVITY_FIELD: Record<string, string> = {
  indicator: 'activite-indicateur',
  from: 'activite-debut',
  to: 'activite-fin',
  count: 'activite-nombre',
  note: 'activite-nombre',
};
const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
/** As the API: owners and accountants set the structure's own reference values. */
const REFERENCE_EDITORS: MemberRole[] = ['owner', 'accountant'];
/** Where an organisation indicator's fields land on its form. */
const INDICATOR_FIELD: Record<string, string> = {
  key: 'indicateur-cle',
  label: 'indicateur-libelle',
  unit: 'indicateur-unite',
  definition: 'indicateur-definition',
  askedBy: 'indicateur-financeur',
};
/** Where a reference override's fields land on its form. */
const REFERENCE_FIELD: Record<string, string> = {
  value: 'valeur',
  date: 'date',
  population: 'population',
  source: 'titre',
  title: 'titre',
  publisher: 'editeur',
  published: 'publication',
  url: 'adresse',
};

/**
 * Dated activity typed on the dossier page (one entry, a pasted CSV) and the funders' reports as
 * printable pages: one dossier, or one funder across dossiers over a period (issue 18).
 */
@WebController()
export class ImpactPageController {
  constructor(
    private readonly impact: ImpactService,
    private readonly dossiers: DossierDetailRenderer,
    private readonly context: WebPageContextService,
    private readonly views: WebViewService,
  ) {}

  @Post('dossiers/:id/activite')
  @PageRoles(...DOSSIER_EDITORS)
  async addEntry(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const form: ActivityForm = {
      ...trimmedFields(body, { indicateur: 80, debut: 20, fin: 20, nombre: 20 }),
      csv: '',
    };
    const compact = form.nombre.replace(/[\s\u00a0\u202f]/g, '');
    const entry = {
      indicator: form.indicateur,
      from: form.debut,
      ...(form.fin ? { to: form.fin } : {}),
      count: /^-?\d+$/.test(compact) ? Number(compact) : form.nombre,
    };
    await this.write(request, response, id, form, () =>
      this.impact.addActivity(request.principal, id, [entry]),
    );
  }

  @Post('dossiers/:id/activite/import')
  @PageRoles(...DOSSIER_EDITORS)
  async importCsv(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const csv = formText(body, 'csv', 1_000_000);
    const form: ActivityForm = { indicateur: '', debut: '', fin: '', nombre: '', csv };
    await this.write(request, response, id, form, () =>
      this.impact.importCsv(request.principal, id, csv),
    );
  }

  @Post('dossiers/:id/activite/:entryId/supprimer')
  @PageRoles(...DOSSIER_EDITORS)
  async removeEntry(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
    @PageId('entryId') entryId: string,
  ): Promise<void> {
    await this.impact.removeActivity(request.principal, id, entryId);
    response.redirect(303, `/dossiers/${id}?fait=activite#activite`);
  }

  @Get('dossiers/:id/rapport-financeur')
  async dossierReport(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
  ): Promise<void> {
    const report = await this.impact.applicationReport(request.principal, id);
    await this.show(request, response, report, {
      back: { href: `/dossiers/${id}#activite`, label: `← Le dossier « ${report.title} »` },
      xlsx: `/dossiers/${id}/rapport-financeur.xlsx`,
    });
  }

  @Get('dossiers/:id/rapport-financeur.xlsx')
  async dossierReportXlsx(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
  ): Promise<void> {
    sendDownload(response, await this.impact.applicationReportXlsx(request.principal, id));
  }

  /** One funder across the dossiers over a period: a form, then its report below. */
  @Get('rapport-financeur')
  async funderReport(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Query('financeur') funder?: string,
    @Query('du') from?: string,
    @Query('au') to?: string,
  ): Promise<void> {
    const funders = await this.impact.funderNames(request.principal);
    const form = { financeur: funder ?? funders[0] ?? '', du: from ?? '', au: to ?? '' };
    const asked = funder !== undefined || from !== undefined || to !== undefined;
    let report: ImpactReport | null = null;
    let errors: FieldError[] = [];
    if (asked) {
      try {
        report = await this.impact.funderReport(request.principal, { funder, from, to });
      } catch (error) {
        errors = refusalErrors(error, { funder: 'financeur', from: 'du', to: 'au' });
      }
    }
    const query = new URLSearchParams({ financeur: form.financeur, du: form.du, au: form.au });
    await this.show(
      request,
      response,
      report,
      {
        back: { href: '/dossiers', label: '← Tous les dossiers' },
        xlsx: report ? `/rapport-financeur.xlsx?${query.toString()}` : null,
        funderForm: { funders, form },
        errors,
      },
      errors.length > 0 ? 400 : 200,
    );
  }

  /** The catalogue (who asks for what) and the structure's own indicators. */
  @Get('rapport-financeur/indicateurs')
  async indicators(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Query('fait') done?: string,
  ): Promise<void> {
    await this.showIndicators(request, response, {
      notice:
        done === 'indicateur'
          ? 'Indicateur ajouté : il se choisit dans l’activité des dossiers.'
          : null,
    });
  }

  @Post('rapport-financeur/indicateurs')
  @PageRoles(...DOSSIER_EDITORS)
  async addIndicator(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const form = trimmedFields(body, {
      cle: 80,
      libelle: 200,
      unite: 80,
      definition: 2_000,
      financeur: 200,
    });
    try {
      await this.impact.addIndicator(request.principal, {
        key: form.cle,
        label: form.libelle,
        unit: form.unite,
        definition: form.definition,
        ...(form.financeur ? { askedBy: form.financeur } : {}),
      });
    } catch (error) {
      const errors = refusalErrors(error, INDICATOR_FIELD);
      return this.showIndicators(request, response, { errors, form }, 400);
    }
    response.redirect(303, '/rapport-financeur/indicateurs?fait=indicateur');
  }

  private async showIndicators(
    request: SignedInRequest,
    response: Response,
    state: { notice?: string | null; errors?: FieldError[]; form?: Record<string, string> },
    status = 200,
  ): Promise<void> {
    await this.sendPage(
      request,
      response,
      'Indicateurs d’activité',
      'impact-indicators',
      {
        indicators: await this.impact.indicators(request.principal),
        ...editOutcome(request, DOSSIER_EDITORS, state),
        form: state.form ?? { cle: '', libelle: '', unite: '', definition: '', financeur: '' },
      },
      status,
    );
  }

  /** The reference values of the estimates, and the structure's own (owner, accountant). */
  @Get('rapport-financeur/valeurs')
  async references(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Query('fait') done?: string,
  ): Promise<void> {
    await this.showReferences(request, response, {
      notice:
        done === 'valeur' ? 'Valeur enregistrée : les rapports l’utilisent et le disent.' : null,
    });
  }

  @Post('rapport-financeur/valeurs/:referenceId')
  @PageRoles(...REFERENCE_EDITORS)
  async setReference(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Param('referenceId') referenceId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    if (formText(body, 'retablir', 2_000).trim() === 'oui') {
      await this.impact.removeReference(request.principal, referenceId);
      return response.redirect(303, '/rapport-financeur/valeurs?fait=valeur');
    }
    const form = trimmedFields(body, {
      valeur: 2_000,
      date: 2_000,
      population: 2_000,
      titre: 2_000,
      editeur: 2_000,
      adresse: 2_000,
      publication: 2_000,
    });
    const number = Number(form.valeur.replace(/[\s  ]/g, '').replace(',', '.'));
    const source = form.titre || form.editeur || form.publication || form.adresse;
    try {
      await this.impact.setReference(request.principal, referenceId, {
        value: form.valeur === '' || Number.isNaN(number) ? form.valeur : number,
        date: form.date,
        population: form.population,
        ...(source
          ? {
              source: {
                title: form.titre,
                publisher: form.editeur,
                published: form.publication,
                ...(form.adresse ? { url: form.adresse } : {}),
              },
            }
          : {}),
      });
    } catch (error) {
      const errors = refusalErrors(error, REFERENCE_FIELD).map((e) => ({
        ...e,
        field: `${referenceId}-${e.field}`,
      }));
      return this.showReferences(
        request,
        response,
        { errors, typed: { id: referenceId, form } },
        400,
      );
    }
    response.redirect(303, '/rapport-financeur/valeurs?fait=valeur');
  }

  private async showReferences(
    request: SignedInRequest,
    response: Response,
    state: {
      notice?: string | null;
      errors?: FieldError[];
      typed?: { id: string; form: Record<string, string> };
    },
    status = 200,
  ): Promise<void> {
    await this.sendPage(
      request,
      response,
      'Valeurs de référence',
      'impact-references',
      {
        references: await this.impact.references(request.principal),
        ...editOutcome(request, REFERENCE_EDITORS, state),
        typed: state.typed ?? null,
      },
      status,
    );
  }

  @Get('rapport-financeur.xlsx')
  async funderReportXlsx(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Query('financeur') funder?: string,
    @Query('du') from?: string,
    @Query('au') to?: string,
  ): Promise<void> {
    if (!MONTH_RE.test(from ?? '') || !MONTH_RE.test(to ?? '')) throw new WebPageError('not-found');
    sendDownload(
      response,
      await this.impact.funderReportXlsx(request.principal, { funder, from, to }),
    );
  }

  private async show(
    request: SignedInRequest,
    response: Response,
    report: ImpactReport | null,
    page: {
      back: { href: string; label: string };
      xlsx: string | null;
      funderForm?: { funders: string[]; form: { financeur: string; du: string; au: string } };
      errors?: FieldError[];
    },
    status = 200,
  ): Promise<void> {
    const title = report ? `Rapport financeur – ${report.title}` : 'Rapport financeur';
    await this.sendPage(
      request,
      response,
      title,
      'impact-report',
      {
        report,
        charts: report ? report.indicators.map((i) => buildActivityChart(i)) : [],
        back: page.back,
        xlsx: page.xlsx,
        funderForm: page.funderForm ?? null,
        errors: page.errors ?? [],
        month: frenchMonth,
      },
      status,
    );
  }

  /** One of the reports' pages, under « Dossiers » in the navigation. */
  private async sendPage(
    request: SignedInRequest,
    response: Response,
    title: string,
    page: string,
    model: object,
    status: number,
  ): Promise<void> {
    const layout = await this.context.layout(request, title, 'dossiers');
    this.views.send(response, page, { ...layout, ...model }, status);
  }

  /** The write, then back to the dossier's activity; a refusal shows the page again with the input. */
  private async write(
    request: SignedInRequest,
    response: Response,
    id: string,
    form: ActivityForm,
    work: () => Promise<unknown>,
  ): Promise<void> {
    try {
      await work();
    } catch (error) {
      const errors = refusalErrors(error, ACTIVITY_FIELD, form.csv ? 'activite-csv' : undefined);
      return this.dossiers.render(request, response, id, { activity: form, errors }, 400);
    }
    response.redirect(303, `/dossiers/${id}?fait=activite#activite`);
  }
}

/** Whether this member may edit the page's values, and how the last edit went. */
function editOutcome(
  request: SignedInRequest,
  editors: readonly MemberRole[],
  state: { notice?: string | null; errors?: FieldError[] },
): { canEdit: boolean; notice: string | null; errors: FieldError[] } {
  return {
    canEdit: editors.includes(request.principal.role),
    notice: state.notice ?? null,
    errors: state.errors ?? [],
  };
}

/** The service's field-level refusals next to their form fields; anything else is rethrown. */
function refusalErrors(
  error: unknown,
  fields: Record<string, string>,
  onlyField?: string,
): FieldError[] {
  if (!(error instanceof ImpactException) || error.code !== ImpactExceptionCode.INVALID_INPUT)
    throw error;
  const issues = (error.details?.issues ?? []) as ImpactIssue[];
  return issues.map((issue) => {
    const field = issue.path.split('.').pop() ?? '';
    return {
      field: onlyField ?? fields[field] ?? Object.values(fields)[0],
      message: issue.message,
    };
  });
}
