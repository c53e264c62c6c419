import { Classifier } from '../classifier';
import type { ClassifiableCall, FeedbackMark } from '../classifier.types';
import { ClassifierExceptionCode } from '../classifier.exception';
import { miniThesaurus } from '../thesaurus/mini-thesaurus.fixture';
import { buildFeedbackModel, FeedbackModel } from './feedback-model';

// Two families of calls the shared rules score alike: repair cafés and sports clubs.
const repair = (id: string, extra: string): ClassifiableCall => ({
  id,
  title: `Café réparation ${extra}`,
  description: `Soutien aux cafés de réparation de vélos et de petit électroménager animés par des bénévoles ${extra}.`,
});
const sport = (id: string, extra: string): ClassifiableCall => ({
  id,
  title: `Club sportif ${extra}`,
  description: `Aide aux clubs sportifs amateurs pour leurs licences et leurs tournois ${extra}.`,
});
const mark = (c: ClassifiableCall, relevant: boolean): FeedbackMark => ({
  ...c,
  callId: c.id,
  relevant,
});

describe(FeedbackModel.name, () => {
  const classifier = Classifier.fromFiles(miniThesaurus());
  const marks = [
    mark(repair('r1', 'en ville'), true),
    mark(repair('r2', 'à la campagne'), true),
    mark(repair('r3', 'itinérant'), true),
    mark(sport('s1', 'de football'), false),
    mark(sport('s2', 'de handball'), false),
  ];
  const model = buildFeedbackModel(marks, classifier);
  const candidates = [repair('r9', 'du quartier'), sport('s9', 'de rugby')];

  it('raises calls close to those marked relevant above those close to calls marked not relevant', () => {
    const [repairCall, sportCall] = candidates.map((c) =>
      classifier.classify(c, { feedback: model }),
    );
    expect(repairCall.score).toBeGreaterThan(sportCall.score);
    const reason = repairCall.explanation.find((e) => e.concept === 'feedback');
    expect(reason?.match).toBe('proche de 3 appels que vous avez marqués pertinents');
    expect(reason?.weight).toBeGreaterThan(0);
    expect(sportCall.explanation.find((e) => e.concept === 'feedback')?.weight).toBeLessThan(0);
    expect(repairCall.feedbackModel).toBe(model.id);
  });

  it('leaves a classifier used without the model unaffected', () => {
    const before = candidates.map((c) => classifier.classify(c));
    buildFeedbackModel(marks, classifier);
    expect(candidates.map((c) => classifier.classify(c))).toEqual(before);
    expect(before.every((r) => r.explanation.every((e) => e.concept !== 'feedback'))).toBe(true);
    expect(before.every((r) => r.feedbackModel === null)).toBe(true);
  });

  it('keeps a call marked not relevant out, and the last mark of a call wins', () => {
    const relevantCall: ClassifiableCall = {
      id: 'x',
      title: 'Fracture numérique',
      description: 'Illectronisme.',
    };
    expect(classifier.classify(relevantCall).relevant).toBe(true);
    const notForUs = buildFeedbackModel(
      [mark(relevantCall, true), mark(relevantCall, false)],
      classifier,
    );
    const result = classifier.classify(relevantCall, { feedback: notForUs });
    expect(result.relevant).toBe(false);
    expect(result.explanation.map((e) => e.match)).toContain(
      'vous avez marqué cet appel non pertinent',
    );
  });

  it('gives a new id when the marks change', () => {
    expect(buildFeedbackModel(marks.slice(1), classifier).id).not.toBe(model.id);
    expect(buildFeedbackModel([...marks], classifier).id).toBe(model.id);
  });

  it('refuses a mark without a call id or verdict', () => {
    const bad = [{ callId: '', title: 't', description: 'd', relevant: true }];
    expect(() => buildFeedbackModel(bad, classifier)).toThrow(
      expect.objectContaining({ code: ClassifierExceptionCode.FeedbackInvalid }),
    );
  });
});
