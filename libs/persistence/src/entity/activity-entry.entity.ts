import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Application } from './application.entity';

/**
 * A dated count of one activity indicator for a dossier: one month (`period_start` =
 * `period_end`) or a period, always inside the operation. Funders' reports sum these.
 */
@Entity({ name: 'activity_entry' })
@Index('ix_activity_entry_application', ['applicationId', 'periodStart'])
@Check('ck_activity_entry_count', '"count" >= 0')
@Check('ck_activity_entry_period', '"period_start" <= "period_end"')
export class ActivityEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  /** A key of config/indicators.yaml, of the organisation's own indicators, or of the dossier's targets. */
  @Column({ name: 'indicator_key', type: 'text' })
  indicatorKey: string;

  /** `YYYY-MM`. */
  @Column({ name: 'period_start', type: 'text' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'text' })
  periodEnd: string;

  @Column({ type: 'integer' })
  count: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
