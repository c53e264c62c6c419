import {
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
import { Call } from './call.entity';
import { Organisation } from './organisation.entity';

/** A call a collectif's coordinators chose for the network's shared feed. */
@Entity({ name: 'shared_pick' })
@Unique('uq_shared_pick_collectif_call', ['collectifId', 'callId'])
export class SharedPick {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectif_id', type: 'uuid' })
  collectifId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collectif_id' })
  collectif?: Organisation;

  /** Indexed: a call's change looks up the collectifs that picked it (feed version trigger). */
  @Index('ix_shared_pick_call')
  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  /** « convient aux EPN » */
  @Column({ type: 'text', default: '' })
  annotation: string;

  @Column({ name: 'joint_bid', type: 'boolean', default: false })
  jointBid: boolean;

  @CreateDateColumn({ name: 'picked_at', type: 'timestamptz' })
  pickedAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
