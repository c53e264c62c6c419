import { itWithSharedData, sharedDataPath } from '@app/testing';
import { loadEligibilityVocabulary } from '../eligibility-vocabulary.loader';
import { measureEligibility, readLabelledEligibilityCalls } from './eligibility-evaluation.util';

describe(measureEligibility.name, () => {
  itWithSharedData(
    'on the labelled real calls, tells an association it cannot apply to most non-relevant ones and to almost no relevant one',
    () => {
      const calls = readLabelledEligibilityCalls(
        sharedDataPath('calls-dev.jsonl'),
        sharedDataPath('raw', 'aides-territoires_export_periurbain.csv'),
      );
      expect(calls).toHaveLength(289);
      const measure = measureEligibility(loadEligibilityVocabulary(), calls, 'association');
      // Figures quoted in the README (« Éligibilité »): a change here changes them.
      expect(measure.notRelevant.not_eligible).toBeGreaterThanOrEqual(185);
      expect(measure.wronglyExcluded.length).toBeLessThanOrEqual(1);
      const caught = measure.caught.map((c) => c.id);
      // The business, school and collectivité-only calls full of digital vocabulary.
      expect(caught).toEqual(
        expect.arrayContaining([
          'grand-est-aide-entreprises-primo-utilisatrices-ia',
          'normandie-impulsion-transition-numerique',
          'culture-culturepro-2022',
          'europe-bfc-feder-deployer-infrastructures-fibre-optique',
          'at-periurbain-076-beneficier-d-une-maintenance-du-parc-informatique',
        ]),
      );
    },
  );

  itWithSharedData(
    'from the texts alone, never tells an association a relevant call is closed to it',
    () => {
      const calls = readLabelledEligibilityCalls(sharedDataPath('calls-dev.jsonl'));
      const measure = measureEligibility(loadEligibilityVocabulary(), calls, 'association');
      expect(measure.wronglyExcluded).toEqual([]);
      expect(measure.notRelevant.not_eligible).toBeGreaterThanOrEqual(15);
    },
  );
});
