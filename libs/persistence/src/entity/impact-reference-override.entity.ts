import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Organisation } from './organisation.entity';

/**
 * A structure's own value for a reference of config/impact-references.yaml (its local average
 * allowance, its measured effect…), with its source: the report then says the value is theirs.
 */
@Entity({ name: 'impact_reference_override' })
export class ImpactReferenceOverride {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @PrimaryColumn({ name: 'reference_id', type: 'text' })
  referenceId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'double precision' })
  value: number;

  @Column({ name: 'value_date', type: 'text' })
  valueDate: string;

  @Column({ type: 'text' })
  population: string;

  @Column({ name: 'source_title', type: 'text' })
  sourceTitle: string;

  @Column({ name: 'source_publisher', type: 'text' })
  sourcePublisher: string;

  @Column({ name: 'source_url', type: 'text', nullable: true })
  sourceUrl: string | null;

  @Column({ name: 'source_published', type: 'text' })
  sourcePublished: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
