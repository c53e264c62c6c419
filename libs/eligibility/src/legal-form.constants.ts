/**
 * The legal forms an organisation can declare: a closed list, because each one maps to the
 * beneficiary categories it may apply as (see ACCEPTED_CATEGORIES).
 */
export const LEGAL_FORMS = [
  'association',
  'commune',
  'ccas_cias',
  'epci',
  'departement',
  'region',
  'gip',
  'scic_scop',
  'entreprise_ess',
  'etablissement_public',
  'entreprise',
  'autre',
] as const;

export type LegalForm = (typeof LEGAL_FORMS)[number];

export const LEGAL_FORM_LABELS: Readonly<Record<LegalForm, string>> = {
  association: 'Association (loi 1901)',
  commune: 'Commune',
  ccas_cias: 'CCAS ou CIAS',
  epci: 'EPCI (communauté de communes, d’agglomération, métropole)',
  departement: 'Département',
  region: 'Région',
  gip: 'Groupement d’intérêt public (GIP)',
  scic_scop: 'SCIC ou SCOP',
  entreprise_ess: 'Entreprise de l’ESS (hors SCIC et SCOP)',
  etablissement_public: 'Établissement public (dont médiathèque ou bibliothèque publique)',
  entreprise: 'Entreprise (hors ESS)',
  autre: 'Autre',
};

export function isLegalForm(value: unknown): value is LegalForm {
  return typeof value === 'string' && (LEGAL_FORMS as readonly string[]).includes(value);
}
