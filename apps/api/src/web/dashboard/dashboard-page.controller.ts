import { Clock, daysBetween } from '@app/common';
import { TreasuryService } from '@app/treasury';
import { Get, Logger, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { WebController } from '../web-page.decorator';
import { WebPageContextService } from '../web-page-context.service';
import type { SignedInRequest } from '../web-request.types';
import { TreasuryPageService, WarningView } from '../treasury/treasury-page.service';
import { WebViewService } from '../web-view.service';
import type { CallRowView } from '../call/call-page.types';
import {
  DashboardFigures,
  DashboardQuery,
  DEADLINE_HORIZON_DAYS,
  DossierDeadline,
  NEW_CALLS_DAYS,
} from './dashboard.query';

const NOTICES: Record<string, string> = {
  bienvenue: 'Bienvenue sur Vigie : votre compte est prêt.',
  'mot-de-passe': 'Votre nouveau mot de passe est enregistré.',
};

/** One line of « À faire dans les 14 jours »: a dossier's deadline or a relevant call's. */
export interface AgendaItem {
  date: string;
  /** Days from today; negative when late. */
  daysLeft: number;
  what: string;
  title: string;
  href: string;
  /** The call's row (amount, relevance) when the line is a call's deadline. */
  call: CallRowView | null;
}

interface WarningSummary {
  shown: WarningView[];
  /** Warnings not listed here; the Trésorerie page has them all. */
  more: number;
}

const TASK_WORDS: Record<DossierDeadline['kind'], string> = {
  submission: 'Dépôt du dossier',
  interim_report: 'Bilan intermédiaire',
  final_report: 'Bilan final',
  other: 'Tâche',
};

/** A dashboard is a glance: the most urgent few, the rest one click away. */
const DASHBOARD_WARNINGS = 6;

/** « Tableau de bord »: deadlines within 14 days, new matches, treasury warnings. */
@WebController('tableau-de-bord')
export class DashboardPageController {
  private readonly logger = new Logger(DashboardPageController.name);

  constructor(
    private readonly dashboard: DashboardQuery,
    private readonly treasury: TreasuryService,
    private readonly treasuryPage: TreasuryPageService,
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
      agenda: agenda(figures, today),
      warnings,
      horizon: DEADLINE_HORIZON_DAYS,
      newDays: NEW_CALLS_DAYS,
    });
  }

  /** The most urgent treasury warnings when the organisation has a plan; none when it has not. */
  private async warnings(request: SignedInRequest): Promise<WarningSummary | null> {
    try {
      const projection = await this.treasury.project(request.principal, {});
      const { shown, hidden } = await this.treasuryPage.rankedWarnings(
        request.principal,
        projection.warnings,
        DASHBOARD_WARNINGS,
      );
      return { shown, more: hidden };
    } catch (error) {
      this.logger.warn(`treasury warnings unavailable: ${(error as Error).message}`);
      return null;
    }
  }
}

/**
 * What is due soonest comes first, whatever it is: a dossier to file in 10 days is as urgent as a
 * call closing then (and on the same day, the dossier already under way comes first).
 */
function agenda(figures: DashboardFigures, today: string): AgendaItem[] {
  const dossiers: AgendaItem[] = figures.dossierDeadlines.map((d) => ({
    date: d.date,
    daysLeft: daysBetween(today, d.date),
    what: d.label ? `${TASK_WORDS[d.kind]} : ${d.label}` : TASK_WORDS[d.kind],
    title: d.title,
    href: `/dossiers/${d.applicationId}`,
    call: null,
  }));
  const calls: AgendaItem[] = figures.upcoming.map((c) => ({
    date: c.nextDeadline as string,
    daysLeft: daysBetween(today, c.nextDeadline as string),
    what: 'Date limite de l’appel',
    title: c.title,
    href: `/appels/${c.id}`,
    call: c,
  }));
  return [...dossiers, ...calls].sort(
    (a, b) => a.date.localeCompare(b.date) || Number(a.call !== null) - Number(b.call !== null),
  );
}
