import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

export type MemberRole = 'owner' | 'member' | 'accountant' | 'viewer';
export const MEMBER_ROLES: readonly MemberRole[] = ['owner', 'member', 'accountant', 'viewer'];

/** A user's role within one organisation; a coordinator may also direct an EPN. */
@Entity({ name: 'membership' })
@Unique('uq_membership_user_organisation', ['userId', 'organisationId'])
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'text' })
  role: MemberRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
