import { normaliseEmail } from '@app/account';
import { DIGEST_FREQUENCIES, type DigestFrequency, type WatchProfile } from '@app/persistence';
import { EU_FUND_IDS } from '@app/classifier';
import { AUDIENCE_IDS, type WatchProfileInput } from '@app/watch';
import { formText, readEuros } from '../form-value.util';
import { readTerritoryInput } from '../territory-input.util';
import type { FieldError } from '../web-view.types';
import type { WatchForm } from './watch-page.types';

const FREQUENCIES: readonly DigestFrequency[] = DIGEST_FREQUENCIES;

/** The API's limits (watch.dto.ts), so a web form can store nothing the API would refuse. */
const LIMITS = {
  name: 200,
  themes: 50,
  keywords: 100,
  keywordLength: 100,
  territories: 120,
  recipients: 20,
  horizonDays: 3650,
};

const TERRITORY_HELP =
  'Saisissez une commune (63113), une intercommunalité (246300701), un département (63, 2A, ' +
  '974), une région (R84), FR pour toute la France, ou leur nom.';

/** Where each field of the watch service's refusals lands on the form, and how to say it. */
const SERVICE_FIELDS: Record<string, { field: string; message: (value: string) => string }> = {
  themes: {
    field: 'themes',
    message: (v) => `Thème inconnu : « ${v} ». Cochez des thèmes de la liste.`,
  },
  territories: {
    field: 'territoires',
    message: (v) => `Territoire inconnu : « ${v} ». ${TERRITORY_HELP}`,
  },
  audiences: {
    field: 'publics',
    message: (v) => `Public inconnu : « ${v} ». Cochez des publics de la liste.`,
  },
  euFunds: {
    field: 'fonds',
    message: (v) => `Fonds européen inconnu : « ${v} ». Cochez des fonds de la liste.`,
  },
};

export function emptyWatchForm(): WatchForm {
  return {
    nom: '',
    themes: [],
    motsCles: '',
    exclusions: '',
    territoires: '',
    publics: [],
    fonds: [],
    montantMin: '',
    scoreMin: '',
    horizon: '',
    frequence: 'weekly',
    destinataires: '',
  };
}

/** A stored profile as the form shows it for editing. */
export function watchFormOf(profile: WatchProfile): WatchForm {
  return {
    nom: profile.name,
    themes: [...profile.themes],
    motsCles: profile.includeKeywords.join('\n'),
    exclusions: profile.excludeKeywords.join('\n'),
    territoires: profile.territories.join(', '),
    publics: [...profile.audiences],
    fonds: [...profile.euFunds],
    montantMin: profile.minAmountCents === null ? '' : eurosText(profile.minAmountCents),
    scoreMin: profile.minScore === null ? '' : String(Math.round(profile.minScore * 100)),
    horizon: profile.deadlineHorizonDays === null ? '' : String(profile.deadlineHorizonDays),
    frequence: profile.digestFrequency,
    destinataires: profile.digestRecipients.join('\n'),
  };
}

/** The submitted form, as typed (length-capped so a huge body cannot fill the page). */
export function readWatchForm(body: unknown): WatchForm {
  return {
    nom: formText(body, 'nom', 300).trim(),
    themes: formList(body, 'themes', LIMITS.themes + 1),
    motsCles: formText(body, 'mots-cles', 12_000),
    exclusions: formText(body, 'exclusions', 12_000),
    territoires: formText(body, 'territoires', 3_000),
    publics: formList(body, 'publics', 20),
    fonds: formList(body, 'fonds', 20),
    montantMin: formText(body, 'montant-min', 30).trim(),
    scoreMin: formText(body, 'score-min', 10).trim(),
    horizon: formText(body, 'horizon', 10).trim(),
    frequence: formText(body, 'frequence', 20),
    destinataires: formText(body, 'destinataires', 6_000),
  };
}

/**
 * Turns the form into what the watch service takes. Every field is sent, so clearing one on
 * the form clears it in the profile. Errors name the field they belong to.
 */
export function parseWatchForm(form: WatchForm): {
  input: WatchProfileInput;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });

  if (!form.nom)
    fail('nom', 'Donnez un nom à cette veille, par exemple « Médiation numérique 63 ».');
  else if (form.nom.length > LIMITS.name)
    fail('nom', `Le nom fait ${LIMITS.name} caractères au plus.`);

  const includeKeywords = keywordsOf(form.motsCles, 'mots-cles', fail);
  const excludeKeywords = keywordsOf(form.exclusions, 'exclusions', fail);

  // Checked here with every other field, not left to the watch service: it would only speak
  // once the rest of the form is right (issue 20, item 8).
  const unknownTerritories: string[] = [];
  const territories = territoryCodes(
    form.territoires,
    (message) => fail('territoires', message),
    (item) => unknownTerritories.push(item),
  );
  if (unknownTerritories.length) {
    fail(
      'territoires',
      unknownMessage(
        'Territoire inconnu',
        'Territoires inconnus',
        unknownTerritories,
        TERRITORY_HELP,
      ),
    );
  }
  const unknownAudiences = form.publics.filter((a) => !AUDIENCE_IDS.includes(a));
  if (unknownAudiences.length) {
    fail(
      'publics',
      unknownMessage(
        'Public inconnu',
        'Publics inconnus',
        unknownAudiences,
        'Cochez des publics de la liste.',
      ),
    );
  }
  const unknownFunds = form.fonds.filter((f) => !(EU_FUND_IDS as readonly string[]).includes(f));
  if (unknownFunds.length) {
    fail(
      'fonds',
      unknownMessage(
        'Fonds européen inconnu',
        'Fonds européens inconnus',
        unknownFunds,
        'Cochez des fonds de la liste.',
      ),
    );
  }
  if (territories.length > LIMITS.territories) {
    fail('territoires', `Indiquez ${LIMITS.territories} territoires au plus.`);
  }

  const minAmount = form.montantMin === '' ? null : readEuros(form.montantMin);
  const minAmountCents = minAmount?.cents ?? null;
  if (minAmount?.error) fail('montant-min', minAmount.error);

  const minScore = form.scoreMin === '' ? null : percentOf(form.scoreMin);
  if (minScore === null && form.scoreMin !== '') {
    fail('score-min', 'Saisissez un pourcentage entre 0 et 100, par exemple 40, ou laissez vide.');
  }

  const horizon = form.horizon === '' ? null : wholeNumberOf(form.horizon);
  const horizonOk = horizon !== null && horizon >= 1 && horizon <= LIMITS.horizonDays;
  if (form.horizon !== '' && !horizonOk) {
    fail(
      'horizon',
      `Saisissez un nombre de jours entre 1 et ${LIMITS.horizonDays}, par exemple 90, ou laissez vide.`,
    );
  }

  const frequency = form.frequence as DigestFrequency;
  if (!FREQUENCIES.includes(frequency)) fail('frequence', 'Choisissez une fréquence de résumé.');

  const recipients = recipientsOf(form.destinataires, fail);

  return {
    input: {
      name: form.nom,
      themes: form.themes.slice(0, LIMITS.themes),
      includeKeywords,
      excludeKeywords,
      territories,
      audiences: form.publics,
      euFunds: form.fonds,
      minAmountCents,
      minScore,
      deadlineHorizonDays: horizonOk ? horizon : null,
      digestFrequency: FREQUENCIES.includes(frequency) ? frequency : undefined,
      digestRecipients: recipients,
    },
    errors,
  };
}

/** The watch service's refusal of an unknown code, as an error next to its field. */
export function serviceFieldError(details: Record<string, unknown> | undefined): FieldError | null {
  const target = SERVICE_FIELDS[String(details?.field ?? '')];
  if (!target) return null;
  return { field: target.field, message: target.message(String(details?.value ?? '')) };
}

/**
 * « 63, R84 », « Puy-de-Dôme ; Thiers ; Clermont Auvergne Métropole » → territory codes. A name
 * several communes share is refused through `ambiguous`, naming each candidate's code. A name the
 * project cannot place is kept as typed, so the watch service refuses it by name instead of it
 * silently vanishing.
 */
export function territoryCodes(
  text: string,
  ambiguous?: (message: string) => void,
  unknown?: (item: string) => void,
): string[] {
  return splitList(text).map((item) => {
    const read = readTerritoryInput(item);
    if (read.kind === 'code') return read.code;
    if (read.kind === 'ambiguous') ambiguous?.(read.message);
    else unknown?.(item);
    return item;
  });
}

/** Every unknown item of a list in one message, so nothing is left for a second round. */
function unknownMessage(singular: string, plural: string, values: string[], help: string): string {
  const quoted = values.map((v) => `« ${v} »`).join(', ');
  return `${values.length === 1 ? singular : plural} : ${quoted}. ${help}`;
}

/** Items separated by new lines, commas or semicolons, trimmed, without empties. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n\r,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

function keywordsOf(
  text: string,
  field: string,
  fail: (field: string, message: string) => void,
): string[] {
  const keywords = splitList(text);
  const tooLong = keywords.find((keyword) => keyword.length > LIMITS.keywordLength);
  if (keywords.length > LIMITS.keywords) {
    fail(field, `Indiquez ${LIMITS.keywords} mots-clés au plus.`);
  } else if (tooLong) {
    fail(
      field,
      `Un mot-clé fait ${LIMITS.keywordLength} caractères au plus : « ${tooLong.slice(0, 40)}… ».`,
    );
  }
  return keywords;
}

/** Digest addresses typed one per line (or separated by commas): the « Veilles » wording for errors. */
export function recipientsOf(
  text: string,
  fail: (field: string, message: string) => void,
): string[] {
  const addresses = splitList(text);
  const invalid = addresses.find((address) => normaliseEmail(address) === null);
  if (invalid) {
    fail(
      'destinataires',
      `Adresse e-mail invalide : « ${invalid} ». Une adresse par ligne, par exemple direction@epn.fr.`,
    );
  } else if (addresses.length > LIMITS.recipients) {
    fail('destinataires', `Indiquez ${LIMITS.recipients} adresses au plus.`);
  }
  return addresses.map((address) => normaliseEmail(address) ?? address);
}

/** « 40 », « 40 % », « 37,5 » → 0.4, 0.375; null outside [0, 100]. */
function percentOf(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value <= 100 ? Math.round(value * 100) / 10_000 : null;
}

function wholeNumberOf(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '');
  return /^\d{1,6}$/.test(cleaned) ? Number(cleaned) : null;
}

/** Cents as a French amount to type: « 10000 » or « 10000,50 ». */
function eurosText(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}

function formList(body: unknown, name: string, max: number): string[] {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values
    .filter((item): item is string => typeof item === 'string')
    .map((item) => item.slice(0, 200))
    .slice(0, max);
}
