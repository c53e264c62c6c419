import { Principal } from '@app/tenancy';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  ApplicationStatus,
  EuArea,
  FundingKind,
  FundingLineStatus,
} from '../funding-kind.constants';
import type { FundingRules } from '../funding-rules.types';
import { toMonthIndex, fromMonthIndex } from '../month.util';
import { treasuryToCsv } from '../treasury-csv.exporter';
import type { TreasuryProjection } from '../treasury-projection.types';
import { treasuryToXlsx } from '../treasury-xlsx.exporter';
import { projectTreasury } from '../treasury.projector';
import type {
  ApplicationInput,
  FundingLineInput,
  IsoDate,
  Month,
  TreasuryScenario,
  TreasurySettings,
} from '../treasury.types';
import { compact } from './application-record.util';
import { ApplicationService } from './application.service';
import { FUNDING_RULES } from './funding-rules.provider';
import { todayInParis } from './paris-date.util';
import { ProjectionCache } from './projection-cache';
import { TreasurySettingsService, type TreasurySettingsView } from './treasury-settings.service';

export interface ProjectionQuery {
  from?: Month;
  months?: number;
  scenario?: TreasuryScenario;
  includeSubmitted?: boolean;
  /** "Today" for deadlines and reminders; default today in Europe/Paris. */
  asOf?: IsoDate;
}

/** A projection already serialised, with an ETag that changes whenever its inputs do. */
export interface SerialisedProjection {
  /** UTF-8 JSON, encoded once. */
  json: Buffer;
  etag: string;
  /** The same, gzipped on first demand then kept (the JSON of a big portfolio is megabytes). */
  gzip(): Promise<Buffer>;
}

export interface TreasuryFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const gzipAsync = promisify(gzip);
const DEFAULT_MONTHS = 24;
const MAX_MONTHS = 120;
/** Statuses shown "as if granted" in one application's own plan: its cash plan if it goes through. */
const NOT_YET_FUNDED: readonly ApplicationStatus[] = ['idea', 'preparing', 'submitted'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';

interface ApplicationRow {
  id: string;
  title: string;
  status: ApplicationStatus;
  submission_deadline: string | null;
  operation_start: string;
  operation_end: string;
  total_cost_cents: string;
  expenses: ApplicationInput['expenses'] | null;
  tasks: ApplicationInput['tasks'];
  eu_area: EuArea | null;
  submitted_at: string | null;
  notified_at: string | null;
}

interface LineRow {
  id: string;
  application_id: string;
  funder: string;
  kind: FundingKind;
  amount_cents: string;
  status: FundingLineStatus;
  signed_at: string | null;
  schedule: FundingLineInput['schedule'] | null;
  bridge: FundingLineInput['bridge'] | null;
  intermediate_body: boolean;
}

/** The organisation's cash plan from its stored applications and settings, and its exports. */
@Injectable()
export class TreasuryService {
  private readonly cache = new ProjectionCache<SerialisedProjection>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FUNDING_RULES) private readonly rules: FundingRules,
    private readonly settings: TreasurySettingsService,
    private readonly applications: ApplicationService,
  ) {}

  async project(principal: Principal, query: ProjectionQuery): Promise<TreasuryProjection> {
    const [settings, applications] = await Promise.all([
      this.settings.get(principal.organisationId),
      this.loadApplications(principal.organisationId),
    ]);
    return this.run(effectiveSettings(settings, query), applications, withFrom(query, settings));
  }

  /**
   * The projection as JSON, served from a per-process cache while the organisation's data is
   * unchanged: the fingerprint (applications count, latest change, versions; settings version)
   * is read first, so data written meanwhile can only land under a newer key.
   */
  async projectJson(principal: Principal, query: ProjectionQuery): Promise<SerialisedProjection> {
    const organisationId = principal.organisationId;
    const [settings, fingerprint] = await Promise.all([
      this.settings.get(organisationId),
      this.fingerprint(organisationId),
    ]);
    const range = withFrom(query, settings);
    const key = [
      organisationId,
      fingerprint,
      settings.version,
      range.from,
      range.months ?? DEFAULT_MONTHS,
      range.scenario ?? 'expected',
      range.includeSubmitted ? 1 : 0,
      range.asOf ?? todayInParis(),
    ].join('|');
    const cached = this.cache.get(key);
    if (cached) return cached;
    const projection = this.run(
      effectiveSettings(settings, query),
      await this.loadApplications(organisationId),
      range,
    );
    const json = Buffer.from(JSON.stringify(projection), 'utf8');
    let gzipped: Promise<Buffer> | null = null;
    const serialised: SerialisedProjection = {
      json,
      etag: `"${createHash('sha1').update(key).digest('base64url')}"`,
      // Level 1: ~10× smaller already on this repetitive JSON, for a fraction of level 6's CPU.
      gzip: () => (gzipped ??= gzipAsync(json, { level: 1 })),
    };
    this.cache.set(key, serialised);
    return serialised;
  }

  private async fingerprint(organisationId: string): Promise<string> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::text AS n, coalesce(max(updated_at), 'epoch')::text AS changed, coalesce(sum(version), 0)::text AS versions
         FROM application WHERE organisation_id = $1`,
      [organisationId],
    )) as { n: string; changed: string; versions: string }[];
    return `${row.n}/${row.changed}/${row.versions}`;
  }

  /**
   * One application's own plan: its flows alone from a zero balance, and — before it is granted —
   * as if it were (what it would do to the cash if it goes through).
   */
  async projectApplication(
    principal: Principal,
    id: string,
    query: ProjectionQuery,
  ): Promise<{ projection: TreasuryProjection; title: string }> {
    const app = await this.applications.input(principal, id);
    const from = query.from ?? fromMonthIndex(toMonthIndex(app.operationStart));
    const operationMonths = toMonthIndex(app.operationEnd) - toMonthIndex(app.operationStart) + 1;
    const months = query.months ?? Math.min(MAX_MONTHS, operationMonths + DEFAULT_MONTHS);
    const settings: TreasurySettings = {
      openingBalanceCents: 0,
      openingMonth: from,
      recurring: [],
      minimumCashCents: 0,
    };
    const status = NOT_YET_FUNDED.includes(app.status) ? 'granted' : app.status;
    const projection = this.run(settings, [{ ...app, status }], { ...query, from, months });
    return { projection, title: app.title };
  }

  async exportStructure(
    principal: Principal,
    query: ProjectionQuery,
    format: 'xlsx' | 'csv',
  ): Promise<TreasuryFile> {
    const projection = await this.project(principal, query);
    const first = projection.months[0]?.month ?? 'plan';
    const filename = `tresorerie-${first}-${projection.months.length}-mois.${format}`;
    if (format === 'csv')
      return { filename, contentType: CSV, body: Buffer.from(treasuryToCsv(projection), 'utf8') };
    const titles = await this.titles(principal.organisationId);
    return {
      filename,
      contentType: XLSX,
      body: await treasuryToXlsx(projection, { applicationTitles: titles }),
    };
  }

  async exportApplication(
    principal: Principal,
    id: string,
    query: ProjectionQuery,
    format: 'xlsx' | 'csv',
  ): Promise<TreasuryFile> {
    const { projection, title } = await this.projectApplication(principal, id, query);
    const filename = `tresorerie-${slug(title)}.${format}`;
    const scope = { applicationId: id };
    if (format === 'csv')
      return {
        filename,
        contentType: CSV,
        body: Buffer.from(treasuryToCsv(projection, scope), 'utf8'),
      };
    return {
      filename,
      contentType: XLSX,
      body: await treasuryToXlsx(projection, { scope, applicationTitles: { [id]: title } }),
    };
  }

  private run(
    settings: TreasurySettings,
    applications: ApplicationInput[],
    query: ProjectionQuery & { from: Month },
  ): TreasuryProjection {
    return projectTreasury({
      settings,
      applications,
      rules: this.rules,
      from: query.from,
      months: query.months ?? DEFAULT_MONTHS,
      scenario: query.scenario,
      includeSubmitted: query.includeSubmitted,
      asOf: query.asOf,
      // Stored applications were validated on write; the range and settings are checked below.
      validate: false,
    });
  }

  /** Two flat queries rather than entity hydration: this is the hot path of every projection. */
  private async loadApplications(organisationId: string): Promise<ApplicationInput[]> {
    const [apps, lines] = await Promise.all([
      this.dataSource.query(
        `SELECT id, title, status, to_char(submission_deadline, 'YYYY-MM-DD') AS submission_deadline,
                operation_start, operation_end, total_cost_cents, expenses, tasks, eu_area,
                to_char(submitted_at, 'YYYY-MM-DD') AS submitted_at, to_char(notified_at, 'YYYY-MM-DD') AS notified_at
           FROM application WHERE organisation_id = $1 AND status <> 'rejected'
          ORDER BY created_at, id`,
        [organisationId],
      ) as Promise<ApplicationRow[]>,
      this.dataSource.query(
        `SELECT l.id, l.application_id, l.funder, l.kind, l.amount_cents, l.status,
                to_char(l.signed_at, 'YYYY-MM-DD') AS signed_at, l.schedule, l.bridge, l.intermediate_body
           FROM funding_line l JOIN application a ON a.id = l.application_id
          WHERE a.organisation_id = $1 AND a.status <> 'rejected'
          ORDER BY l.application_id, l.position, l.created_at`,
        [organisationId],
      ) as Promise<LineRow[]>,
    ]);
    const linesByApp = new Map<string, FundingLineInput[]>();
    for (const row of lines) {
      const list = linesByApp.get(row.application_id) ?? [];
      list.push(lineInput(row));
      linesByApp.set(row.application_id, list);
    }
    return apps.map((row) => applicationInput(row, linesByApp.get(row.id) ?? []));
  }

  private async titles(organisationId: string): Promise<Record<string, string>> {
    const rows = (await this.dataSource.query(
      'SELECT id, title FROM application WHERE organisation_id = $1',
      [organisationId],
    )) as {
      id: string;
      title: string;
    }[];
    return Object.fromEntries(rows.map((r) => [r.id, r.title]));
  }
}

/** Until the accountant sets them, the settings open at 0 on the first month asked for. */
function effectiveSettings(
  settings: TreasurySettingsView,
  query: ProjectionQuery,
): TreasurySettings {
  const { version: _version, configured, ...values } = settings;
  return configured ? values : { ...values, openingMonth: query.from ?? values.openingMonth };
}

function withFrom(
  query: ProjectionQuery,
  settings: TreasurySettingsView,
): ProjectionQuery & { from: Month } {
  return { ...query, from: query.from ?? settings.openingMonth };
}

function lineInput(row: LineRow): FundingLineInput {
  return compact({
    id: row.id,
    funder: row.funder,
    kind: row.kind,
    amountCents: Number(row.amount_cents),
    status: row.status,
    signedAt: row.signed_at,
    schedule: row.schedule,
    bridge: row.bridge,
    intermediateBody: row.intermediate_body || undefined,
  }) as FundingLineInput;
}

function applicationInput(row: ApplicationRow, fundingLines: FundingLineInput[]): ApplicationInput {
  return compact({
    id: row.id,
    title: row.title,
    status: row.status,
    submissionDeadline: row.submission_deadline,
    operationStart: row.operation_start,
    operationEnd: row.operation_end,
    totalCostCents: Number(row.total_cost_cents),
    expenses: row.expenses,
    submittedAt: row.submitted_at,
    notifiedAt: row.notified_at,
    euArea: row.eu_area,
    tasks: row.tasks,
    fundingLines,
  }) as ApplicationInput;
}

/** A file name any system accepts: "Parcours numériques – FSE+" → "parcours-numeriques-fse". */
function slug(title: string): string {
  const ascii = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return (
    ascii
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'dossier'
  );
}
