import { Principal } from '@app/tenancy';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ApplicationStatus } from '../funding-kind.constants';
import type { FundingRules } from '../funding-rules.types';
import { toMonthIndex, fromMonthIndex } from '../month.util';
import { treasuryToCsv } from '../treasury-csv.exporter';
import type { TreasuryProjection } from '../treasury-projection.types';
import { treasuryToXlsx } from '../treasury-xlsx.exporter';
import { projectTreasury } from '../treasury.projector';
import type {
  ApplicationInput,
  IsoDate,
  Month,
  TreasuryScenario,
  TreasurySettings,
} from '../treasury.types';
import { ApplicationInputStore } from './application-input.store';
import { ApplicationService } from './application.service';
import { FUNDING_RULES } from './funding-rules.provider';
import { Clock } from '@app/common';
import { ProjectionCache } from './projection-cache';
import { TreasurySettingsService, type TreasurySettingsView } from './treasury-settings.service';

export interface ProjectionQuery {
  from?: Month;
  months?: number;
  scenario?: TreasuryScenario;
  includeSubmitted?: boolean;
  /** "Today" for deadlines and reminders; default today in Europe/Paris. */
  asOf?: IsoDate;
  /** False: `projectJson` leaves out each month's movements. Default true. */
  lines?: boolean;
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

/** The organisation's cash plan from its stored applications and settings, and its exports. */
@Injectable()
export class TreasuryService {
  private readonly cache = new ProjectionCache<Promise<SerialisedProjection>>();
  private readonly inputs: ApplicationInputStore;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FUNDING_RULES) private readonly rules: FundingRules,
    private readonly settings: TreasurySettingsService,
    private readonly applications: ApplicationService,
    private readonly clock: Clock,
  ) {
    this.inputs = new ApplicationInputStore(dataSource);
  }

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
      range.asOf ?? this.clock.today(),
      range.lines === false ? 'curve' : 'lines',
    ].join('|');
    const cached = this.cache.get(key);
    if (cached) return cached;
    // The promise is cached, not its result: concurrent requests for the same key compute once.
    const computing = this.serialise(
      key,
      effectiveSettings(settings, query),
      this.inputs.inputs(organisationId, fingerprint),
      range,
    );
    this.cache.set(key, computing);
    computing.catch(() => this.cache.delete(key));
    return computing;
  }

  private async serialise(
    key: string,
    settings: TreasurySettings,
    applications: Promise<ApplicationInput[]>,
    range: ProjectionQuery & { from: Month },
  ): Promise<SerialisedProjection> {
    const projection = this.run(settings, await applications, range);
    const json = Buffer.from(
      JSON.stringify(range.lines === false ? withoutLines(projection) : projection),
      'utf8',
    );
    let gzipped: Promise<Buffer> | null = null;
    return {
      json,
      etag: `"${createHash('sha1').update(key).digest('base64url')}"`,
      // Level 1: ~5× smaller already on this repetitive JSON, for a fraction of level 6's CPU.
      gzip: () => (gzipped ??= gzipAsync(json, { level: 1 })),
    };
  }

  /** The organisation's applications, from the per-process store while they are unchanged. */
  private async loadApplications(organisationId: string): Promise<ApplicationInput[]> {
    return this.inputs.inputs(organisationId, await this.fingerprint(organisationId));
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
      asOf: query.asOf ?? this.clock.today(),
      // Stored applications were validated on write; the range and settings are checked below.
      validate: false,
    });
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

/** The projection without its movements, for clients that draw the curve only (never builds them). */
function withoutLines(projection: TreasuryProjection): object {
  const months = projection.months.map((m) => ({
    month: m.month,
    openingCents: m.openingCents,
    inflowsCents: m.inflowsCents,
    outflowsCents: m.outflowsCents,
    closingCents: m.closingCents,
  }));
  return { ...projection, months };
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
