import { Clock, daysBetween } from '@app/common';
import { TreasuryService } from '@app/treasury';
import { Get, Logger, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { WARNING_SEVERITY_LABELS, WARNING_SEVERITY_ORDER } from '../warning-severity.constants';
import { WebController } from '../web-page.decorator';
import { WebPageContextService } from '../web-page-context.service';
import type { SignedInRequest } from '../web-request.types';
import { WebViewService } from '../web-view.service';
import { DashboardQuery, DEADLINE_HORIZON_DAYS, NEW_CALLS_DAYS } from './dashboard.query';

const NOTICES: Record<string, string> = {
  bienvenue: 'Bienvenue sur Vigie : votre compte est prêt.',
  'mot-de-passe': 'Votre nouveau mot de passe est enregistré.',
};

interface WarningView {
  severity: string;
  label: string;
  message: string;
}

interface WarningSummary {
  shown: WarningView[];
  /** Warnings not listed here; the Trésorerie page has them all. */
  more: number;
}

/** A dashboard is a glance: the most urgent few, the rest one click away. */
const DASHBOARD_WARNINGS = 6;

/** « Tableau de bord »: deadlines within 14 days, new matches, treasury warnings. */
@WebController('tableau-de-bord')
export class DashboardPageController {
  private readonly logger = new Logger(DashboardPageController.name);

  constructor(
    private readonly dashboard: DashboardQuery,
    private readonly treasury: TreasuryService,
    private readonly context: WebPageContextService,
    private readonly views: WebViewService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async show(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Query('fait') done?: string,
  ): Promise<void> {
    const today = this.clock.today();
    const [layout, figures, warnings] = await Promise.all([
      this.context.layout(request, 'Tableau de bord', 'tableau-de-bord'),
      this.dashboard.figures(request.principal.organisationId, today),
      this.warnings(request),
    ]);
    this.views.send(response, 'dashboard', {
      ...layout,
      notice: NOTICES[done ?? ''] ?? null,
      figures,
      warnings,
      horizon: DEADLINE_HORIZON_DAYS,
      newDays: NEW_CALLS_DAYS,
      daysLeft: (date: string) => daysBetween(today, date),
    });
  }

  /** The most urgent treasury warnings when the organisation has a plan; none when it has not. */
  private async warnings(request: SignedInRequest): Promise<WarningSummary | null> {
    try {
      const projection = await this.treasury.project(request.principal, {});
      const ranked = projection.warnings
        .map((w, order) => ({ severity: w.severity, message: w.message, order }))
        .sort(
          (a, b) =>
            WARNING_SEVERITY_ORDER[a.severity] - WARNING_SEVERITY_ORDER[b.severity] ||
            a.order - b.order,
        );
      return {
        shown: ranked.slice(0, DASHBOARD_WARNINGS).map(({ severity, message }) => ({
          severity,
          label: WARNING_SEVERITY_LABELS[severity],
          message,
        })),
        more: Math.max(0, ranked.length - DASHBOARD_WARNINGS),
      };
    } catch (error) {
      this.logger.warn(`treasury warnings unavailable: ${(error as Error).message}`);
      return null;
    }
  }
}
