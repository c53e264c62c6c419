import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type OrganisationKind = 'structure' | 'collectif';

/** A tenant: a structure (EPN, centre social, association…) or a collectif federating them. */
@Entity({ name: 'organisation' })
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: OrganisationKind;

  /** INSEE codes: départements ("75", "2A", "971"), régions prefixed with R ("R84"), or "FR". */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  territory: string[];

  /**
   * Legal form (association, commune, epci…; the closed list is @app/eligibility's LEGAL_FORMS):
   * what decides which calls it may apply to. Null until the organisation says.
   */
  @Column({ name: 'legal_form', type: 'text', nullable: true })
  legalForm: string | null;

  /**
   * The legal form its watch matches were last computed with: a change of `legalForm` re-matches
   * its profiles on the next worker pass (which calls it may apply to moved).
   */
  @Column({ name: 'matched_legal_form', type: 'text', nullable: true })
  matchedLegalForm: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
