import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * 'claimed': held by a worker, not attempted yet (taken over when its lease ends); 'sending': handed
 * to the SMTP server (a crash there leaves it 'uncertain', never sent twice).
 */
export type DigestDeliveryStatus =
  'claimed' | 'sending' | 'sent' | 'failed' | 'skipped' | 'uncertain';

/**
 * One digest per subject (a profile or a collectif's shared feed), period and recipient: the
 * unique key is what makes sending idempotent across worker restarts and concurrent workers.
 * Each recipient gets their own message, so that its unsubscribe link names only them.
 */
@Entity({ name: 'digest_delivery' })
@Unique('uq_digest_delivery_subject_period_recipient', ['subjectKey', 'period', 'recipient'])
export class DigestDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** "profile:<uuid>" or "collectif:<uuid>". */
  @Column({ name: 'subject_key', type: 'text' })
  subjectKey: string;

  /** "2027-W14" (weekly) or "2027-04-03" (daily), in Europe/Paris. */
  @Column({ type: 'text' })
  period: string;

  /** The address this message goes to; '' on rows from before per-recipient messages. */
  @Column({ type: 'text', default: '' })
  recipient: string;

  @Column({ type: 'text' })
  status: DigestDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  /** A worker that claimed the delivery holds it until then. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId: string | null;

  /** SHA-256 of the token in this message's unsubscribe link (RFC 8058 one-click). */
  @Index('uq_digest_delivery_unsubscribe_token_hash', { unique: true })
  @Column({ name: 'unsubscribe_token_hash', type: 'text', nullable: true })
  unsubscribeTokenHash: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
