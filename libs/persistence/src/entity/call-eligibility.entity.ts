import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Call } from './call.entity';

/** One statement of who may apply, as extracted from a call (see @app/eligibility). */
export interface StoredBeneficiary {
  /** Beneficiary category id: associations, communes, entreprises, open… */
  category: string;
  /** only: « réservé aux … »; listed: « bénéficiaires : … »; excluded: « … ne sont pas éligibles »; mention: anywhere else. */
  strength: string;
  /** The words of the call that say so, verbatim. */
  words: string;
  /** Where they were read: title, description, documents or source (a structured field). */
  field: string;
}

/**
 * Who may apply to a call, extracted from its texts and its sources' structured fields.
 * Rewritten when the call's content hash or the vocabulary version changes, like
 * call_classification, so organisation-specific verdicts need no re-extraction.
 */
@Entity({ name: 'call_eligibility' })
export class CallEligibility {
  @PrimaryColumn({ name: 'call_id', type: 'uuid' })
  callId: string;

  @OneToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  /** Extractor version (code version + vocabulary content hash). */
  @Index('ix_call_eligibility_version')
  @Column({ type: 'text' })
  version: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  beneficiaries: StoredBeneficiary[];

  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;
}
