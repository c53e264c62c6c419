import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A watched source. `definition` holds the whole validated definition (selectors, mapping…)
 * as read from config/sources.yaml or the admin API; the columns beside it are what we query.
 */
@Entity({ name: 'source' })
export class Source {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text' })
  funder: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  territory: string[];

  /** Cron expression in Europe/Paris. */
  @Column({ type: 'text' })
  schedule: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'jsonb' })
  definition: Record<string, unknown>;

  /** Validators and cached pages of the last run (conditional requests), per URL. */
  @Column({ name: 'connector_state', type: 'jsonb', default: () => "'{}'" })
  connectorState: Record<string, unknown>;

  @Column({ name: 'last_run_at', type: 'timestamptz', nullable: true })
  lastRunAt: Date | null;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'last_error_at', type: 'timestamptz', nullable: true })
  lastErrorAt: Date | null;

  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures: number;

  @Column({ name: 'last_item_count', type: 'integer', nullable: true })
  lastItemCount: number | null;

  /** Set when a source that used to yield calls suddenly yields none: its layout probably changed. */
  @Column({ name: 'layout_suspect', type: 'boolean', default: false })
  layoutSuspect: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
