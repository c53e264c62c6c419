import { miniThesaurus } from '../thesaurus/mini-thesaurus.fixture';
import { parseThesaurus } from '../thesaurus/thesaurus.parser';
import type { ClassifierFitter } from './cross-validation.types';
import { exemplarSpaceFitter } from './cross-validation.util';
import type { LabelledCall } from './evaluation.types';
import { formatLearningCurve, learningCurve } from './learning-curve.util';

function labelled(id: string, relevant: boolean, description: string): LabelledCall {
  return { id, title: `Appel ${id}`, description, funder: null, relevant, themes: [] };
}

/**
 * 40 calls: relevant ones about illectronisme; irrelevant ones about roads, and a kind the
 * rules like but the organisation never wants (« illectronisme » in a call for companies).
 */
function corpus(): LabelledCall[] {
  return [
    ...Array.from({ length: 10 }, (_, i) =>
      labelled(`r${i}`, true, 'Lutter contre l’illectronisme des habitants, ateliers.'),
    ),
    ...Array.from({ length: 10 }, (_, i) =>
      labelled(`e${i}`, false, 'Illectronisme : transformation des entreprises, robots, usines.'),
    ),
    ...Array.from({ length: 20 }, (_, i) =>
      labelled(`n${i}`, false, 'Travaux de voirie et ponts.'),
    ),
  ];
}

describe(learningCurve.name, () => {
  const calls = corpus();
  const definition = parseThesaurus(miniThesaurus());

  it('draws marks from the training folds only', () => {
    const base = exemplarSpaceFitter(definition, calls);
    const trainedOn: string[][] = [];
    const spy: ClassifierFitter = (training) => {
      trainedOn.push(training.map((c) => c.id));
      return base(training);
    };
    const report = learningCurve(calls, spy, { folds: 4, seed: 3, markCounts: [0, 10] });
    expect(trainedOn).toHaveLength(4);
    // Every call is held out exactly once: it never sits in the training folds of its own fold.
    const heldOut = trainedOn.map((ids) => calls.filter((c) => !ids.includes(c.id)).length);
    expect(heldOut.reduce((a, b) => a + b, 0)).toBe(calls.length);
    expect(report.points.map((p) => p.marks)).toEqual([0, 10]);
  });

  it('learns from « pas pour nous »: random marks push the unwanted kind out of the list', () => {
    const fit = exemplarSpaceFitter(definition, calls);
    const report = learningCurve(calls, fit, {
      folds: 4,
      seed: 3,
      markCounts: [0, 20],
      strategy: 'random',
    });
    const [none, some] = report.points;
    expect(none.list.fp).toBeGreaterThan(0);
    expect(some.list.fp).toBeLessThan(none.list.fp);
    expect(formatLearningCurve(report)).toContain('| 20 |');
  });
});
