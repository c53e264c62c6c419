import {
  describeDigest,
  digestFormOf,
  parseDigestForm,
  readDigestForm,
} from './collectif-digest-form.util';

describe('collectif digest form', () => {
  it('reads one address per line (or commas), lower-cased and without duplicates', () => {
    const form = readDigestForm({
      frequence: 'daily',
      destinataires:
        ' Coordination@Mednum63.fr \n\nanimation@mednum63.fr, coordination@mednum63.fr\r\n',
    });
    expect(parseDigestForm(form)).toEqual({
      settings: {
        frequency: 'daily',
        recipients: ['coordination@mednum63.fr', 'animation@mednum63.fr'],
      },
      errors: [],
    });
  });

  it('takes an empty list as « everyone » and « none » as no e-mail', () => {
    expect(parseDigestForm({ frequence: 'none', destinataires: '  \n ' }).settings).toEqual({
      frequency: 'none',
      recipients: [],
    });
  });

  it('names the invalid address, next to the recipients field, and stores nothing', () => {
    expect(
      parseDigestForm({ frequence: 'weekly', destinataires: 'direction@epn.fr\ndirection epn' }),
    ).toEqual({
      settings: null,
      errors: [
        {
          field: 'destinataires',
          message:
            'Adresse e-mail invalide : « direction epn ». Une adresse par ligne, par exemple direction@epn.fr.',
        },
      ],
    });
  });

  it('refuses more than 20 addresses and an unknown frequency, each on its own field', () => {
    const many = Array.from({ length: 21 }, (_, i) => `membre${i}@reseau.fr`).join('\n');
    expect(parseDigestForm({ frequence: 'monthly', destinataires: many })).toEqual({
      settings: null,
      errors: [
        { field: 'frequence', message: 'Choisissez une fréquence de résumé.' },
        { field: 'destinataires', message: 'Indiquez 20 adresses au plus.' },
      ],
    });
    expect(
      parseDigestForm({
        frequence: 'weekly',
        destinataires: many.split('\n').slice(0, 20).join('\n'),
      }).errors,
    ).toEqual([]);
  });

  it('shows stored settings one address per line, and says who receives them', () => {
    const settings = { frequency: 'daily' as const, recipients: ['a@reseau.fr', 'b@reseau.fr'] };
    expect(digestFormOf(settings)).toEqual({
      frequence: 'daily',
      destinataires: 'a@reseau.fr\nb@reseau.fr',
    });
    expect(describeDigest(settings)).toBe('Chaque jour, à a@reseau.fr, b@reseau.fr');
    expect(describeDigest({ frequency: 'weekly', recipients: [] })).toBe(
      'Chaque semaine, aux responsables et membres du collectif et de ses structures membres',
    );
    expect(
      describeDigest({
        ...settings,
        recipientStatuses: [
          { email: 'a@reseau.fr', status: 'member', label: 'membre' },
          { email: 'b@reseau.fr', status: 'pending', label: 'en attente de confirmation' },
        ],
      }),
    ).toBe('Chaque jour, à a@reseau.fr, b@reseau.fr (en attente de confirmation)');
    expect(describeDigest({ frequency: 'none', recipients: ['a@reseau.fr'] })).toBe(
      'Pas de résumé par e-mail',
    );
  });
});
