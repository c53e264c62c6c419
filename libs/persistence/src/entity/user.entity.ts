import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A person. What they may do is given by their memberships, one per organisation. */
@Entity({ name: 'user_account' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Lower-cased; unique when present (an owner created by the CLI may have none yet). */
  @Index('uq_user_account_email', { unique: true, where: 'email IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ name: 'display_name', type: 'text', nullable: true })
  displayName: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
