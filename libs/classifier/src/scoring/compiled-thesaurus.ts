import { FrenchTokenizer } from '../text/french-tokenizer';
import type { ThesaurusDefinition } from '../thesaurus/thesaurus.types';
import { PhraseIndex } from './phrase-index';
import { SemanticSpace } from './semantic-space';

/** The thesaurus turned into lookup structures, built once per classifier. */
export class CompiledThesaurus {
  readonly phrases: PhraseIndex;
  readonly semantic: SemanticSpace;
  /** Theme id → its position in per-theme arrays. */
  readonly themeIndex = new Map<string, number>();
  /** Per rule: position of its theme, or -1. */
  readonly ruleTheme: number[];
  /** Per proximity rule: position of its theme. */
  readonly proximityTheme: number[];

  constructor(
    readonly definition: ThesaurusDefinition,
    readonly tokenizer: FrenchTokenizer,
  ) {
    definition.themes.forEach((t, i) => this.themeIndex.set(t.id, i));
    this.ruleTheme = definition.rules.map((r) =>
      r.theme === null ? -1 : (this.themeIndex.get(r.theme) ?? -1),
    );
    this.proximityTheme = definition.proximity.map((p) => this.themeIndex.get(p.theme) ?? -1);
    this.phrases = new PhraseIndex(tokenizer);
    definition.rules.forEach((rule, index) => {
      for (const term of rule.terms) this.phrases.add(term, { kind: 'rule', index }, rule.source);
    });
    definition.proximity.forEach((rule, index) => {
      for (const term of rule.anchor)
        this.phrases.add(term, { kind: 'anchor', index }, rule.source);
      for (const term of rule.near) this.phrases.add(term, { kind: 'near', index }, rule.source);
    });
    definition.euFunds.forEach((fund, index) => {
      for (const term of fund.terms) this.phrases.add(term, { kind: 'fund', index }, fund.source);
    });
    this.semantic = new SemanticSpace(definition, tokenizer);
  }
}
