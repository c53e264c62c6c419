import { readFileSync } from 'node:fs';
import {
  defaultFundingRulesPath,
  loadFundingRules,
  parseFundingRules,
} from './funding-rules.loader';
import { FUNDING_KINDS } from './funding-kind.constants';
import { TreasuryException } from './treasury.exception';

const text = readFileSync(defaultFundingRulesPath(), 'utf8');

function errorOf(yaml: string): TreasuryException {
  try {
    parseFundingRules(yaml, 'funding-rules.yaml');
  } catch (error) {
    return error as TreasuryException;
  }
  throw new Error('expected the file to be refused');
}

/** Line number (1-based) of the first line containing `needle`, searching from `after`. */
function lineOf(needle: string, after = ''): number {
  const lines = text.split('\n');
  const start = after ? lines.findIndex((l) => l.includes(after)) : 0;
  return lines.findIndex((l, i) => i >= start && l.includes(needle)) + 1;
}

describe(loadFundingRules.name, () => {
  const rules = loadFundingRules();

  it('reads a rule for every kind, each figure with its source and confidence', () => {
    expect(Object.keys(rules.kinds).sort()).toEqual([...FUNDING_KINDS].sort());
    expect(rules.kinds.FSE_PLUS.expected.advancePct).toEqual({
      value: 30,
      source: 'S1',
      confidence: 'sourced',
    });
    expect(rules.kinds.FEADER_LEADER.stress.balanceDelayMonths).toMatchObject({
      value: 36,
      source: 'S19',
    });
  });

  it('lets stress inherit what it does not restate', () => {
    expect(rules.kinds.FSE_PLUS.stress.advancePct).toBe(rules.kinds.FSE_PLUS.expected.advancePct);
    expect(rules.kinds.FSE_PLUS.stress.balanceDelayMonths.value).toBe(18);
    expect(rules.kinds.SELF_FUNDING.stress).toBe(rules.kinds.SELF_FUNDING.expected);
  });

  it('refuses a wrong figure naming the file, line and field', () => {
    const broken = text.replace(
      'advancePct: { value: 30, source: S1',
      'advancePct: { value: "trente", source: S1',
    );
    const error = errorOf(broken);
    expect(error.message).toBe(
      `funding-rules.yaml:${lineOf('advancePct: { value: 30', 'FSE_PLUS:')}: kinds.FSE_PLUS.expected.advancePct.value: must be a number`,
    );
    expect(error.details).toMatchObject({
      file: 'funding-rules.yaml',
      field: 'kinds.FSE_PLUS.expected.advancePct.value',
    });
  });

  it('refuses a sourced figure without source, an unknown source id, a missing field, an unknown kind', () => {
    expect(
      errorOf(
        text.replace(
          '{ value: 30, source: S1, confidence: sourced }',
          '{ value: 30, source: null, confidence: sourced }',
        ),
      ).message,
    ).toContain(
      'kinds.FSE_PLUS.expected.advancePct.source: a "sourced" figure needs its source id',
    );
    expect(errorOf(text.replace('source: S1,', 'source: fse.gouv.fr,')).message).toContain(
      'must be a source id',
    );
    const noLabel = errorOf(text.replace('    label: Interreg\n', ''));
    // A missing field points at the first line of the mapping that should hold it.
    expect(noLabel.message).toBe(
      `funding-rules.yaml:${lineOf('  INTERREG:') + 1}: kinds.INTERREG.label: is missing`,
    );
    expect(errorOf(text.replace('  OTHER:', '  LOTTERY:')).message).toContain(
      'kinds.LOTTERY: unknown funding kind',
    );
  });

  it('refuses broken YAML with its line', () => {
    expect(errorOf('version: 1\nkinds: [\n').message).toMatch(
      /^funding-rules.yaml:\d+: \(syntax\)/,
    );
  });

  it('says which file is missing', () => {
    expect(() => loadFundingRules('/nonexistent/rules.yaml')).toThrow('/nonexistent/rules.yaml');
  });

  it('reads each reimbursement fund’s matching rule, claim delay and the bridge products (issue 21)', () => {
    expect(rules.kinds.FEADER_LEADER.matching).toMatchObject({
      mode: 'national_paid',
      euPerNationalEuro: { value: 4, source: 'S17', confidence: 'sourced' },
    });
    expect(rules.kinds.FEDER.matching).toMatchObject({ mode: 'none', confidence: 'estimate' });
    expect(rules.kinds.FEDER.matching?.note).toContain('hypothèse');
    expect(rules.kinds.FEADER_LEADER.expected.claimPaymentDelayMonths?.value).toBe(11);
    expect(rules.kinds.INTERREG.leadPartnerTransferMonths?.value).toBe(1);
    expect(rules.bridgeProducts.map((p) => [p.key, p.maxMonths.value])).toEqual([
      ['dailly', 12],
      ['releve_solidaire', 18],
      ['pret_garanti_france_active', 24],
    ]);
  });

  it('refuses a reimbursement fund without matching rule, or a bad one, naming line and field', () => {
    const start = text.indexOf('  FEDER:');
    const matchingLine = text.indexOf('    matching:', start);
    const end = text.indexOf('\n', matchingLine) + 1;
    const noMatching = errorOf(text.slice(0, matchingLine) + text.slice(end));
    expect(noMatching.message).toBe(
      `funding-rules.yaml:${lineOf('  FEDER:') + 1}: kinds.FEDER.matching: a reimbursement-based kind needs its matching rule`,
    );
    expect(errorOf(text.replace('mode: national_paid', 'mode: sometimes')).message).toBe(
      `funding-rules.yaml:${lineOf('mode: national_paid')}: kinds.FEADER_LEADER.matching.mode: must be "national_paid" or "none"`,
    );
    expect(
      errorOf(
        text.replace('maxMonths: { value: 18, source: S43', 'maxMonths: { value: 0, source: S43'),
      ).message,
    ).toContain('bridgeProducts.1.maxMonths.value: must be a whole number of months ≥ 1');
  });
});
