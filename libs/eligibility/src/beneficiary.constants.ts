import type { LegalForm } from './legal-form.constants';

/**
 * Who a call may be for. Collectivités are split by level because most calls for them name
 * the level; `collectivites` is the generic word that covers every level. `open` is « tout
 * porteur de projet ». The words for each category are data (config/eligibility.yaml).
 */
export const BENEFICIARY_CATEGORIES = [
  'associations',
  'collectivites',
  'communes',
  'epci',
  'departements',
  'regions',
  'ccas',
  'etablissements_publics',
  'entreprises',
  'ess',
  'etablissements_scolaires',
  'agriculteurs',
  'particuliers',
  'recherche',
  'open',
] as const;

export type BeneficiaryCategory = (typeof BENEFICIARY_CATEGORIES)[number];

/** French plural labels, for « réservé aux … » sentences. */
export const BENEFICIARY_LABELS: Readonly<Record<BeneficiaryCategory, string>> = {
  associations: 'associations',
  collectivites: 'collectivités',
  communes: 'communes',
  epci: 'intercommunalités (EPCI)',
  departements: 'départements',
  regions: 'régions',
  ccas: 'CCAS et CIAS',
  etablissements_publics: 'établissements publics',
  entreprises: 'entreprises',
  ess: 'structures de l’ESS',
  etablissements_scolaires: 'établissements scolaires',
  agriculteurs: 'exploitants agricoles',
  particuliers: 'particuliers',
  recherche: 'chercheurs et laboratoires',
  open: 'tout porteur de projet',
};

/**
 * The categories under which an organisation of each legal form may apply. An association is
 * an ESS structure by law (loi de 2014), so calls for « structures de l'ESS » are open to it; a
 * SCIC or SCOP is both a company and an ESS structure. `autre` accepts only open calls: for
 * anything else nothing can be said (the verdict is unknown, not « non éligible »).
 */
export const ACCEPTED_CATEGORIES: Readonly<Record<LegalForm, readonly BeneficiaryCategory[]>> = {
  association: ['associations', 'ess', 'open'],
  commune: ['collectivites', 'communes', 'open'],
  ccas_cias: ['ccas', 'etablissements_publics', 'open'],
  epci: ['collectivites', 'epci', 'open'],
  departement: ['collectivites', 'departements', 'open'],
  region: ['collectivites', 'regions', 'open'],
  gip: ['etablissements_publics', 'open'],
  scic_scop: ['ess', 'entreprises', 'open'],
  entreprise_ess: ['ess', 'entreprises', 'open'],
  etablissement_public: ['etablissements_publics', 'open'],
  entreprise: ['entreprises', 'open'],
  autre: ['open'],
};

export function isBeneficiaryCategory(value: unknown): value is BeneficiaryCategory {
  return typeof value === 'string' && (BENEFICIARY_CATEGORIES as readonly string[]).includes(value);
}
