// Measures the eligibility verdict on the labelled real calls (../shared/data/calls-dev.jsonl,
// joined with the « Bénéficiaire » column of the aides-territoires export they come from): how
// many non-relevant calls an association is told it cannot apply to, and how many relevant
// calls it would wrongly be told so (must stay at about zero).
// Usage: npm run eval:eligibility -- [LEGAL_FORM]
import { resolve } from 'node:path';
import {
  formatEligibilityMeasure,
  isLegalForm,
  loadEligibilityVocabulary,
  measureEligibility,
  readLabelledEligibilityCalls,
} from '@app/eligibility';

function main(): void {
  const legalForm = process.argv[2] ?? 'association';
  if (!isLegalForm(legalForm)) throw new Error(`forme juridique inconnue : ${legalForm}`);
  const data = resolve(__dirname, '..', '..', '..', 'shared', 'data');
  const calls = readLabelledEligibilityCalls(
    resolve(data, 'calls-dev.jsonl'),
    resolve(data, 'raw', 'aides-territoires_export_periurbain.csv'),
  );
  const measure = measureEligibility(loadEligibilityVocabulary(), calls, legalForm);
  process.stdout.write(`${formatEligibilityMeasure(measure)}\n`);
  if (process.argv.includes('--caught')) {
    for (const c of measure.caught) process.stdout.write(`  ✓ ${c.id} — ${c.summary}\n`);
  }
}

main();
