export {
  LEGAL_FORMS,
  LEGAL_FORM_LABELS,
  isLegalForm,
  type LegalForm,
} from './legal-form.constants';
export {
  ACCEPTED_CATEGORIES,
  BENEFICIARY_CATEGORIES,
  BENEFICIARY_LABELS,
  isBeneficiaryCategory,
  type BeneficiaryCategory,
} from './beneficiary.constants';
export type {
  Beneficiary,
  BeneficiaryStrength,
  EligibilityField,
  EligibilityInput,
  EligibilityVerdict,
  EligibilityVerdictValue,
  EligibilityVocabulary,
} from './eligibility.types';
export { EligibilityException, EligibilityExceptionCode } from './eligibility.exception';
export {
  ELIGIBILITY_CODE_VERSION,
  defaultEligibilityVocabularyPath,
  loadEligibilityVocabulary,
  parseEligibilityVocabulary,
} from './eligibility-vocabulary.loader';
export { extractEligibility } from './eligibility.extractor';
export { eligibilityVerdict } from './eligibility.verdict';
export {
  formatEligibilityMeasure,
  measureEligibility,
  readLabelledEligibilityCalls,
  type EligibilityMeasure,
  type LabelledEligibilityCall,
} from './evaluation/eligibility-evaluation.util';
export { EligibilityModule } from './eligibility.module';
export { CallEligibilityService, type OrganisationVerdict } from './nest/call-eligibility.service';
export { ELIGIBILITY_VOCABULARY } from './nest/eligibility-vocabulary.provider';
