import { CallEligibilityService, loadEligibilityVocabulary } from '@app/eligibility';
import {
  Call,
  CallClassification,
  CallEligibility,
  CallSource,
  Organisation,
} from '@app/persistence';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { createCall } from '../../../../test/factories/call.factory';
import { Classifier } from '../classifier';
import { CallClassificationService } from '../nest/call-classification.service';
import { CallRankingQuery, type RankedCall } from './call-ranking.query';
import { rankCall } from './call-ranking.rule';

/**
 * The ranking with a legal form (issue 15 item 1), on real PostgreSQL: a call its legal form may
 * not apply to leaves an organisation's relevant list unless it marked it « pertinent », and
 * the SQL applies the same rule as `rankCall`.
 */
describe('CallRankingQuery with eligibility', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let ranking: CallRankingQuery;
  let eligibility: CallEligibilityService;
  const calls: Record<'communes' | 'entreprises' | 'associations' | 'unsaid', Call> = {} as never;

  const digital =
    'Inclusion numérique : ateliers de médiation numérique et accompagnement aux démarches en ligne des publics éloignés du numérique.';
  const organisation = (name: string, legalForm: string | null) =>
    dataSource
      .getRepository(Organisation)
      .save({ name, kind: 'structure', territory: ['63'], legalForm });
  const mark = (organisationId: string, callId: string, relevant: boolean) =>
    dataSource.query(
      `INSERT INTO call_feedback (organisation_id, call_id, relevant) VALUES ($1, $2, $3)`,
      [organisationId, callId, relevant],
    );
  const list = async (organisationId: string, relevance: 'relevant' | 'all' = 'relevant') =>
    (
      await ranking.rank(
        organisationId,
        { statuses: ['open'], relevance },
        { offset: 0, limit: 50 },
      )
    ).items.filter((item) => Object.values(calls).some((c) => c.id === item.id));
  const ids = (items: RankedCall[]) => items.map((item) => item.id).sort();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = database.dataSource;
    const classifier = await Classifier.load();
    ranking = new CallRankingQuery(dataSource, classifier);
    eligibility = new CallEligibilityService(
      loadEligibilityVocabulary(),
      dataSource.getRepository(Call),
      dataSource.getRepository(CallSource),
      dataSource.getRepository(CallEligibility),
      dataSource.getRepository(Organisation),
    );
    calls.communes = await createCall(dataSource, {
      title: 'Médiation numérique en mairie',
      descriptionText: `${digital} Réservé aux communes.`,
    });
    calls.entreprises = await createCall(dataSource, {
      title: 'Chèque inclusion numérique',
      descriptionText: `${digital} Réservé aux entreprises.`,
    });
    calls.associations = await createCall(dataSource, {
      title: 'Médiation numérique de proximité',
      descriptionText: `${digital} Ouvert aux associations.`,
    });
    calls.unsaid = await createCall(dataSource, {
      title: 'Accompagnement numérique des seniors',
      descriptionText: digital,
    });
    await new CallClassificationService(
      classifier,
      dataSource.getRepository(Call),
      dataSource.getRepository(CallClassification),
    ).scorePending();
    await eligibility.computePending();
  });
  afterAll(() => database.drop());

  it('stores only the not-eligible verdicts, per legal form and call', async () => {
    const rows: Array<{ legal_form: string; call_id: string; summary: string }> =
      await dataSource.query(
        `SELECT legal_form, call_id, summary FROM legal_form_call_verdict WHERE call_id = ANY($1)`,
        [Object.values(calls).map((c) => c.id)],
      );
    const forAssociation = rows.filter((r) => r.legal_form === 'association');
    expect(forAssociation.map((r) => r.call_id).sort()).toEqual(
      [calls.communes.id, calls.entreprises.id].sort(),
    );
    expect(rows.some((r) => r.call_id === calls.unsaid.id)).toBe(false);
    expect(rows.some((r) => r.legal_form === 'commune' && r.call_id === calls.communes.id)).toBe(
      false,
    );
  });

  it('keeps a call reserved to communes out of an association’s list, and in a commune’s', async () => {
    const shared = await list((await organisation('Sans forme', null)).id);
    // The four calls are relevant by their shared score: the test would not tell otherwise.
    expect(ids(shared)).toEqual(ids(Object.values(calls) as never));

    const association = await organisation('Centre social', 'association');
    const associationList = await list(association.id);
    expect(ids(associationList)).toEqual([calls.associations.id, calls.unsaid.id].sort());
    const out = (await list(association.id, 'all')).find((i) => i.id === calls.communes.id)!;
    expect(out.relevant).toBe(false);
    expect(out.reasons.map((r) => r.match)).toEqual([
      expect.stringMatching(/^Non éligible : réservé aux communes/),
    ]);

    // The counts follow the same rule, exact (the API) and capped (the pages).
    for (const relevance of ['relevant', 'not_relevant', 'all'] as const) {
      for (const countCap of [undefined, 1000]) {
        const page = await ranking.rank(
          association.id,
          { statuses: ['open'], relevance },
          { offset: 0, limit: 50, countCap },
        );
        expect({ relevance, countCap, total: page.total }).toEqual({
          relevance,
          countCap,
          total: page.items.length,
        });
      }
    }
    expect(
      (await ranking.rank(association.id, { statuses: ['open'] }, { offset: 0, limit: 50 })).total,
    ).toBe(2);
    // A cap below the count gives the cap as a lower bound; at the count, the exact total.
    const every = (
      await ranking.rank(
        association.id,
        { statuses: ['open'], relevance: 'all' },
        {
          offset: 0,
          limit: 50,
        },
      )
    ).total;
    expect(every).toBeGreaterThan(2);
    for (const countCap of [1, every - 1, every]) {
      const page = await ranking.rank(
        association.id,
        { statuses: ['open'], relevance: 'all' },
        { offset: 0, limit: 50, countCap },
      );
      expect({ countCap, total: page.total, capped: page.totalCapped }).toEqual({
        countCap,
        total: countCap,
        capped: countCap < every,
      });
    }

    const commune = await organisation('Mairie', 'commune');
    expect((await list(commune.id)).map((i) => i.id)).toContain(calls.communes.id);
    expect((await list(commune.id)).map((i) => i.id)).not.toContain(calls.entreprises.id);
  });

  it('shows a not-eligible call marked « pertinent », and a legal-form change at once', async () => {
    const association = await organisation('EPN associatif', 'association');
    await mark(association.id, calls.communes.id, true);
    const marked = (await list(association.id)).find((i) => i.id === calls.communes.id);
    expect(marked).toMatchObject({ relevant: true, mark: true });
    expect((await list(association.id)).map((i) => i.id)).not.toContain(calls.entreprises.id);

    await dataSource.query(`UPDATE organisation SET legal_form = 'entreprise' WHERE id = $1`, [
      association.id,
    ]);
    expect((await list(association.id)).map((i) => i.id)).toContain(calls.entreprises.id);
  });

  it('agrees with rankCall for every call, legal form and mark, in the lists and figuresOf', async () => {
    const shared = new Map(
      (
        (await dataSource.query(
          `SELECT call_id, score, relevant FROM call_classification WHERE call_id = ANY($1)`,
          [Object.values(calls).map((c) => c.id)],
        )) as Array<{ call_id: string; score: number; relevant: boolean }>
      ).map((row) => [row.call_id, row]),
    );
    let checked = 0;
    let halved = 0;
    for (const legalForm of ['association', 'commune', 'entreprise', null]) {
      for (const markOn of [null, true, false] as const) {
        const org = await organisation(`Structure ${legalForm} ${markOn}`, legalForm);
        if (markOn !== null) await mark(org.id, calls.communes.id, markOn);
        const listed = await list(org.id, 'all');
        const figures = await ranking.figuresOf(
          [org.id],
          Object.values(calls).map((c) => c.id),
        );
        for (const call of Object.values(calls)) {
          const base = shared.get(call.id)!;
          const verdict = await eligibility.verdictFor(org.id, call.id);
          const callMark = call.id === calls.communes.id ? markOn : null;
          const expected = rankCall({
            score: Number(base.score),
            relevant: base.relevant,
            adjusted: false,
            mark: callMark,
            eligibility: verdict.verdict,
          });
          const item = listed.find((i) => i.id === call.id)!;
          expect({ score: item.score, relevant: item.relevant }).toEqual(expected);
          const figure = figures.get(`${org.id}:${call.id}`);
          expect({
            score: figure?.score ?? Number(base.score),
            relevant: figure?.relevant ?? base.relevant,
          }).toEqual(expected);
          expect(figure?.notEligible ?? false).toBe(verdict.verdict === 'not_eligible');
          checked++;
          if (expected.score !== Number(base.score)) halved++;
        }
      }
    }
    expect(checked).toBe(48);
    // The rule moved scores here (not only relevance): the comparison covers the halving.
    expect(halved).toBeGreaterThan(10);
  });
});
