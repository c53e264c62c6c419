import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Application } from './application.entity';

/** The dated status history of an application: who moved it from what to what, and when. */
@Entity({ name: 'application_event' })
@Index('ix_application_event_application', ['applicationId', 'occurredOn'])
export class ApplicationEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  /** Null for the creation of the application. */
  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: string;

  /** The day it happened (a grant notified last week is entered today). */
  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  /** No foreign key: the history outlives a departed user. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
