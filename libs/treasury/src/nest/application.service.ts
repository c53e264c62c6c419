import {
  Application,
  ApplicationEvent,
  Call,
  FundingLine,
  type StoredIndicator,
} from '@app/persistence';
import { Principal, TenancyException } from '@app/tenancy';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { validateApplication } from '../application.validator';
import { checkFundingPlan, type FundingPlanCheck } from '../funding-plan.checker';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../funding-kind.constants';
import type { FundingRules } from '../funding-rules.types';
import { InputChecker } from '../input-checker.util';
import { operationDateWarnings } from '../operation-date.checker';
import type { ApplicationInput, FundingLineInput } from '../treasury.types';
import type { ValidationIssue } from '../validation-issue.types';
import { invalidInput, invalidTransition, staleVersion } from './application-input.error';
import { unknownCall, validateApplicationExtras } from './application-extra.validator';
import {
  applicationToInput,
  applicationView,
  compact,
  lineToInput,
} from './application-record.util';
import { APPLICATION_TRANSITIONS, FUNDING_PLAN_EDITORS } from './application-status.constants';
import type { ApplicationView, ApplicationWrite, StatusChange } from './application.types';
import { FUNDING_RULES } from './funding-rules.provider';
import { Clock } from '@app/common';

/** Application fields a PATCH may change (status goes through changeStatus, lines through their routes). */
const PATCHABLE = [
  'title',
  'submissionDeadline',
  'operationStart',
  'operationEnd',
  'totalCostCents',
  'expenses',
  'submittedAt',
  'notifiedAt',
  'euArea',
  'tasks',
] as const;
const LINE_FIELDS = [
  'funder',
  'kind',
  'amountCents',
  'status',
  'signedAt',
  'schedule',
  'bridge',
  'intermediateBody',
  'claims',
] as const;

interface Locked {
  manager: EntityManager;
  app: Application;
  lines: FundingLine[];
}

/**
 * Applications and their funding plans, always within the caller's organisation: another
 * organisation's application is "not found". Every write runs in a transaction that first bumps
 * the version with `UPDATE … WHERE version = $n`, so of two edits made from the same version the
 * later one gets 409 and nothing is lost.
 */
@Injectable()
export class ApplicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FUNDING_RULES) private readonly rules: FundingRules,
    private readonly clock: Clock,
  ) {}

  async create(principal: Principal, body: ApplicationWrite): Promise<ApplicationView> {
    const { callId, indicators, ...rest } = body;
    const input = { ...rest, status: rest.status ?? 'idea', fundingLines: rest.fundingLines ?? [] };
    if (Array.isArray(input.fundingLines) && input.fundingLines.length > 0)
      assertFundingPlanEditor(principal);
    const issues = [
      ...validateApplication(input, '', this.rules),
      ...validateApplicationExtras({ callId, indicators }),
    ];
    if (issues.length > 0) throw invalidInput(issues);
    const valid = input as ApplicationInput;
    return this.dataSource.transaction(async (manager) => {
      await assertCallExists(manager, callId);
      const app = await manager.save(
        manager.create(Application, {
          organisationId: principal.organisationId,
          callId: (callId as string | null | undefined) ?? null,
          ...storedFields(valid),
          status: valid.status,
          indicators: (indicators as StoredIndicator[] | undefined) ?? [],
        }),
      );
      const lines = await manager.save(
        valid.fundingLines.map((line, position) => newLine(manager, app.id, line, position)),
      );
      const event = await manager.save(
        manager.create(ApplicationEvent, {
          applicationId: app.id,
          fromStatus: null,
          toStatus: valid.status,
          occurredOn: this.clock.today(),
          userId: principal.userId,
        }),
      );
      return this.withWarnings(applicationView(app, lines, [event]));
    });
  }

  /** The answer to a write: the view and what it accepted but should be checked again. */
  private withWarnings(view: ApplicationView): ApplicationView {
    return { ...view, warnings: operationDateWarnings(view, this.clock.month()) };
  }

  async list(principal: Principal, status?: ApplicationStatus): Promise<ApplicationView[]> {
    const apps = await this.dataSource.getRepository(Application).find({
      where: { organisationId: principal.organisationId, ...(status ? { status } : {}) },
      order: { createdAt: 'ASC' },
    });
    const lines = await this.linesOf(apps.map((a) => a.id));
    return apps.map((app) => applicationView(app, lines.get(app.id) ?? []));
  }

  async get(principal: Principal, id: string): Promise<ApplicationView> {
    const app = await this.findVisible(principal, id);
    const [lines, history] = await Promise.all([
      this.linesOf([id]),
      this.dataSource
        .getRepository(ApplicationEvent)
        .find({ where: { applicationId: id }, order: { occurredOn: 'ASC', recordedAt: 'ASC' } }),
    ]);
    return applicationView(app, lines.get(id) ?? [], history);
  }

  /** The stored application and its lines as the treasury library reads them. */
  async input(principal: Principal, id: string): Promise<ApplicationInput> {
    const app = await this.findVisible(principal, id);
    return applicationToInput(app, (await this.linesOf([id])).get(id) ?? []);
  }

  async update(
    principal: Principal,
    id: string,
    patch: ApplicationWrite,
    expectedVersion?: number,
  ): Promise<ApplicationView> {
    const extras = validateApplicationExtras({
      callId: patch.callId,
      indicators: patch.indicators,
    });
    return this.withLocked(principal, id, expectedVersion, async ({ manager, app, lines }) => {
      const merged: Record<string, unknown> = { ...applicationToInput(app, lines) };
      for (const field of PATCHABLE) {
        if (field in patch) merged[field] = patch[field] ?? undefined;
      }
      const issues = [...validateApplication(compact(merged), '', this.rules), ...extras];
      if (issues.length > 0) throw invalidInput(issues);
      if ('callId' in patch) {
        await assertCallExists(manager, patch.callId);
        app.callId = (patch.callId as string | null) ?? null;
      }
      if (patch.indicators !== undefined) app.indicators = patch.indicators as StoredIndicator[];
      Object.assign(app, storedFields(compact(merged) as unknown as ApplicationInput));
      await manager.save(app);
      return this.withWarnings(applicationView(app, lines));
    });
  }

  async remove(principal: Principal, id: string, expectedVersion?: number): Promise<void> {
    await this.withLocked(principal, id, expectedVersion, async ({ manager, app }) => {
      await manager.delete(Application, { id: app.id });
    });
  }

  /** Moves along the transition graph and records the dated event (filing and notification dates follow). */
  async changeStatus(
    principal: Principal,
    id: string,
    change: StatusChange,
    expectedVersion?: number,
  ): Promise<ApplicationView> {
    const check = new InputChecker();
    check.oneOf('status', change.status, APPLICATION_STATUSES);
    if (change.at !== undefined && change.at !== null) check.date('at', change.at);
    if (check.issues.length > 0) throw invalidInput(check.issues);
    const to = change.status as ApplicationStatus;
    const at = (change.at as string | undefined) ?? this.clock.today();
    return this.withLocked(principal, id, expectedVersion, async ({ manager, app, lines }) => {
      const from = app.status as ApplicationStatus;
      const allowed = APPLICATION_TRANSITIONS[from];
      if (!allowed.includes(to)) throw invalidTransition(from, to, allowed);
      app.status = to;
      if (to === 'submitted') app.submittedAt ??= at;
      if (to === 'granted') app.notifiedAt ??= at;
      await manager.save(app);
      await manager.save(
        manager.create(ApplicationEvent, {
          applicationId: app.id,
          fromStatus: from,
          toStatus: to,
          occurredOn: at,
          userId: principal.userId,
        }),
      );
      const history = await manager.find(ApplicationEvent, {
        where: { applicationId: app.id },
        order: { occurredOn: 'ASC', recordedAt: 'ASC' },
      });
      return applicationView(app, lines, history);
    });
  }

  async addLine(
    principal: Principal,
    id: string,
    body: Record<string, unknown>,
    expectedVersion?: number,
  ): Promise<ApplicationView> {
    return this.withLocked(principal, id, expectedVersion, async ({ manager, app, lines }) => {
      const inputs = lines.map(lineToInput);
      this.assertPlanValid(
        app,
        lines,
        [...inputs, pick(body) as unknown as FundingLineInput],
        inputs.length,
      );
      const position = lines.length === 0 ? 0 : Math.max(...lines.map((l) => l.position)) + 1;
      const created = await manager.save(
        newLine(manager, app.id, pick(body) as unknown as FundingLineInput, position),
      );
      return applicationView(app, [...lines, created]);
    });
  }

  async updateLine(
    principal: Principal,
    id: string,
    lineId: string,
    patch: Record<string, unknown>,
    expectedVersion?: number,
  ): Promise<ApplicationView> {
    return this.withLocked(principal, id, expectedVersion, async ({ manager, app, lines }) => {
      const index = lines.findIndex((l) => l.id === lineId);
      if (index < 0) throw TenancyException.notFound('Ligne de financement / funding line');
      const inputs = lines.map(lineToInput);
      const merged = compact({ ...inputs[index], ...pick(patch) }) as FundingLineInput;
      inputs[index] = merged;
      this.assertPlanValid(app, lines, inputs, index);
      const line = lines[index];
      Object.assign(line, storedLine(merged));
      await manager.save(line);
      return applicationView(app, lines);
    });
  }

  async removeLine(
    principal: Principal,
    id: string,
    lineId: string,
    expectedVersion?: number,
  ): Promise<ApplicationView> {
    return this.withLocked(principal, id, expectedVersion, async ({ manager, app, lines }) => {
      if (!lines.some((l) => l.id === lineId))
        throw TenancyException.notFound('Ligne de financement / funding line');
      await manager.delete(FundingLine, { id: lineId });
      return applicationView(
        app,
        lines.filter((l) => l.id !== lineId),
      );
    });
  }

  /** The checks an accountant runs before filing: gap, EU share above its maximum, LEADER counterpart, money counted twice. */
  async fundingPlan(principal: Principal, id: string): Promise<FundingPlanCheck> {
    return checkFundingPlan(await this.input(principal, id), this.rules);
  }

  async findVisible(principal: Principal, id: string): Promise<Application> {
    const app = await this.dataSource
      .getRepository(Application)
      .findOne({ where: { id, organisationId: principal.organisationId } });
    if (!app) throw TenancyException.notFound('Dossier / application');
    return app;
  }

  private async linesOf(ids: string[]): Promise<Map<string, FundingLine[]>> {
    const byApplication = new Map<string, FundingLine[]>();
    if (ids.length === 0) return byApplication;
    const lines = await this.dataSource.getRepository(FundingLine).find({
      where: { applicationId: In(ids) },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
    for (const line of lines) {
      const list = byApplication.get(line.applicationId) ?? [];
      list.push(line);
      byApplication.set(line.applicationId, list);
    }
    return byApplication;
  }

  /** Validates the whole plan after a line change; issues on that line are named relative to its body. */
  private assertPlanValid(
    app: Application,
    lines: FundingLine[],
    inputs: FundingLineInput[],
    changed: number,
  ): void {
    const prefix = `fundingLines[${changed}].`;
    const issues = validateApplication(
      { ...applicationToInput(app, lines), fundingLines: inputs },
      '',
      this.rules,
    ).map((issue): ValidationIssue =>
      issue.path.startsWith(prefix) ? { ...issue, path: issue.path.slice(prefix.length) } : issue,
    );
    if (issues.length > 0) throw invalidInput(issues);
  }

  private async withLocked<T>(
    principal: Principal,
    id: string,
    expectedVersion: number | undefined,
    work: (locked: Locked) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      // The row lock taken here makes a concurrent writer wait, then see the new version and fail.
      const [rows] = (await manager.query(
        `UPDATE application SET version = version + 1, updated_at = now()
          WHERE id = $1 AND organisation_id = $2 AND version = COALESCE($3::integer, version)
          RETURNING version`,
        [id, principal.organisationId, expectedVersion ?? null],
      )) as [{ version: number }[], number];
      if (rows.length === 0) {
        const current = await manager.findOne(Application, {
          where: { id, organisationId: principal.organisationId },
        });
        if (!current) throw TenancyException.notFound('Dossier / application');
        throw staleVersion(current.version, expectedVersion as number);
      }
      const app = await manager.findOneOrFail(Application, { where: { id } });
      const lines = await manager.find(FundingLine, {
        where: { applicationId: id },
        order: { position: 'ASC', createdAt: 'ASC' },
      });
      return work({ manager, app, lines });
    });
  }
}

function assertFundingPlanEditor(principal: Principal): void {
  if (!(FUNDING_PLAN_EDITORS as readonly string[]).includes(principal.role))
    throw TenancyException.forbidden(principal.role);
}

async function assertCallExists(manager: EntityManager, callId: unknown): Promise<void> {
  if (typeof callId !== 'string') return;
  if (!(await manager.exists(Call, { where: { id: callId } }))) throw invalidInput([unknownCall()]);
}

function pick(body: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of LINE_FIELDS) if (field in body) result[field] = body[field] ?? undefined;
  return result;
}

function storedFields(input: ApplicationInput): Partial<Application> {
  return {
    title: input.title.trim(),
    submissionDeadline: input.submissionDeadline ?? null,
    operationStart: input.operationStart,
    operationEnd: input.operationEnd,
    totalCostCents: input.totalCostCents,
    expenses: input.expenses ?? null,
    submittedAt: input.submittedAt ?? null,
    notifiedAt: input.notifiedAt ?? null,
    euArea: input.euArea ?? null,
    tasks: input.tasks ?? [],
  };
}

function storedLine(line: FundingLineInput): Partial<FundingLine> {
  return {
    funder: line.funder.trim(),
    kind: line.kind,
    amountCents: line.amountCents,
    status: line.status,
    signedAt: line.signedAt ?? null,
    schedule: line.schedule ?? null,
    bridge: line.bridge ?? null,
    intermediateBody: line.intermediateBody ?? false,
    claims: line.claims && line.claims.length > 0 ? line.claims : null,
  };
}

function newLine(
  manager: EntityManager,
  applicationId: string,
  line: FundingLineInput,
  position: number,
): FundingLine {
  return manager.create(FundingLine, { applicationId, position, ...storedLine(line) });
}
