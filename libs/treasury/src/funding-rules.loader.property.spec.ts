import {
  CONFIG_MUTATION_RUNS,
  HOSTILE_YAML,
  mutatedText,
  PROPERTY_RUNS,
  yamlishText,
} from '@app/testing';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { defaultFundingRulesPath, parseFundingRules } from './funding-rules.loader';
import { TreasuryException, TreasuryExceptionCode } from './treasury.exception';

const FILE = 'funding-rules.yaml';

/** Loads, or throws RULES_FILE_INVALID as « file:line: field: problem ». */
function loadsOrExplains(text: string): void {
  try {
    parseFundingRules(text, FILE);
  } catch (error) {
    if (!(error instanceof TreasuryException)) throw error;
    expect(error.code).toBe(TreasuryExceptionCode.RULES_FILE_INVALID);
    const { file, line, field } = error.details as { file: string; line: number; field: string };
    expect(file).toBe(FILE);
    expect(line).toBeGreaterThanOrEqual(1);
    expect(field).not.toBe('');
    expect(error.message.startsWith(`${FILE}:${line}: ${field}: `)).toBe(true);
  }
}

describe('parseFundingRules (property)', () => {
  it('loads or refuses arbitrary YAML-ish text with file, line and field', () => {
    fc.assert(fc.property(yamlishText(), loadsOrExplains), {
      numRuns: PROPERTY_RUNS,
      examples: HOSTILE_YAML,
    });
  });

  it('loads or refuses random edits of config/funding-rules.yaml with file, line and field', () => {
    const original = readFileSync(defaultFundingRulesPath(), 'utf8');
    fc.assert(fc.property(mutatedText(original), loadsOrExplains), {
      numRuns: CONFIG_MUTATION_RUNS,
    });
  });
});
