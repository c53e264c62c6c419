import type { BeneficiaryCategory } from './beneficiary.constants';

/**
 * How strongly a call says a category may apply: `only` « réservé aux entreprises »,
 * `listed` « bénéficiaires : communes, EPCI », `excluded` « les associations ne sont pas
 * éligibles », `mention` the word appears elsewhere (proves nothing on its own).
 */
export type BeneficiaryStrength = 'only' | 'listed' | 'excluded' | 'mention';

export const BENEFICIARY_STRENGTHS: readonly BeneficiaryStrength[] = [
  'only',
  'listed',
  'excluded',
  'mention',
];

/** Where the words were read. `source`: a structured field of a source (« Bénéficiaire »). */
export type EligibilityField = 'title' | 'description' | 'documents' | 'source';

export interface Beneficiary {
  category: BeneficiaryCategory;
  strength: BeneficiaryStrength;
  /** The words of the call that say so, verbatim (« destiné aux TPE et PME »). */
  words: string;
  field: EligibilityField;
}

/** What the extractor reads: a call's texts and its sources' beneficiary labels. */
export interface EligibilityInput {
  title?: string | null;
  description?: string | null;
  documents?: ReadonlyArray<string | null | undefined>;
  /** Labels of a structured « bénéficiaires » field (aides-territoires' targeted audiences). */
  audienceLabels?: readonly string[];
}

export type CueSide = 'before' | 'after';

export interface EligibilityCue {
  strength: Exclude<BeneficiaryStrength, 'mention'>;
  /** `after`: the categories follow the cue (« réservé aux … »); `before`: they precede it (« … peuvent candidater »). */
  side: CueSide;
  terms: string[];
  line: number;
}

export interface EligibilityCategoryTerms {
  id: BeneficiaryCategory;
  terms: string[];
  line: number;
}

/** The checked content of config/eligibility.yaml. */
export interface EligibilityVocabulary {
  categories: EligibilityCategoryTerms[];
  cues: EligibilityCue[];
  /** Phrases never read as a category or a cue (« Grande École du Numérique », « bénéficiaires finaux »). */
  ignore: string[];
  /** Code version + content hash: a stored extraction made by another version is redone. */
  version: string;
}

export type EligibilityVerdictValue = 'eligible' | 'not_eligible' | 'unknown';

export interface EligibilityVerdict {
  verdict: EligibilityVerdictValue;
  /** The categories that decided (those of the organisation, or those the call is for). */
  categories: BeneficiaryCategory[];
  /** The strength of the statements that decided; null when unknown. */
  strength: Exclude<BeneficiaryStrength, 'mention'> | null;
  /** The call's words behind the verdict, verbatim. */
  words: string[];
  /** The sentence shown to users: « Non éligible : réservé aux entreprises (« … ») ». */
  summary: string;
}
