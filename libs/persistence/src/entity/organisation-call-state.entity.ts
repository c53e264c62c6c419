import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Call } from './call.entity';
import { Organisation } from './organisation.entity';

export type CallStatus = 'new' | 'seen' | 'shortlisted' | 'dismissed' | 'applied';
export const CALL_STATUSES: readonly CallStatus[] = [
  'new',
  'seen',
  'shortlisted',
  'dismissed',
  'applied',
];

/** What one organisation thinks of one call: private unless it chose to share with a collectif. */
@Entity({ name: 'organisation_call_state' })
@Index('ix_organisation_call_state_call', ['callId'])
export class OrganisationCallState {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @PrimaryColumn({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  @Column({ type: 'text', default: 'new' })
  status: CallStatus;

  @Column({ type: 'text', default: '' })
  notes: string;

  /** Receive this call's changes (digest section "changed followed calls"). */
  @Column({ type: 'boolean', default: false })
  follow: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
