import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Call } from './call.entity';
import { Source } from './source.entity';

/** Where a call was seen: one row per source that publishes it. */
@Entity({ name: 'call_source' })
@Unique('uq_call_source_external', ['sourceId', 'externalId'])
@Index('ix_call_source_identity', ['sourceId', 'identityKey'])
export class CallSource {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_call_source_call')
  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  @Column({ name: 'source_id', type: 'text' })
  sourceId: string;

  @ManyToOne(() => Source, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: Source;

  @Column({ name: 'external_id', type: 'text' })
  externalId: string;

  @Column({ type: 'text' })
  url: string;

  /** The normalised call as this source last gave it. */
  @Column({ type: 'jsonb' })
  snapshot: Record<string, unknown>;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  /**
   * What the call is inside its source whatever its address (title, funders, deadlines, text):
   * how a sighting is found again when the source's site moves and its external ids change.
   * Null on sightings stored before it existed, until their next crawl writes it.
   */
  @Column({ name: 'identity_key', type: 'text', nullable: true })
  identityKey: string | null;

  @Column({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  /** Consecutive successful runs of the source that did not list it; 2 → withdrawn. */
  @Column({ name: 'missing_runs', type: 'integer', default: 0 })
  missingRuns: number;
}
