import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Call } from './call.entity';
import { WatchProfile } from './watch-profile.entity';

/** A call that fits a profile, kept up to date by the worker when calls or profiles change. */
@Entity({ name: 'watch_match' })
@Unique('uq_watch_match_profile_call', ['profileId', 'callId'])
@Index('ix_watch_match_profile_score', ['profileId', 'score'])
@Index('ix_watch_match_profile_matched', ['profileId', 'matchedAt'])
export class WatchMatch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'profile_id', type: 'uuid' })
  profileId: string;

  @ManyToOne(() => WatchProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id' })
  profile?: WatchProfile;

  /** Denormalised so every read filters on the tenant first. */
  @Index('ix_watch_match_organisation')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Index('ix_watch_match_call')
  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  /** In [0, 1]. */
  @Column({ type: 'real' })
  score: number;

  /** French sentences: why the call matched this profile. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  reasons: string[];

  /** When the call (re)appeared in the profile: first match, or a change after it. */
  @Column({ name: 'matched_at', type: 'timestamptz' })
  matchedAt: Date;

  /** The call_event that made it reappear, with its French summary. */
  @Column({ name: 'change_event_id', type: 'uuid', nullable: true })
  changeEventId: string | null;

  @Column({ name: 'change_summary', type: 'text', nullable: true })
  changeSummary: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
