import { Call, CallClassification, CallFeedback } from '@app/persistence';
import { createTestDatabase, TestDatabase } from '@app/testing';
import type { Principal } from '@app/tenancy';
import { createCall } from '../../../../test/factories/call.factory';
import { createOwnerPrincipal } from '../../../../test/factories/organisation.factory';
import { Classifier } from '../classifier';
import { CallClassificationService } from './call-classification.service';
import { toClassifiableCall } from './classifiable-call.util';
import { FeedbackService } from './feedback.service';
import { PersonalScoreService } from './personal-score.service';

describe(PersonalScoreService.name, () => {
  let database: TestDatabase;
  let classifier: Classifier;
  let markedBy: Principal;
  let bystander: Principal;
  const calls: Call[] = [];

  // One api process: its own caches, over the shared database.
  const process = () => {
    const repo = <T extends object>(entity: new () => T) =>
      database.dataSource.getRepository(entity);
    const feedback = new FeedbackService(classifier, repo(CallFeedback), repo(Call));
    const personal = new PersonalScoreService(
      classifier,
      feedback,
      repo(Call),
      repo(CallClassification),
    );
    return { feedback, personal };
  };
  const refs = () => calls.map((c) => ({ id: c.id, contentHash: c.contentHash }));
  const ranking = (scores: Map<string, { score: number }>) =>
    calls
      .map((c) => ({ title: c.title, score: scores.get(c.id)?.score ?? -1 }))
      .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title))
      .map((c) => c.title);

  beforeAll(async () => {
    database = await createTestDatabase();
    classifier = await Classifier.load();
    markedBy = await createOwnerPrincipal(database.dataSource, 'EPN qui marque');
    bystander = await createOwnerPrincipal(database.dataSource, 'EPN voisin');
    const texts: Array<[string, string]> = [
      [
        'Repair café itinérant',
        'Ateliers de réparation de vélos et de petit électroménager animés par des bénévoles.',
      ],
      [
        'Repair café de quartier',
        'Réparation de vélos et de petit électroménager avec des bénévoles du quartier.',
      ],
      [
        'Inclusion numérique des seniors',
        "Ateliers d'initiation au numérique et accompagnement aux démarches en ligne.",
      ],
      ['Clubs sportifs amateurs', 'Aide aux clubs sportifs pour leurs licences et leurs tournois.'],
    ];
    for (const [title, descriptionText] of texts) {
      calls.push(await createCall(database.dataSource, { title, descriptionText }));
    }
    await new CallClassificationService(
      classifier,
      database.dataSource.getRepository(Call),
      database.dataSource.getRepository(CallClassification),
    ).scorePending();
  });
  afterAll(() => database.drop());

  it("changes the marking organisation's ranking, and only its own, on the next request", async () => {
    const api = process();
    expect(await api.personal.scoresFor(markedBy.organisationId, refs())).toBeNull();

    await api.feedback.mark(markedBy, calls[0].id, true);
    const mine = await api.personal.scoresFor(markedBy.organisationId, refs());
    expect(mine).not.toBeNull();
    const neighbour = mine?.get(calls[1].id);
    expect(neighbour?.feedback[0]?.match).toBe("proche d'un appel que vous avez marqué pertinent");
    const shared = new Map(
      (await database.dataSource.getRepository(CallClassification).find()).map((r) => [
        r.callId,
        r,
      ]),
    );
    expect(neighbour?.score).toBeGreaterThan(shared.get(calls[1].id)?.score ?? 1);
    const before = ranking(shared);

    await api.feedback.mark(markedBy, calls[0].id, false);
    const flipped = await api.personal.scoresFor(markedBy.organisationId, refs());
    const pushedDown = flipped?.get(calls[1].id);
    expect(pushedDown?.feedback[0]?.match).toBe(
      "proche d'un appel que vous avez marqué non pertinent",
    );
    expect(pushedDown?.score).toBeLessThan(shared.get(calls[1].id)?.score ?? 0);
    expect(before).toEqual([
      'Inclusion numérique des seniors',
      'Repair café de quartier',
      'Repair café itinérant',
      'Clubs sportifs amateurs',
    ]);
    // Both repair cafés fall to the level of the sports clubs (ties go by title).
    expect(ranking(flipped ?? new Map())).toEqual([
      'Inclusion numérique des seniors',
      'Clubs sportifs amateurs',
      'Repair café de quartier',
      'Repair café itinérant',
    ]);
    expect(await api.personal.scoresFor(bystander.organisationId, refs())).toBeNull();

    // Exactly what re-classifying the call with the organisation's model gives.
    const model = await api.feedback.modelFor(markedBy.organisationId);
    const full = classifier.classify(toClassifiableCall(calls[1]), { feedback: model });
    expect({ score: pushedDown?.score, relevant: pushedDown?.relevant }).toEqual({
      score: full.score,
      relevant: full.relevant,
    });
  });

  it('gives the same scores from calls scored before their terms were stored', async () => {
    const fromStore = await process().personal.scoresFor(markedBy.organisationId, refs());
    await database.dataSource.query('UPDATE call_classification SET feedback_terms = NULL');
    const fromText = await process().personal.scoresFor(markedBy.organisationId, refs());
    expect(fromText).toEqual(fromStore);
  });
});
