import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Call } from './call.entity';

export interface StoredThemeScore {
  id: string;
  score: number;
}

/** One reason behind a stored score (the classifier's explanation entry, as JSON). */
export interface StoredExplanationEntry {
  concept: string;
  field: string;
  match: string;
  weight: number;
  kind: string;
  theme: string | null;
  snippet: string;
}

/**
 * The shared relevance of a call, by the rules alone (no organisation's feedback). Rewritten
 * when the call's content hash or the classifier version changes, so a score always names the
 * version that made it.
 */
@Entity({ name: 'call_classification' })
@Index('ix_call_classification_score', ['relevant', 'score'])
export class CallClassification {
  @PrimaryColumn({ name: 'call_id', type: 'uuid' })
  callId: string;

  @OneToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  /** Classifier version (code version + thesaurus content hash). */
  @Index('ix_call_classification_version')
  @Column({ type: 'text' })
  version: string;

  /** Relevance in [0, 1]. */
  @Column({ type: 'real' })
  score: number;

  @Column({ type: 'boolean' })
  relevant: boolean;

  /** Themes with a non-zero score, best first. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  themes: StoredThemeScore[];

  @Column({ name: 'eu_fund', type: 'text', nullable: true })
  euFund: string | null;

  /** Reasons, strongest first. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  explanation: StoredExplanationEntry[];

  /**
   * Raw evidence of the shared rules (before the 0..1 squashing and rounding): an organisation's
   * feedback adds to it, so personal scores need no re-classification. Null on rows scored
   * before it existed (re-scored in the background).
   */
  @Column({ type: 'double precision', nullable: true })
  evidence: number | null;

  /**
   * The call's field-weighted term counts, `stem tf stem tf …` in the classifier's order: what
   * a feedback model needs to measure the call's similarity to marked calls.
   */
  @Column({ name: 'feedback_terms', type: 'text', nullable: true })
  feedbackTerms: string | null;

  /** The call's content hash when it was classified: a different one means re-score. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Index('ix_call_classification_classified_at')
  @Column({ name: 'classified_at', type: 'timestamptz' })
  classifiedAt: Date;
}
