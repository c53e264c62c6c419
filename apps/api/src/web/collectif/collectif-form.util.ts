import { formText } from '../form-value.util';
import { isUuid } from '../page-id.pipe';
import type { FieldError } from '../web-view.types';

/** As the API's DTO: a longer annotation is refused, never cut. */
export const ANNOTATION_MAX_LENGTH = 2000;

/** Why what a coordinator typed to invite a structure designates none, or not one. */
export type InviteProblem =
  'empty' | 'unknown' | 'no-owner' | 'no-name' | 'several' | 'collectif' | 'member' | 'invited';

export const INVITE_MESSAGES: Readonly<Record<InviteProblem, string>> = {
  empty:
    'Indiquez le nom de la structure, l’adresse e-mail de sa ou son responsable, ou son identifiant.',
  unknown:
    'Aucune structure ne porte cet identifiant. Vérifiez-le auprès de la structure : elle le trouve sur sa page « Collectif ».',
  'no-owner':
    'Aucune structure n’a de responsable à cette adresse sur Vigie. Vérifiez l’adresse ou indiquez le nom de la structure ; si elle n’a pas encore de compte, elle doit d’abord créer sa structure.',
  'no-name':
    'Aucune structure ne porte ce nom. Vérifiez l’orthographe, ou indiquez l’adresse e-mail de sa ou son responsable.',
  several: 'Choisissez la structure voulue dans la liste ci-dessous.',
  collectif:
    'Cet identifiant est celui d’un collectif : seules les structures peuvent rejoindre un collectif.',
  member: 'Cette structure est déjà membre du collectif.',
  invited:
    'Cette structure est déjà invitée : elle doit accepter l’invitation depuis sa page « Collectif ».',
};

export const INVITE_FIELD = 'structure';
/** The radio list offered when a name or an e-mail designates several structures. */
export const INVITE_CHOICE_FIELD = 'choix';

/**
 * The organisation id as pasted: spaces and line breaks around or inside it are dropped (copying
 * from an e-mail adds them), letters are lower-cased.
 */
export function readOrganisationId(body: unknown): { typed: string; id: string | null } {
  const typed = formText(body, INVITE_FIELD, 200);
  const id = typed.replace(/\s+/g, '').toLowerCase();
  return { typed, id: isUuid(id) ? id : null };
}

/** The structure ticked in the choice list, if one was. */
export function readInviteChoice(body: unknown): string | null {
  const id = formText(body, INVITE_CHOICE_FIELD, 100).trim().toLowerCase();
  return isUuid(id) ? id : null;
}

export function inviteError(problem: InviteProblem): FieldError {
  return {
    field: problem === 'several' ? INVITE_CHOICE_FIELD : INVITE_FIELD,
    message: INVITE_MESSAGES[problem],
  };
}

export interface PickForm {
  annotation: string;
  jointBid: boolean;
}

/** The annotation and « candidature commune possible » of a pick form, with the field's error. */
export function readPickForm(
  body: unknown,
  field: string,
): { form: PickForm; error: FieldError | null } {
  // Read past the limit so an over-long text is refused (and shown back), not silently cut.
  const annotation = formText(body, 'annotation', ANNOTATION_MAX_LENGTH * 4).trim();
  const form = { annotation, jointBid: formText(body, 'candidatureCommune') === 'oui' };
  const error =
    annotation.length > ANNOTATION_MAX_LENGTH
      ? {
          field,
          message: `L’annotation compte ${annotation.length.toLocaleString('fr-FR')} caractères : 2 000 au plus.`,
        }
      : null;
  return { form, error };
}

/** The three sharing checkboxes of a member: nothing ticked means nothing shared. */
export function readSharing(body: unknown): {
  shareFollows: boolean;
  shareStatuses: boolean;
  shareNotes: boolean;
} {
  const ticked = (name: string) => formText(body, name) === 'oui';
  return {
    shareFollows: ticked('partageSuivis'),
    shareStatuses: ticked('partageStatuts'),
    shareNotes: ticked('partageNotes'),
  };
}

/** Reads `?page=` (or the hidden field of a form) as a page number; anything else is page 1. */
export function pageNumber(value: unknown): number {
  const number = Number.parseInt(typeof value === 'string' ? value : '', 10);
  return Number.isFinite(number) && number > 0 ? number : 1;
}
