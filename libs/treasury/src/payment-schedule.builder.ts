import * as applicationPlans from './application-plan.builder';
import type { ApplicationCursor, ApplicationPlan, PlannedLine } from './application-plan.builder';
import * as money from './money.util';
import * as monthUtil from './month.util';
import type { MonthIndex } from './month.util';
import { doubleArray, integerArray } from './packed-array.util';
import * as ruleTables from './rule-table.builder';
import type { KindFigures, ScenarioFigures } from './rule-table.builder';
import type { ClaimInput, FundingLineInput, TreasuryScenario } from './treasury.types';

// The inner loops call these through module-level copies: swc's CommonJS output reads an
// imported binding through a getter at every use, which there costs as much as the arithmetic.
const { NO_MONTH } = applicationPlans;
const { hundredthsOf, mulDivFloor, pctInHundredths, percentOf } = money;
const { toMonthIndex } = monthUtil;
const { ruleTable } = ruleTables;

export const PAYMENT_LABELS = [
  'Avance',
  'Acompte',
  'Solde',
  'Versement',
  'Reversement du trop-perçu',
  'Prêt relais',
  'Remboursement du prêt relais',
] as const;

export type PaymentLabel = (typeof PAYMENT_LABELS)[number];

/** Index in PAYMENT_LABELS: payments carry a small number, the text is read when shown. */
const enum Label {
  Advance = 0,
  Interim = 1,
  Balance = 2,
  Explicit = 3,
  Repayment = 4,
  Loan = 5,
  LoanRepayment = 6,
}

/**
 * The payments of every funding line of the application under the cursor, in buffers reused from
 * one application to the next. Line `i`'s payments are entries `from[i]` to `from[i] + count[i]`
 * (excluded) of `month`, `amount` and `label`, in month order (a bridge loan keeps its two
 * movements in the order they were agreed); negative amounts leave the structure.
 */
export class LineSchedules {
  // Plain arrays rather than typed ones: see packed-array.util.ts.
  from = integerArray(8);
  count = integerArray(8);
  /** What the funder owes in the end: the amount, or for reimbursement funds rate × justified spending. */
  dueCents = doubleArray(8);
  /** Money to pay back when advance and interim payments exceed what is finally due. */
  repaymentCents = doubleArray(8);
  /** Month of the line's last payment (or repayment); NO_MONTH when it moves no cash. */
  lastMonth = integerArray(8);
  /** 1 when the client's explicit payments were used verbatim. */
  explicit = integerArray(8);
  /** The payments; they grow by one when a payment is stored just past their end. */
  month = integerArray(64);
  amount = doubleArray(64);
  label = integerArray(64);
  /** Payments of all lines in the buffers. */
  size = 0;
  /** 1 once line `i` is built in this application: a claim may rely only on built lines. */
  built = integerArray(8);
  /** Claims whose EU money waits for co-financing not yet paid (matching), for the warnings. */
  unmatched: UnmatchedClaim[] = [];
  // A line's own interim payments, sorted before they are capped.
  private interimMonth = integerArray(8);
  private interimNominal = doubleArray(8);

  /**
   * Every line of the application, co-financers first so that LEADER and the lines with claims
   * can wait for them (rule 5: EU money follows the co-financers' payments).
   */
  build(plan: ApplicationCursor): void {
    const lines = plan.app.fundingLines;
    this.reserveLines(lines.length);
    this.size = 0;
    if (this.unmatched.length > 0) this.unmatched = [];
    let cofinancersLast = NO_MONTH;
    let deferred = 0;
    for (let i = 0; i < lines.length; i++) {
      this.built[i] = 0;
      const rule = plan.lineRules[i];
      if (rule.isLeader || hasClaims(lines[i])) {
        deferred++;
        continue;
      }
      this.buildLine(plan, i, NO_MONTH);
      if (rule.nationalPublicCofinancer && this.lastMonth[i] !== NO_MONTH)
        cofinancersLast = Math.max(cofinancersLast, this.lastMonth[i]);
    }
    for (let i = 0; deferred > 0 && i < lines.length; i++) {
      if (!plan.lineRules[i].isLeader && !hasClaims(lines[i])) continue;
      this.buildLine(plan, i, cofinancersLast);
      deferred--;
    }
  }

  /** `cofinancersLast`: the month the last national co-financer pays, or NO_MONTH. */
  private buildLine(plan: ApplicationCursor, i: number, cofinancersLast: MonthIndex): void {
    const line = plan.app.fundingLines[i];
    const rule = plan.lineRules[i];
    const figures = plan.lineFigures[i];
    const from = this.size;
    this.from[i] = from;
    this.dueCents[i] = line.amountCents;
    this.repaymentCents[i] = 0;
    this.explicit[i] = 0;
    if (!rule.cashMovement) {
      // Self-funding: counted in the plan, no cash moves.
    } else if (line.schedule?.payments) {
      this.explicitPayments(line, from);
      this.explicit[i] = 1;
    } else if (rule.isLoan) {
      this.bridgePayments(plan, line, figures);
    } else if (rule.reimbursementBased) {
      this.reimbursementPayments(plan, i, rule, figures, cofinancersLast);
    } else {
      this.fixedPayments(plan, line, figures, from);
    }
    this.count[i] = this.size - from;
    this.lastMonth[i] = this.size > from ? this.month[this.size - 1] : NO_MONTH;
    this.built[i] = 1;
  }

  /** Used verbatim, in both scenarios: no rule, no cap. */
  private explicitPayments(line: FundingLineInput, from: number): void {
    for (const payment of line.schedule?.payments ?? [])
      this.push(toMonthIndex(payment.month), payment.amountCents, Label.Explicit);
    this.sortFrom(from, false);
  }

  /** A bridge loan comes in (at signature + delay) and is repaid in full in its end month. */
  private bridgePayments(
    plan: ApplicationCursor,
    line: FundingLineInput,
    figures: ScenarioFigures,
  ): void {
    const delay = line.schedule?.advanceDelayMonths ?? figures.advanceDelayMonths;
    const endMonth = toMonthIndex(line.bridge?.endMonth ?? plan.app.operationEnd);
    this.push(anchorMonth(plan, line) + delay, line.amountCents, Label.Loan);
    this.push(endMonth, -line.amountCents, Label.LoanRepayment);
  }

  /** Non-reimbursement funds: advance, interim shares, and the remainder (with every rounding cent) as balance. */
  private fixedPayments(
    plan: ApplicationCursor,
    line: FundingLineInput,
    figures: ScenarioFigures,
    from: number,
  ): void {
    const schedule = line.schedule;
    const amount = line.amountCents;
    const advance = advanceOf(line, figures);
    const advanceMonth =
      anchorMonth(plan, line) + (schedule?.advanceDelayMonths ?? figures.advanceDelayMonths);
    const balanceMonth =
      plan.endIndex + (schedule?.balanceDelayMonths ?? figures.balanceDelayMonths);
    const interim = schedule?.interim;
    if (!interim) {
      // Most lines: an advance and a balance, put in month order here rather than sorted.
      const balance = amount - advance;
      if (advance !== 0 && advanceMonth <= balanceMonth)
        this.push(advanceMonth, advance, Label.Advance);
      if (balance !== 0) this.push(balanceMonth, balance, Label.Balance);
      if (advance !== 0 && advanceMonth > balanceMonth)
        this.push(advanceMonth, advance, Label.Advance);
      return;
    }
    this.push(advanceMonth, advance, Label.Advance);
    let paid = advance;
    for (let k = 0; k < interim.length; k++) {
      const cents = percentOf(amount, interim[k].pct);
      this.push(plan.startIndex + interim[k].monthsAfterStart, cents, Label.Interim);
      paid += cents;
    }
    this.push(balanceMonth, amount - paid, Label.Balance);
    this.sortFrom(from, true);
  }

  /**
   * Reimbursement funds (FSE+, LEADER, FEDER, Interreg). The rate is the line's amount over the
   * operation's total cost; a payment in month m may bring at most rate × eligible spending
   * justified by then, minus what was already received (advance included). The advance itself is
   * pre-financing and is not capped. The balance settles the account: if less is due than was
   * received, the difference is paid back (rule 4).
   */
  private reimbursementPayments(
    plan: ApplicationCursor,
    i: number,
    rule: KindFigures,
    figures: ScenarioFigures,
    cofinancersLast: MonthIndex,
  ): void {
    const line = plan.app.fundingLines[i];
    const schedule = line.schedule;
    const amount = line.amountCents;
    const correction = figures.correctionPct;
    const from = this.size;
    let advance = advanceOf(line, figures);
    const cap = rule.intermediateBodyAdvanceCapCents;
    if (line.intermediateBody && cap !== null) advance = Math.min(advance, cap);
    if (advance > 0) {
      const delay = schedule?.advanceDelayMonths ?? figures.advanceDelayMonths;
      this.push(anchorMonth(plan, line) + delay, advance, Label.Advance);
    }
    let received = advance;
    const transfer = rule.leadPartnerTransferMonths;
    if (line.claims && line.claims.length > 0 && rule.hasMatching) {
      received += this.filedClaims(plan, i, rule, figures, received);
    } else if (schedule?.interim) {
      // The client's interim payments, each reimbursing the spending up to the month before it.
      const count = this.sortedInterim(plan, line);
      for (let k = 0; k < count; k++) {
        const month = this.interimMonth[k];
        const due = reimbursableThrough(plan, amount, month - 1, correction);
        received += this.claim(month, this.interimNominal[k], due - received);
      }
    } else if (figures.claimsEveryMonths > 0) {
      // The rule's periodic claims; a period that ends with the operation is settled by the balance.
      const every = figures.claimsEveryMonths;
      for (let end = plan.startIndex + every - 1; end < plan.endIndex; end += every) {
        const due = reimbursableThrough(plan, amount, end, correction);
        const month = end + figures.claimsDelayMonths + transfer;
        received += this.claim(month, Infinity, due - received);
      }
    }
    const due = reimbursableThrough(plan, amount, plan.endIndex, correction);
    const balance = due - received;
    if (balance !== 0) {
      const month = balanceMonth(plan, line, rule, figures, cofinancersLast) + transfer;
      this.push(month, balance, balance > 0 ? Label.Balance : Label.Repayment);
    }
    this.sortFrom(from, true);
    this.dueCents[i] = due;
    this.repaymentCents[i] = Math.max(0, -balance);
  }

  /**
   * The line's own claims, in filing order. Each asks rate × the expenses it presents, plus what
   * earlier claims could not get; it may bring at most what is still reimbursable on the spending
   * through its period's end, and, when the fund matches (LEADER), at most `euPerNationalEuro` × the
   * national co-financing it proves paid, minus what earlier claims already drew on it. It is paid
   * the fund's delay after the later of its filing and those proofs. Returns what they bring.
   */
  private filedClaims(
    plan: ApplicationCursor,
    i: number,
    rule: KindFigures,
    figures: ScenarioFigures,
    receivedBefore: number,
  ): number {
    const line = plan.app.fundingLines[i];
    const amount = line.amountCents;
    const totalCost = plan.app.totalCostCents;
    const correction = figures.correctionPct;
    const delay =
      (line.schedule?.claimDelayMonths ?? figures.claimPaymentDelayMonths) +
      rule.leadPartnerTransferMonths;
    const ratio = rule.euPerNationalEuro;
    const order = claimOrder(line.claims as ClaimInput[]);
    let received = receivedBefore;
    let drawn = 0;
    let carried = 0;
    // Payments proved by this claim or an earlier one: a proof stays a proof (cumulative matching).
    const proven = new Set<number>();
    for (const k of order) {
      const claim = (line.claims as ClaimInput[])[k];
      const filed = toMonthIndex(claim.filedOn);
      const periodEnd = toMonthIndex(claim.periodEnd);
      const periodExpenses =
        plan.eligibleThrough(periodEnd) - plan.eligibleThrough(toMonthIndex(claim.periodStart) - 1);
      const expenses = Math.min(claim.expensesCents ?? periodExpenses, periodExpenses);
      const justified = correction > 0 ? percentOf(expenses, 100 - correction) : expenses;
      const requested = totalCost === 0 ? 0 : mulDivFloor(amount, justified, totalCost);
      const ceiling = reimbursableThrough(plan, amount, periodEnd, correction) - received;
      const wanted = Math.min(requested + carried, Math.max(0, ceiling));
      const proof = this.provenCofinancing(plan, claim, filed, proven);
      let cents = wanted;
      if (ratio > 0) cents = Math.min(wanted, Math.max(0, Math.floor(proof.cents * ratio) - drawn));
      if (cents > 0) this.push(Math.max(filed, proof.month) + delay, cents, Label.Interim);
      received += cents;
      drawn += cents;
      carried = Math.max(0, requested + carried - cents);
      if (ratio > 0 && wanted > cents) {
        const unlock = this.nextCofinancerPayment(plan, proven);
        this.unmatched.push({
          line: i,
          claim: k,
          month: filed,
          cents: wanted - cents,
          unlockLine: unlock.line,
          unlockMonth: unlock.month,
        });
      }
    }
    return received - receivedBefore;
  }

  /**
   * The national co-financing proved paid so far (`proven`, the payments' buffer indexes, grows),
   * and the month of this claim's last proof: every national co-financer payment by the filing
   * month, or the payments it lists (one later than the filing dates the file from its month).
   */
  private provenCofinancing(
    plan: ApplicationCursor,
    claim: ClaimInput,
    filed: MonthIndex,
    proven: Set<number>,
  ): { cents: number; month: MonthIndex } {
    const refs = claim.cofinancing;
    let month = filed;
    if (!Array.isArray(refs)) {
      for (let j = 0; j < plan.lineCount; j++) {
        if (!this.built[j] || !plan.lineRules[j].nationalPublicCofinancer) continue;
        for (let k = this.from[j]; k < this.from[j] + this.count[j]; k++)
          if (this.month[k] <= filed && this.amount[k] > 0) proven.add(k);
      }
    } else {
      for (const ref of refs) {
        const j = ref.line;
        if (j < 0 || j >= plan.lineCount || !this.built[j]) continue;
        const refMonth = toMonthIndex(ref.month);
        month = Math.max(month, refMonth);
        if (!plan.lineRules[j].nationalPublicCofinancer) continue;
        for (let k = this.from[j]; k < this.from[j] + this.count[j]; k++)
          if (this.month[k] === refMonth && this.amount[k] > 0) proven.add(k);
      }
    }
    let cents = 0;
    for (const k of proven) cents += this.amount[k];
    return { cents, month };
  }

  /** The first national co-financer payment not proved yet (line −1: none planned). */
  private nextCofinancerPayment(
    plan: ApplicationCursor,
    proven: Set<number>,
  ): { line: number; month: MonthIndex } {
    let best = { line: -1, month: NO_MONTH };
    for (let j = 0; j < plan.lineCount; j++) {
      if (!this.built[j] || !plan.lineRules[j].nationalPublicCofinancer) continue;
      for (let k = this.from[j]; k < this.from[j] + this.count[j]; k++) {
        const m = this.month[k];
        if (this.amount[k] <= 0 || proven.has(k)) continue;
        if (best.line < 0 || m < best.month) best = { line: j, month: m };
      }
    }
    return best;
  }

  /** An interim payment: what is still due on the justified spending, at most its nominal. */
  private claim(month: MonthIndex, nominalCents: number, stillDueCents: number): number {
    const cents = Math.min(nominalCents, Math.max(0, stillDueCents));
    if (cents > 0) this.push(month, cents, Label.Interim);
    return cents;
  }

  /** The line's own interim payments as (month, nominal amount), in month order. */
  private sortedInterim(plan: ApplicationCursor, line: FundingLineInput): number {
    const interim = line.schedule?.interim ?? [];
    if (this.interimMonth.length < interim.length) {
      this.interimMonth = integerArray(interim.length * 2);
      this.interimNominal = doubleArray(interim.length * 2);
    }
    for (let k = 0; k < interim.length; k++) {
      const month = plan.startIndex + interim[k].monthsAfterStart;
      const nominal = percentOf(line.amountCents, interim[k].pct);
      // Insertion sort, stable: equal months keep the client's order.
      let j = k - 1;
      for (; j >= 0 && this.interimMonth[j] > month; j--) {
        this.interimMonth[j + 1] = this.interimMonth[j];
        this.interimNominal[j + 1] = this.interimNominal[j];
      }
      this.interimMonth[j + 1] = month;
      this.interimNominal[j + 1] = nominal;
    }
    return interim.length;
  }

  private push(month: MonthIndex, amountCents: number, label: Label): void {
    this.month[this.size] = month;
    this.amount[this.size] = amountCents;
    this.label[this.size] = label;
    this.size++;
  }

  /** Sorts the payments pushed since `from` by month, stably; drops zero amounts when asked. */
  private sortFrom(from: number, dropZeros: boolean): void {
    const { month, amount, label } = this;
    let end = from;
    for (let k = from; k < this.size; k++) {
      if (dropZeros && amount[k] === 0) continue;
      const m = month[k];
      const a = amount[k];
      const l = label[k];
      let j = end - 1;
      for (; j >= from && month[j] > m; j--) {
        month[j + 1] = month[j];
        amount[j + 1] = amount[j];
        label[j + 1] = label[j];
      }
      month[j + 1] = m;
      amount[j + 1] = a;
      label[j + 1] = l;
      end++;
    }
    this.size = end;
  }

  private reserveLines(lines: number): void {
    if (this.from.length >= lines) return;
    // Written out of order (LEADER lines last): sized first so that no hole is ever made.
    const size = lines * 2;
    this.from = integerArray(size);
    this.count = integerArray(size);
    this.dueCents = doubleArray(size);
    this.repaymentCents = doubleArray(size);
    this.lastMonth = integerArray(size);
    this.explicit = integerArray(size);
    this.built = integerArray(size);
  }
}

/** A claim whose EU money waits for co-financing not yet paid (the CLAIM_UNMATCHED warning). */
export interface UnmatchedClaim {
  line: number;
  /** Index in the line's `claims`. */
  claim: number;
  /** Its filing month. */
  month: MonthIndex;
  /** EU money moved on to the next claim or the balance. */
  cents: number;
  /** The co-financer payment that unlocks it: its line (−1: none planned) and month. */
  unlockLine: number;
  unlockMonth: MonthIndex;
}

function hasClaims(line: FundingLineInput): boolean {
  return line.claims !== undefined && line.claims.length > 0;
}

/** Claim indexes by filing day, stable. */
function claimOrder(claims: readonly ClaimInput[]): number[] {
  return claims
    .map((_, k) => k)
    .sort((a, b) =>
      claims[a].filedOn < claims[b].filedOn
        ? -1
        : claims[a].filedOn > claims[b].filedOn
          ? 1
          : a - b,
    );
}

/** The line's advance: its own percentage, or the rule's. */
function advanceOf(line: FundingLineInput, figures: ScenarioFigures): number {
  const pct = line.schedule?.advancePct;
  const hundredths =
    pct === undefined || pct === null ? figures.advanceHundredths : pctInHundredths(pct);
  return hundredthsOf(line.amountCents, hundredths);
}

/** The month a schedule's delays count from: signature, or the operation start. */
function anchorMonth(plan: ApplicationCursor, line: FundingLineInput): MonthIndex {
  return line.signedAt ? toMonthIndex(line.signedAt) : plan.startIndex;
}

/** LEADER: the latest of (end + delay) and (last national co-financer payment + instruction + ASP). */
function balanceMonth(
  plan: ApplicationCursor,
  line: FundingLineInput,
  rule: KindFigures,
  figures: ScenarioFigures,
  cofinancersLast: MonthIndex,
): MonthIndex {
  const afterEnd =
    plan.endIndex + (line.schedule?.balanceDelayMonths ?? figures.balanceDelayMonths);
  if (!rule.isLeader || cofinancersLast === NO_MONTH || figures.afterCofinancersMonths === null)
    return afterEnd;
  // The convention's own instruction delay, when the line gives one, replaces the rules file's.
  const instruction = line.schedule?.claimDelayMonths ?? figures.afterCofinancersMonths;
  return Math.max(afterEnd, cofinancersLast + instruction);
}

/** Rate × eligible spending through `month`, after the scenario's control haircut, never above the amount. */
export function reimbursableThrough(
  plan: ApplicationCursor,
  amount: number,
  month: MonthIndex,
  correctionPct: number,
): number {
  const totalCost = plan.app.totalCostCents;
  if (totalCost === 0) return 0;
  const eligible = plan.eligibleThrough(month);
  const justified = correctionPct > 0 ? percentOf(eligible, 100 - correctionPct) : eligible;
  return Math.min(amount, mulDivFloor(amount, justified, totalCost));
}

/** A cash movement of one funding line; negative amounts leave the structure. */
export interface LinePayment {
  monthIndex: MonthIndex;
  amountCents: number;
  label: PaymentLabel;
}

/** One line's schedule as objects, for tests and tools. */
export interface LineSchedule {
  line: PlannedLine;
  payments: LinePayment[];
  dueCents: number;
  repaymentCents: number;
  lastMonthIndex: MonthIndex | null;
  explicit: boolean;
}

/** Every line's schedule as objects (the projection reads the buffers of `LineSchedules`). */
export function buildApplicationSchedules(
  plan: ApplicationPlan,
  scenario: TreasuryScenario,
): LineSchedule[] {
  const cursor = new applicationPlans.ApplicationCursor(ruleTable(plan.rules), scenario);
  cursor.load(plan.input, plan.position);
  const schedules = new LineSchedules();
  schedules.build(cursor);
  return plan.lines.map((line, i) => {
    const payments: LinePayment[] = [];
    for (let k = schedules.from[i]; k < schedules.from[i] + schedules.count[i]; k++) {
      payments.push({
        monthIndex: schedules.month[k],
        amountCents: schedules.amount[k],
        label: PAYMENT_LABELS[schedules.label[k]],
      });
    }
    return {
      line,
      payments,
      dueCents: schedules.dueCents[i],
      repaymentCents: schedules.repaymentCents[i],
      lastMonthIndex: schedules.lastMonth[i] === NO_MONTH ? null : schedules.lastMonth[i],
      explicit: schedules.explicit[i] === 1,
    };
  });
}
