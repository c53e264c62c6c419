import type { DataSource } from 'typeorm';
import type {
  ApplicationStatus,
  EuArea,
  FundingKind,
  FundingLineStatus,
} from '../funding-kind.constants';
import type { ApplicationInput, FundingLineInput } from '../treasury.types';
import { compact } from './application-record.util';
import { ProjectionCache } from './projection-cache';

interface ApplicationRow {
  id: string;
  stamp: string;
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
  claims: FundingLineInput['claims'] | null;
}

interface StoredInput {
  /** Version and last change of the application row: either moving means "read it again". */
  stamp: string;
  input: ApplicationInput;
}

interface OrganisationInputs {
  fingerprint: string;
  inputs: ApplicationInput[];
  byId: Map<string, StoredInput>;
}

/** Past this share of changed applications, one query for all of them beats a list of ids. */
const RELOAD_ALL_SHARE = 0.5;

const STAMP = `version::text || '/' || updated_at::text`;
const APPLICATION_COLUMNS = `id, ${STAMP} AS stamp, title, status, to_char(submission_deadline, 'YYYY-MM-DD') AS submission_deadline,
  operation_start, operation_end, total_cost_cents, expenses, tasks, eu_area,
  to_char(submitted_at, 'YYYY-MM-DD') AS submitted_at, to_char(notified_at, 'YYYY-MM-DD') AS notified_at`;
const LINE_COLUMNS = `l.id, l.application_id, l.funder, l.kind, l.amount_cents, l.status,
  to_char(l.signed_at, 'YYYY-MM-DD') AS signed_at, l.schedule, l.bridge, l.intermediate_body, l.claims`;

/**
 * The organisation's non-rejected applications as library inputs, kept per process. Every write
 * to an application or its lines bumps its version and `updated_at` (ApplicationService locks the
 * row that way), so after a change only the applications whose stamp moved are read again.
 */
export class ApplicationInputStore {
  private readonly organisations = new ProjectionCache<OrganisationInputs>(16);

  constructor(private readonly dataSource: DataSource) {}

  /** `fingerprint` summarises the organisation's applications; unchanged, nothing is queried. */
  async inputs(organisationId: string, fingerprint: string): Promise<ApplicationInput[]> {
    const known = this.organisations.get(organisationId);
    if (known?.fingerprint === fingerprint) return known.inputs;
    const current = (await this.dataSource.query(
      `SELECT id, ${STAMP} AS stamp FROM application
        WHERE organisation_id = $1 AND status <> 'rejected' ORDER BY created_at, id`,
      [organisationId],
    )) as { id: string; stamp: string }[];
    const stale = current
      .filter(({ id, stamp }) => known?.byId.get(id)?.stamp !== stamp)
      .map(({ id }) => id);
    const loaded =
      stale.length === 0
        ? new Map<string, StoredInput>()
        : await this.load(
            organisationId,
            stale.length > current.length * RELOAD_ALL_SHARE ? null : stale,
          );
    const byId = new Map<string, StoredInput>();
    const inputs: ApplicationInput[] = [];
    for (const { id } of current) {
      // Missing from both: rejected or deleted between the two queries.
      const stored = loaded.get(id) ?? known?.byId.get(id);
      if (!stored) continue;
      byId.set(id, stored);
      inputs.push(stored.input);
    }
    this.organisations.set(organisationId, { fingerprint, inputs, byId });
    return inputs;
  }

  /** Two flat queries rather than entity hydration: this is the hot path of every projection. */
  private async load(
    organisationId: string,
    ids: string[] | null,
  ): Promise<Map<string, StoredInput>> {
    const [apps, lines] = await Promise.all([
      this.dataSource.query(
        ids
          ? `SELECT ${APPLICATION_COLUMNS} FROM application WHERE organisation_id = $1 AND id = ANY($2::uuid[])`
          : `SELECT ${APPLICATION_COLUMNS} FROM application WHERE organisation_id = $1 AND status <> 'rejected'`,
        ids ? [organisationId, ids] : [organisationId],
      ) as Promise<ApplicationRow[]>,
      this.dataSource.query(
        `SELECT ${LINE_COLUMNS}
           FROM funding_line l JOIN application a ON a.id = l.application_id
          WHERE a.organisation_id = $1 ${ids ? 'AND a.id = ANY($2::uuid[])' : "AND a.status <> 'rejected'"}
          ORDER BY l.application_id, l.position, l.created_at`,
        ids ? [organisationId, ids] : [organisationId],
      ) as Promise<LineRow[]>,
    ]);
    const linesByApp = new Map<string, FundingLineInput[]>();
    for (const row of lines) {
      const list = linesByApp.get(row.application_id) ?? [];
      list.push(lineInput(row));
      linesByApp.set(row.application_id, list);
    }
    const loaded = new Map<string, StoredInput>();
    for (const row of apps) {
      if (row.status === 'rejected') continue;
      loaded.set(row.id, {
        stamp: row.stamp,
        input: applicationInput(row, linesByApp.get(row.id) ?? []),
      });
    }
    return loaded;
  }
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
    claims: row.claims ?? undefined,
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
