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
import { Organisation } from './organisation.entity';

/** How often a digest is e-mailed (watch profiles and collectifs); 'none' sends nothing. */
export const DIGEST_FREQUENCIES = ['weekly', 'daily', 'none'] as const;

export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** What an organisation wants to hear about; matches are computed when calls arrive or change. */
@Entity({ name: 'watch_profile' })
export class WatchProfile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_watch_profile_organisation')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'text' })
  name: string;

  /** Thesaurus theme ids; empty = any theme. GIN-indexed: matching finds profiles by theme. */
  @Index('ix_watch_profile_themes', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes: string[];

  @Column({ name: 'include_keywords', type: 'text', array: true, default: () => "'{}'" })
  includeKeywords: string[];

  /** A call mentioning any of these never matches, whatever its score. */
  @Column({ name: 'exclude_keywords', type: 'text', array: true, default: () => "'{}'" })
  excludeKeywords: string[];

  /** INSEE codes the organisation works in; empty = anywhere. GIN-indexed (matching). */
  @Index('ix_watch_profile_territories', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  territories: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  audiences: string[];

  @Column({ name: 'eu_funds', type: 'text', array: true, default: () => "'{}'" })
  euFunds: string[];

  @Column({ name: 'min_amount_cents', type: 'bigint', nullable: true, transformer: bigintToNumber })
  minAmountCents: number | null;

  /** Relevance in [0, 1] the classifier must reach. */
  @Column({ name: 'min_score', type: 'real', nullable: true })
  minScore: number | null;

  /** Only calls whose next deadline falls within this many days (rolling calls always pass). */
  @Column({ name: 'deadline_horizon_days', type: 'integer', nullable: true })
  deadlineHorizonDays: number | null;

  @Column({ name: 'digest_frequency', type: 'text', default: 'weekly' })
  digestFrequency: DigestFrequency;

  /** Digest addresses; empty = every user of the organisation with an e-mail. */
  @Column({ name: 'digest_recipients', type: 'text', array: true, default: () => "'{}'" })
  digestRecipients: string[];

  /** Bumped whenever what the profile's feeds show may have changed: cheap ETags and 304s. */
  @Column({ name: 'feed_changed_at', type: 'timestamptz', default: () => 'now()' })
  feedChangedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
