import {
  CONFIG_MUTATION_RUNS,
  HOSTILE_YAML,
  mutatedText,
  PROPERTY_RUNS,
  yamlishText,
} from '@app/testing';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ThesaurusError } from '../classifier.exception';
import { defaultThesaurusDir } from './thesaurus.loader';
import { parseThesaurus } from './thesaurus.parser';
import type { ThesaurusFile } from './thesaurus.types';

const dir = defaultThesaurusDir();
const realFiles: ThesaurusFile[] = readdirSync(dir)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8') }));

/**
 * Loads, or throws ThesaurusError naming the file and line at fault. The one error without a
 * place is a thesaurus with no « settings » section anywhere: it names the section instead.
 */
function loadsOrExplains(files: ThesaurusFile[]): void {
  try {
    parseThesaurus(files);
  } catch (error) {
    if (!(error instanceof ThesaurusError)) throw error;
    if (error.file === undefined) {
      expect(error.message).toBe('aucune section « settings » trouvée');
      return;
    }
    expect(files.map((file) => file.name)).toContain(error.file);
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.message.startsWith(`${error.file}:${error.line}: `)).toBe(true);
  }
}

describe('parseThesaurus (property)', () => {
  it('loads or refuses an arbitrary YAML-ish file beside the real settings, naming file and line', () => {
    const settings = realFiles.filter((file) => file.name === 'settings.yaml');
    fc.assert(
      fc.property(yamlishText(), (content) =>
        loadsOrExplains([...settings, { name: 'themes-extra.yaml', content }]),
      ),
      { numRuns: PROPERTY_RUNS, examples: HOSTILE_YAML },
    );
  });

  it('loads or refuses random edits of one real thesaurus file, naming file and line', () => {
    const edited = fc
      .nat({ max: realFiles.length - 1 })
      .chain((index) =>
        mutatedText(realFiles[index].content).map((content) =>
          realFiles.map((file, i) => (i === index ? { ...file, content } : file)),
        ),
      );
    fc.assert(fc.property(edited, loadsOrExplains), { numRuns: CONFIG_MUTATION_RUNS });
  });
});
