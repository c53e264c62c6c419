import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Organisation } from './organisation.entity';

export type CollectifMembershipStatus = 'invited' | 'accepted';

/**
 * A structure's membership of a collectif: invited by the collectif, accepted by the member.
 * The member alone decides what the collectif's other members may see of its activity.
 */
@Entity({ name: 'collectif_membership' })
@Unique('uq_collectif_membership', ['collectifId', 'memberId'])
export class CollectifMembership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectif_id', type: 'uuid' })
  collectifId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collectif_id' })
  collectif?: Organisation;

  @Index('ix_collectif_membership_member')
  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id' })
  member?: Organisation;

  @Column({ type: 'text', default: 'invited' })
  status: CollectifMembershipStatus;

  @Column({ name: 'share_follows', type: 'boolean', default: false })
  shareFollows: boolean;

  /** Statuses (shortlisted, applied…), never the notes unless share_notes. */
  @Column({ name: 'share_statuses', type: 'boolean', default: false })
  shareStatuses: boolean;

  @Column({ name: 'share_notes', type: 'boolean', default: false })
  shareNotes: boolean;

  @CreateDateColumn({ name: 'invited_at', type: 'timestamptz' })
  invitedAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;
}
