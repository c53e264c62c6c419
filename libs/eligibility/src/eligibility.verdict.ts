import {
  ACCEPTED_CATEGORIES,
  BENEFICIARY_LABELS,
  type BeneficiaryCategory,
} from './beneficiary.constants';
import type { LegalForm } from './legal-form.constants';
import type { Beneficiary, BeneficiaryStrength, EligibilityVerdict } from './eligibility.types';

type Deciding = Exclude<BeneficiaryStrength, 'mention'>;

const MAX_QUOTES = 2;

/**
 * Whether an organisation of this legal form may apply, from what the call says, with the
 * call's own words. In order: an exclusion of its category decides; then « réservé aux … »;
 * then the list of beneficiaries. A call that only mentions categories says nothing: unknown.
 * `autre` never gets « non éligible » from a list (its category cannot be named), only
 * « éligible » from an open call.
 */
export function eligibilityVerdict(
  legalForm: LegalForm | null | undefined,
  beneficiaries: readonly Beneficiary[],
): EligibilityVerdict {
  if (!legalForm) {
    return {
      verdict: 'unknown',
      categories: [],
      strength: null,
      words: [],
      summary: 'Éligibilité non évaluée : forme juridique de la structure non renseignée',
    };
  }
  const accepted = new Set<BeneficiaryCategory>(ACCEPTED_CATEGORIES[legalForm]);
  const of = (strength: Deciding) => beneficiaries.filter((b) => b.strength === strength);

  const excluded = of('excluded').filter((b) => accepted.has(b.category) && b.category !== 'open');
  if (excluded.length > 0) return verdict('not_eligible', 'excluded', excluded);

  for (const strength of ['only', 'listed'] as const) {
    const stated = of(strength);
    if (stated.length === 0) continue;
    const matching = stated.filter((b) => accepted.has(b.category));
    if (matching.length > 0) return verdict('eligible', strength, matching);
    if (legalForm === 'autre') break;
    return verdict('not_eligible', strength, stated);
  }
  return {
    verdict: 'unknown',
    categories: [],
    strength: null,
    words: [],
    summary: 'Éligibilité non précisée',
  };
}

function verdict(
  value: 'eligible' | 'not_eligible',
  strength: Deciding,
  deciding: Beneficiary[],
): EligibilityVerdict {
  const categories = unique(deciding.map((b) => b.category));
  const words = unique(deciding.map((b) => b.words)).slice(0, MAX_QUOTES);
  const quoted = words.map((w) => `« ${w} »`).join(' ; ');
  const head = value === 'eligible' ? 'Éligible' : 'Non éligible';
  return {
    verdict: value,
    categories,
    strength,
    words,
    summary: `${head} : ${reason(strength, categories)} (${quoted})`,
  };
}

function reason(strength: Deciding, categories: BeneficiaryCategory[]): string {
  const labels = frenchList(categories.map((c) => BENEFICIARY_LABELS[c]));
  if (strength === 'excluded') return `l’appel exclut les ${labels}`;
  if (categories.length === 1 && categories[0] === 'open') return 'ouvert à tout porteur de projet';
  return `${strength === 'only' ? 'réservé aux' : 'ouvert aux'} ${labels}`;
}

function frenchList(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
