import type { MemberRole } from '@app/persistence';
import {
  APPLICATION_EDITORS,
  FUNDING_PLAN_EDITORS,
  type ApplicationStatus,
  type EuArea,
  type FundingLineStatus,
  type TaskKind,
} from '@app/treasury';

/** The steps of a dossier as a French user names them. */
export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  idea: 'Idée',
  preparing: 'En préparation',
  submitted: 'Déposé',
  granted: 'Accordé',
  rejected: 'Refusé',
  agreement_signed: 'Convention signée',
  in_progress: 'En cours',
  reporting: 'Bilan en cours',
  closed: 'Clôturé',
};

/** The board's columns and the filter's options follow the life of a dossier. */
export const STATUS_ORDER: readonly ApplicationStatus[] = [
  'idea',
  'preparing',
  'submitted',
  'granted',
  'agreement_signed',
  'in_progress',
  'reporting',
  'rejected',
  'closed',
];

export const LINE_STATUS_LABELS: Record<FundingLineStatus, string> = {
  planned: 'Prévu',
  requested: 'Demandé',
  granted: 'Accordé',
  received: 'Reçu',
};

export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  submission: 'Dépôt du dossier',
  interim_report: 'Bilan intermédiaire',
  final_report: 'Bilan final',
  other: 'Autre',
};

export const EU_AREA_LABELS: Record<EuArea, string> = {
  ile_de_france_rhone_alpes: 'Île-de-France ou Auvergne-Rhône-Alpes',
  mainland: 'Autre région de métropole',
  overseas: 'Outre-mer',
  national: 'Programme national',
};

/** The API's roles: owners, accountants and members edit dossiers; viewers read. */
export const DOSSIER_EDITORS: MemberRole[] = [...APPLICATION_EDITORS];
/** The API's roles: only owners and accountants touch the money (funding lines). */
export const PLAN_EDITORS: MemberRole[] = [...FUNDING_PLAN_EDITORS];
