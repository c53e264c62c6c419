import type { AidType } from '../call/normalised-call';

const RULES: Array<[AidType, RegExp]> = [
  ['subvention', /\bsubventions?\b|aide financi[èe]re|\bsubvention_?\b/i],
  ['avance_remboursable', /avances? (?:remboursables?|r[ée]cup[ée]rables?)/i],
  ['pret', /\bpr[êe]ts?\b(?! à l'emploi)/i],
  ['aap', /appels? [àa] projets?|\bAAP\b|call for proposals?/i],
  ['ami', /appels? [àa] manifestations? d'int[ée]r[êe]t|\bAMI\b/i],
  ['prix', /\bprix\b(?! (?:de|du|des) (?:revient|vente|march[ée]))|\btroph[ée]es?\b|\bconcours\b/i],
  ['marche', /march[ée]s? publics?|appel d'offres|consultation des entreprises/i],
];

/** Aid types named in labels or prose (several can apply: an AAP paying a subvention). */
export function extractAidTypes(...texts: Array<string | null | undefined>): AidType[] {
  const text = texts.filter(Boolean).join('\n').replace(/’/g, "'");
  return RULES.filter(([, pattern]) => pattern.test(text)).map(([type]) => type);
}
