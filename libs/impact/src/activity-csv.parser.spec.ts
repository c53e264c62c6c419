import { checkActivityEntries } from './activity-entry.checker';
import { parseActivityCsv } from './activity-csv.parser';

describe(parseActivityCsv.name, () => {
  const context = {
    knownIndicators: new Set(['people_accompanied', 'workshops']),
    operationStart: '2026-01',
    operationEnd: '2026-12',
  };

  it('reads a spreadsheet export: BOM, semicolons, quotes, thousands spaces, an empty end month', () => {
    const parsed = parseActivityCsv(
      '\uFEFFIndicateur;Début;Fin;Nombre;Note\r\npeople_accompanied;2026-01;2026-03;1 200;"trimestre ; 1"\r\n\r\nworkshops;2026-04;;12;\r\n',
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.lineOf).toEqual([2, 4]);
    const { entries, issues } = checkActivityEntries(parsed.rows, context);
    expect(issues).toEqual([]);
    expect(entries).toEqual([
      {
        indicator: 'people_accompanied',
        from: '2026-01',
        to: '2026-03',
        count: 1200,
        note: 'trimestre ; 1',
      },
      { indicator: 'workshops', from: '2026-04', to: '2026-04', count: 12 },
    ]);
  });

  it('names the missing column of a header it cannot read', () => {
    expect(parseActivityCsv('indicateur,mois\nworkshops,2026-01\n').issues[0].message).toContain(
      'colonne « nombre » manquante',
    );
  });

  it('leaves a count that is not a number as typed, so the checker names it', () => {
    const parsed = parseActivityCsv('indicateur;debut;nombre\nworkshops;2026-02;douze\n');
    const { issues } = checkActivityEntries(
      parsed.rows,
      context,
      (i, f) => `line[${parsed.lineOf[i]}].${f}`,
    );
    expect(issues.map((i) => i.path)).toEqual(['line[2].count']);
  });
});
