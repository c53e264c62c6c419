import { Clock } from '@app/common';
import { INDICATOR_CATALOGUE, type IndicatorCatalogue } from '@app/impact';
import {
  ApplicationService,
  FUNDING_RULES,
  TreasuryService,
  type FundingRules,
  type ValidationIssue,
} from '@app/treasury';
import { Body, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PageRoles, WebController } from '../web-page.decorator';
import type { SignedInRequest } from '../web-request.types';
import type { FieldError } from '../web-view.types';
import { sendDownload } from '../file-download.util';
import { PageId } from '../page-id.pipe';
import {
  DossierDetailRenderer,
  STALE_MESSAGE,
  type DossierPageState,
} from './dossier-detail.renderer';
import {
  generalIssuesToErrors,
  parseGeneralForm,
  parseIndicatorForm,
  parseTaskForm,
  rowIssuesToErrors,
} from './dossier-form.util';
import { DOSSIER_EDITORS, STATUS_LABELS } from './dossier-label.constants';
import { exportWindow } from './dossier-projection.util';
import { writeFromForm } from './dossier-refusal.util';

const NOTICES: Record<string, string> = {
  cree: 'Dossier créé à l’étape « Idée ». Complétez son plan de financement ci-dessous.',
  informations: 'Informations du dossier enregistrées.',
  'ligne-ajoutee': 'Ligne de financement ajoutée.',
  'ligne-modifiee': 'Ligne de financement modifiée.',
  'ligne-supprimee': 'Ligne de financement supprimée.',
  taches: 'Tâches enregistrées.',
  indicateurs: 'Indicateurs enregistrés.',
  activite: 'Activité enregistrée.',
};

const TASK_FIELDS = { label: 'libelle', kind: 'type', dueDate: 'echeance' };
const INDICATOR_FIELDS = {
  label: 'libelle',
  key: 'libelle',
  planned: 'prevu',
};

/** A dossier: its general fields, tasks and indicators, and its cash plan exports. */
@WebController('dossiers')
export class DossierDetailPageController {
  constructor(
    private readonly applications: ApplicationService,
    private readonly treasury: TreasuryService,
    private readonly renderer: DossierDetailRenderer,
    @Inject(FUNDING_RULES) private readonly rules: FundingRules,
    private readonly clock: Clock,
    @Inject(INDICATOR_CATALOGUE) private readonly catalogue: IndicatorCatalogue,
  ) {}

  @Get(':id')
  async show(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
    @Query('fait') done?: string,
  ): Promise<void> {
    const notice =
      done === 'etape' ? await this.statusNotice(request, id) : (NOTICES[done ?? ''] ?? null);
    const justSaved = done === 'cree' || done === 'informations';
    await this.renderer.render(request, response, id, { notice, justSaved });
  }

  @Post(':id/informations')
  @PageRoles(...DOSSIER_EDITORS)
  async saveGeneral(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const { form, value, errors } = parseGeneralForm(body);
    await this.save(request, response, id, body, {
      state: { general: form },
      errors,
      write: (version) => this.applications.update(request.principal, id, value, version),
      issuesToErrors: generalIssuesToErrors,
      done: 'informations',
    });
  }

  @Post(':id/taches')
  @PageRoles(...DOSSIER_EDITORS)
  async saveTasks(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const { form, value, errors, rowOf } = parseTaskForm(body);
    await this.save(request, response, id, body, {
      state: { tasks: form },
      errors,
      write: (version) =>
        this.applications.update(request.principal, id, { tasks: value }, version),
      issuesToErrors: (issues) => rowIssuesToErrors(issues, rowOf, 'tache', TASK_FIELDS),
      done: 'taches',
    });
  }

  @Post(':id/indicateurs')
  @PageRoles(...DOSSIER_EDITORS)
  async saveIndicators(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const { form, value, errors, rowOf } = parseIndicatorForm(body);
    // A new target named like a catalogue indicator takes its key, so the funder's report counts
    // its activity (people and hours give the costs per person and per hour).
    const taken = new Set(value.map((v) => v.key));
    value.forEach((v, k) => {
      if (form[rowOf[k]].cle) return;
      const known = this.catalogue.indicators.find((i) => sameLabel(i.label, v.label));
      if (known && !taken.has(known.key)) {
        taken.delete(v.key);
        taken.add(known.key);
        v.key = known.key;
      }
    });
    await this.save(request, response, id, body, {
      state: { indicators: form },
      errors,
      write: (version) =>
        this.applications.update(request.principal, id, { indicators: value }, version),
      issuesToErrors: (issues) => rowIssuesToErrors(issues, rowOf, 'indicateur', INDICATOR_FIELDS),
      done: 'indicateurs',
    });
  }

  @Get(':id/export.xlsx')
  async exportXlsx(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
    @Query('scenario') scenario?: string,
  ): Promise<void> {
    await this.export(request, response, id, 'xlsx', scenario);
  }

  @Get(':id/export.csv')
  async exportCsv(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @PageId('id') id: string,
    @Query('scenario') scenario?: string,
  ): Promise<void> {
    await this.export(request, response, id, 'csv', scenario);
  }

  /**
   * The dossier's own cash plan over the window its page shows, so the file and the page agree
   * to the cent; the treasury service writes the file (formulas, French formats, BOM).
   */
  private async export(
    request: SignedInRequest,
    response: Response,
    id: string,
    format: 'xlsx' | 'csv',
    scenario: string | undefined,
  ): Promise<void> {
    const window = exportWindow(
      await this.applications.input(request.principal, id),
      this.rules,
      this.clock.today(),
    );
    const file = await this.treasury.exportApplication(
      request.principal,
      id,
      { ...window, scenario: scenario === 'stress' ? 'stress' : 'expected' },
      format,
    );
    sendDownload(response, file);
  }

  /**
   * One write from one form: errors found on reading it, or refused by the service, show the
   * page again with what was typed (400); a stale version says so and keeps the input (409).
   */
  private async save(
    request: SignedInRequest,
    response: Response,
    id: string,
    body: Record<string, unknown>,
    step: {
      state: DossierPageState;
      errors: FieldError[];
      write: (version: number) => Promise<unknown>;
      issuesToErrors: (issues: ValidationIssue[]) => FieldError[];
      done: string;
    },
  ): Promise<void> {
    const outcome = await writeFromForm(body, step.errors, step.write, step.issuesToErrors);
    if (outcome.kind === 'saved')
      return response.redirect(303, `/dossiers/${id}?fait=${step.done}#${step.done}`);
    if (outcome.kind === 'stale')
      return this.renderer.render(
        request,
        response,
        id,
        { ...step.state, message: STALE_MESSAGE },
        409,
      );
    await this.renderer.render(
      request,
      response,
      id,
      { ...step.state, errors: outcome.errors },
      400,
    );
  }

  private async statusNotice(request: SignedInRequest, id: string): Promise<string> {
    const app = await this.applications.findVisible(request.principal, id);
    const label = STATUS_LABELS[app.status as keyof typeof STATUS_LABELS] ?? app.status;
    return `Le dossier est passé à l’étape « ${label} ».`;
  }
}

function sameLabel(a: string, b: string): boolean {
  const plain = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[’']/g, "'")
      .toLowerCase()
      .trim();
  return plain(a) === plain(b);
}
