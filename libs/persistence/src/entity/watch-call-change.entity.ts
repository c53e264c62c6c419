import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The change log of calls for matching: a call whose content or score changed and that no
 * matching pass has taken since. Written by triggers on call and call_classification (see the
 * migration); a pass deletes the rows it read, unless the call changed again meanwhile.
 */
@Entity({ name: 'watch_call_change' })
export class WatchCallChange {
  @PrimaryColumn({
    name: 'call_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_watch_call_change',
  })
  callId: string;

  @Index('ix_watch_call_change_changed_at')
  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  changedAt: Date;
}
