import {
  Check,
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organisation } from './organisation.entity';
import type { DigestFrequency } from './watch-profile.entity';

/**
 * How a collectif's picks are e-mailed. No row means the defaults (weekly, to every owner and
 * member of the collectif and of its accepted structures), so existing collectifs need no backfill.
 */
@Entity({ name: 'collectif_digest' })
@Check('ck_collectif_digest_frequency', `"frequency" IN ('weekly', 'daily', 'none')`)
export class CollectifDigest {
  @PrimaryColumn({ name: 'collectif_id', type: 'uuid' })
  collectifId: string;

  @OneToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collectif_id' })
  collectif?: Organisation;

  @Column({ type: 'text', default: 'weekly' })
  frequency: DigestFrequency;

  /** Explicit addresses; empty = the computed list above. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  recipients: string[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
