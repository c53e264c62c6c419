import { waitingForSecretMessage, waitsForSecret, type SourceDefinition } from '@app/ingestion';
import type { Source, SourceRun, SourceRunError } from '@app/persistence';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SourceHealthView {
  @ApiPropertyOptional({ type: String, nullable: true }) lastRunAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) lastSuccessAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) lastError: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) lastErrorAt: string | null;
  @ApiProperty() consecutiveFailures: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'calls read by the last successful run',
  })
  lastItemCount: number | null;
  @ApiProperty({
    description: 'the source used to yield calls and now yields none: its layout probably changed',
  })
  layoutSuspect: boolean;
}

export class SourceView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['rss', 'opendatasoft', 'json', 'html', 'aides-territoires', 'eu-sedia'] })
  kind: string;
  @ApiProperty() url: string;
  @ApiProperty() funder: string;
  @ApiProperty({ type: [String] }) territory: string[];
  @ApiProperty({ description: 'cron, Europe/Paris' }) schedule: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: SourceHealthView }) health: SourceHealthView;
  @ApiProperty({ type: Object, description: 'the whole definition, as in config/sources.yaml' })
  definition: Record<string, unknown>;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'in French, set while the environment variable holding the source’s secret (auth.secretEnv) is unset: which variable to set and how to get its value; the source does not run meanwhile',
  })
  waitingForToken: string | null;

  static of(source: Source): SourceView {
    const iso = (date: Date | null) => date?.toISOString() ?? null;
    return {
      id: source.id,
      name: source.name,
      kind: source.kind,
      url: source.url,
      funder: source.funder,
      territory: source.territory,
      schedule: source.schedule,
      enabled: source.enabled,
      health: {
        lastRunAt: iso(source.lastRunAt),
        lastSuccessAt: iso(source.lastSuccessAt),
        lastError: source.lastError,
        lastErrorAt: iso(source.lastErrorAt),
        consecutiveFailures: source.consecutiveFailures,
        lastItemCount: source.lastItemCount,
        layoutSuspect: source.layoutSuspect,
      },
      definition: source.definition,
      waitingForToken: waitingForToken(source),
    };
  }
}

export class SourceRunView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['running', 'succeeded', 'failed'] }) status: string;
  @ApiProperty({ enum: ['schedule', 'cli', 'api', 'recovery', 'demo'] }) trigger: string;
  @ApiProperty() startedAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) finishedAt: string | null;
  @ApiProperty() fetched: number;
  @ApiProperty() created: number;
  @ApiProperty() changed: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty() failed: number;
  @ApiProperty() requests: number;
  @ApiProperty() notModified: number;
  @ApiProperty({ type: Object, isArray: true }) errors: SourceRunError[];

  static of(run: SourceRun): SourceRunView {
    return {
      id: run.id,
      status: run.status,
      trigger: run.trigger,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      fetched: run.fetched,
      created: run.createdCount,
      changed: run.changedCount,
      unchanged: run.unchangedCount,
      withdrawn: run.withdrawnCount,
      failed: run.failedCount,
      requests: run.requests,
      notModified: run.notModified,
      errors: run.errors,
    };
  }
}

export class SourceDetailView extends SourceView {
  @ApiProperty({ type: [SourceRunView], description: 'the last runs, newest first' })
  runs: SourceRunView[];
}

export class SourceRemovalView {
  @ApiProperty() deleted: boolean;
  @ApiProperty({ description: 'true when the source has calls: it is disabled instead of deleted' })
  disabled: boolean;
}

export class SourceRunQueuedView {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'null when a run of this source was already queued this minute',
  })
  jobId: string | null;
  @ApiProperty() queued: boolean;
}

/** Only the variable's name is stored; whether it is set is read from this process's environment. */
export function waitingForToken(source: Pick<Source, 'definition'>): string | null {
  const definition = source.definition as unknown as SourceDefinition;
  return definition?.auth && waitsForSecret(definition, process.env)
    ? waitingForSecretMessage(definition.auth)
    : null;
}
