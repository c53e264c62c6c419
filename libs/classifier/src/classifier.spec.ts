import { Classifier } from './classifier';
import type { ClassifiableCall } from './classifier.types';
import { miniThesaurus } from './thesaurus/mini-thesaurus.fixture';

const call = (
  title: string,
  description = '',
  extra: Partial<ClassifiableCall> = {},
): ClassifiableCall => ({
  id: 'test',
  title,
  description,
  ...extra,
});

describe(Classifier.name, () => {
  const mini = Classifier.fromFiles(miniThesaurus());

  it('keeps a call on a strong concept and quotes the words as written, with a snippet', () => {
    const result = mini.classify(
      call('Appel à projets', "Lutter contre l'Illectronisme des habitants du quartier."),
    );
    expect(result.relevant).toBe(true);
    expect(result.explanation[0]).toMatchObject({
      concept: 'illectronisme',
      field: 'description',
      match: 'Illectronisme',
      kind: 'concept',
      theme: 'inclusion_numerique',
    });
    expect(result.explanation[0].snippet).toContain("contre l'Illectronisme des habitants");
    expect(result.version).toBe(mini.version);
  });

  it('weighs a concept in the title more than in the description', () => {
    const inTitle = mini.classify(call('Fracture numérique', 'Appel annuel.'));
    const inText = mini.classify(call('Appel annuel', 'Fracture numérique.'));
    expect(inTitle.score).toBeGreaterThan(inText.score);
  });

  it('matches phrases only when their words follow each other, across spelling variants', () => {
    expect(mini.classify(call('Les TIERS LIEUX', '')).explanation.map((e) => e.concept)).toContain(
      'tiers_lieux',
    );
    const apart = mini.classify(call('Fracture du poignet', 'Un outil numérique.'));
    expect(apart.explanation.map((e) => e.concept)).not.toContain('illectronisme');
  });

  it('fires proximity rules within the window only', () => {
    const near = mini.classify(call('Appel', 'Le numérique pour les habitants.'));
    const far = mini.classify(
      call('Appel', 'Le numérique change vite ; demain les communes et leurs habitants.'),
    );
    expect(near.explanation.find((e) => e.concept === 'numerique_publics')?.match).toBe(
      'numérique pour les habitants',
    );
    expect(far.explanation.map((e) => e.concept)).not.toContain('numerique_publics');
  });

  it('lets negative rules pull a call down and shows them with a negative weight', () => {
    const plain = mini.classify(call('Fracture numérique', ''));
    const roads = mini.classify(
      call('Fracture numérique', 'Financement des travaux de voirie et des ponts.'),
    );
    expect(roads.score).toBeLessThan(plain.score);
    const negative = roads.explanation.find((e) => e.concept === 'voirie');
    expect(negative?.weight).toBeLessThan(0);
    expect(negative?.kind).toBe('negative');
  });

  it('reports per-theme scores and the EU fund named most', () => {
    const result = mini.classify(
      call('Fonds social européen : fracture numérique', 'Le FSE+ finance, le FEDER non.', {
        funder: 'FSE+',
      }),
    );
    expect(result.themes[0].id).toBe('inclusion_numerique');
    expect(result.themes.every((t) => t.score > 0 && t.score <= 1)).toBe(true);
    expect(result.euFund).toBe('FSE_PLUS');
    expect(mini.classify(call('Ateliers', 'Rien de plus.')).euFund).toBeNull();
  });

  it('strips HTML before scoring and quoting', () => {
    const result = mini.classify(call('Appel', '<p>La <b>fracture&nbsp;numérique</b></p>'));
    expect(result.explanation[0].match).toBe('fracture numérique');
  });

  it('brings a call worded in unforeseen terms near its theme through the exemplars', () => {
    const result = mini.classify(
      call(
        'Permanences',
        "Apprendre aux habitants à se servir d'un ordinateur et d'internet au quotidien, vers l'autonomie.",
      ),
    );
    const semantic = result.explanation.find((e) => e.concept === 'semantic:inclusion_numerique');
    expect(semantic?.weight).toBeGreaterThan(0);
    expect(semantic?.match).toMatch(/ordinateur|internet|habitants|autonomie/);
    expect(
      mini.classify(call('Permanences', 'Réfection des chaussées communales.')).explanation,
    ).toEqual([]);
  });

  it('scores an empty call as not relevant without failing', () => {
    expect(mini.classify(call('', ''))).toMatchObject({
      score: 0,
      relevant: false,
      themes: [],
      explanation: [],
    });
  });

  describe('with the shipped thesaurus', () => {
    let shipped: Classifier;
    beforeAll(async () => {
      shipped = await Classifier.load();
    });

    it('keeps calls filed under access to rights or France Services even without a digital word', () => {
      const result = shipped.classify(
        call(
          'Labellisation France Services',
          "Ouvrir un lieu d'accueil pour l'accès aux droits des habitants, porté par une association.",
        ),
      );
      expect(result.relevant).toBe(true);
      expect(result.themes[0].id).toBe('dematerialisation');
    });

    it('drops a road-works call that mentions "numérique" once', () => {
      const result = shipped.classify(
        call(
          'Rénovation des ponts communaux',
          'Travaux de voirie, diagnostic des ouvrages d’art et relevés numériques.',
        ),
      );
      expect(result.relevant).toBe(false);
    });

    it('gives every relevant decision an entry naming the matched words', () => {
      const result = shipped.classify(
        call('Ateliers numériques pour les seniors', 'Initiation à internet.'),
      );
      expect(result.relevant).toBe(true);
      expect(result.explanation.some((e) => e.weight > 0 && e.match.length > 0)).toBe(true);
    });
  });
});
