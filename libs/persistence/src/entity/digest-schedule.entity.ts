import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * When each digest subject (`profile:<id>`, `collectif:<id>`) is next due. A tick reads only the
 * rows due, through the index; serving a subject moves it to its next period (or to its next
 * retry). A row whose subject is gone or no longer sends digests is deleted when it comes due.
 */
@Entity({ name: 'digest_schedule' })
export class DigestSchedule {
  @PrimaryColumn({
    name: 'subject_key',
    type: 'text',
    primaryKeyConstraintName: 'PK_digest_schedule',
  })
  subjectKey: string;

  /** Defaults to long ago: a new or edited subject is due at the next tick, whatever the clock. */
  @Index('ix_digest_schedule_next_due')
  @Column({
    name: 'next_due_at',
    type: 'timestamptz',
    default: () => "'1970-01-01 00:00:00+00'",
  })
  nextDueAt: Date;
}
