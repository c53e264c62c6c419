import { frenchMonth } from '@app/common';
import type { MemberRole } from '@app/persistence';
import {
  TreasuryException,
  TreasuryExceptionCode,
  TreasuryService,
  TreasurySettingsService,
  type TreasuryFile,
  type TreasurySettingsView,
  type ValidationIssue,
} from '@app/treasury';
import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { frenchAmount } from '../french-format.util';
import { formText } from '../form-value.util';
import { PageRoles, WebController } from '../web-page.decorator';
import { WebPageContextService } from '../web-page-context.service';
import type { SignedInRequest } from '../web-request.types';
import { WebViewService } from '../web-view.service';
import type { FieldError } from '../web-view.types';
import { DEFAULT_HORIZON, HORIZONS, TreasuryPageService } from './treasury-page.service';
import {
  flowFieldId,
  issuesToFieldErrors,
  MAX_FLOW_ROWS,
  parseSettingsForm,
  settingsToForm,
  withBlankRow,
  type TreasurySettingsForm,
} from './treasury-settings-form.util';

/** As the API: owners and accountants change the treasury settings; everyone reads. */
const SETTINGS_EDITORS: MemberRole[] = ['owner', 'accountant'];

const NOTICES: Record<string, string> = {
  reglages: 'Réglages de trésorerie enregistrés : la courbe en tient compte.',
};

/** The id the error summary links to when the settings changed under the user's feet. */
const CONFLICT_FIELD = 'conflit';

/** « Trésorerie »: the monthly cash curve, its table, warnings, settings and exports. */
@WebController('tresorerie')
export class TreasuryPageController {
  constructor(
    private readonly pages: TreasuryPageService,
    private readonly treasury: TreasuryService,
    private readonly settings: TreasurySettingsService,
    private readonly context: WebPageContextService,
    private readonly views: WebViewService,
  ) {}

  @Get()
  async show(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Query('horizon') horizon?: string,
    @Query('fait') done?: string,
  ): Promise<void> {
    const months = horizonOf(horizon);
    const [layout, overview] = await Promise.all([
      this.context.layout(request, 'Trésorerie', 'tresorerie'),
      this.pages.overview(request.principal, months),
    ]);
    this.views.send(response, 'treasury', {
      ...layout,
      notice: NOTICES[done ?? ''] ?? null,
      overview,
      horizons: HORIZONS,
      canEdit: SETTINGS_EDITORS.includes(request.principal.role),
      month: frenchMonth,
    });
  }

  @Get('reglages')
  @PageRoles(...SETTINGS_EDITORS)
  async settingsForm(@Req() request: SignedInRequest, @Res() response: Response): Promise<void> {
    const stored = await this.settings.get(request.principal.organisationId);
    await this.renderSettings(request, response, settingsToForm(stored), stored, [], 200);
  }

  @Post('reglages')
  @PageRoles(...SETTINGS_EDITORS)
  async saveSettings(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const parsed = parseSettingsForm(body);
    const stored = await this.settings.get(request.principal.organisationId);
    if (formText(body, 'action', 20) === 'ajouter-ligne') {
      return this.renderSettings(request, response, withBlankRow(parsed.form), stored, [], 200);
    }
    if (!parsed.settings) {
      return this.renderSettings(request, response, parsed.form, stored, parsed.errors, 400);
    }
    try {
      await this.settings.put(request.principal, parsed.settings, parsed.version);
      return response.redirect(303, '/tresorerie?fait=reglages');
    } catch (error) {
      if (!(error instanceof TreasuryException)) throw error;
      if (error.code === TreasuryExceptionCode.STALE_VERSION) {
        const current = await this.settings.get(request.principal.organisationId);
        const errors = [{ field: CONFLICT_FIELD, message: conflictMessage(current) }];
        // The user's values stay on screen; saving again now replaces the newer settings knowingly.
        const form = { ...parsed.form, version: String(current.version) };
        return this.renderSettings(request, response, form, current, errors, 409);
      }
      if (error.code !== TreasuryExceptionCode.INVALID_INPUT) throw error;
      const issues = (error.details?.issues ?? []) as ValidationIssue[];
      const errors = issuesToFieldErrors(issues, parsed.rowOfFlow);
      return this.renderSettings(request, response, parsed.form, stored, errors, 400);
    }
  }

  @Get('export.xlsx')
  async exportXlsx(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Query('horizon') horizon?: string,
    @Query('scenario') scenario?: string,
  ): Promise<void> {
    await this.sendExport(request, response, 'xlsx', horizon, scenario);
  }

  @Get('export.csv')
  async exportCsv(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Query('horizon') horizon?: string,
    @Query('scenario') scenario?: string,
  ): Promise<void> {
    await this.sendExport(request, response, 'csv', horizon, scenario);
  }

  private async sendExport(
    request: SignedInRequest,
    response: Response,
    format: 'xlsx' | 'csv',
    horizon: string | undefined,
    scenario: string | undefined,
  ): Promise<void> {
    const file = await this.treasury.exportStructure(
      request.principal,
      { months: horizonOf(horizon), scenario: scenario === 'degrade' ? 'stress' : 'expected' },
      format,
    );
    sendFile(response, file, scenario === 'degrade' ? 'scenario-degrade' : null);
  }

  private async renderSettings(
    request: SignedInRequest,
    response: Response,
    form: TreasurySettingsForm,
    stored: TreasurySettingsView,
    errors: FieldError[],
    status: number,
  ): Promise<void> {
    const layout = await this.context.layout(request, 'Réglages de trésorerie', 'tresorerie');
    this.views.send(
      response,
      'treasury-settings',
      {
        ...layout,
        errors,
        form,
        stored,
        conflict: errors.find((e) => e.field === CONFLICT_FIELD) ?? null,
        flowId: flowFieldId,
        canAddRow: form.flux.length < MAX_FLOW_ROWS,
      },
      status,
    );
  }
}

/** One of the offered horizons; anything else (a hand-edited address) gets the default. */
function horizonOf(value: string | undefined): number {
  const months = Number(value);
  return (HORIZONS as readonly number[]).includes(months) ? months : DEFAULT_HORIZON;
}

/** A download, never kept by a shared computer's browser cache. */
function sendFile(response: Response, file: TreasuryFile, suffix: string | null): void {
  const filename = suffix ? file.filename.replace(/(\.\w+)$/, `-${suffix}$1`) : file.filename;
  response
    .status(200)
    .type(file.contentType)
    .setHeader('Cache-Control', 'no-store')
    .setHeader(
      'Content-Disposition',
      `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    )
    .send(file.body);
}

function conflictMessage(current: TreasurySettingsView): string {
  const flows = current.recurring.length;
  return (
    'Quelqu’un a enregistré d’autres réglages pendant votre saisie ' +
    `(solde de ${frenchAmount(current.openingBalanceCents)} en ${frenchMonth(current.openingMonth)}, ` +
    `seuil de ${frenchAmount(current.minimumCashCents)}, ${flows} flux récurrent${flows > 1 ? 's' : ''}). ` +
    'Vos valeurs sont conservées ci-dessous : vérifiez-les, puis enregistrez de nouveau pour les garder.'
  );
}
