import {
  CALL_FIELDS,
  type CallField,
  type ClassifiableCall,
  type Classification,
  type ExplanationEntry,
} from './classifier.types';
import {
  CLASSIFIER_CODE_VERSION,
  MAX_FIELD_LENGTH,
  SEMANTIC_QUOTED_WORDS,
} from './classifier.constants';
import type { FeedbackModel } from './feedback/feedback-model';
import { CompiledThesaurus } from './scoring/compiled-thesaurus';
import { EvidenceCollector, proximityQuote, type RuleFiring } from './scoring/evidence-collector';
import { addCounts, type TermCounts } from './scoring/tfidf-space';
import { FrenchTokenizer, type TokenStream } from './text/french-tokenizer';
import { stripHtml } from './text/html.util';
import { quote, snippet } from './text/snippet.util';
import { loadThesaurus } from './thesaurus/thesaurus.loader';
import { parseThesaurus } from './thesaurus/thesaurus.parser';
import type { ThesaurusDefinition, ThesaurusFile } from './thesaurus/thesaurus.types';

export interface ClassifyOptions {
  /** An organisation's model learnt from its marks; adjusts the score on top of the rules. */
  feedback?: FeedbackModel | null;
}

export interface AnalysedField {
  field: CallField;
  weight: number;
  stream: TokenStream;
}

/** A call cut into stems, per field, with its field-weighted term counts. */
export interface AnalysedCall {
  fields: AnalysedField[];
  counts: TermCounts;
}

/** A shared classification with the raw figures an organisation's feedback builds on. */
export interface SharedClassification {
  classification: Classification;
  /** Evidence of the rules and the semantic component, before squashing into [0, 1]. */
  evidence: number;
  counts: TermCounts;
}

/** Everything the rules found in a call, before any feedback and before rounding. */
interface SharedEvidence {
  analysis: AnalysedCall;
  evidence: number;
  themeEvidence: Float64Array;
  entries: ExplanationEntry[];
  funds: Float64Array;
}

/** One rule's firing before stacking: its group decides the diminishing returns. */
interface Evidence {
  group: string;
  /** Theme position, or -1 for negatives and eligibility. */
  theme: number;
  strength: number;
  entry: ExplanationEntry;
}

const round = (value: number, digits = 4): number =>
  Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Explainable relevance of a funding call for a digital-inclusion structure: thesaurus concepts,
 * proximity rules, negatives and eligibility, plus similarity to exemplars of each theme, and
 * optionally an organisation's feedback model. Synchronous and allocation-light: it runs on
 * every stored call and on every re-score after a thesaurus change.
 */
export class Classifier {
  readonly version: string;
  readonly themeIds: readonly string[];
  private readonly compiled: CompiledThesaurus;

  private constructor(readonly definition: ThesaurusDefinition) {
    this.compiled = new CompiledThesaurus(definition, new FrenchTokenizer());
    this.version = `${CLASSIFIER_CODE_VERSION}+${definition.contentHash.slice(0, 12)}`;
    this.themeIds = definition.themes.map((t) => t.id);
  }

  /** Loads `<dir>/*.yaml` (default `<repo>/config/thesaurus`); refuses a malformed thesaurus. */
  static async load(dir?: string): Promise<Classifier> {
    return new Classifier(await loadThesaurus(dir));
  }

  static fromFiles(files: readonly ThesaurusFile[]): Classifier {
    return new Classifier(parseThesaurus(files));
  }

  static fromDefinition(definition: ThesaurusDefinition): Classifier {
    return new Classifier(definition);
  }

  get tokenizer(): FrenchTokenizer {
    return this.compiled.tokenizer;
  }

  analyse(call: Omit<ClassifiableCall, 'id'>): AnalysedCall {
    const weights = this.definition.settings.fieldWeights;
    const fields: AnalysedField[] = [];
    const counts: TermCounts = new Map();
    for (const field of CALL_FIELDS) {
      const raw = call[field];
      if (typeof raw !== 'string' || raw.length === 0) continue;
      const text = stripHtml(raw.length > MAX_FIELD_LENGTH ? raw.slice(0, MAX_FIELD_LENGTH) : raw);
      const stream = this.compiled.tokenizer.tokenize(text);
      fields.push({ field, weight: weights[field], stream });
      addCounts(counts, stream.stems, weights[field]);
    }
    return { fields, counts };
  }

  classify(call: ClassifiableCall, options: ClassifyOptions = {}): Classification {
    return this.finish(call.id, this.shared(call), options.feedback ?? null);
  }

  /**
   * The shared classification (no feedback) with what an organisation's feedback later needs:
   * the raw evidence it adds to, and the call's term counts it measures similarity on.
   */
  classifyShared(call: ClassifiableCall): SharedClassification {
    const shared = this.shared(call);
    const evidence = shared.evidence;
    return {
      classification: this.finish(call.id, shared, null),
      evidence,
      counts: shared.analysis.counts,
    };
  }

  /** Score and decision for a raw evidence total, exactly as `classify` computes them. */
  relevanceOf(evidence: number): { score: number; relevant: boolean } {
    const { scale, threshold } = this.definition.settings;
    const score = 1 - Math.exp(-Math.max(0, evidence) / scale);
    return { score: round(score), relevant: score >= threshold };
  }

  private shared(call: ClassifiableCall): SharedEvidence {
    const { settings, themes, rules, proximity, euFunds } = this.definition;
    const analysis = this.analyse(call);
    const collector = new EvidenceCollector(
      rules.length,
      proximity.map((p) => p.window),
      euFunds.length,
    );
    for (const f of analysis.fields)
      collector.collect(this.compiled.phrases, f.field, f.weight, f.stream);

    const themeEvidence = new Float64Array(themes.length);
    const entries: ExplanationEntry[] = [];
    const items: Evidence[] = [];
    const repeat = (count: number): number => 1 + settings.repeatBonus * Math.min(count - 1, 3);

    rules.forEach((rule, i) => {
      const firing = collector.rules[i];
      if (!firing) return;
      const match = quote(firing.text, firing.start, firing.end);
      items.push({
        group: rule.kind === 'concept' ? `theme:${rule.theme}` : rule.kind,
        theme: this.compiled.ruleTheme[i],
        strength: rule.weight * firing.fieldWeight * repeat(firing.count),
        entry: this.entry(rule.id, rule.kind, rule.theme, firing, match),
      });
    });
    proximity.forEach((rule, i) => {
      const firing = collector.proximity[i];
      if (!firing) return;
      const match = proximityQuote(firing, (s, e) => quote(firing.text, s, e));
      items.push({
        group: `theme:${rule.theme}`,
        theme: this.compiled.proximityTheme[i],
        strength: rule.weight * firing.fieldWeight * repeat(firing.count),
        entry: this.entry(rule.id, 'proximity', rule.theme, firing, match),
      });
    });
    let evidence = this.stack(items, themeEvidence, entries);
    evidence += this.addSemantic(analysis, themeEvidence, entries);
    return { analysis, evidence, themeEvidence, entries, funds: collector.funds };
  }

  private finish(
    callId: string,
    shared: SharedEvidence,
    feedback: FeedbackModel | null,
  ): Classification {
    const { settings, themes } = this.definition;
    const { analysis, themeEvidence, entries } = shared;
    let evidence = shared.evidence;
    let feedbackId: string | null = null;
    if (feedback) {
      const adjustment = feedback.assess(callId, analysis, this);
      evidence += adjustment.evidence;
      entries.push(...adjustment.entries);
      feedbackId = feedback.id;
    }

    const { score, relevant } = this.relevanceOf(evidence);
    const themeScores = themes
      .map((t, i) => ({
        id: t.id,
        score: round(1 - Math.exp(-themeEvidence[i] / settings.scale), 3),
      }))
      .filter((t) => t.score > 0)
      .sort((a, b) => b.score - a.score);
    entries.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
    return {
      callId,
      score,
      relevant,
      themes: themeScores,
      euFund: this.detectFund(shared.funds),
      explanation: entries.map((e) => ({ ...e, weight: round(e.weight, 3) })),
      version: this.version,
      feedbackModel: feedbackId,
    };
  }

  /** Themes the classification lists at or above the thesaurus' theme threshold. */
  detectedThemes(classification: Classification): string[] {
    const threshold = this.definition.settings.themeThreshold;
    return classification.themes.filter((t) => t.score >= threshold).map((t) => t.id);
  }

  /**
   * Adds up rule evidence with diminishing returns inside each group (a theme's concepts, the
   * negatives, the eligibility signals): five ways of saying "numérique" are not five reasons.
   */
  private stack(
    items: Evidence[],
    themeEvidence: Float64Array,
    entries: ExplanationEntry[],
  ): number {
    const { stackingDecay } = this.definition.settings;
    const themes = this.definition.themes;
    items.sort((a, b) => Math.abs(b.strength) - Math.abs(a.strength));
    const rank = new Map<string, number>();
    let evidence = 0;
    for (const item of items) {
      const k = rank.get(item.group) ?? 0;
      rank.set(item.group, k + 1);
      const strength = item.strength * stackingDecay ** k;
      if (item.theme >= 0) themeEvidence[item.theme] += strength;
      const contribution = item.theme >= 0 ? strength * themes[item.theme].relevance : strength;
      evidence += contribution;
      entries.push({ ...item.entry, weight: contribution });
    }
    return evidence;
  }

  private entry(
    concept: string,
    kind: ExplanationEntry['kind'],
    theme: string | null,
    firing: RuleFiring,
    match: string,
  ): ExplanationEntry {
    return {
      concept,
      field: firing.field,
      match,
      weight: 0,
      kind,
      theme,
      snippet: snippet(firing.text, firing.start, firing.end),
    };
  }

  private addSemantic(
    analysis: AnalysedCall,
    themeEvidence: Float64Array,
    entries: ExplanationEntry[],
  ): number {
    const { settings, themes } = this.definition;
    if (settings.semantic.weight === 0 || analysis.counts.size === 0) return 0;
    const semantic = this.compiled.semantic.score(analysis.counts);
    const baseline = Math.max(settings.semantic.floor, semantic.counterSimilarity);
    let contribution = 0;
    themes.forEach((theme, t) => {
      const margin = semantic.themeSimilarity[t] - baseline;
      if (margin <= 0) return;
      const strength = settings.semantic.weight * margin;
      themeEvidence[t] += strength;
      const weight = strength * theme.relevance;
      contribution += weight;
      const stems = this.compiled.semantic.topStems(semantic.vector, t, SEMANTIC_QUOTED_WORDS);
      const where = this.locateStems(analysis, stems);
      if (!where) return;
      entries.push({
        concept: `semantic:${theme.id}`,
        field: where.field,
        match: where.words.join(', '),
        weight,
        kind: 'semantic',
        theme: theme.id,
        snippet: `proche des exemples du thème « ${theme.label} » (similarité ${round(semantic.themeSimilarity[t], 2)})`,
      });
    });
    return contribution;
  }

  /** The words as written for the given stems (first occurrence), and the field of the first one. */
  private locateStems(
    analysis: AnalysedCall,
    stems: string[],
  ): { field: CallField; words: string[] } | null {
    const words: string[] = [];
    let field: CallField | null = null;
    for (const stem of stems) {
      for (const f of analysis.fields) {
        const at = f.stream.stems.indexOf(stem);
        if (at === -1) continue;
        words.push(f.stream.text.slice(f.stream.starts[at], f.stream.ends[at]));
        field ??= f.field;
        break;
      }
    }
    return field === null ? null : { field, words };
  }

  private detectFund(funds: Float64Array): Classification['euFund'] {
    let best = -1;
    for (let i = 0; i < funds.length; i++)
      if (funds[i] > 0 && (best === -1 || funds[i] > funds[best])) best = i;
    return best === -1 ? null : this.definition.euFunds[best].id;
  }
}
