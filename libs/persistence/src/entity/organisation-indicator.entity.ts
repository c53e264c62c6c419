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

/** An indicator a structure counts beyond the catalogue (a funder's own, a local programme's). */
@Entity({ name: 'organisation_indicator' })
@Unique('uq_organisation_indicator_key', ['organisationId', 'key'])
export class OrganisationIndicator {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'text' })
  unit: string;

  @Column({ type: 'text' })
  definition: string;

  /** The funder that asks for it, when one does. */
  @Column({ name: 'asked_by', type: 'text', nullable: true })
  askedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
