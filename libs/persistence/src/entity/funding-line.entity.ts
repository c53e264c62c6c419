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
import { Application } from './application.entity';

export interface StoredFundingSchedule {
  advancePct?: number;
  advanceDelayMonths?: number;
  interim?: { pct: number; monthsAfterStart: number }[];
  balanceDelayMonths?: number;
  payments?: { month: string; amountCents: number }[];
}

/** One funder's share of an application's funding plan (or a bridge loan). */
@Entity({ name: 'funding_line' })
@Index('ix_funding_line_application', ['applicationId', 'position'])
export class FundingLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  /** Order in the plan as the user entered it. */
  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'text' })
  funder: string;

  /** FSE_PLUS, FEADER_LEADER, … BRIDGE_LOAN (see @app/treasury FUNDING_KINDS). */
  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: bigintToNumber })
  amountCents: number;

  /** planned | requested | granted | received */
  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'signed_at', type: 'date', nullable: true })
  signedAt: string | null;

  /** Overrides of the kind's payment rules; null = the rules file. */
  @Column({ type: 'jsonb', nullable: true })
  schedule: StoredFundingSchedule | null;

  /** BRIDGE_LOAN only. */
  @Column({ type: 'jsonb', nullable: true })
  bridge: { endMonth: string } | null;

  @Column({ name: 'intermediate_body', type: 'boolean', default: false })
  intermediateBody: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
