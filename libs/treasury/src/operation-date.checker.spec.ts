import { operationDateWarnings } from './operation-date.checker';

describe('operationDateWarnings', () => {
  it('item 11: warns when the operation ended before the current month, naming both months', () => {
    expect(
      operationDateWarnings({ operationStart: '2020-01', operationEnd: '2020-12-31' }, '2026-11'),
    ).toEqual([
      expect.objectContaining({
        path: 'operationEnd',
        code: 'OPERATION_IN_PAST',
        message: expect.stringContaining(
          'l’opération s’est terminée en décembre 2020, avant le mois en cours (novembre 2026)',
        ),
      }),
    ]);
  });

  it.each([
    ['2026-11', 'ending this month'],
    ['2027-06', 'ending later'],
  ])('item 11: says nothing of an operation ending %p (%s)', (operationEnd) => {
    expect(operationDateWarnings({ operationStart: '2026-01', operationEnd }, '2026-11')).toEqual(
      [],
    );
  });
});
