import type { FactoryProvider } from '@nestjs/common';
import { Classifier } from '../classifier';

/**
 * The shared classifier, loaded once when the module starts: a malformed thesaurus stops the
 * process at start with the file and line, instead of failing on the first call scored.
 */
export const classifierProvider: FactoryProvider<Promise<Classifier>> = {
  provide: Classifier,
  useFactory: () => Classifier.load(),
};
