import { WARNING_SEVERITY_LABELS, WARNING_SEVERITY_ORDER } from '../warning-severity.constants';
import { frenchMonth } from '@app/common';
import type { Principal } from '@app/tenancy';
import {
  TreasuryService,
  TreasurySettingsService,
  type TreasuryMonth,
  type TreasuryProjection,
  type TreasuryScenario,
  type TreasurySettingsView,
  type TreasuryWarning,
} from '@app/treasury';
import { Injectable } from '@nestjs/common';
import {
  buildTreasuryChart,
  NARROW_CHART_LAYOUT,
  WIDE_CHART_LAYOUT,
  type TreasuryChart,
} from './treasury-chart.builder';
import { TreasuryPageQuery } from './treasury-page.query';

/** Horizons offered, in months; the service accepts 1 to 120. */
export const HORIZONS = [12, 24, 36, 60] as const;
export const DEFAULT_HORIZON = 24;
/** Enough to act on; the rest are counted, and each dossier shows its own. */
const MAX_WARNINGS_SHOWN = 30;

const WARNING_TITLES: Record<string, string> = {
  CASH_NEGATIVE: 'Trésorerie négative',
  CASH_BELOW_THRESHOLD: 'Trésorerie sous le seuil d’alerte',
  EU_PREFINANCING: 'Fonds européens à avancer',
  COFINANCING_GAP: 'Plan de financement incomplet',
  EU_RATE_ABOVE_MAX: 'Part européenne au-dessus du taux maximal',
  LEADER_COFINANCER_MISSING: 'Cofinanceur public manquant (LEADER)',
  SINGLE_FINAL_PAYMENT: 'Versement unique en fin d’opération',
  ADVANCE_REPAYMENT_RISK: 'Avance susceptible d’être reprise',
  EXPENSE_BEFORE_SUBMISSION: 'Dépense engagée avant le dépôt',
  STATE_PAYMENT_LATE: 'Paiement de l’État en retard',
  DEADLINE_SOON: 'Date limite proche',
  REPORT_DUE: 'Bilan à rendre',
  BRIDGE_TOO_SHORT: 'Relais de trésorerie trop court',
  CLAIM_UNMATCHED: 'Fonds européens en attente du cofinancement',
  DOUBLE_FUNDING: 'Financement compté deux fois',
};

/** A month of the projection without its movements (the page draws the curve, not the lines). */
type CurveMonth = Omit<TreasuryMonth, 'lines'>;
type CurveProjection = Omit<TreasuryProjection, 'months'> & { months: CurveMonth[] };

export interface TreasuryRow extends CurveMonth {
  label: string;
  stressClosingCents: number;
  negative: boolean;
  stressNegative: boolean;
  belowThreshold: boolean;
}

export interface WarningView {
  code: string;
  title: string;
  severity: string;
  severityLabel: string;
  message: string;
  month: string | null;
  amountCents: number | null;
  dossier: { href: string; title: string } | null;
}

export interface TreasuryOverview {
  settings: TreasurySettingsView;
  horizon: number;
  /** Nothing entered yet: no opening balance saved and no movement in the plan. */
  empty: boolean;
  firstMonth: string;
  lastMonth: string;
  rows: TreasuryRow[];
  charts: { wide: TreasuryChart; narrow: TreasuryChart };
  firstNegative: { expected: string | null; stress: string | null };
  peakNeed: {
    expected: { month: string | null; amountCents: number };
    stress: { month: string | null; amountCents: number };
  };
  warnings: WarningView[];
  hiddenWarnings: number;
}

/** Builds the « Trésorerie » page from the organisation's two scenarios. */
@Injectable()
export class TreasuryPageService {
  constructor(
    private readonly treasury: TreasuryService,
    private readonly settings: TreasurySettingsService,
    private readonly query: TreasuryPageQuery,
  ) {}

  async overview(principal: Principal, horizon: number): Promise<TreasuryOverview> {
    const [settings, expected, stress] = await Promise.all([
      this.settings.get(principal.organisationId),
      this.curve(principal, horizon, 'expected'),
      this.curve(principal, horizon, 'stress'),
    ]);
    const rows = tableRows(expected, stress, settings.minimumCashCents);
    const chartInput = {
      expected: expected.months,
      stress: stress.months,
      thresholdCents: settings.minimumCashCents,
    };
    const { shown, hidden } = await this.rankedWarnings(
      principal,
      expected.warnings,
      MAX_WARNINGS_SHOWN,
    );
    return {
      settings,
      horizon,
      empty: !settings.configured && isFlat(expected),
      firstMonth: rows[0]?.month ?? settings.openingMonth,
      lastMonth: rows[rows.length - 1]?.month ?? settings.openingMonth,
      rows,
      charts: {
        wide: buildTreasuryChart(chartInput, WIDE_CHART_LAYOUT),
        narrow: buildTreasuryChart(chartInput, NARROW_CHART_LAYOUT),
      },
      firstNegative: {
        expected: rows.find((r) => r.negative)?.month ?? null,
        stress: rows.find((r) => r.stressNegative)?.month ?? null,
      },
      peakNeed: { expected: expected.peakNeed, stress: stress.peakNeed },
      warnings: shown,
      hiddenWarnings: hidden,
    };
  }

  /**
   * The curve only, from the service's per-organisation cache (recomputed only when an
   * application or the settings change): a page view costs a few indexed reads.
   */
  private async curve(
    principal: Principal,
    months: number,
    scenario: TreasuryScenario,
  ): Promise<CurveProjection> {
    const serialised = await this.treasury.projectJson(principal, {
      months,
      scenario,
      lines: false,
    });
    return JSON.parse(serialised.json.toString('utf8')) as CurveProjection;
  }

  /**
   * The warnings people see (here and on the dashboard), most urgent first, each naming the
   * dossier it is about with a link to it. Titles are read for the shown ones only.
   */
  async rankedWarnings(
    principal: Principal,
    warnings: TreasuryWarning[],
    limit: number,
  ): Promise<{ shown: WarningView[]; hidden: number }> {
    const sorted = [...warnings].sort(
      (a, b) =>
        (WARNING_SEVERITY_ORDER[a.severity] ?? 3) - (WARNING_SEVERITY_ORDER[b.severity] ?? 3) ||
        (a.month ?? '9999').localeCompare(b.month ?? '9999'),
    );
    const shown = sorted.slice(0, limit);
    const ids = [...new Set(shown.map((w) => w.applicationId).filter((id): id is string => !!id))];
    const titles = await this.query.applicationTitles(principal.organisationId, ids);
    return {
      shown: shown.map((w) => warningView(w, titles)),
      hidden: sorted.length - shown.length,
    };
  }
}

function tableRows(
  expected: CurveProjection,
  stress: CurveProjection,
  thresholdCents: number,
): TreasuryRow[] {
  return expected.months.map((m, i) => {
    const stressClosingCents = stress.months[i]?.closingCents ?? m.closingCents;
    return {
      month: m.month,
      openingCents: m.openingCents,
      inflowsCents: m.inflowsCents,
      outflowsCents: m.outflowsCents,
      closingCents: m.closingCents,
      label: frenchMonth(m.month),
      stressClosingCents,
      negative: m.closingCents < 0,
      stressNegative: stressClosingCents < 0,
      belowThreshold: m.closingCents >= 0 && m.closingCents < thresholdCents,
    };
  });
}

function isFlat(projection: CurveProjection): boolean {
  return (
    projection.warnings.length === 0 &&
    projection.months.every((m) => m.inflowsCents === 0 && m.outflowsCents === 0)
  );
}

function warningView(warning: TreasuryWarning, titles: Map<string, string>): WarningView {
  const title = warning.applicationId ? titles.get(warning.applicationId) : undefined;
  return {
    code: warning.code,
    title: WARNING_TITLES[warning.code] ?? 'Alerte',
    severity: warning.severity,
    severityLabel: WARNING_SEVERITY_LABELS[warning.severity] ?? 'Alerte',
    message: warning.message,
    month: warning.month,
    amountCents: warning.amountCents,
    dossier:
      warning.applicationId && title !== undefined
        ? { href: `/dossiers/${warning.applicationId}`, title }
        : null,
  };
}
