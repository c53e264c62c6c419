import type { ApplicationPlan } from './application-plan.builder';
import type { FundingRules } from './funding-rules.types';
import { formatEuros } from './money.util';
import { addDays, fromMonthIndex, toMonthIndex, type MonthIndex } from './month.util';
import { reimbursableThrough, type LineSchedule } from './payment-schedule.builder';
import type { TreasuryWarning } from './treasury-projection.types';
import type { IsoDate } from './treasury.types';
import { TreasuryWarningCode } from './treasury-warning-code.enum';

type Severity = TreasuryWarning['severity'];

function warning(
  code: TreasuryWarningCode,
  severity: Severity,
  plan: ApplicationPlan,
  fundingLineId: string | null,
  month: MonthIndex | null,
  amountCents: number | null,
  message: string,
): TreasuryWarning {
  return {
    code,
    severity,
    month: month === null ? null : fromMonthIndex(month),
    applicationId: plan.id,
    fundingLineId,
    amountCents,
    message,
  };
}

/** Warnings that follow from the computed payment schedules of a funded application. */
export function scheduleWarnings(
  plan: ApplicationPlan,
  schedules: LineSchedule[],
  rules: FundingRules,
): TreasuryWarning[] {
  const warnings: TreasuryWarning[] = [];
  for (const schedule of schedules) {
    if (schedule.line.rule.reimbursementBased) {
      pushIfAny(warnings, prefinancingWarning(plan, schedule));
      pushIfAny(warnings, singleFinalPaymentWarning(plan, schedule, rules));
      pushIfAny(warnings, repaymentWarning(plan, schedule));
    }
  }
  pushIfAny(warnings, bridgeWarnings(plan, schedules));
  return warnings;
}

function pushIfAny(
  into: TreasuryWarning[],
  found: TreasuryWarning | TreasuryWarning[] | null,
): void {
  if (found === null) return;
  if (Array.isArray(found)) into.push(...found);
  else into.push(found);
}

/**
 * What the structure carries for an EU fund: rate × eligible spending so far minus what the fund
 * has paid so far (rule 1), month by month until its last payment.
 */
function prefinancingWarning(
  plan: ApplicationPlan,
  schedule: LineSchedule,
): TreasuryWarning | null {
  if (schedule.lastMonthIndex === null) return null;
  const amount = schedule.line.input.amountCents;
  let received = 0;
  let next = 0;
  let peak = 0;
  let peakMonth = plan.startIndex;
  let carriedMonths = 0;
  let firstMonth: MonthIndex | null = null;
  let lastMonth = plan.startIndex;
  for (let m = plan.startIndex; m <= schedule.lastMonthIndex; m++) {
    while (next < schedule.payments.length && schedule.payments[next].monthIndex === m)
      received += schedule.payments[next++].amountCents;
    const carried = reimbursableThrough(plan, amount, m) - received;
    if (carried <= 0) continue;
    carriedMonths++;
    firstMonth ??= m;
    lastMonth = m;
    if (carried > peak) {
      peak = carried;
      peakMonth = m;
    }
  }
  if (peak === 0) return null;
  const line = schedule.line;
  return warning(
    TreasuryWarningCode.EU_PREFINANCING,
    'warning',
    plan,
    line.key,
    peakMonth,
    peak,
    `${line.rule.label} (${line.input.funder}) : la structure avance jusqu’à ${formatEuros(peak)} de dépenses non encore remboursées, pendant ${carriedMonths} mois entre ${fromMonthIndex(firstMonth as number)} et ${fromMonthIndex(lastMonth)} ; demandez l’avance prévue dès la signature et, si la trésorerie ne suffit pas, un relais de subvention (Dailly) ou une garantie France Active.`,
  );
}

/** Rule 2: most of the EU share arrives only after the operation ends. */
function singleFinalPaymentWarning(
  plan: ApplicationPlan,
  schedule: LineSchedule,
  rules: FundingRules,
): TreasuryWarning | null {
  if (schedule.dueCents <= 0) return null;
  const afterEnd = schedule.payments.filter(
    (p) => p.monthIndex > plan.endIndex && p.amountCents > 0,
  );
  const afterEndCents = afterEnd.reduce((total, p) => total + p.amountCents, 0);
  const threshold = rules.warnings.singleFinalPaymentSharePct.value;
  if (afterEndCents * 100 < threshold * schedule.dueCents) return null;
  const line = schedule.line;
  const pct = Math.round((afterEndCents * 100) / schedule.dueCents);
  return warning(
    TreasuryWarningCode.SINGLE_FINAL_PAYMENT,
    'warning',
    plan,
    line.key,
    afterEnd[afterEnd.length - 1].monthIndex,
    afterEndCents,
    `${line.rule.label} (${line.input.funder}) : ${pct} % de la somme due (${formatEuros(afterEndCents)}) n’arrive qu’après la fin de l’opération, au plus tôt en ${fromMonthIndex(afterEnd[afterEnd.length - 1].monthIndex)} ; demandez l’avance ou un bilan intermédiaire, sinon prévoyez un financement relais pour cette durée.`,
  );
}

/** Rule 4: under-spending (or the stress scenario's control haircut) makes the advance exceed what is due. */
function repaymentWarning(plan: ApplicationPlan, schedule: LineSchedule): TreasuryWarning | null {
  if (schedule.repaymentCents === 0) return null;
  const line = schedule.line;
  return warning(
    TreasuryWarningCode.ADVANCE_REPAYMENT_RISK,
    'critical',
    plan,
    line.key,
    schedule.lastMonthIndex,
    schedule.repaymentCents,
    `${line.rule.label} (${line.input.funder}) : les dépenses justifiables ne couvrent pas l’avance reçue, ${formatEuros(schedule.repaymentCents)} seraient à reverser ; gardez cette somme en réserve ou réajustez le budget avec le financeur avant le bilan final.`,
  );
}

/** Rule 11: a bridge loan repaid before the grant it pre-finances has arrived. */
function bridgeWarnings(plan: ApplicationPlan, schedules: LineSchedule[]): TreasuryWarning[] {
  if (!plan.lines.some((l) => l.rule.isLoan)) return [];
  const lastGrantMonth = Math.max(
    -Infinity,
    ...schedules
      .filter((s) => !s.line.rule.isLoan)
      .flatMap((s) => s.payments.filter((p) => p.amountCents > 0).map((p) => p.monthIndex)),
  );
  return schedules
    .filter(
      (s) => s.line.rule.isLoan && s.lastMonthIndex !== null && s.lastMonthIndex < lastGrantMonth,
    )
    .map((s) =>
      warning(
        TreasuryWarningCode.BRIDGE_TOO_SHORT,
        'critical',
        plan,
        s.line.key,
        s.lastMonthIndex,
        s.line.input.amountCents,
        `Le prêt relais ${s.line.input.funder} (${formatEuros(s.line.input.amountCents)}) est à rembourser en ${fromMonthIndex(s.lastMonthIndex as number)}, ${lastGrantMonth - (s.lastMonthIndex as number)} mois avant le dernier versement attendu (${fromMonthIndex(lastGrantMonth)}) ; négociez une durée plus longue, une garantie France Active ou un fonds de trésorerie (les agios ne sont pas éligibles).`,
      ),
    );
}

/** Warnings that need no schedule: the incentive rule, the State's legal delay, deadlines and reports. */
export interface CalendarContext {
  rules: FundingRules;
  asOf: IsoDate;
  /** Last day a submission deadline counts as "soon". */
  deadlineHorizon: IsoDate;
  /** Last day a report counts as due. */
  reportHorizon: IsoDate;
  yearAgo: IsoDate;
}

/** Computed once per projection: date arithmetic is the costly part of these checks. */
export function calendarContext(rules: FundingRules, asOf: IsoDate): CalendarContext {
  return {
    rules,
    asOf,
    deadlineHorizon: addDays(asOf, rules.warnings.deadlineSoonDays.value),
    reportHorizon: addDays(asOf, rules.warnings.reportDueDays.value),
    yearAgo: addDays(asOf, -365),
  };
}

export function calendarWarnings(
  plan: ApplicationPlan,
  ctx: CalendarContext,
  funded: boolean,
): TreasuryWarning[] {
  const warnings: TreasuryWarning[] = [];
  pushIfAny(warnings, expenseBeforeSubmission(plan));
  pushIfAny(warnings, statePaymentLate(plan, ctx.rules, ctx.asOf));
  pushIfAny(warnings, deadlineSoon(plan, ctx));
  pushIfAny(warnings, reportsDue(plan, ctx, funded));
  return warnings;
}

/** Rules 6–7: spending committed before the filing receipt is ineligible, whoever funds it. */
function expenseBeforeSubmission(plan: ApplicationPlan): TreasuryWarning | null {
  const early = plan.expenses.filter((e) => e.beforeSubmission);
  if (early.length === 0) return null;
  const cents = early.reduce((total, e) => total + e.amountCents, 0);
  const hasEu = plan.lines.some((l) => l.rule.euFund);
  return warning(
    TreasuryWarningCode.EXPENSE_BEFORE_SUBMISSION,
    hasEu ? 'critical' : 'warning',
    plan,
    null,
    early[0].monthIndex,
    cents,
    `${formatEuros(cents)} de dépenses sont engagées avant l’accusé de réception du dossier (${plan.input.submittedAt}) et ne sont pas éligibles : ne signez ni devis ni commande avant le dépôt, ou retirez-les du budget présenté.`,
  );
}

/** Rule 9: a State grant is legally due 60 days after notification (loi 2021-875). */
function statePaymentLate(
  plan: ApplicationPlan,
  rules: FundingRules,
  asOf: IsoDate,
): TreasuryWarning[] {
  const notifiedAt = plan.input.notifiedAt;
  if (!notifiedAt) return [];
  const legalDays = rules.warnings.statePaymentLegalDays.value;
  const dueDate = addDays(notifiedAt, legalDays);
  return plan.lines
    .filter((l) => l.input.kind === 'STATE' && l.input.status !== 'received')
    .filter(
      (l) => asOf > dueDate || firstPaymentAfter(l.input.schedule?.payments, toMonthIndex(dueDate)),
    )
    .map((l) =>
      warning(
        TreasuryWarningCode.STATE_PAYMENT_LATE,
        'warning',
        plan,
        l.key,
        toMonthIndex(dueDate),
        l.input.amountCents,
        `La subvention de l’État (${l.input.funder}) notifiée le ${notifiedAt} devait être versée sous ${legalDays} jours, soit avant le ${dueDate} : relancez le service gestionnaire en citant ce délai légal, tout en prévoyant un versement à 3–6 mois.`,
      ),
    );
}

/** True when the client's own payment dates all fall after the legal due month. */
function firstPaymentAfter(
  payments: { month: string }[] | undefined,
  dueMonth: MonthIndex,
): boolean {
  if (!payments || payments.length === 0) return false;
  return Math.min(...payments.map((p) => toMonthIndex(p.month))) > dueMonth;
}

function deadlineSoon(plan: ApplicationPlan, ctx: CalendarContext): TreasuryWarning | null {
  const deadline = plan.input.submissionDeadline;
  if (!deadline || (plan.input.status !== 'idea' && plan.input.status !== 'preparing')) return null;
  if (deadline < ctx.asOf || deadline > ctx.deadlineHorizon) return null;
  return warning(
    TreasuryWarningCode.DEADLINE_SOON,
    'warning',
    plan,
    null,
    toMonthIndex(deadline),
    null,
    `Le dossier « ${plan.input.title} » doit être déposé au plus tard le ${deadline} : rassemblez dès maintenant les pièces (budget, plan de financement, statuts, RIB) et déposez quelques jours avant l’échéance.`,
  );
}

/** Rule 1 and 10: interim and final reports; FSE+ always needs its final bilan within 6 months of the end. */
function reportsDue(
  plan: ApplicationPlan,
  ctx: CalendarContext,
  funded: boolean,
): TreasuryWarning[] {
  const { asOf, reportHorizon: horizon } = ctx;
  const tasks = (plan.input.tasks ?? []).filter((t) => !t.done && t.kind !== 'other');
  const due = tasks
    .filter((t) => t.dueDate <= horizon)
    .map((t) => ({ label: t.label, dueDate: t.dueDate, kind: t.kind }));
  const fse = plan.lines.find((l) => l.input.kind === 'FSE_PLUS');
  const delay = fse?.rule.finalReportDelayMonths?.value;
  if (funded && fse && delay !== undefined && !tasks.some((t) => t.kind === 'final_report')) {
    const dueDate = lastDayOfMonth(plan.endIndex + delay);
    // Only a bilan due within the horizon and at most a year late is still worth a reminder.
    if (dueDate <= horizon && dueDate >= ctx.yearAgo)
      due.push({ label: 'Bilan final FSE+', dueDate, kind: 'final_report' });
  }
  return due.map((t) => {
    const late = t.dueDate < asOf;
    const what = t.kind === 'submission' ? 'dépôt' : 'rapport';
    return warning(
      TreasuryWarningCode.REPORT_DUE,
      late ? 'critical' : 'warning',
      plan,
      null,
      toMonthIndex(t.dueDate),
      null,
      `« ${t.label} » (${plan.input.title}) ${late ? 'était attendu le' : 'est attendu pour le'} ${t.dueDate} : ${late ? `contactez le financeur pour convenir d’un nouveau délai de ${what}, ` : ''}le paiement suivant en dépend, préparez les justificatifs de dépenses et les indicateurs d’activité.`,
    );
  });
}

function lastDayOfMonth(index: MonthIndex): IsoDate {
  const month = (index % 12) + 1;
  const year = Math.floor(index / 12);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${fromMonthIndex(index)}-${days}`;
}
