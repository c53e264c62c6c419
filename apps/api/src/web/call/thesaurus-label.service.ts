import { Classifier, ELIGIBILITY_REASON_KIND } from '@app/classifier';
import { Injectable } from '@nestjs/common';
import type { StoredExplanationEntry, StoredThemeScore } from '@app/persistence';
import type { ReasonView, ThemeLabel } from './call-page.types';

const FIELD_LABELS: Record<string, string> = {
  title: 'titre',
  description: 'description',
  funder: 'financeur',
  documents: 'documents joints',
};

/** Turns the thesaurus ids stored with classifications into the labels users read. */
@Injectable()
export class ThesaurusLabelService {
  readonly themes: ThemeLabel[];
  readonly euFunds: ThemeLabel[];
  readonly themeThreshold: number;
  private readonly themeLabels: Map<string, string>;
  private readonly conceptLabels: Map<string, string>;
  private readonly fundLabels: Map<string, string>;

  constructor(classifier: Classifier) {
    const definition = classifier.definition;
    this.themes = definition.themes.map((t) => ({ id: t.id, label: t.label }));
    this.euFunds = definition.euFunds.map((f) => ({ id: f.id, label: f.label }));
    this.themeThreshold = definition.settings.themeThreshold;
    this.themeLabels = new Map(this.themes.map((t) => [t.id, t.label]));
    this.fundLabels = new Map(this.euFunds.map((f) => [f.id, f.label]));
    this.conceptLabels = new Map([
      ...definition.rules.map((r): [string, string] => [r.id, r.label]),
      ...definition.proximity.map((p): [string, string] => [p.id, p.label]),
    ]);
  }

  detectedThemes(themes: readonly StoredThemeScore[]): ThemeLabel[] {
    return themes
      .filter((t) => t.score >= this.themeThreshold)
      .map((t) => ({ id: t.id, label: this.themeLabels.get(t.id) ?? t.id }));
  }

  fundLabel(id: string | null): string | null {
    return id ? (this.fundLabels.get(id) ?? id) : null;
  }

  reasons(entries: readonly StoredExplanationEntry[]): ReasonView[] {
    return entries.map((e) => ({
      concept: this.conceptLabel(e.concept),
      field: FIELD_LABELS[e.field] ?? e.field,
      match: e.match,
      weight: e.weight,
      kind: e.kind,
      snippet: e.snippet,
    }));
  }

  private conceptLabel(concept: string): string {
    if (concept === 'feedback') return 'vos avis sur des appels proches';
    if (concept === ELIGIBILITY_REASON_KIND) return 'qui peut déposer (forme juridique)';
    if (concept.startsWith('semantic:')) {
      const theme = concept.slice('semantic:'.length);
      return `vocabulaire proche : ${this.themeLabels.get(theme) ?? theme}`;
    }
    return this.conceptLabels.get(concept) ?? concept;
  }
}
