import type { Application, ApplicationEvent, FundingLine, StoredIndicator } from '@app/persistence';
import type {
  ApplicationStatus,
  EuArea,
  FundingKind,
  FundingLineStatus,
} from '../funding-kind.constants';
import type { ApplicationInput, FundingLineInput } from '../treasury.types';
import type { ApplicationView, FundingLineView, StatusEventView } from './application.types';

/** Drops null and undefined fields: the library treats an absent field as "not given". */
export function compact<T extends object>(value: T): T {
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value))
    if (field !== null && field !== undefined) result[key] = field;
  return result as T;
}

export function lineToInput(line: FundingLine): FundingLineInput {
  return compact({
    id: line.id,
    funder: line.funder,
    kind: line.kind as FundingKind,
    amountCents: line.amountCents,
    status: line.status as FundingLineStatus,
    signedAt: line.signedAt,
    schedule: line.schedule,
    bridge: line.bridge,
    intermediateBody: line.intermediateBody || undefined,
    claims: (line.claims ?? undefined) as FundingLineInput['claims'],
  }) as FundingLineInput;
}

/** The stored application as the treasury library reads it; ids are the database ids. */
export function applicationToInput(app: Application, lines: FundingLine[]): ApplicationInput {
  return compact({
    id: app.id,
    title: app.title,
    status: app.status as ApplicationStatus,
    submissionDeadline: app.submissionDeadline,
    operationStart: app.operationStart,
    operationEnd: app.operationEnd,
    totalCostCents: app.totalCostCents,
    expenses: app.expenses,
    submittedAt: app.submittedAt,
    notifiedAt: app.notifiedAt,
    euArea: app.euArea as EuArea | null,
    tasks: app.tasks,
    fundingLines: lines.map(lineToInput),
  }) as ApplicationInput;
}

export function lineView(line: FundingLine): FundingLineView {
  return {
    id: line.id,
    funder: line.funder,
    kind: line.kind as FundingKind,
    amountCents: line.amountCents,
    status: line.status as FundingLineStatus,
    signedAt: line.signedAt,
    schedule: line.schedule,
    bridge: line.bridge,
    intermediateBody: line.intermediateBody,
    claims: line.claims ?? [],
  };
}

export function eventView(event: ApplicationEvent): StatusEventView {
  return {
    from: event.fromStatus as ApplicationStatus | null,
    to: event.toStatus as ApplicationStatus,
    at: event.occurredOn,
    byUserId: event.userId,
    recordedAt: event.recordedAt.toISOString(),
  };
}

export function applicationView(
  app: Application,
  lines: FundingLine[],
  history?: ApplicationEvent[],
): ApplicationView {
  return {
    id: app.id,
    callId: app.callId,
    title: app.title,
    status: app.status as ApplicationStatus,
    submissionDeadline: app.submissionDeadline,
    operationStart: app.operationStart,
    operationEnd: app.operationEnd,
    totalCostCents: app.totalCostCents,
    expenses: app.expenses,
    indicators: app.indicators as StoredIndicator[],
    tasks: app.tasks,
    euArea: app.euArea as EuArea | null,
    submittedAt: app.submittedAt,
    notifiedAt: app.notifiedAt,
    version: app.version,
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
    fundingLines: lines.map(lineView),
    ...(history ? { history: history.map(eventView) } : {}),
  };
}
