import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * A user's web password, apart from `user_account` so that users created by the CLI (API keys
 * only) simply have no row here and cannot sign in until invited or reset.
 */
@Entity({ name: 'user_credential' })
export class UserCredential {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** PHC string `$argon2id$v=19$m=…,t=…,p=…$salt$hash`: parameters travel with the hash. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
