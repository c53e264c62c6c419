import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber } from './bigint.transformer';
import { Source } from './source.entity';

export type SourceRunStatus = 'running' | 'succeeded' | 'failed';

export interface SourceRunError {
  code: string;
  message: string;
  url?: string | null;
  externalId?: string | null;
}

/** One crawl of one source, with what it found; the history behind the source's health. */
@Entity({ name: 'source_run' })
@Index('ix_source_run_source_started', ['sourceId', 'startedAt'])
/** The purge of old runs reads by end date (issue 16, item 5). */
@Index('ix_source_run_finished_at', ['finishedAt'])
export class SourceRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId: string;

  @ManyToOne(() => Source, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: Source;

  @Column({ type: 'text' })
  status: SourceRunStatus;

  /** schedule | cli | api */
  @Column({ type: 'text' })
  trigger: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  fetched: number;

  @Column({ name: 'created_count', type: 'integer', default: 0 })
  createdCount: number;

  @Column({ name: 'changed_count', type: 'integer', default: 0 })
  changedCount: number;

  @Column({ name: 'unchanged_count', type: 'integer', default: 0 })
  unchangedCount: number;

  @Column({ name: 'withdrawn_count', type: 'integer', default: 0 })
  withdrawnCount: number;

  @Column({ name: 'failed_count', type: 'integer', default: 0 })
  failedCount: number;

  @Column({ type: 'integer', default: 0 })
  requests: number;

  @Column({ name: 'not_modified', type: 'integer', default: 0 })
  notModified: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintToNumber })
  bytes: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors: SourceRunError[];
}
