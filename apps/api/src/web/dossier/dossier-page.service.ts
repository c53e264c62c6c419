import { Clock } from '@app/common';
import type { Principal } from '@app/tenancy';
import {
  APPLICATION_TRANSITIONS,
  ApplicationService,
  checkFundingPlan,
  FUNDING_KINDS,
  FUNDING_RULES,
  lineTitle,
  TreasuryService,
  TreasurySettingsService,
  type ApplicationInput,
  type ApplicationStatus,
  type FundingLineStatus,
  type FundingRules,
  type TreasuryProjection,
  type TreasuryWarning,
} from '@app/treasury';
import { Inject, Injectable } from '@nestjs/common';
import { WARNING_SEVERITY_LABELS } from '../warning-severity.constants';
import { LINE_STATUS_LABELS, STATUS_LABELS } from './dossier-label.constants';
import { cashSeries, cashWarnings, combine } from './dossier-structure-cash.util';
import type { StoredDossierRow } from './dossier-list.query';
import type {
  DossierCard,
  DossierDetail,
  DossierRow,
  KindOption,
  LineRow,
  Option,
  ScheduleGroup,
  WarningView,
} from './dossier-page.types';
import {
  alertCount,
  dossierWindow,
  ifGrantedWarnings,
  isFundedYet,
  monthIndex,
  monthOf,
  nextPayment,
  paymentRows,
  ownWarnings,
  PLAN_CHECK_CODES,
  projectAsItIs,
  projectDossier,
  toApplicationInput,
  trimmedWindow,
  type DossierWindow,
  type PaymentRow,
  type StoredDossier,
} from './dossier-projection.util';

/** The structure's cash is shown at least two years ahead, like the treasury page. */
const STRUCTURE_MIN_MONTHS = 24;
const STRUCTURE_MAX_MONTHS = 120;

/** What the dossier pages show, computed with the treasury library from stored dossiers. */
@Injectable()
export class DossierPageService {
  readonly kindOptions: KindOption[];

  constructor(
    private readonly applications: ApplicationService,
    private readonly settings: TreasurySettingsService,
    private readonly treasury: TreasuryService,
    @Inject(FUNDING_RULES) private readonly rules: FundingRules,
    private readonly clock: Clock,
  ) {
    this.kindOptions = FUNDING_KINDS.map((kind) => ({
      value: kind,
      label: rules.kinds[kind].label,
      advancePct: rules.kinds[kind].expected.advancePct.value,
    }));
  }

  /** Statuses the dossier may move to; impossible moves are never offered. */
  transitionsOf(status: string): Option[] {
    return (APPLICATION_TRANSITIONS[status as ApplicationStatus] ?? []).map((to) => ({
      value: to,
      label: STATUS_LABELS[to],
    }));
  }

  statusLabel(status: string): string {
    return STATUS_LABELS[status as ApplicationStatus] ?? status;
  }

  async detail(principal: Principal, id: string): Promise<DossierDetail> {
    const view = await this.applications.get(principal, id);
    const input = toApplicationInput(view);
    const funded = isFundedYet(view.status);
    const window = dossierWindow(input, this.clock.today());
    const expected = projectDossier(input, this.rules, 'expected', window);
    const stress = projectDossier(input, this.rules, 'stress', window);
    const own = ownWarnings(funded ? expected : projectAsItIs(input, this.rules, window), input);
    const plan = checkFundingPlan(input, this.rules);
    const titles = new Map(view.fundingLines.map((l) => [l.id, this.lineTitle(l)]));
    return {
      dossier: { ...view, history: view.history ?? [] },
      statusLabel: this.statusLabel(view.status),
      transitions: this.transitionsOf(view.status),
      lines: view.fundingLines.map((line) => this.lineRow(line)),
      plan,
      planIssues: plan.issues.map(warningView),
      euShares: plan.euShares.map((share) => ({
        label: this.rules.kinds[share.kind].label,
        ratePct: share.ratePct,
        maxRatePct: share.maxRatePct,
        above: share.maxRatePct !== null && share.ratePct > share.maxRatePct,
      })),
      schedule: {
        expected: scheduleGroups(paymentRows(expected, id), titles),
        stress: scheduleGroups(paymentRows(stress, id), titles),
      },
      spending: spending(expected, id),
      ownPeak: expected.peakNeed,
      fundedYet: funded,
      warnings: own.filter((w) => !PLAN_CHECK_CODES.has(w.code)).map(warningView),
      ifGranted: ifGrantedWarnings(expected, input).map(warningView),
      alertCount: alertCount(own),
      structure: await this.structureCash(principal, input, window),
      window: windowView(trimmedWindow(input, window, [expected, stress])),
    };
  }

  /** List rows: one projection of one dossier each (its own warnings, its next payment), no query per row. */
  rows(dossiers: StoredDossierRow[]): DossierRow[] {
    const today = this.clock.today();
    return dossiers.map((dossier) => {
      const input = toApplicationInput(dossier);
      const asItIs = projectAsItIs(input, this.rules, dossierWindow(input, today));
      const payment = isFundedYet(dossier.status)
        ? nextPayment(paymentRows(asItIs, dossier.id), today.slice(0, 7))
        : null;
      return {
        ...this.card(dossier),
        nextDeadline: nextDeadline(input, today),
        nextPayment: payment ? { month: payment.month, amountCents: payment.amountCents } : null,
        alertCount: alertCount(ownWarnings(asItIs, input)),
      };
    });
  }

  /** A board card: what the stored dossier says, nothing computed (a board holds many). */
  card(dossier: StoredDossierRow): DossierCard {
    const money = dossier.fundingLines.filter(
      (l) => l.kind !== 'SELF_FUNDING' && !this.rules.kinds[l.kind as 'OTHER']?.isLoan,
    );
    return {
      id: dossier.id,
      title: dossier.title,
      status: dossier.status,
      statusLabel: this.statusLabel(dossier.status),
      funders: [...new Set(money.map((l) => l.funder))],
      requestedCents: money.reduce((sum, l) => sum + l.amountCents, 0),
      version: dossier.version,
      transitions: this.transitionsOf(dossier.status),
    };
  }

  /**
   * The structure's cash with this dossier counted (as if granted when it is not yet), from the
   * treasury settings its accountant entered, and whether it was already short without it. The
   * structure's own plan comes from the treasury service's cache; this dossier's plan is added to
   * it (or taken from it, when it is already counted), as cash plans add up.
   */
  private async structureCash(
    principal: Principal,
    dossier: ApplicationInput,
    window: DossierWindow,
  ): Promise<DossierDetail['structure']> {
    const settings = await this.settings.get(principal.organisationId);
    const current = this.clock.month();
    const from =
      settings.configured && settings.openingMonth > current ? settings.openingMonth : current;
    const lastIndex = monthIndex(window.from) + window.months - 1;
    const months = Math.min(
      STRUCTURE_MAX_MONTHS,
      Math.max(STRUCTURE_MIN_MONTHS, lastIndex - monthIndex(from) + 1),
    );
    const serialised = await this.treasury.projectJson(principal, { from, months, lines: false });
    const structure = cashSeries(
      JSON.parse(serialised.json.toString('utf8')) as TreasuryProjection,
    );
    // From the structure's opening month, so that its movements before `from` roll into the opening.
    const own = cashSeries(
      projectDossier(
        dossier,
        this.rules,
        'expected',
        { from, months, asOf: window.asOf },
        settings.configured ? settings.openingMonth : from,
      ),
    );
    const counted = isFundedYet(dossier.status);
    const withIt = counted ? structure : combine(structure, own, 1);
    const without = counted ? combine(structure, own, -1) : structure;
    const withCash = cashWarnings(withIt, settings.minimumCashCents, this.rules, window.asOf);
    return {
      configured: settings.configured,
      warnings: withCash.warnings.map(warningView),
      alreadyShort:
        cashWarnings(without, settings.minimumCashCents, this.rules, window.asOf).warnings.length >
        0,
      peakNeed: withCash.peakNeed,
    };
  }

  private lineRow(line: StoredDossier['fundingLines'][number]): LineRow {
    return {
      id: line.id,
      kind: line.kind,
      kindLabel: this.rules.kinds[line.kind as 'OTHER']?.label ?? line.kind,
      funder: line.funder,
      amountCents: line.amountCents,
      statusLabel: LINE_STATUS_LABELS[line.status as FundingLineStatus] ?? line.status,
      signedAt: line.signedAt,
      paymentRule: this.paymentRule(line),
    };
  }

  private paymentRule(line: StoredDossier['fundingLines'][number]): string {
    const rule = this.rules.kinds[line.kind as 'OTHER'];
    if (!rule || rule.cashMovement === false) return 'Sans mouvement de trésorerie';
    if (line.schedule?.payments?.length) return 'Versements saisis';
    const advance =
      line.schedule?.advancePct !== undefined
        ? `Avance de ${frenchNumber(line.schedule.advancePct)} % (saisie)`
        : rule.expected.advancePct.value > 0
          ? `Avance de ${frenchNumber(rule.expected.advancePct.value)} % (règle du fonds)`
          : 'Sans avance';
    // Claims replace the fund's periodic ones: say how many, and whose delay applies.
    const claims = line.claims?.length ?? 0;
    if (claims === 0) return advance;
    const delay = line.schedule?.claimDelayMonths;
    return `${advance}, ${claims} demande${claims > 1 ? 's' : ''} de paiement (délai ${delay === undefined ? 'du fonds' : `de ${delay} mois, convention`})`;
  }

  /** « FSE+ – Département du Puy-de-Dôme »; a funder already named after its fund keeps its own name. */
  private lineTitle(line: StoredDossier['fundingLines'][number]): string {
    return lineTitle(this.rules.kinds[line.kind as 'OTHER']?.label ?? line.kind, line.funder);
  }
}

function warningView(warning: TreasuryWarning): WarningView {
  return {
    severity: warning.severity,
    severityLabel: WARNING_SEVERITY_LABELS[warning.severity],
    message: warning.message,
  };
}

function scheduleGroups(rows: PaymentRow[], titles: Map<string, string>): ScheduleGroup[] {
  const groups = new Map<string, ScheduleGroup>();
  for (const [lineId, title] of titles)
    groups.set(lineId, { lineId, title, rows: [], totalCents: 0 });
  for (const row of rows) {
    const group = groups.get(row.lineId);
    if (!group) continue;
    // The library names a payment « Avance FSE+ – Département »; the row heading already says whose.
    const label = row.label.endsWith(` ${group.title}`)
      ? row.label.slice(0, -group.title.length - 1)
      : row.label;
    group.rows.push({ month: row.month, label, amountCents: row.amountCents });
    group.totalCents += row.amountCents;
  }
  return [...groups.values()].filter((g) => g.rows.length > 0);
}

function spending(projection: TreasuryProjection, id: string): DossierDetail['spending'] {
  let totalCents = 0;
  let firstMonth: string | null = null;
  let lastMonth: string | null = null;
  for (const month of projection.months) {
    for (const movement of month.lines) {
      if (movement.applicationId !== id || movement.fundingLineId !== null) continue;
      totalCents += movement.amountCents;
      firstMonth ??= month.month;
      lastMonth = month.month;
    }
  }
  return { totalCents, firstMonth, lastMonth };
}

/** The earliest thing still to do: the filing deadline while preparing, or an open task. */
function nextDeadline(app: ApplicationInput, today: string): DossierRow['nextDeadline'] {
  const candidates: { date: string; label: string }[] = (app.tasks ?? [])
    .filter((t) => !t.done)
    .map((t) => ({ date: t.dueDate, label: t.label }));
  if (app.submissionDeadline && (app.status === 'idea' || app.status === 'preparing'))
    candidates.push({ date: app.submissionDeadline, label: 'Dépôt du dossier' });
  const first = candidates.sort((a, b) => a.date.localeCompare(b.date))[0];
  return first ? { ...first, late: first.date < today } : null;
}

function windowView(window: DossierWindow): DossierDetail['window'] {
  return { ...window, to: monthOf(monthIndex(window.from) + window.months - 1) };
}

function frenchNumber(value: number): string {
  return String(value).replace('.', ',');
}
