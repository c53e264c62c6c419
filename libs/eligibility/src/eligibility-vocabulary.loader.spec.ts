import { readFileSync } from 'node:fs';
import { BENEFICIARY_CATEGORIES } from './beneficiary.constants';
import { EligibilityException } from './eligibility.exception';
import {
  defaultEligibilityVocabularyPath,
  loadEligibilityVocabulary,
  parseEligibilityVocabulary,
} from './eligibility-vocabulary.loader';

const real = readFileSync(defaultEligibilityVocabularyPath(), 'utf8');

function refusal(text: string): EligibilityException {
  try {
    parseEligibilityVocabulary(text, 'eligibility.yaml');
  } catch (error) {
    if (error instanceof EligibilityException) return error;
    throw error;
  }
  throw new Error('the vocabulary was accepted');
}

/** The real file with one line replaced, so the error's line number is known. */
function withLine(match: RegExp, replacement: string): { text: string; line: number } {
  const lines = real.split('\n');
  const index = lines.findIndex((l) => match.test(l));
  if (index < 0) throw new Error(`no line matches ${match}`);
  lines[index] = lines[index].replace(match, replacement);
  return { text: lines.join('\n'), line: index + 1 };
}

describe(loadEligibilityVocabulary.name, () => {
  it('loads the shipped vocabulary with every category and a version naming its content', () => {
    const vocabulary = loadEligibilityVocabulary();
    expect(vocabulary.categories.map((c) => c.id).sort()).toEqual(
      [...BENEFICIARY_CATEGORIES].sort(),
    );
    expect(vocabulary.cues.map((c) => c.strength)).toEqual(
      expect.arrayContaining(['only', 'listed', 'excluded']),
    );
    expect(vocabulary.version).toMatch(/^e\d+-[0-9a-f]{12}$/);
    expect(parseEligibilityVocabulary(`${real}\n# edited`, 'x').version).not.toBe(
      vocabulary.version,
    );
  });

  it('refuses an unknown category with the file, line and field', () => {
    const { text, line } = withLine(/- id: agriculteurs/, '- id: agricultrices');
    const error = refusal(text);
    expect(error.details).toEqual({
      file: 'eligibility.yaml',
      line,
      field: expect.stringMatching(/^categories\[\d+\]\.id$/),
    });
    expect(error.message).toContain(`eligibility.yaml:${line}: categories[`);
    expect(error.message).toContain('« agricultrices » inconnue');
  });

  it('refuses a cue of unknown strength, naming the field', () => {
    const { text, line } = withLine(/strength: only/, 'strength: seulement');
    expect(refusal(text).details).toEqual({
      file: 'eligibility.yaml',
      line,
      field: 'cues[1].strength',
    });
  });

  it('refuses an empty term and an unknown key, each on its line', () => {
    const empty = withLine(/terms: \[particulier,/, 'terms: ["", particulier,');
    expect(refusal(empty.text).details).toEqual({
      file: 'eligibility.yaml',
      line: empty.line,
      field: expect.stringMatching(/^categories\[\d+\]\.terms\[1\]$/),
    });
    const unknown = withLine(/^ignore:/, 'ignorer:');
    expect(refusal(unknown.text)).toMatchObject({
      details: { line: unknown.line, field: '(fichier)' },
      message: expect.stringContaining('clé inconnue « ignorer »'),
    });
  });

  it('refuses a vocabulary missing a category, and broken YAML with its line', () => {
    const { text } = withLine(/- id: recherche/, '- id: open');
    expect(refusal(text).message).toMatch(/catégorie « open » répétée|absente\(s\) : recherche/);
    const broken = refusal('categories:\n  - id: [unclosed\n');
    expect(broken.details).toMatchObject({ file: 'eligibility.yaml', field: '(syntaxe)' });
    expect(broken.details?.line).toBeGreaterThanOrEqual(2);
  });
});
