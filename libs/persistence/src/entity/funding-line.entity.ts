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
  /** Months from the later of a claim and its proofs to the payment (the convention's figure). */
  claimDelayMonths?: number;
  payments?: { month: string; amountCents: number }[];
}

/** A payment claim of a reimbursement fund (see @app/treasury ClaimInput). */
export interface StoredClaim {
  filedOn: string;
  planned?: boolean;
  periodStart: string;
  periodEnd: string;
  expensesCents?: number;
  cofinancing?: 'received_by_claim' | { line: number; month: string }[];
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

  /**
   * Reimbursement funds: the line's payment claims, in place of the rule's periodic ones; null
   * when none. Kept with the line (jsonb, like `schedule`): they are read and written with it and
   * refer to other lines by position, never queried on their own.
   */
  @Column({ type: 'jsonb', nullable: true })
  claims: StoredClaim[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
