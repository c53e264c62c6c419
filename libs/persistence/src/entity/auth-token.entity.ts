import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { MemberRole } from './membership.entity';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

export type AuthTokenPurpose = 'invitation' | 'password_reset';

/**
 * A single-use link sent by e-mail (invitation or password reset). Only the SHA-256 of the
 * token is stored; `used_at` makes it single use and `expires_at` bounds its life.
 */
@Entity({ name: 'auth_token' })
export class AuthToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_auth_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ type: 'text' })
  purpose: AuthTokenPurpose;

  /** Lower-cased address the link was sent to. */
  @Index('ix_auth_token_email')
  @Column({ type: 'text' })
  email: string;

  /** Invitation: the organisation joined and the role given. */
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'text', nullable: true })
  role: MemberRole | null;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
