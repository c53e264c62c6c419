import { describeWithSharedData, sharedDataPath } from '@app/testing';
import { Classifier } from '../classifier';
import { readLabelledCalls } from '../evaluation/evaluation.util';
import type { LabelledCall } from '../evaluation/evaluation.types';
import { compactTerms, encodeTerms, parseTerms, StemDictionary } from './compact-terms';
import { withFeedbackReasons } from './feedback-explanation.util';
import { buildFeedbackModel } from './feedback-model';

describeWithSharedData('feedback on compact terms', () => {
  let classifier: Classifier;
  let calls: LabelledCall[];

  beforeAll(async () => {
    classifier = await Classifier.load();
    calls = readLabelledCalls(sharedDataPath('calls-dev.jsonl'));
  });

  const modelOf = (picked: LabelledCall[]) =>
    buildFeedbackModel(
      picked.map((c) => ({ ...c, callId: c.id, relevant: c.relevant })),
      classifier,
    );

  it('reads back the term counts it stored', () => {
    const counts = classifier.classifyShared(calls[0]).counts;
    const dictionary = new StemDictionary();
    const parsed = parseTerms(encodeTerms(counts), dictionary);
    expect(parsed).toEqual(compactTerms(counts, dictionary));
    expect([...parsed.stems].map((id) => dictionary.stem(id))).toEqual([...counts.keys()]);
  });

  it('refuses stored terms that do not parse', () => {
    expect(() => parseTerms('stem', new StemDictionary())).toThrow(/feedback_terms/);
    expect(() => parseTerms('stem abc', new StemDictionary())).toThrow(/« stem »/);
  });

  it('gives every dev call the score and reasons of a full re-classification', () => {
    const relevant = calls.filter((c) => c.relevant).slice(0, 4);
    const notRelevant = calls.filter((c) => !c.relevant).slice(0, 4);
    const model = modelOf([...relevant, ...notRelevant]);
    const dictionary = new StemDictionary();
    // Stored the way the scoring job stores them, read back the way the API reads them.
    const stored = calls.map((call) => {
      const shared = classifier.classifyShared(call);
      return { call, shared, terms: parseTerms(encodeTerms(shared.counts), dictionary) };
    });
    let withFeedback = 0;
    for (const { call, shared, terms } of stored) {
      const full = classifier.classify(call, { feedback: model });
      const adjustment = model.assessTerms(call.id, terms, dictionary);
      const fast = classifier.relevanceOf(shared.evidence + adjustment.evidence);
      expect({ id: call.id, ...fast }).toEqual({
        id: call.id,
        score: full.score,
        relevant: full.relevant,
      });
      const feedback = adjustment.entries.map((e) => ({
        ...e,
        weight: Math.round(e.weight * 1000) / 1000,
      }));
      expect(withFeedbackReasons(shared.classification.explanation, feedback)).toEqual(
        withFeedbackReasons(full.explanation, []),
      );
      if (feedback.length > 0) withFeedback++;
    }
    expect(withFeedback).toBeGreaterThan(20);
  });
});
