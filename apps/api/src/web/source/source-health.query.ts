import { waitingForSecretMessage, waitsForSecret, type SourceDefinition } from '@app/ingestion';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type SourceHealth = 'ok' | 'failing' | 'suspect' | 'disabled' | 'never' | 'waiting';

export interface SourceHealthView {
  id: string;
  name: string;
  funder: string;
  url: string;
  health: SourceHealth;
  consecutiveFailures: number;
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastItemCount: number | null;
  lastRun: { status: string; created: number; changed: number; failed: number } | null;
  /** French: the variable to set and how to get its secret, while it is unset. */
  waitingForToken: string | null;
}

export interface RunErrorView {
  sourceName: string;
  startedAt: Date;
  code: string;
  message: string;
  url: string | null;
}

interface SourceRow {
  id: string;
  name: string;
  funder: string;
  url: string;
  enabled: boolean;
  layout_suspect: boolean;
  consecutive_failures: number;
  last_run_at: Date | null;
  last_success_at: Date | null;
  last_error: string | null;
  last_item_count: number | null;
  run_status: string | null;
  created_count: number | null;
  changed_count: number | null;
  failed_count: number | null;
  auth: { secretEnv?: string; howToGet?: string } | null;
}

const RECENT_ERRORS = 20;

/** Each source's health and its last run, from the `source` and `source_run` tables. */
@Injectable()
export class SourceHealthQuery {
  constructor(private readonly dataSource: DataSource) {}

  async sources(): Promise<SourceHealthView[]> {
    const rows = await this.dataSource.query<SourceRow[]>(
      `SELECT s.id, s.name, s.funder, s.url, s.enabled, s.layout_suspect, s.consecutive_failures,
              s.last_run_at, s.last_success_at, s.last_error, s.last_item_count,
              s.definition->'auth' AS auth,
              r.status AS run_status, r.created_count, r.changed_count, r.failed_count
         FROM source s
         LEFT JOIN LATERAL (
           SELECT status, created_count, changed_count, failed_count FROM source_run
            WHERE source_id = s.id ORDER BY started_at DESC LIMIT 1) r ON true
        ORDER BY s.consecutive_failures DESC, s.name`,
    );
    return rows.map((row) => ({
      waitingForToken: waitingForTokenOf(row.auth),
      id: row.id,
      name: row.name,
      funder: row.funder,
      url: row.url,
      health: healthOf(row),
      consecutiveFailures: row.consecutive_failures,
      lastRunAt: row.last_run_at,
      lastSuccessAt: row.last_success_at,
      lastError: row.last_error,
      lastItemCount: row.last_item_count,
      lastRun: row.run_status
        ? {
            status: row.run_status,
            created: row.created_count ?? 0,
            changed: row.changed_count ?? 0,
            failed: row.failed_count ?? 0,
          }
        : null,
    }));
  }

  async recentErrors(): Promise<RunErrorView[]> {
    const rows = await this.dataSource.query<
      Array<{ name: string; started_at: Date; code: string; message: string; url: string | null }>
    >(
      `SELECT s.name, r.started_at, e->>'code' AS code, e->>'message' AS message, e->>'url' AS url
         FROM source_run r JOIN source s ON s.id = r.source_id,
              jsonb_array_elements(r.errors) e
        WHERE jsonb_array_length(r.errors) > 0
        ORDER BY r.started_at DESC LIMIT ${RECENT_ERRORS}`,
    );
    return rows.map((r) => ({
      sourceName: r.name,
      startedAt: r.started_at,
      code: r.code,
      message: r.message,
      url: r.url,
    }));
  }
}

/** Only the variable's name is stored; whether it is set is read from this process's environment. */
function waitingForTokenOf(auth: SourceRow['auth']): string | null {
  if (!auth?.secretEnv) return null;
  return waitsForSecret({ auth } as unknown as SourceDefinition, process.env)
    ? waitingForSecretMessage({ secretEnv: auth.secretEnv, howToGet: auth.howToGet ?? '' })
    : null;
}

function healthOf(row: SourceRow): SourceHealth {
  if (!row.enabled) return 'disabled';
  if (waitingForTokenOf(row.auth)) return 'waiting';
  if (row.consecutive_failures > 0) return 'failing';
  if (row.layout_suspect) return 'suspect';
  if (!row.last_run_at) return 'never';
  return 'ok';
}
