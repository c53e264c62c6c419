import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Organisation } from './organisation.entity';

/** pending: asked, not yet confirmed; confirmed: agreed by e-mail; unsubscribed: said stop. */
export type DigestRecipientStatus = 'pending' | 'confirmed' | 'unsubscribed';

/** The confirmation e-mail, sent once like a digest: claimed with a lease, retried on failure. */
export type DigestConsentMailStatus = 'due' | 'sending' | 'sent' | 'failed' | 'uncertain';

/**
 * One address's consent to one digest. An address outside the organisation's members gets
 * nothing until it confirms through the e-mailed link; anyone who unsubscribes gets nothing
 * more (the row stays, so saving the list again does not undo it). Members need no row until
 * they unsubscribe. Only the SHA-256 of the confirmation token is stored.
 */
@Entity({ name: 'digest_recipient' })
@Unique('uq_digest_recipient_subject_email', ['subjectKey', 'email'])
@Check('ck_digest_recipient_status', `"status" IN ('pending', 'confirmed', 'unsubscribed')`)
export class DigestRecipient {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The organisation that owns the subject: its deletion drops the consents. */
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  /** "profile:<uuid>" or "collectif:<uuid>", as in digest_delivery. */
  @Column({ name: 'subject_key', type: 'text' })
  subjectKey: string;

  /** Lower-cased, trimmed. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  status: DigestRecipientStatus;

  @Index('uq_digest_recipient_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'text', nullable: true })
  tokenHash: string | null;

  @Column({ name: 'token_expires_at', type: 'timestamptz', nullable: true })
  tokenExpiresAt: Date | null;

  @Column({ name: 'mail_status', type: 'text', nullable: true })
  mailStatus: DigestConsentMailStatus | null;

  @Column({ name: 'mail_attempts', type: 'integer', default: 0 })
  mailAttempts: number;

  /** Partial index: a digest tick finds the confirmation e-mails due in one lookup. */
  @Index('ix_digest_recipient_mail_due', { synchronize: false })
  @Column({ name: 'mail_next_attempt_at', type: 'timestamptz', nullable: true })
  mailNextAttemptAt: Date | null;

  @Column({ name: 'mail_locked_until', type: 'timestamptz', nullable: true })
  mailLockedUntil: Date | null;

  @Column({ name: 'mail_last_error', type: 'text', nullable: true })
  mailLastError: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'unsubscribed_at', type: 'timestamptz', nullable: true })
  unsubscribedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
