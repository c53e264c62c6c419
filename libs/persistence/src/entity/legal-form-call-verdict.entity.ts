import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Call } from './call.entity';

/**
 * The calls an organisation of a legal form may not apply to, with the call's words. A verdict
 * depends only on (legal form, call), so the ranking joins this small table through the
 * organisation's legal form instead of storing a row per organisation per call: a legal-form
 * change takes effect at once. Only `not_eligible` verdicts are kept (the others change
 * nothing in a list). Rewritten with call_eligibility (content hash or vocabulary version).
 */
@Entity({ name: 'legal_form_call_verdict' })
@Index('ix_legal_form_call_verdict_call', ['callId'])
export class LegalFormCallVerdict {
  @PrimaryColumn({ name: 'legal_form', type: 'text' })
  legalForm: string;

  @PrimaryColumn({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  /** The French summary shown in the lists' reasons (« Non éligible : réservé aux … »). */
  @Column({ type: 'text' })
  summary: string;
}
