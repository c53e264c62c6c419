import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Call } from './call.entity';

/** `moved`: a source now publishes the call at another address (not a change a watch reports). */
export type CallEventKind =
  'created' | 'changed' | 'withdrawn' | 'reappeared' | 'source_added' | 'moved';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** The dated history of a call: what changed, when, seen on which source. */
@Entity({ name: 'call_event' })
@Index('ix_call_event_call_occurred', ['callId', 'occurredAt'])
export class CallEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  @Column({ name: 'source_id', type: 'text', nullable: true })
  sourceId: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text' })
  kind: CallEventKind;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  changes: FieldChange[];

  /** French, for feeds and the timeline: « date limite reportée du 15/03/2027 au 30/04/2027 ». */
  @Column({ type: 'text' })
  summary: string;
}
