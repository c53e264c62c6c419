import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { StoredExplanationEntry } from './call-classification.entity';
import { Call } from './call.entity';
import { Organisation } from './organisation.entity';

/**
 * A call whose relevance for one organisation differs from the shared one: the call it marked,
 * calls close to a marked one (and, later, calls it may not apply to). Every other call keeps
 * its shared score, so the lists rank the few rows here against the shared index instead of
 * re-scoring every call on each request. Written by the ranking rule only.
 */
@Entity({ name: 'organisation_call_score' })
@Index('ix_organisation_call_score_rank', ['organisationId', 'relevant', 'score', 'callId'])
@Index('ix_organisation_call_score_call', ['callId'])
export class OrganisationCallScore {
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

  /** The organisation's relevance in [0, 1], the one figure every surface shows. */
  @Column({ type: 'real' })
  score: number;

  @Column({ type: 'boolean' })
  relevant: boolean;

  /** The organisation's own mark on this call, if any (« pertinent » true, « pas pour nous » false). */
  @Column({ type: 'boolean', nullable: true })
  mark: boolean | null;

  /** Why the figure moved (« proche d'un appel que vous avez marqué pertinent »). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  reasons: StoredExplanationEntry[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** What an organisation's stored scores were computed from, so the worker knows when to redo them. */
@Entity({ name: 'organisation_score_state' })
export class OrganisationScoreState {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  /** The marks' count and latest change (`3|2026-11-23 …`) the scores were learnt from. */
  @Column({ name: 'marks_stamp', type: 'text' })
  marksStamp: string;

  /** Calls classified up to this instant are scored; later ones are scored on the next pass. */
  @Column({ name: 'scored_through', type: 'timestamptz', nullable: true })
  scoredThrough: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
