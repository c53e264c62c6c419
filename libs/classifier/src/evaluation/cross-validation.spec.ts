import { describeWithSharedData, sharedDataPath } from '@app/testing';
import { loadThesaurus } from '../thesaurus/thesaurus.loader';
import { parseThesaurus } from '../thesaurus/thesaurus.parser';
import { miniThesaurus } from '../thesaurus/mini-thesaurus.fixture';
import { Classifier } from '../classifier';
import type { LabelledCall } from './evaluation.types';
import { readLabelledCalls } from './evaluation.util';
import {
  crossValidate,
  exemplarOrigins,
  exemplarSpaceFitter,
  stratifiedFolds,
} from './cross-validation.util';

// The mini thesaurus' only theme exemplar, word for word: a call "written from" it.
const MINI_EXEMPLAR =
  "Ateliers pour apprendre à se servir d'un ordinateur et d'internet, accompagnement des habitants vers l'autonomie avec les outils du quotidien.";

function labelled(id: string, relevant: boolean, description = 'Appel annuel.'): LabelledCall {
  return { id, title: `Appel ${id}`, description, funder: null, relevant, themes: [] };
}

/** 30 calls, 6 relevant; call r0 carries the text of the mini thesaurus' exemplar. */
function corpus(): LabelledCall[] {
  return [
    labelled('r0', true, MINI_EXEMPLAR),
    ...Array.from({ length: 5 }, (_, i) =>
      labelled(`r${i + 1}`, true, 'Lutter contre l’illectronisme.'),
    ),
    ...Array.from({ length: 24 }, (_, i) =>
      labelled(`n${i}`, false, 'Travaux de voirie et ponts.'),
    ),
  ];
}

describe(stratifiedFolds.name, () => {
  const calls = corpus();

  it('makes disjoint folds that cover every call once', () => {
    const folds = stratifiedFolds(calls, 5, 7);
    const ids = folds.flat().map((c) => c.id);
    expect(ids).toHaveLength(calls.length);
    expect(new Set(ids).size).toBe(calls.length);
    expect(new Set(ids)).toEqual(new Set(calls.map((c) => c.id)));
  });

  it('gives every fold the same share of relevant calls, give or take one, and the same size', () => {
    const folds = stratifiedFolds(calls, 4, 7);
    const relevant = folds.map((f) => f.filter((c) => c.relevant).length);
    expect(Math.max(...relevant) - Math.min(...relevant)).toBeLessThanOrEqual(1);
    const sizes = folds.map((f) => f.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('is the same for the same seed and differs for another seed', () => {
    const ids = (seed: number): string[][] =>
      stratifiedFolds(calls, 5, seed).map((f) => f.map((c) => c.id));
    expect(ids(42)).toEqual(ids(42));
    expect(ids(43)).not.toEqual(ids(42));
  });

  it('refuses fewer than two folds or more folds than calls', () => {
    expect(() => stratifiedFolds(calls, 1, 1)).toThrow('nombre de plis invalide');
    expect(() => stratifiedFolds(calls, 31, 1)).toThrow('nombre de plis invalide');
    expect(() => stratifiedFolds(calls, 2.5, 1)).toThrow('nombre de plis invalide');
  });
});

describe(exemplarSpaceFitter.name, () => {
  const definition = parseThesaurus(miniThesaurus());
  const calls = corpus();

  it('finds the call an exemplar was written from, and only that one', () => {
    expect(exemplarOrigins(definition, calls)).toEqual([['r0'], []]);
  });

  it('never lets a held-out call reach the model fitted on the other folds', () => {
    const fit = exemplarSpaceFitter(definition, calls);
    const inSample = Classifier.fromDefinition(definition).classify(calls[0]);
    for (const heldOut of stratifiedFolds(calls, 5, 11)) {
      const held = new Set(heldOut.map((c) => c.id));
      const fitted = fit(calls.filter((c) => !held.has(c.id)));
      for (const id of held) expect(fitted.exemplarIds.has(id)).toBe(false);
      const exemplars = fitted.classifier.definition.themes.flatMap((t) => t.exemplars);
      if (held.has('r0')) {
        // Its own text is no longer an exemplar, so it no longer looks like one.
        expect(fitted.droppedExemplars).toBe(1);
        expect(exemplars).toEqual([]);
        expect(fitted.classifier.classify(calls[0]).score).toBeLessThan(inSample.score);
        expect(fitted.classifier.version).not.toBe(Classifier.fromDefinition(definition).version);
      } else {
        expect(fitted.exemplarIds).toEqual(new Set(['r0']));
        expect(exemplars).toEqual([MINI_EXEMPLAR]);
      }
    }
  });
});

describe(crossValidate.name, () => {
  const definition = parseThesaurus(miniThesaurus());
  const calls = corpus();

  it('scores every call once, by a model fitted without it', () => {
    const report = crossValidate(calls, exemplarSpaceFitter(definition, calls), {
      folds: 5,
      seed: 3,
    });
    const { tp, fp, fn, tn } = report.pooled;
    expect(tp + fp + fn + tn).toBe(calls.length);
    expect(report.perFold.map((p) => p.size).reduce((a, b) => a + b)).toBe(calls.length);
    expect(report.perFold.map((p) => p.droppedExemplars).sort()).toEqual([0, 0, 0, 0, 1]);
    expect(report.spread.f1.min).toBeLessThanOrEqual(report.spread.f1.max);
  });

  it('stops when a fitter learnt from a held-out call', () => {
    const classifier = Classifier.fromDefinition(definition);
    const leaky = (): {
      classifier: Classifier;
      exemplarIds: Set<string>;
      droppedExemplars: number;
    } => ({
      classifier,
      exemplarIds: new Set(calls.map((c) => c.id)),
      droppedExemplars: 0,
    });
    expect(() => crossValidate(calls, leaky, { folds: 3, seed: 1 })).toThrow("a servi d'exemple");
  });
});

describeWithSharedData('cross-validation on the labelled dev set', () => {
  it('keeps every exemplar written from a held-out dev call out of that fold', async () => {
    const definition = await loadThesaurus();
    const calls = readLabelledCalls(sharedDataPath('calls-dev.jsonl'));
    const fit = exemplarSpaceFitter(definition, calls);
    const origins = exemplarOrigins(definition, calls);
    // Some of our exemplars were written from dev calls: the check below is not vacuous.
    expect(origins.flat().length).toBeGreaterThan(0);
    for (const heldOut of stratifiedFolds(calls, 5, 1)) {
      const held = new Set(heldOut.map((c) => c.id));
      const fitted = fit(calls.filter((c) => !held.has(c.id)));
      expect([...fitted.exemplarIds].filter((id) => held.has(id))).toEqual([]);
      const expectedDrops = origins.filter((from) => from.some((id) => held.has(id))).length;
      expect(fitted.droppedExemplars).toBe(expectedDrops);
    }
  });
});
