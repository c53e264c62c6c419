import {
  emptyWatchForm,
  parseWatchForm,
  readWatchForm,
  serviceFieldError,
  territoryCodes,
} from './watch-form.util';
import type { WatchForm } from './watch-page.types';

const form = (patch: Partial<WatchForm>): WatchForm => ({
  ...emptyWatchForm(),
  nom: 'Médiation 63',
  ...patch,
});

describe('watch-form.util', () => {
  it('reads lists from repeated fields and ignores what is not text', () => {
    const read = readWatchForm({
      nom: '  Ma veille ',
      themes: ['a', 'b', { $ne: 1 }],
      publics: 'associations',
      frequence: 'daily',
    });
    expect(read.nom).toBe('Ma veille');
    expect(read.themes).toEqual(['a', 'b']);
    expect(read.publics).toEqual(['associations']);
    expect(read.fonds).toEqual([]);
  });

  it('turns the typed values into a complete profile input', () => {
    const { input, errors } = parseWatchForm(
      form({
        motsCles: 'illectronisme\ntiers-lieux, fablab',
        exclusions: ' machinisme agricole ',
        territoires: '63, r84 ; Drôme',
        montantMin: '10 000',
        scoreMin: '40 %',
        horizon: '90',
        destinataires: 'Direction@EPN.fr\n',
      }),
    );
    expect(errors).toEqual([]);
    expect(input).toMatchObject({
      name: 'Médiation 63',
      includeKeywords: ['illectronisme', 'tiers-lieux', 'fablab'],
      excludeKeywords: ['machinisme agricole'],
      territories: ['63', 'R84', '26'],
      minAmountCents: 1_000_000,
      minScore: 0.4,
      deadlineHorizonDays: 90,
      digestFrequency: 'weekly',
      digestRecipients: ['direction@epn.fr'],
    });
  });

  it('clears optional fields left empty', () => {
    const { input } = parseWatchForm(form({}));
    expect(input).toMatchObject({
      themes: [],
      territories: [],
      minAmountCents: null,
      minScore: null,
      deadlineHorizonDays: null,
    });
  });

  it('names each field at fault, in French', () => {
    const { errors } = parseWatchForm(
      form({
        nom: '',
        montantMin: 'beaucoup',
        scoreMin: '140',
        horizon: '0',
        frequence: 'hourly',
        destinataires: 'direction@epn.fr\npas-une-adresse',
      }),
    );
    expect(errors.map((e) => e.field)).toEqual([
      'nom',
      'montant-min',
      'score-min',
      'horizon',
      'frequence',
      'destinataires',
    ]);
    expect(errors.find((e) => e.field === 'destinataires')?.message).toContain('pas-une-adresse');
  });

  it('keeps a territory it cannot place as typed, for the service to refuse by name', () => {
    expect(territoryCodes('Atlantide, 2a, FR')).toEqual(['Atlantide', '2A', 'FR']);
  });

  it('places communes and EPCI typed by name or code', () => {
    expect(
      territoryCodes('Thiers ; Clermont Auvergne Métropole, 2a004\n246300966, France entière'),
    ).toEqual(['63430', '246300701', '2A004', '246300966', 'FR']);
  });

  it('refuses a name several communes share next to the field, naming their codes', () => {
    const { errors } = parseWatchForm(form({ territoires: '63, Beaumont' }));
    expect(errors).toEqual([
      {
        field: 'territoires',
        message: expect.stringMatching(
          /^« Beaumont » désigne plusieurs territoires : .*63032 \(Puy-de-Dôme\)/,
        ),
      },
    ]);
  });

  it('says which unknown code the watch service refused, next to its field', () => {
    expect(serviceFieldError({ field: 'themes', value: 'astronomie' })).toEqual({
      field: 'themes',
      message: expect.stringContaining('« astronomie »'),
    });
    expect(serviceFieldError({ field: 'territories', value: '999' })?.field).toBe('territoires');
    expect(serviceFieldError({ field: 'ids', value: 'x' })).toBeNull();
  });
});
