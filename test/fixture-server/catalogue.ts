import type { FixtureCall } from './fixture-call.types';

/**
 * About forty French calls written for Vigie's tests and demo, across the themes and funders
 * of the domain brief, with hard cases: several rounds, rolling calls, amounts in many
 * wordings, a forthcoming and a closed call, a call published on two sources, and calls that
 * mention "numérique" but are not for digital-inclusion structures.
 */
export const CATALOGUE: readonly FixtureCall[] = [
  // --- Région Nouvelle-Aquitaine: RSS feed, then each item's page ---
  {
    id: 'na-mediation-numerique-2027', title: 'Appel à projets « Médiation numérique de proximité » 2027',
    funder: 'Région Nouvelle-Aquitaine', feeds: ['rss'], theme: 'mediation_numerique', relevant: true,
    paragraphs: [
      "La Région soutient les structures qui accompagnent les habitants éloignés du numérique : ateliers d'initiation, permanences d'aide aux démarches en ligne, accompagnement individuel des personnes en situation d'illectronisme.",
      'Les projets doivent associer au moins un espace public numérique (EPN) ou un tiers-lieu du territoire.',
    ],
    deadlines: [{ date: '2027-03-01', time: '12:00' }], deadlineStyle: 'long',
    amountText: "Subvention plafonnée à 30 000 € par projet, dans la limite de 70 % des dépenses éligibles. Enveloppe de 1,2 M€.",
    audiences: ['Associations', 'Collectivités territoriales', 'Établissements publics'], territory: ['R75'],
  },
  {
    id: 'na-reemploi-materiel-informatique', title: 'AAP Réemploi et reconditionnement du matériel informatique',
    funder: 'Région Nouvelle-Aquitaine', feeds: ['rss'], theme: 'numerique_responsable', relevant: true,
    paragraphs: [
      "Cet appel finance les ateliers de reconditionnement d'ordinateurs destinés aux publics précaires et les actions de sobriété numérique.",
      'Les structures de l’économie sociale et solidaire sont particulièrement attendues.',
    ],
    deadlines: [{ date: '2027-01-31' }], deadlineStyle: 'jusquau',
    amountText: 'Aide comprise entre 5 000 et 40 000 euros.',
    audiences: ['Associations', 'Entreprises de l’ESS'], territory: ['R75'],
  },
  {
    id: 'na-leader-services-ruraux', title: 'LEADER : services à la population en milieu rural',
    funder: 'GAL Haute-Lande', feeds: ['rss'], theme: 'feader_leader', relevant: true, euFund: 'FEADER_LEADER',
    paragraphs: [
      "Le GAL mobilise le FEADER au titre du programme LEADER pour maintenir des services de proximité : maisons France Services, points d'accès aux droits, espaces de travail partagés.",
      'Une contrepartie nationale publique est exigée.',
    ],
    deadlines: [
      { date: '2027-02-15', label: '1re session' },
      { date: '2027-06-15', label: '2e session' },
    ],
    amountText: 'Taux maximum de 80 % de la dépense publique ; aide minimum 5 000 €.',
    audiences: ['Associations', 'Communes', 'Intercommunalités'], territory: ['40'],
  },
  {
    id: 'na-machinisme-agricole', title: 'Aide à l’investissement dans le machinisme agricole connecté',
    funder: 'Région Nouvelle-Aquitaine', feeds: ['rss'], theme: 'autre', relevant: false,
    paragraphs: [
      "Financement des tracteurs, semoirs et équipements de précision, y compris les boîtiers numériques de guidage.",
    ],
    deadlines: [{ date: '2027-04-30' }], deadlineStyle: 'cloture',
    amountText: "Subvention de 20 % du coût HT, plafonnée à 60 000 €.",
    audiences: ['Agriculteurs', 'CUMA'], territory: ['R75'],
  },
  {
    id: 'na-fse-inclusion-active', title: 'FSE+ Inclusion active : levée des freins à l’emploi',
    funder: 'Région Nouvelle-Aquitaine', feeds: ['rss'], theme: 'fse', relevant: true, euFund: 'FSE_PLUS',
    paragraphs: [
      "Le Fonds social européen plus (FSE+) finance l'accompagnement des personnes éloignées de l'emploi : mobilité, garde d'enfants, compétences de base et compétences numériques.",
      "Le versement intervient sur justification des dépenses, après contrôle de service fait.",
    ],
    deadlines: [{ date: '2025-11-30' }], deadlineStyle: 'avant',
    amountText: 'Cofinancement FSE+ jusqu’à 60 % du coût total éligible.',
    audiences: ['Associations', 'Structures d’insertion'], territory: ['R75'],
  },
  {
    id: 'na-tiers-lieux-ruraux', title: 'Soutien aux tiers-lieux ruraux',
    funder: 'Région Nouvelle-Aquitaine', feeds: ['rss'], theme: 'tiers_lieux', relevant: true,
    paragraphs: [
      "Aide au démarrage et à l'animation des tiers-lieux en zone rurale : fablab, espace de coworking associatif, permanences numériques.",
    ],
    deadlines: [], rolling: true,
    amountText: 'Aide au fonctionnement jusqu’à 15 k€ par an pendant trois ans.',
    audiences: ['Associations', 'SCIC'], territory: ['R75'],
  },
  {
    id: 'na-voirie-communale', title: 'Travaux de voirie communale et sécurisation des routes',
    funder: 'Région Nouvelle-Aquitaine', feeds: ['rss'], theme: 'autre', relevant: false,
    paragraphs: ['Réfection des chaussées, aménagements de sécurité et signalisation sur les voies communales.'],
    deadlines: [{ date: '2027-05-31' }], deadlineStyle: 'numeric',
    amountText: 'Subvention plafonnée à 100 000 €.',
    audiences: ['Communes'], territory: ['R75'],
  },

  // --- Région Grand Est: paginated HTML listing in ISO-8859-1, detail pages and PDF règlements ---
  {
    id: 'ge-inclusion-numerique-aidants', title: 'Former les aidants numériques du Grand Est',
    funder: 'Région Grand Est', feeds: ['html'], theme: 'inclusion_numerique', relevant: true, pdf: true,
    paragraphs: [
      "L'appel finance la formation des travailleurs sociaux et bénévoles qui accompagnent les usagers dans leurs démarches : Aidants Connect, Pass numérique, médiation aux usages.",
    ],
    deadlines: [{ date: '2027-02-26', time: '23:59' }], deadlineStyle: 'numeric',
    amountText: "Aide jusqu'à 25 000 € ; taux maximum de 50 %.",
    audiences: ['Associations', 'Centres sociaux', 'CCAS'], territory: ['R44'],
  },
  {
    id: 'ge-accessibilite-numerique', title: 'Accessibilité numérique des services aux habitants',
    funder: 'Région Grand Est', feeds: ['html'], theme: 'accessibilite', relevant: true, pdf: true,
    paragraphs: [
      "Mise en conformité RGAA des sites associatifs, ateliers adaptés aux personnes en situation de handicap, matériel d'accessibilité pour les espaces publics numériques.",
    ],
    deadlines: [{ date: '2027-04-15' }], deadlineStyle: 'avant',
    amountText: 'Subvention entre 3 000 et 20 000 €.',
    audiences: ['Associations', 'Collectivités'], territory: ['R44'],
  },
  {
    id: 'ge-france-services-demat', title: 'Accompagnement à la dématérialisation des démarches en France Services',
    funder: 'Préfecture de la région Grand Est', feeds: ['html'], theme: 'dematerialisation', relevant: true,
    paragraphs: [
      "Renforcement de l'accueil dans les espaces France Services : accès aux droits, accompagnement aux démarches administratives en ligne, écrivain public.",
    ],
    deadlines: [{ date: '2027-03-20' }], deadlineStyle: 'long',
    amountText: 'Forfait de 30 000 € par structure labellisée.',
    audiences: ['Communes', 'Associations', 'La Poste'], territory: ['R44'],
  },
  {
    id: 'ge-feder-axe-numerique', title: 'FEDER axe numérique : usages innovants dans les territoires',
    funder: 'Région Grand Est', feeds: ['html'], theme: 'feder', relevant: true, euFund: 'FEDER', pdf: true,
    paragraphs: [
      "Le Fonds européen de développement régional (FEDER) soutient les services numériques au public et les lieux de médiation dans les territoires fragiles.",
    ],
    deadlines: [{ date: '2027-05-10' }], deadlineStyle: 'cloture',
    amountText: "Enveloppe de 3 M€ ; aide minimum 50 000 € ; taux d'intervention FEDER jusqu'à 60 %.",
    audiences: ['Collectivités', 'Associations', 'Établissements publics'], territory: ['R44'],
  },
  {
    id: 'ge-transformation-digitale-pme', title: 'Transformation digitale des PME industrielles',
    funder: 'Région Grand Est', feeds: ['html'], theme: 'autre', relevant: false,
    paragraphs: ["Diagnostic et investissements numériques des PME : ERP, cybersécurité, commerce en ligne."],
    deadlines: [{ date: '2027-06-30' }], deadlineStyle: 'numeric',
    amountText: 'Avance remboursable de 100 000 € maximum.',
    audiences: ['Entreprises', 'PME'], territory: ['R44'],
  },
  {
    id: 'ge-fabrique-territoire', title: 'Fabriques numériques de territoire : appel à manifestation d’intérêt',
    funder: 'Agence nationale de la cohésion des territoires', feeds: ['html', 'at'], theme: 'tiers_lieux', relevant: true,
    paragraphs: [
      "L'AMI retient des tiers-lieux structurants qui accompagnent les autres lieux du territoire et proposent des services numériques aux habitants.",
    ],
    deadlines: [{ date: '2027-03-31' }], deadlineStyle: 'long',
    amountText: 'Aide de 150 000 € sur trois ans.',
    audiences: ['Associations', 'SCIC', 'Collectivités'], territory: ['FR'],
  },
  {
    id: 'ge-recherche-fondamentale', title: 'Chaires de recherche fondamentale en mathématiques',
    funder: 'Région Grand Est', feeds: ['html'], theme: 'autre', relevant: false,
    paragraphs: ['Financement de chaires pour des laboratoires universitaires en mathématiques pures et informatique théorique.'],
    deadlines: [{ date: '2025-09-30' }], deadlineStyle: 'long',
    amountText: 'Dotation de 500 000 € par chaire.',
    audiences: ['Universités', 'Organismes de recherche'], territory: ['R44'],
  },
  {
    id: 'ge-numerique-seniors', title: 'Lutter contre l’isolement des seniors par le numérique',
    funder: 'Conférence des financeurs de la Moselle', feeds: ['html'], theme: 'inclusion_numerique', relevant: true,
    paragraphs: [
      "Ateliers collectifs pour les plus de 60 ans : tablettes, visioconférence avec les proches, prévention des arnaques en ligne.",
    ],
    deadlines: [{ date: '2027-01-15' }], deadlineStyle: 'jusquau',
    amountText: 'Subvention plafonnée à 12 000 €.',
    audiences: ['Associations', 'CCAS', 'Centres sociaux'], territory: ['57'],
  },
  {
    id: 'ge-equipement-ecoles-communes', title: 'Équipement numérique des écoles élémentaires',
    funder: 'Région Grand Est', feeds: ['html'], theme: 'autre', relevant: false,
    paragraphs: ['Acquisition de tableaux interactifs et de classes mobiles pour les écoles. Appel réservé aux communes.'],
    deadlines: [{ date: '2027-02-12' }], deadlineStyle: 'avant',
    amountText: 'Aide plafonnée à 7 000 € par classe.',
    audiences: ['Communes'], territory: ['R44'],
  },

  // --- Région Occitanie: Opendatasoft records ---
  {
    id: 'occ-pass-numerique', title: 'Pass numérique Occitanie : déploiement des chéquiers',
    funder: 'Région Occitanie', feeds: ['ods'], theme: 'mediation_numerique', relevant: true,
    paragraphs: ["Déploiement de chéquiers Pass numérique pour financer des ateliers dans les lieux de médiation qualifiés."],
    deadlines: [{ date: '2027-02-28' }], deadlineStyle: 'long',
    amountText: 'Enveloppe de 800 000 € à répartir.',
    audiences: ['Associations', 'Collectivités'], territory: ['R76'],
  },
  {
    id: 'occ-tiers-lieux-2027', title: 'AAP Tiers-lieux Occitanie 2027',
    funder: 'Région Occitanie', feeds: ['ods'], theme: 'tiers_lieux', relevant: true,
    paragraphs: ["Création et consolidation de tiers-lieux proposant des services au public et de la médiation numérique."],
    deadlines: [
      { date: '2027-01-20', label: '1re vague' },
      { date: '2027-05-20', label: '2e vague' },
    ],
    amountText: "Jusqu'à 50 000 € en investissement et 20 000 € en fonctionnement.",
    audiences: ['Associations', 'Entreprises de l’ESS', 'Communes'], territory: ['R76'],
  },
  {
    id: 'occ-contrat-territorial-services', title: 'Contrat territorial : services publics de proximité',
    funder: 'Région Occitanie', feeds: ['ods'], theme: 'dematerialisation', relevant: true,
    paragraphs: ["Projets des bourgs-centres favorisant l'accès aux services publics et l'accompagnement des usagers."],
    deadlines: [], rolling: true,
    amountText: "Taux maximum de 30 %.",
    audiences: ['Communes', 'Associations'], territory: ['R76'],
  },
  {
    id: 'occ-irrigation', title: 'Modernisation des réseaux d’irrigation',
    funder: 'Région Occitanie', feeds: ['ods'], theme: 'autre', relevant: false,
    paragraphs: ['Réduction des pertes en eau des réseaux collectifs, télégestion et compteurs connectés.'],
    deadlines: [{ date: '2027-03-15' }], deadlineStyle: 'numeric',
    amountText: 'Subvention de 40 % plafonnée à 200 000 €.',
    audiences: ['ASA', 'Communes'], territory: ['R76'],
  },
  {
    id: 'occ-parentalite-numerique', title: 'Parentalité et écrans : actions de prévention',
    funder: 'CAF de la Haute-Garonne', feeds: ['ods'], theme: 'education_jeunesse', relevant: true,
    paragraphs: ["Ateliers parents-enfants sur les usages des écrans, éducation aux médias et à l'information."],
    deadlines: [{ date: '2027-02-05' }], deadlineStyle: 'avant',
    amountText: 'Aide de 2 000 à 10 000 €.',
    audiences: ['Associations', 'Centres sociaux'], territory: ['31'],
  },
  {
    id: 'occ-numerique-forthcoming', title: 'Inclusion numérique des jeunes NEET (ouverture prochaine)',
    funder: 'Région Occitanie', feeds: ['ods'], theme: 'emploi_insertion', relevant: true,
    paragraphs: ["Repérage et accompagnement des jeunes ni en emploi ni en formation, y compris par des maraudes numériques."],
    opensAt: '2027-09-01', deadlines: [{ date: '2027-11-30' }], deadlineStyle: 'long',
    amountText: 'Enveloppe de 500 000 €.',
    audiences: ['Associations', 'Missions locales'], territory: ['R76'],
  },

  // --- Aides-territoires API (Puy-de-Dôme perimeter) ---
  {
    id: 'at-conseiller-numerique', title: 'Pérennisation des postes de conseiller numérique',
    funder: 'Agence nationale de la cohésion des territoires', feeds: ['at'], theme: 'mediation_numerique', relevant: true,
    paragraphs: ["Soutien au financement des conseillers numériques qui animent des ateliers et accompagnent les usagers."],
    deadlines: [{ date: '2026-12-31' }], deadlineStyle: 'long',
    amountText: 'Subvention forfaitaire de 17 500 € par poste et par an.',
    audiences: ['Associations', 'Communes', 'Intercommunalités / Pays'], territory: ['FR'],
  },
  {
    id: 'at-fondation-insertion-jeunes', title: 'Fondation : insertion numérique des jeunes femmes',
    funder: 'Fondation Solidarité Numérique (fictive)', feeds: ['at'], theme: 'emploi_insertion', relevant: true,
    paragraphs: ["La fondation soutient les programmes de formation aux métiers du numérique pour les jeunes femmes des quartiers prioritaires."],
    deadlines: [{ date: '2027-03-10' }], deadlineStyle: 'numeric',
    amountText: 'Dotation jusqu’à 40 000 €.',
    audiences: ['Associations'], territory: ['FR'],
  },
  {
    id: 'at-puy-de-dome-epn', title: 'Soutien départemental aux espaces publics numériques',
    funder: 'Conseil départemental du Puy-de-Dôme', feeds: ['at'], theme: 'mediation_numerique', relevant: true,
    paragraphs: ["Fonctionnement et équipement des EPN du département : postes informatiques, animation d'ateliers."],
    deadlines: [], rolling: true,
    amountText: 'Taux maximum de 50 % ; aide plafonnée à 8 000 €.',
    audiences: ['Associations', 'Communes'], territory: ['63'],
  },
  {
    id: 'at-renovation-energetique', title: 'Rénovation énergétique des bâtiments communaux',
    funder: 'Conseil départemental du Puy-de-Dôme', feeds: ['at'], theme: 'autre', relevant: false,
    paragraphs: ["Isolation, chauffage et menuiseries des bâtiments publics ; suivi numérique des consommations."],
    deadlines: [{ date: '2027-04-01' }], deadlineStyle: 'long',
    amountText: 'Prêt à taux zéro jusqu’à 300 000 €.',
    audiences: ['Communes'], territory: ['63'],
  },
  {
    id: 'at-prix-initiative-numerique', title: 'Prix de l’initiative numérique solidaire',
    funder: 'Fondation du Crédit Coopératif (fictive)', feeds: ['at'], theme: 'inclusion_numerique', relevant: true,
    paragraphs: ["Le prix récompense les associations qui rendent le numérique accessible à tous."],
    deadlines: [{ date: '2027-02-20' }], deadlineStyle: 'cloture',
    amountText: 'Prix de 10 000 € pour le lauréat national.',
    audiences: ['Associations'], territory: ['FR'],
  },
  {
    id: 'at-culture-bibliotheques', title: 'Bibliothèques : ateliers numériques et éducation aux médias',
    funder: 'DRAC Auvergne-Rhône-Alpes', feeds: ['at'], theme: 'culture', relevant: true,
    paragraphs: ["Actions des bibliothèques en faveur de l'éducation aux médias et à l'information et de l'accompagnement numérique des usagers."],
    deadlines: [{ date: '2027-01-29' }], deadlineStyle: 'jusquau',
    amountText: 'Subvention jusqu’à 70 % des dépenses.',
    audiences: ['Collectivités', 'Établissements publics'], territory: ['R84'],
  },

  // --- EU Funding & Tenders (SEDIA) ---
  {
    id: 'ERASMUS-2027-PCOOP-ENGO', title: 'Partenariats de coopération dans l’éducation des adultes (compétences numériques)',
    funder: 'Commission européenne', feeds: ['sedia'], theme: 'education_jeunesse', relevant: true, euFund: 'ERASMUS_PLUS',
    paragraphs: ["Partenariats européens pour les compétences de base des adultes, dont les compétences numériques."],
    deadlines: [{ date: '2027-03-05' }], amountText: 'Montant forfaitaire de 250 000 €.',
    audiences: ['Associations', 'Organismes de formation'], territory: ['FR'],
  },
  {
    id: 'CERV-2027-CITIZENS-CIV', title: 'Engagement citoyen et participation démocratique',
    funder: 'Commission européenne', feeds: ['sedia'], theme: 'autre', relevant: false, euFund: 'CERV',
    paragraphs: ['Projets transnationaux de participation civique.'],
    deadlines: [{ date: '2027-04-22' }], audiences: ['Associations'], territory: ['FR'],
  },
  {
    id: 'DIGITAL-2027-SKILLS-08', title: 'Compétences numériques avancées : programmes de formation',
    funder: 'Commission européenne', feeds: ['sedia'], theme: 'autre', relevant: false, euFund: 'DIGITAL_EUROPE',
    paragraphs: ['Formations de spécialistes en intelligence artificielle et cybersécurité.'],
    opensAt: '2027-10-01', deadlines: [{ date: '2028-01-15' }], audiences: ['Universités', 'Entreprises'], territory: ['FR'],
  },
  {
    id: 'HORIZON-CL2-2025-TRANSFO-01', title: 'Transformations sociales et numériques (recherche)',
    funder: 'Commission européenne', feeds: ['sedia'], theme: 'autre', relevant: false, euFund: 'HORIZON_EUROPE',
    paragraphs: ['Recherche sur les effets sociaux de la transformation numérique.'],
    deadlines: [{ date: '2025-09-16' }], audiences: ['Organismes de recherche'], territory: ['FR'],
  },

  // --- Île-de-France style JSON API ---
  {
    id: 'idf-mediation-quartiers', title: 'Médiation numérique dans les quartiers prioritaires',
    funder: 'Région Île-de-France', feeds: ['json'], theme: 'mediation_numerique', relevant: true,
    paragraphs: ["Actions de médiation numérique en quartier politique de la ville : accès aux droits, ateliers, permanences."],
    deadlines: [{ date: '2027-02-14', time: '23:59' }], deadlineStyle: 'long',
    amountText: 'Subvention plafonnée à 45 000 € ; taux maximum de 50 %.',
    audiences: ['Associations'], territory: ['R11'],
  },
  {
    id: 'idf-accessibilite-handicap', title: 'Numérique et handicap : outils adaptés',
    funder: 'Région Île-de-France', feeds: ['json'], theme: 'accessibilite', relevant: true,
    paragraphs: ["Acquisition d'outils numériques adaptés et formation des équipes à l'accessibilité numérique."],
    deadlines: [{ date: '2027-03-31' }], deadlineStyle: 'numeric',
    amountText: 'Aide entre 2 500 et 15 000 €.',
    audiences: ['Associations', 'Établissements médico-sociaux'], territory: ['R11'],
  },
  {
    id: 'idf-fse-plie', title: 'PLIE : accompagnement renforcé vers l’emploi (FSE+)',
    funder: 'PLIE Est Essonne', feeds: ['json'], theme: 'fse', relevant: true, euFund: 'FSE_PLUS',
    paragraphs: ["Opérations d'accompagnement des participants du PLIE, dont ateliers de compétences numériques pour la recherche d'emploi."],
    deadlines: [{ date: '2026-12-15' }], deadlineStyle: 'avant',
    amountText: 'Taux de cofinancement FSE+ jusqu’à 50 %.',
    audiences: ['Associations', 'Structures d’insertion'], territory: ['91'],
  },
  {
    id: 'idf-cyber-pme', title: 'Chèque cybersécurité pour les TPE et PME',
    funder: 'Région Île-de-France', feeds: ['json'], theme: 'autre', relevant: false,
    paragraphs: ['Audit et équipements de cybersécurité des entreprises franciliennes.'],
    deadlines: [], rolling: true, amountText: 'Aide jusqu’à 10 000 €.',
    audiences: ['Entreprises'], territory: ['R11'],
  },
  {
    id: 'idf-habitat-insalubre', title: 'Résorption de l’habitat insalubre',
    funder: 'Région Île-de-France', feeds: ['json'], theme: 'autre', relevant: false,
    paragraphs: ['Acquisition et réhabilitation de logements dégradés.'],
    deadlines: [{ date: '2027-05-05' }], deadlineStyle: 'cloture',
    amountText: 'Enveloppe de 10 M€.', audiences: ['Communes', 'Bailleurs sociaux'], territory: ['R11'],
  },
  {
    id: 'idf-coworking-associatif', title: 'Espaces de coworking associatifs et tiers-lieux solidaires',
    funder: 'Région Île-de-France', feeds: ['json'], theme: 'tiers_lieux', relevant: true,
    paragraphs: ["Création de tiers-lieux solidaires ouverts aux habitants avec un espace numérique en accès libre."],
    deadlines: [{ date: '2027-04-08' }], deadlineStyle: 'jusquau',
    amountText: "Subvention d'investissement jusqu'à 200 000 €, 50 % maximum.",
    audiences: ['Associations', 'Collectivités'], territory: ['R11'],
  },
  {
    id: 'idf-sobriete-numerique', title: 'Sobriété numérique dans les associations',
    funder: 'ADEME Île-de-France', feeds: ['json'], theme: 'numerique_responsable', relevant: true,
    paragraphs: ["Diagnostics et plans d'action pour réduire l'empreinte environnementale du numérique, réemploi du matériel."],
    deadlines: [{ date: '2027-06-12' }], deadlineStyle: 'long',
    amountText: 'Taux d’aide de 70 % maximum.',
    audiences: ['Associations'], territory: ['R11'],
  },
];
