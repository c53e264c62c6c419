import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintToNumber } from './bigint.transformer';
import { Organisation } from './organisation.entity';

export interface StoredRecurringFlow {
  label: string;
  direction: 'in' | 'out';
  amountCents: number;
  fromMonth?: string;
  toMonth?: string;
}

/** An organisation's cash starting point; absent until its accountant sets it (then 0, no flows). */
@Entity({ name: 'treasury_settings' })
export class TreasurySettingsRecord {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @OneToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  /** May be negative (an overdraft). */
  @Column({ name: 'opening_balance_cents', type: 'bigint', transformer: bigintToNumber })
  openingBalanceCents: number;

  @Column({ name: 'opening_month', type: 'text' })
  openingMonth: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  recurring: StoredRecurringFlow[];

  @Column({ name: 'minimum_cash_cents', type: 'bigint', transformer: bigintToNumber })
  minimumCashCents: number;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
