import { ImpactException } from './impact.exception';
import { loadImpactReferences, parseImpactReferences } from './impact-references.loader';
import { loadIndicatorCatalogue, parseIndicatorCatalogue } from './indicator-catalogue.loader';

const CATALOGUE = `version: 1
indicators:
  job_seekers_employed_6m:
    label: En emploi 6 mois après
    unit: personnes
    definition: Demandeurs d'emploi en emploi six mois après.
    askedBy:
      - funder: FSE+
        programme: EECR05
        reference: Règlement (UE) 2021/1057
`;

const REFERENCES = `version: 1
references:
  are_monthly_average:
    label: Allocation mensuelle moyenne
    value: 1250
    unit: euros par mois
    money: true
    date: 2020-06-30
    population: Demandeurs d'emploi indemnisés
    source:
      title: Montant de l'allocation chômage
      publisher: Pôle emploi
      published: 2021-05-11
estimates:
  allowance:
    label: Allocations évitées
    beneficiary: Assurance chômage
    indicator: job_seekers_employed_6m
    factors: [are_monthly_average]
    words: personnes × allocation
`;

function failure(run: () => unknown): { message: string; details: unknown } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImpactException);
    const e = error as ImpactException;
    return { message: e.message, details: e.details };
  }
  throw new Error('expected the file to be refused');
}

describe('impact configuration files', () => {
  const catalogue = parseIndicatorCatalogue(CATALOGUE, 'indicators.yaml');

  it('reads the repository’s catalogue and references: every estimate rests on sourced values', () => {
    const real = loadIndicatorCatalogue();
    expect(real.indicators.find((i) => i.role === 'people')?.key).toBe('people_accompanied');
    expect(real.indicators.find((i) => i.role === 'hours')?.key).toBe('accompaniment_hours');
    const references = loadImpactReferences(real);
    for (const estimate of references.estimates)
      for (const id of estimate.factors) {
        const ref = references.references.find((r) => r.id === id);
        expect(ref?.source.title).toBeTruthy();
        expect(ref?.source.publisher).toBeTruthy();
      }
  });

  it('refuses a reference value without its source, naming file, line and field', () => {
    const text = REFERENCES.replace(
      /    source:\n      title: .*\n      publisher: .*\n      published: .*\n/,
      '',
    );
    expect(failure(() => parseImpactReferences(text, 'refs.yaml', catalogue))).toEqual({
      message:
        'refs.yaml:4: references.are_monthly_average.source: a reference value needs its source: no source, no use',
      details: { file: 'refs.yaml', line: 4, field: 'references.are_monthly_average.source' },
    });
  });

  it('refuses a source without its publisher, on the source’s line', () => {
    const text = REFERENCES.replace('      publisher: Pôle emploi\n', '');
    expect(failure(() => parseImpactReferences(text, 'refs.yaml', catalogue)).details).toEqual({
      file: 'refs.yaml',
      line: 11, // the source's first line: the field is missing from it
      field: 'references.are_monthly_average.source.publisher',
    });
  });

  it('refuses an estimate on an unknown indicator or an unknown reference', () => {
    expect(
      failure(() =>
        parseImpactReferences(
          REFERENCES.replace('indicator: job_seekers_employed_6m', 'indicator: licornes'),
          'refs.yaml',
          catalogue,
        ),
      ).details,
    ).toEqual({ file: 'refs.yaml', line: 18, field: 'estimates.allowance.indicator' });
    expect(
      failure(() =>
        parseImpactReferences(
          REFERENCES.replace(
            'factors: [are_monthly_average]',
            'factors: [are_monthly_average, nowhere]',
          ),
          'refs.yaml',
          catalogue,
        ),
      ).details,
    ).toEqual({ file: 'refs.yaml', line: 19, field: 'estimates.allowance.factors.1' });
  });

  it('refuses a catalogue indicator without a funder that asks for it', () => {
    const text = CATALOGUE.replace(/    askedBy:[\s\S]*$/, '    askedBy: []\n');
    expect(failure(() => parseIndicatorCatalogue(text, 'indicators.yaml')).details).toEqual({
      file: 'indicators.yaml',
      line: 7,
      field: 'indicators.job_seekers_employed_6m.askedBy',
    });
  });
});
