import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintToNumber } from './bigint.transformer';

export interface StoredDeadline {
  date: string;
  time?: string;
  label?: string;
}

export interface StoredDocument {
  url: string;
  title?: string;
  text?: string;
}

/**
 * One call for projects, possibly published by several sources (see call_source): the same
 * call on a région's site and on an aggregator is one row here.
 */
@Entity({ name: 'call' })
export class Call {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Normalised title + first deadline + funder: how duplicates across sources are found. */
  @Index('ix_call_fingerprint')
  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'text' })
  title: string;

  /** The page users should open (the primary source's). */
  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  funders: string[];

  @Column({ name: 'description_text', type: 'text', default: '' })
  descriptionText: string;

  /** Sanitised on the way in; escaped again on the way out. */
  @Column({ name: 'description_html', type: 'text', nullable: true })
  descriptionHtml: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  documents: StoredDocument[];

  @Column({ name: 'published_at', type: 'date', nullable: true })
  publishedAt: string | null;

  @Column({ name: 'opens_at', type: 'date', nullable: true })
  opensAt: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  deadlines: StoredDeadline[];

  /** The earliest deadline not yet past when stored; for sorting and "within 14 days". */
  @Index('ix_call_next_deadline')
  @Column({ name: 'next_deadline', type: 'date', nullable: true })
  nextDeadline: string | null;

  /** "Au fil de l'eau": no deadline. */
  @Column({ type: 'boolean', default: false })
  rolling: boolean;

  @Column({ name: 'amount_min_cents', type: 'bigint', nullable: true, transformer: bigintToNumber })
  amountMinCents: number | null;

  @Column({ name: 'amount_max_cents', type: 'bigint', nullable: true, transformer: bigintToNumber })
  amountMaxCents: number | null;

  @Column({ name: 'envelope_cents', type: 'bigint', nullable: true, transformer: bigintToNumber })
  envelopeCents: number | null;

  @Column({ name: 'rate_pct', type: 'real', nullable: true })
  ratePct: number | null;

  @Column({ name: 'aid_types', type: 'text', array: true, default: () => "'{}'" })
  aidTypes: string[];

  @Column({ name: 'eu_fund', type: 'text', nullable: true })
  euFund: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  audiences: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  territory: string[];

  /** forthcoming | open | closed | withdrawn */
  @Index('ix_call_status')
  @Column({ type: 'text' })
  status: string;

  /** Hash of the normalised content: an unchanged call is recognised without a field diff. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Column({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({ name: 'last_changed_at', type: 'timestamptz' })
  lastChangedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Indexed: the matching pass reads the calls changed since its cursor. */
  @Index('ix_call_updated_at')
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
