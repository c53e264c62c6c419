import {
  eligibleThrough,
  type ApplicationPlan,
  type PlannedLine,
} from './application-plan.builder';
import type { ScenarioPaymentRule } from './funding-rules.types';
import { mulDivFloor, percentOf } from './money.util';
import { toMonthIndex, type MonthIndex } from './month.util';
import type { TreasuryScenario } from './treasury.types';

export type PaymentLabel =
  | 'Avance'
  | 'Acompte'
  | 'Solde'
  | 'Versement'
  | 'Reversement du trop-perçu'
  | 'Prêt relais'
  | 'Remboursement du prêt relais';

/** A cash movement of one funding line; negative amounts leave the structure. */
export interface LinePayment {
  monthIndex: MonthIndex;
  amountCents: number;
  label: PaymentLabel;
}

export interface LineSchedule {
  line: PlannedLine;
  payments: LinePayment[];
  /** What the funder owes in the end: the amount, or for reimbursement funds rate × justified spending. */
  dueCents: number;
  /** Money to pay back when advance and interim payments exceed what is finally due. */
  repaymentCents: number;
  /** Month of the last payment (or repayment); null when the line moves no cash. */
  lastMonthIndex: MonthIndex | null;
  /** True when the client's explicit payments were used verbatim. */
  explicit: boolean;
}

interface PlannedPayment {
  monthIndex: MonthIndex;
  /** Most this payment may bring; Infinity for a claim that pays whatever is justified. */
  nominalCents: number;
  /** Last month of spending this payment reimburses. */
  justifiedThrough: MonthIndex;
  label: 'Acompte' | 'Solde';
}

/** The month a schedule's delays count from: signature, or the operation start. */
export function anchorMonth(plan: ApplicationPlan, line: PlannedLine): MonthIndex {
  return line.input.signedAt ? toMonthIndex(line.input.signedAt) : plan.startIndex;
}

/**
 * Payments of one funding line. `cofinancersLastMonth` is the month the last national
 * co-financer pays: LEADER pays only after every one of them (rule 5).
 */
export function buildLineSchedule(
  plan: ApplicationPlan,
  line: PlannedLine,
  scenario: TreasuryScenario,
  cofinancersLastMonth: MonthIndex | null,
): LineSchedule {
  const rule = line.rule;
  if (!rule.cashMovement) return finish(line, [], line.input.amountCents, 0, false);
  if (line.input.schedule?.payments) return explicitSchedule(line);
  if (rule.isLoan) return bridgeSchedule(plan, line, rule[scenario]);
  return rule.reimbursementBased
    ? reimbursementSchedule(plan, line, rule[scenario], cofinancersLastMonth)
    : fixedSchedule(plan, line, rule[scenario]);
}

/** Every line of an application, co-financers first so LEADER can wait for them. */
export function buildApplicationSchedules(
  plan: ApplicationPlan,
  scenario: TreasuryScenario,
): LineSchedule[] {
  const schedules = new Array<LineSchedule>(plan.lines.length);
  let cofinancersLast: MonthIndex | null = null;
  plan.lines.forEach((line, i) => {
    if (line.input.kind === 'FEADER_LEADER') return;
    schedules[i] = buildLineSchedule(plan, line, scenario, null);
    if (line.rule.nationalPublicCofinancer && schedules[i].lastMonthIndex !== null) {
      cofinancersLast = Math.max(
        cofinancersLast ?? -Infinity,
        schedules[i].lastMonthIndex as number,
      );
    }
  });
  plan.lines.forEach((line, i) => {
    if (line.input.kind === 'FEADER_LEADER')
      schedules[i] = buildLineSchedule(plan, line, scenario, cofinancersLast);
  });
  return schedules;
}

function explicitSchedule(line: PlannedLine): LineSchedule {
  const payments = (line.input.schedule?.payments ?? [])
    .map((p): LinePayment => ({
      monthIndex: toMonthIndex(p.month),
      amountCents: p.amountCents,
      label: 'Versement',
    }))
    .sort((a, b) => a.monthIndex - b.monthIndex);
  return finish(line, payments, line.input.amountCents, 0, true);
}

function bridgeSchedule(
  plan: ApplicationPlan,
  line: PlannedLine,
  rule: ScenarioPaymentRule,
): LineSchedule {
  const delay = line.input.schedule?.advanceDelayMonths ?? rule.advanceDelayMonths.value;
  const amount = line.input.amountCents;
  const endMonth = toMonthIndex(line.input.bridge?.endMonth ?? `${plan.input.operationEnd}`);
  const payments: LinePayment[] = [
    { monthIndex: anchorMonth(plan, line) + delay, amountCents: amount, label: 'Prêt relais' },
    { monthIndex: endMonth, amountCents: -amount, label: 'Remboursement du prêt relais' },
  ];
  return finish(line, payments, amount, 0, false);
}

/** Non-reimbursement funds: advance, interim shares, and the remainder (with every rounding cent) as balance. */
function fixedSchedule(
  plan: ApplicationPlan,
  line: PlannedLine,
  rule: ScenarioPaymentRule,
): LineSchedule {
  const schedule = line.input.schedule ?? {};
  const amount = line.input.amountCents;
  const advance = percentOf(amount, schedule.advancePct ?? rule.advancePct.value);
  const payments: LinePayment[] = [
    {
      monthIndex:
        anchorMonth(plan, line) + (schedule.advanceDelayMonths ?? rule.advanceDelayMonths.value),
      amountCents: advance,
      label: 'Avance',
    },
  ];
  let paid = advance;
  for (const interim of schedule.interim ?? []) {
    const cents = percentOf(amount, interim.pct);
    payments.push({
      monthIndex: plan.startIndex + interim.monthsAfterStart,
      amountCents: cents,
      label: 'Acompte',
    });
    paid += cents;
  }
  const balanceMonth =
    plan.endIndex + (schedule.balanceDelayMonths ?? rule.balanceDelayMonths.value);
  payments.push({ monthIndex: balanceMonth, amountCents: amount - paid, label: 'Solde' });
  return finish(line, sortPayments(payments), amount, 0, false);
}

/**
 * Reimbursement funds (FSE+, LEADER, FEDER, Interreg). The rate is the line's amount over the
 * operation's total cost; a payment in month m may bring at most rate × eligible spending
 * justified by then, minus what was already received (advance included). The advance itself is
 * pre-financing and is not capped. The balance settles the account: if less is due than was
 * received, the difference is paid back (rule 4).
 */
function reimbursementSchedule(
  plan: ApplicationPlan,
  line: PlannedLine,
  rule: ScenarioPaymentRule,
  cofinancersLastMonth: MonthIndex | null,
): LineSchedule {
  const schedule = line.input.schedule ?? {};
  const amount = line.input.amountCents;
  const dueThrough = (month: MonthIndex) =>
    reimbursableThrough(plan, amount, month, rule.correctionPct.value);
  let advance = percentOf(amount, schedule.advancePct ?? rule.advancePct.value);
  const cap = line.rule.intermediateBodyAdvanceCapCents;
  if (line.input.intermediateBody && cap) advance = Math.min(advance, cap.value);

  const payments: LinePayment[] = [];
  if (advance > 0) {
    const month =
      anchorMonth(plan, line) + (schedule.advanceDelayMonths ?? rule.advanceDelayMonths.value);
    payments.push({ monthIndex: month, amountCents: advance, label: 'Avance' });
  }
  let received = advance;
  for (const planned of interimPayments(plan, line, rule)) {
    const cents = Math.min(
      planned.nominalCents,
      Math.max(0, dueThrough(planned.justifiedThrough) - received),
    );
    if (cents > 0)
      payments.push({ monthIndex: planned.monthIndex, amountCents: cents, label: 'Acompte' });
    received += cents;
  }
  const due = dueThrough(plan.endIndex);
  const balance = due - received;
  if (balance !== 0) {
    payments.push({
      monthIndex: balanceMonth(plan, line, rule, cofinancersLastMonth),
      amountCents: balance,
      label: balance > 0 ? 'Solde' : 'Reversement du trop-perçu',
    });
  }
  return finish(line, sortPayments(payments), due, Math.max(0, -balance), false);
}

/** Rate × eligible spending through `month`, after the scenario's control haircut, never above the amount. */
export function reimbursableThrough(
  plan: ApplicationPlan,
  amount: number,
  month: MonthIndex,
  correctionPct = 0,
): number {
  const totalCost = plan.input.totalCostCents;
  if (totalCost === 0) return 0;
  const justified =
    correctionPct > 0
      ? percentOf(eligibleThrough(plan, month), 100 - correctionPct)
      : eligibleThrough(plan, month);
  return Math.min(amount, mulDivFloor(amount, justified, totalCost));
}

/** The client's interim payments, or the rule's periodic claims (interim bilans, partner reports). */
function interimPayments(
  plan: ApplicationPlan,
  line: PlannedLine,
  rule: ScenarioPaymentRule,
): PlannedPayment[] {
  const interim = line.input.schedule?.interim;
  if (interim) {
    return interim
      .map((i) => {
        const monthIndex = plan.startIndex + i.monthsAfterStart;
        return {
          monthIndex,
          nominalCents: percentOf(line.input.amountCents, i.pct),
          justifiedThrough: monthIndex - 1,
          label: 'Acompte' as const,
        };
      })
      .sort((a, b) => a.monthIndex - b.monthIndex);
  }
  if (!rule.claims) return [];
  const every = rule.claims.everyMonths.value;
  const delay = rule.claims.paymentDelayMonths.value;
  const claims: PlannedPayment[] = [];
  // A period that ends with the operation is settled by the balance, not by a claim.
  for (let periodEnd = plan.startIndex + every - 1; periodEnd < plan.endIndex; periodEnd += every) {
    claims.push({
      monthIndex: periodEnd + delay,
      nominalCents: Infinity,
      justifiedThrough: periodEnd,
      label: 'Acompte',
    });
  }
  return claims;
}

/** LEADER: the latest of (end + delay) and (last national co-financer payment + instruction + ASP). */
function balanceMonth(
  plan: ApplicationPlan,
  line: PlannedLine,
  rule: ScenarioPaymentRule,
  cofinancersLastMonth: MonthIndex | null,
): MonthIndex {
  const afterEnd =
    plan.endIndex + (line.input.schedule?.balanceDelayMonths ?? rule.balanceDelayMonths.value);
  if (
    line.input.kind !== 'FEADER_LEADER' ||
    cofinancersLastMonth === null ||
    !rule.afterCofinancersMonths
  )
    return afterEnd;
  return Math.max(afterEnd, cofinancersLastMonth + rule.afterCofinancersMonths.value);
}

function sortPayments(payments: LinePayment[]): LinePayment[] {
  return payments.filter((p) => p.amountCents !== 0).sort((a, b) => a.monthIndex - b.monthIndex);
}

function finish(
  line: PlannedLine,
  payments: LinePayment[],
  dueCents: number,
  repaymentCents: number,
  explicit: boolean,
): LineSchedule {
  const lastMonthIndex = payments.length > 0 ? payments[payments.length - 1].monthIndex : null;
  return { line, payments, dueCents, repaymentCents, lastMonthIndex, explicit };
}
