import { createTestDatabase, TestDatabase } from '@app/testing';
import { createCall } from '../../../../test/factories/call.factory';
import { acceptedCallTerritories } from '../profile/territory-set.util';
import { loadCandidateCalls } from './call-loader';

/**
 * The SQL pre-filter must keep exactly the calls whose territory the profile accepts, whether the
 * accepted list is short (a commune: plain array overlap) or long (a département, a région:
 * hashed `= ANY`), and calls without a territory.
 */
describe(loadCandidateCalls.name, () => {
  let database: TestDatabase;
  const territoryOf = new Map<string, string[]>();

  beforeAll(async () => {
    database = await createTestDatabase();
    const territories = [
      ['FR'],
      ['R84'],
      ['R11'],
      ['63'],
      ['03'],
      ['63113'],
      ['63430'],
      ['03185'],
      ['246300701'],
      ['200070712'],
      ['246300966'],
      ['15040', '75'],
      ['2A004'],
      [],
    ];
    for (const territory of territories) {
      const call = await createCall(database.dataSource, {
        territory,
        nextDeadline: null,
        deadlines: [],
        rolling: true,
      });
      territoryOf.set(call.id, territory);
    }
  });
  afterAll(() => database.drop());

  it.each([[['63113']], [['63']], [['R84']], [['246300966']], [['63430', '2A004']]])(
    'keeps exactly the calls a profile for %j accepts',
    async (places) => {
      const accepted = acceptedCallTerritories(places)!;
      const loaded = await loadCandidateCalls(database.dataSource, {
        territories: [...accepted],
        today: '2026-12-07',
        afterId: null,
        limit: 100,
      });
      const expected = [...territoryOf]
        .filter(([, territory]) => territory.length === 0 || territory.some((t) => accepted.has(t)))
        .map(([id]) => id)
        .sort();
      expect(loaded.map((call) => call.id).sort()).toEqual(expected);
      expect(expected.length).toBeGreaterThan(2);
      expect(expected.length).toBeLessThan(territoryOf.size);
    },
  );
});
