import { Column, Entity, PrimaryColumn } from 'typeorm';

/** High-water marks of the matching pass (calls changed, classifications made). */
@Entity({ name: 'watch_cursor' })
export class WatchCursor {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ type: 'timestamptz' })
  position: Date;
}
