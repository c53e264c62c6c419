import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { EU_AREAS, FUNDING_KINDS, type FundingKind } from './funding-kind.constants';
import type {
  BridgeProduct,
  ClaimsRule,
  FundingKindRule,
  FundingRules,
  MatchingRule,
  ScenarioPaymentRule,
  SourcedFigure,
  WarningThresholds,
} from './funding-rules.types';
import { TreasuryException, TreasuryExceptionCode } from './treasury.exception';

const RULES_FILE = join('config', 'funding-rules.yaml');
const SOURCE_RE = /^S\d{1,2}[a-z]?$/;
type Path = (string | number)[];

/** Walks up from this file (src or dist) to the repository's config/, then tries the cwd. */
export function defaultFundingRulesPath(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, RULES_FILE))) return join(dir, RULES_FILE);
  }
  return resolve(process.cwd(), RULES_FILE);
}

/**
 * Reads and checks the payment rules. A malformed file is refused with the file, line and field
 * at fault, because a silently wrong delay would mislead an accountant for months.
 */
export function loadFundingRules(path: string = defaultFundingRulesPath()): FundingRules {
  if (!existsSync(path)) {
    throw new TreasuryException(
      TreasuryExceptionCode.RULES_FILE_NOT_FOUND,
      `Funding rules file not found: ${path}`,
      {
        file: path,
      },
    );
  }
  return parseFundingRules(readFileSync(path, 'utf8'), path);
}

export function parseFundingRules(text: string, file: string): FundingRules {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = lineCounter.linePos(error.pos[0]).line;
    throw rulesError(file, line, '(syntax)', error.message.split('\n')[0]);
  }
  return new RulesReader(doc, lineCounter, file).read();
}

function rulesError(file: string, line: number, field: string, problem: string): TreasuryException {
  return new TreasuryException(
    TreasuryExceptionCode.RULES_FILE_INVALID,
    `${file}:${line}: ${field}: ${problem}`,
    { file, line, field },
  );
}

class RulesReader {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly file: string,
  ) {}

  read(): FundingRules {
    const version = this.number(['version']);
    const warnings: WarningThresholds = {
      deadlineSoonDays: this.figure(['warnings', 'deadlineSoonDays']),
      reportDueDays: this.figure(['warnings', 'reportDueDays']),
      singleFinalPaymentSharePct: this.figure(['warnings', 'singleFinalPaymentSharePct']),
      statePaymentLegalDays: this.figure(['warnings', 'statePaymentLegalDays']),
      bridgeMaxTermMonths: this.figure(['warnings', 'bridgeMaxTermMonths']),
    };
    this.rejectUnknownKinds();
    const kinds = Object.fromEntries(
      FUNDING_KINDS.map((kind) => [kind, this.kind(kind)]),
    ) as Record<FundingKind, FundingKindRule>;
    return {
      version,
      sourcePath: this.file,
      warnings,
      kinds,
      bridgeProducts: this.bridgeProducts(['bridgeProducts']),
    };
  }

  /** Shortest first, so that a message can name the first one long enough. */
  private bridgeProducts(path: Path): BridgeProduct[] {
    const node = this.node(path);
    if (!isSeq(node) || node.items.length === 0) throw this.error(path, 'must be a non-empty list');
    const products = node.items.map((_, i) => ({
      key: this.string([...path, i, 'key']),
      label: this.string([...path, i, 'label']),
      maxMonths: this.figure([...path, i, 'maxMonths']),
    }));
    products.forEach((product, i) => {
      if (product.maxMonths.value < 1 || !Number.isInteger(product.maxMonths.value))
        throw this.error(
          [...path, i, 'maxMonths', 'value'],
          'must be a whole number of months ≥ 1',
        );
    });
    return products.sort((a, b) => a.maxMonths.value - b.maxMonths.value);
  }

  /** A reimbursement fund's claims need their matching rule: without it a claim could not be capped. */
  private matching(path: Path): MatchingRule {
    this.map(path);
    const mode = this.string([...path, 'mode']);
    if (mode !== 'national_paid' && mode !== 'none')
      throw this.error([...path, 'mode'], 'must be "national_paid" or "none"');
    const source = this.node([...path, 'source']);
    if (!isScalar(source) || (source.value !== null && !SOURCE_RE.test(String(source.value))))
      throw this.error([...path, 'source'], 'must be a source id such as S12, or null');
    const confidence = this.string([...path, 'confidence']);
    if (confidence !== 'sourced' && confidence !== 'estimate')
      throw this.error([...path, 'confidence'], 'must be "sourced" or "estimate"');
    const note = this.has([...path, 'note']) ? this.string([...path, 'note']) : undefined;
    const rule: MatchingRule = {
      mode,
      source: source.value === null ? null : String(source.value),
      confidence,
      ...(note ? { note } : {}),
    };
    if (mode === 'national_paid') {
      rule.euPerNationalEuro = this.figure([...path, 'euPerNationalEuro']);
      if (rule.euPerNationalEuro.value <= 0)
        throw this.error([...path, 'euPerNationalEuro', 'value'], 'must be above 0');
    }
    return rule;
  }

  private kind(kind: FundingKind): FundingKindRule {
    const base: Path = ['kinds', kind];
    const expected = this.scenario([...base, 'expected'], null);
    const rule: FundingKindRule = {
      kind,
      label: this.string([...base, 'label']),
      reimbursementBased: this.boolean([...base, 'reimbursementBased']),
      euFund: this.boolean([...base, 'euFund']),
      nationalPublicCofinancer: this.boolean([...base, 'nationalPublicCofinancer']),
      cashMovement: this.optionalBoolean([...base, 'cashMovement']) ?? true,
      isLoan: this.optionalBoolean([...base, 'isLoan']) ?? false,
      expected,
      stress: this.has([...base, 'stress'])
        ? this.scenario([...base, 'stress'], expected)
        : expected,
    };
    for (const key of [
      'finalReportDelayMonths',
      'intermediateBodyAdvanceCapCents',
      'leaderMaxShareOfPublicAidPct',
      'leaderMaxPublicAidPct',
      'leadPartnerTransferMonths',
    ] as const) {
      if (this.has([...base, key])) rule[key] = this.figure([...base, key]);
    }
    if (this.has([...base, 'maxEuRatePct']))
      rule.maxEuRatePct = this.euRates([...base, 'maxEuRatePct']);
    if (rule.reimbursementBased && !rule.expected.balanceDelayMonths) {
      throw this.error(
        [...base, 'expected'],
        'a reimbursement-based kind needs balanceDelayMonths',
      );
    }
    if (rule.reimbursementBased) {
      if (!this.has([...base, 'matching']))
        throw this.error(
          [...base, 'matching'],
          'a reimbursement-based kind needs its matching rule',
        );
      rule.matching = this.matching([...base, 'matching']);
      if (!rule.expected.claimPaymentDelayMonths)
        throw this.error(
          [...base, 'expected', 'claimPaymentDelayMonths'],
          'required for a reimbursement-based kind',
        );
    }
    if (kind === 'FEADER_LEADER' && !rule.expected.afterCofinancersMonths) {
      throw this.error([...base, 'expected', 'afterCofinancersMonths'], 'required for LEADER');
    }
    return rule;
  }

  /** A stress scenario inherits every figure it does not restate. */
  private scenario(path: Path, inherited: ScenarioPaymentRule | null): ScenarioPaymentRule {
    this.map(path);
    const figure = (key: string, fallback: SourcedFigure | undefined): SourcedFigure =>
      this.has([...path, key]) || !fallback ? this.figure([...path, key]) : fallback;
    const afterCofinancers = this.has([...path, 'afterCofinancersMonths'])
      ? this.figure([...path, 'afterCofinancersMonths'])
      : inherited?.afterCofinancersMonths;
    const claimDelay = this.has([...path, 'claimPaymentDelayMonths'])
      ? this.figure([...path, 'claimPaymentDelayMonths'])
      : inherited?.claimPaymentDelayMonths;
    const pct = figure('advancePct', inherited?.advancePct);
    if (pct.value > 100)
      throw this.error([...path, 'advancePct', 'value'], 'must be between 0 and 100');
    return {
      advancePct: pct,
      advanceDelayMonths: figure('advanceDelayMonths', inherited?.advanceDelayMonths),
      claims:
        this.has([...path, 'claims']) || !inherited
          ? this.claims([...path, 'claims'])
          : inherited.claims,
      balanceDelayMonths: figure('balanceDelayMonths', inherited?.balanceDelayMonths),
      correctionPct: figure('correctionPct', inherited?.correctionPct),
      ...(afterCofinancers ? { afterCofinancersMonths: afterCofinancers } : {}),
      ...(claimDelay ? { claimPaymentDelayMonths: claimDelay } : {}),
    };
  }

  private claims(path: Path): ClaimsRule | null {
    const node = this.node(path);
    if (isScalar(node) && node.value === null) return null;
    this.map(path);
    const everyMonths = this.figure([...path, 'everyMonths']);
    if (everyMonths.value < 1)
      throw this.error([...path, 'everyMonths', 'value'], 'must be at least 1');
    return { everyMonths, paymentDelayMonths: this.figure([...path, 'paymentDelayMonths']) };
  }

  private euRates(path: Path): FundingKindRule['maxEuRatePct'] {
    const map = this.map(path);
    const rates: FundingKindRule['maxEuRatePct'] = {};
    for (const pair of map.items) {
      const area = String(isScalar(pair.key) ? pair.key.value : pair.key);
      if (!(EU_AREAS as readonly string[]).includes(area)) {
        throw this.error([...path, area], `unknown area, expected one of ${EU_AREAS.join(', ')}`);
      }
      const figure = this.figure([...path, area]);
      if (figure.value > 100)
        throw this.error([...path, area, 'value'], 'must be between 0 and 100');
      rates[area as keyof typeof rates] = figure;
    }
    return rates;
  }

  private figure(path: Path): SourcedFigure {
    this.map(path);
    const value = this.number([...path, 'value']);
    if (value < 0) throw this.error([...path, 'value'], 'must not be negative');
    const source = this.node([...path, 'source']);
    if (!isScalar(source) || (source.value !== null && !SOURCE_RE.test(String(source.value)))) {
      throw this.error([...path, 'source'], 'must be a source id such as S12, or null');
    }
    const confidence = this.string([...path, 'confidence']);
    if (confidence !== 'sourced' && confidence !== 'estimate') {
      throw this.error([...path, 'confidence'], 'must be "sourced" or "estimate"');
    }
    if (confidence === 'sourced' && source.value === null) {
      throw this.error([...path, 'source'], 'a "sourced" figure needs its source id');
    }
    const note = this.has([...path, 'note']) ? this.string([...path, 'note']) : undefined;
    return {
      value,
      source: source.value === null ? null : String(source.value),
      confidence,
      ...(note ? { note } : {}),
    };
  }

  private rejectUnknownKinds(): void {
    const kinds = this.map(['kinds']);
    for (const pair of kinds.items) {
      const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
      if (!(FUNDING_KINDS as readonly string[]).includes(name)) {
        throw this.error(
          ['kinds', name],
          `unknown funding kind, expected one of ${FUNDING_KINDS.join(', ')}`,
        );
      }
    }
  }

  private number(path: Path): number {
    const node = this.node(path);
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isFinite(node.value)) {
      throw this.error(path, 'must be a number');
    }
    return node.value;
  }

  private string(path: Path): string {
    const node = this.node(path);
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      throw this.error(path, 'must be a non-empty text');
    }
    return node.value;
  }

  private boolean(path: Path): boolean {
    const node = this.node(path);
    if (!isScalar(node) || typeof node.value !== 'boolean')
      throw this.error(path, 'must be true or false');
    return node.value;
  }

  private optionalBoolean(path: Path): boolean | undefined {
    return this.has(path) ? this.boolean(path) : undefined;
  }

  private map(path: Path) {
    const node = this.node(path);
    if (!isMap(node)) throw this.error(path, 'must be a mapping');
    return node;
  }

  private has(path: Path): boolean {
    return this.doc.hasIn(path);
  }

  private node(path: Path): Node {
    const node = this.doc.getIn(path, true) as Node | undefined;
    if (node === undefined || node === null) throw this.error(path, 'is missing');
    return node;
  }

  /** Points at the node itself, or at its nearest existing parent when the field is missing. */
  private error(path: Path, problem: string): TreasuryException {
    let line = 1;
    for (let depth = path.length; depth >= 0; depth--) {
      const node = (
        depth === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, depth), true)
      ) as Node | null;
      if (node?.range) {
        line = this.lines.linePos(node.range[0]).line;
        break;
      }
    }
    return rulesError(this.file, line, path.join('.'), problem);
  }
}
