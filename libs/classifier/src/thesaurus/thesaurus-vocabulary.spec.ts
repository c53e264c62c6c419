import { Classifier } from '../classifier';
import type { ClassifiableCall } from '../classifier.types';

// Calls written for this test in the manner of real ones outside the dev set: the field's own
// vocabulary (« digital », Pass numérique, démarches dématérialisées…), and the false friends that
// are full of digital words but not for a structure helping people (labelling criteria of
// ../shared/data/README.md). The real thesaurus must keep the first and drop the second.
const call = (id: string, title: string, description: string): ClassifiableCall => ({
  id,
  title,
  description,
  funder: null,
});

const FIELD: ClassifiableCall[] = [
  call(
    'droits-digitalises',
    'Accompagner les publics face aux droits digitalisés',
    "Le fonds soutient les associations qui aident les personnes en difficulté à accéder à leurs droits digitalisés : allocations, assurance maladie, retraite, inscription à l'emploi.",
  ),
  call(
    'inclusion-digitale',
    'Appel à projets inclusion digitale',
    "Soutenir les actions d'inclusion digitale des seniors isolés et des familles : ateliers collectifs, accompagnement individuel, prêt de tablettes.",
  ),
  call(
    'pass-numerique',
    'Déploiement des Pass numériques',
    "Le Département finance des carnets de Pass numériques distribués par les travailleurs sociaux, pour des ateliers d'apprentissage dans des lieux labellisés.",
  ),
  call(
    'demarches-dematerialisees',
    'Aide aux démarches administratives dématérialisées',
    'Permanences gratuites pour accompagner les usagers dans leurs démarches sur les sites de la CAF, de France Travail et des impôts.',
  ),
  call(
    'conseiller-numerique',
    'Financement de postes de conseillers numériques',
    'Les structures accueillant un conseiller numérique reçoivent une aide forfaitaire pour chaque poste, afin de renforcer la médiation de proximité.',
  ),
];

const FALSE_FRIENDS: ClassifiableCall[] = [
  call(
    'cheque-numerique-tpe',
    'Chèque numérique pour les TPE',
    'Les très petites entreprises, commerçants et artisans peuvent recevoir un chèque numérique de 500 euros pour acheter des solutions numériques : site internet, logiciel de caisse, outils de gestion en ligne, formation au numérique.',
  ),
  call(
    'commerce-connecte',
    'Commerce connecté',
    "La Région accompagne les commerçants dans la création d'une boutique en ligne, le click and collect et la présence sur internet de leurs points de vente, avec un accompagnement numérique personnalisé.",
  ),
  call(
    'ecoles-numeriques',
    'Équipement numérique des écoles',
    'Aide aux communes pour équiper leurs écoles en ordinateurs portables, tablettes et vidéoprojecteurs interactifs, et déployer un ENT pour les élèves, les enseignants et les familles.',
  ),
  call(
    'tres-haut-debit',
    'Raccordement au THD',
    'Subvention pour le raccordement des foyers à la fibre, la montée en débit et la résorption des zones blanches, afin que tous les habitants aient accès à internet.',
  ),
  call(
    'applications-innovantes',
    'Applications numériques innovantes',
    'Appel à projets pour les entreprises qui développent des applications numériques innovantes au service des citoyens : prototype, preuve de concept, mise sur le marché.',
  ),
  call(
    'machinisme-connecte',
    'Agriculture de précision et machinisme connecté',
    "Soutien aux investissements des exploitants dans des équipements connectés : guidage des tracteurs, outils numériques d'aide à la décision, formation à leur usage.",
  ),
  call(
    'cyber-pme',
    'Cybersécurité des TPE et PME',
    'Diagnostic de sécurité informatique, sensibilisation des salariés aux cyberattaques et accompagnement numérique des dirigeants.',
  ),
  call(
    'e-sante',
    'Santé connectée en EHPAD',
    'Déploiement de la téléconsultation, équipement numérique des soignants et accompagnement des résidents dans les usages de la santé connectée.',
  ),
  call(
    'smart-city',
    'Territoire connecté',
    'Objets connectés, plateforme de données, éclairage intelligent et applications numériques pour les habitants de la commune.',
  ),
];

describe('the real thesaurus on the field vocabulary and its false friends', () => {
  let classifier: Classifier;
  beforeAll(async () => {
    classifier = await Classifier.load();
  });

  it.each(FIELD.map((c) => [c.id, c]))('keeps %s', (_id, c) => {
    const result = classifier.classify(c);
    expect({ id: c.id, relevant: result.relevant }).toEqual({ id: c.id, relevant: true });
  });

  it.each(FALSE_FRIENDS.map((c) => [c.id, c]))('drops %s', (_id, c) => {
    const result = classifier.classify(c);
    expect({ id: c.id, relevant: result.relevant }).toEqual({ id: c.id, relevant: false });
  });

  it('quotes the words that make a false friend one', () => {
    const result = classifier.classify(FALSE_FRIENDS[0]);
    const negative = result.explanation.filter((e) => e.weight < 0).map((e) => e.match);
    expect(negative.join(' | ')).toMatch(/TPE|commerçants|chèque numérique/i);
  });
});
