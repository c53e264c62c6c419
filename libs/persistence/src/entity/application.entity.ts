import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintToNumber } from './bigint.transformer';
import { Call } from './call.entity';
import { Organisation } from './organisation.entity';

export interface StoredExpense {
  month: string;
  amountCents: number;
  label?: string;
  committedOn?: string;
}

/**
 * A target funders ask for, planned at filing. What is achieved is dated activity
 * (`activity_entry`, issue 18), summed per period by the funder's report.
 */
export interface StoredIndicator {
  /** A key of config/indicators.yaml (people_accompanied…), or the dossier's own. */
  key: string;
  label?: string;
  planned: number;
}

export interface StoredTask {
  label: string;
  kind: 'submission' | 'interim_report' | 'final_report' | 'other';
  dueDate: string;
  done?: boolean;
}

/** A funding application of one organisation, from the idea to the final payment. */
@Entity({ name: 'application' })
@Index('ix_application_organisation_status', ['organisationId', 'status'])
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ name: 'call_id', type: 'uuid', nullable: true })
  callId: string | null;

  /** A call may be purged while applications to it live on. */
  @ManyToOne(() => Call, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  @Column({ type: 'text' })
  title: string;

  /** idea | preparing | submitted | granted | rejected | agreement_signed | in_progress | reporting | closed */
  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'submission_deadline', type: 'date', nullable: true })
  submissionDeadline: string | null;

  /** `YYYY-MM` or `YYYY-MM-DD` as the user gave it; only the month matters to the cash plan. */
  @Column({ name: 'operation_start', type: 'text' })
  operationStart: string;

  @Column({ name: 'operation_end', type: 'text' })
  operationEnd: string;

  @Column({ name: 'total_cost_cents', type: 'bigint', transformer: bigintToNumber })
  totalCostCents: number;

  /** Null: the total cost spread evenly over the operation's months. */
  @Column({ type: 'jsonb', nullable: true })
  expenses: StoredExpense[] | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  indicators: StoredIndicator[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  tasks: StoredTask[];

  @Column({ name: 'eu_area', type: 'text', nullable: true })
  euArea: string | null;

  /** Filing receipt (accusé de réception). */
  @Column({ name: 'submitted_at', type: 'date', nullable: true })
  submittedAt: string | null;

  @Column({ name: 'notified_at', type: 'date', nullable: true })
  notifiedAt: string | null;

  /** Optimistic concurrency: every change to the application or its funding lines bumps it. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
