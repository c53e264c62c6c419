import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Last sign of life of each worker process, so /health can tell whether anyone is watching. */
@Entity({ name: 'worker_heartbeat' })
/** Dead workers' rows are purged by age (issue 16, item 5). */
@Index('ix_worker_heartbeat_beat_at', ['beatAt'])
export class WorkerHeartbeat {
  @PrimaryColumn({ name: 'worker_id', type: 'text' })
  workerId: string;

  @Column({ type: 'text' })
  hostname: string;

  @Column({ type: 'integer' })
  pid: number;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'beat_at', type: 'timestamptz' })
  beatAt: Date;
}
