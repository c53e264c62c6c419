import { applicationId, lineKey, NO_MONTH } from './application-plan.builder';
import { fromMonthIndex, type MonthIndex } from './month.util';
import type { RuleTable } from './rule-table.builder';
import type { TreasuryWarning } from './treasury-projection.types';
import type { ApplicationInput } from './treasury.types';
import type { TreasuryWarningCode, TreasuryWarningSeverity } from './treasury-warning-code.enum';
import { warningMessage, type WarningVariant } from './warning-message.builder';

/** One warning as found: what `warningMessage` reads. */
export interface WarningRecord {
  code: TreasuryWarningCode;
  severity: TreasuryWarningSeverity;
  /** The application it is about; null for the cash warnings. */
  app: ApplicationInput | null;
  /** Its position in the projection's input (the `#<n>` id of one sent without an id). */
  position: number;
  /** Index of the funding line in `app.fundingLines`, or −1. */
  line: number;
  /** NO_MONTH for none. */
  month: MonthIndex;
  /** NaN for none. */
  amountCents: number;
  variant: WarningVariant;
  /** What they hold depends on the code: see `warning-message.builder.ts`. */
  p1: number;
  p2: number;
  p3: number;
}

/**
 * The warnings of a projection as compact records — code, severity, month index, owner and the
 * figures their message needs — in columns (thousands of them, no object each). Their
 * `TreasuryWarning` objects, French messages included, are written only when a caller reads them
 * (the API does when it serialises).
 *
 * The columns are plain arrays made at the expected size, holes included (nothing to fill; a
 * record is read only once written): typed columns were 135 kB a projection outside the heap,
 * which V8 counts towards its next full collection, and measured a few % slower; plain arrays
 * that grow record by record copied six times as much.
 */
export class TreasuryWarningLog {
  size = 0;
  private apps: (ApplicationInput | null)[];
  private codes: TreasuryWarningCode[];
  private severities: TreasuryWarningSeverity[];
  private amount: number[];
  private p1: number[];
  private p2: number[];
  private p3: number[];
  private position: number[];
  private line: number[];
  private month: number[];
  private variant: number[];
  // The application `issue` records about (the funding-plan checks), and the month they are dated.
  private aboutApp: ApplicationInput | null = null;
  private aboutPosition = -1;
  private aboutMonth: MonthIndex = NO_MONTH;

  /** `expected`: how many records to make room for at first; past it, each column grows by one. */
  constructor(expected = 16) {
    const size = Math.max(16, expected);
    this.apps = new Array<ApplicationInput | null>(size);
    this.codes = new Array<TreasuryWarningCode>(size);
    this.severities = new Array<TreasuryWarningSeverity>(size);
    this.amount = new Array<number>(size);
    this.p1 = new Array<number>(size);
    this.p2 = new Array<number>(size);
    this.p3 = new Array<number>(size);
    this.position = new Array<number>(size);
    this.line = new Array<number>(size);
    this.month = new Array<number>(size);
    this.variant = new Array<number>(size);
  }

  add(
    code: TreasuryWarningCode,
    severity: TreasuryWarningSeverity,
    app: ApplicationInput | null,
    position: number,
    line: number,
    month: MonthIndex,
    amountCents: number,
    variant: WarningVariant,
    p1: number,
    p2: number,
    p3: number,
  ): void {
    const i = this.size;
    this.apps[i] = app;
    this.codes[i] = code;
    this.severities[i] = severity;
    this.variant[i] = variant;
    this.position[i] = position;
    this.line[i] = line;
    this.month[i] = month;
    this.amount[i] = amountCents;
    this.p1[i] = p1;
    this.p2[i] = p2;
    this.p3[i] = p3;
    this.size = i + 1;
  }

  /** Sets the application, and the month, that the next `issue` calls are about. */
  about(app: ApplicationInput, position: number, month: MonthIndex): void {
    this.aboutApp = app;
    this.aboutPosition = position;
    this.aboutMonth = month;
  }

  issue(
    code: TreasuryWarningCode,
    severity: TreasuryWarningSeverity,
    line: number,
    amountCents: number,
    variant: WarningVariant,
    p1 = 0,
    p2 = 0,
    p3 = 0,
  ): void {
    const { aboutApp, aboutPosition, aboutMonth } = this;
    this.add(
      code,
      severity,
      aboutApp,
      aboutPosition,
      line,
      aboutMonth,
      amountCents,
      variant,
      p1,
      p2,
      p3,
    );
  }

  record(i: number): WarningRecord {
    return {
      code: this.codes[i],
      severity: this.severities[i],
      app: this.apps[i],
      position: this.position[i],
      line: this.line[i],
      month: this.month[i],
      amountCents: this.amount[i],
      variant: this.variant[i] as WarningVariant,
      p1: this.p1[i],
      p2: this.p2[i],
      p3: this.p3[i],
    };
  }

  /** As the API serialises them: ids as strings, months as YYYY-MM, the French messages. */
  toWarnings(table: RuleTable): TreasuryWarning[] {
    const warnings = new Array<TreasuryWarning>(this.size);
    for (let i = 0; i < this.size; i++) {
      const record = this.record(i);
      const { app, position, line, month, amountCents } = record;
      warnings[i] = {
        code: record.code,
        severity: record.severity,
        month: month === NO_MONTH ? null : fromMonthIndex(month),
        applicationId: app ? applicationId(app, position) : null,
        fundingLineId: app && line >= 0 ? lineKey(app, position, line) : null,
        amountCents: Number.isNaN(amountCents) ? null : amountCents,
        message: warningMessage(record, table),
      };
    }
    return warnings;
  }
}
