import {
  CONFIG_MUTATION_RUNS,
  HOSTILE_YAML,
  mutatedText,
  PROPERTY_RUNS,
  repoRoot,
  yamlishText,
} from '@app/testing';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceDefinitionError } from './source-definition.error';
import { parseSources } from './source.loader';

const FILE = 'sources.yaml';
const VARS = { FIXTURE_BASE_URL: 'http://127.0.0.1:4319' };

/** Loads, or throws SourceDefinitionError whose every problem names the file, line and field. */
function loadsOrExplains(text: string): void {
  try {
    const sources = parseSources(text, { file: FILE, vars: VARS });
    expect(Array.isArray(sources)).toBe(true);
  } catch (error) {
    if (!(error instanceof SourceDefinitionError)) throw error;
    expect(error.problems.length).toBeGreaterThan(0);
    for (const problem of error.problems) {
      expect(problem.file).toBe(FILE);
      expect(problem.line).toEqual(expect.any(Number));
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.field).not.toBe('');
      expect(error.message).toContain(`${FILE}:${problem.line}`);
    }
  }
}

describe('parseSources (property)', () => {
  it('loads or refuses arbitrary YAML-ish text with file, line and field', () => {
    fc.assert(fc.property(yamlishText(), loadsOrExplains), {
      numRuns: PROPERTY_RUNS,
      examples: HOSTILE_YAML,
    });
  });

  for (const name of ['sources.yaml', 'sources.demo.yaml']) {
    it(`loads or refuses random edits of config/${name} with file, line and field`, () => {
      const original = readFileSync(join(repoRoot, 'config', name), 'utf8');
      fc.assert(fc.property(mutatedText(original), loadsOrExplains), {
        numRuns: CONFIG_MUTATION_RUNS,
      });
    });
  }
});
