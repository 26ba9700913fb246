import type { DemoArticle } from './types.ts';

/** Société — fictional content for « Le Veilleur » (République du Tamaré). */
export const societeArticles: DemoArticle[] = [
  {
    section: 'societe',
    kicker: 'ÉDUCATION',
    title:
      'Insécurité dans le Nord : 212 écoles toujours fermées deux mois après la rentrée scolaire',
    standfirst:
      "Selon le ministère de l'Éducation nationale, près de 38 000 élèves de la région de Tessaoua-Nord n'ont pas repris le chemin des classes. Le gouvernement mise sur des espaces d'apprentissage temporaires et des cours à la radio pour limiter les effets de ces fermetures.",
    body: `
Deux mois après la rentrée scolaire, 212 écoles restent fermées dans la région de Tessaoua-Nord en raison de l'insécurité, selon un point de situation présenté lundi par le ministère de l'Éducation nationale et de l'Alphabétisation. Près de 38 000 élèves et environ 900 enseignants sont concernés par ces fermetures, qui touchent principalement les communes situées à proximité de la frontière nord.

Ce chiffre est en légère baisse par rapport à l'an dernier à la même période, où 260 établissements étaient fermés. Une quarantaine d'écoles ont pu rouvrir à la faveur d'une amélioration de la situation sécuritaire dans certaines localités, indique le ministère, qui précise que les réouvertures se font en concertation avec les forces de défense et les comités de parents d'élèves.

## Des solutions d'urgence

Pour limiter les conséquences de ces fermetures, les autorités ont mis en place plusieurs dispositifs, en partenariat avec des organisations non gouvernementales et les collectivités locales :

- l'ouverture de 85 espaces temporaires d'apprentissage dans les sites accueillant des familles déplacées, notamment autour de Tessaoua-Nord ;
- la diffusion de cours de lecture et de calcul sur les radios communautaires, trois fois par semaine ;
- le redéploiement de plus de 400 enseignants dans les écoles des zones d'accueil ;
- la distribution de kits scolaires à quelque 20 000 élèves déplacés.

> « Aucun enfant ne doit être privé d'école parce que son village est menacé. Là où les écoles ne peuvent pas rouvrir, nous amenons l'école vers les élèves », a déclaré le ministre de l'Éducation nationale, Seydou Kanembé, lors de la présentation.

Le ministre a également annoncé le recrutement d'enseignants supplémentaires dans le cadre du projet de budget 2027, actuellement examiné par l'Assemblée nationale, dont une partie sera affectée en priorité aux zones d'accueil des déplacés.

## Des classes surchargées

Dans les écoles des zones d'accueil, l'afflux d'élèves déplacés pose cependant de sérieuses difficultés. À Tessaoua-Nord, certaines classes comptent plus de 110 élèves, selon les syndicats d'enseignants, qui dénoncent un manque de tables-bancs, de manuels et de latrines.

> « Les enseignants font ce qu'ils peuvent, mais on ne peut pas faire cours correctement à cent élèves assis par terre. Il faut des salles de classe supplémentaires, et vite », estime Aminata Saré-Bouko, secrétaire générale du Syndicat autonome des enseignants du Tamaré (SAET).

Les parents d'élèves, de leur côté, s'inquiètent des conséquences à long terme. Plusieurs associations rappellent que les enfants qui restent longtemps hors de l'école, en particulier les filles, risquent de ne jamais y retourner. Elles appellent à un plan national de rattrapage pour les élèves ayant perdu une ou plusieurs années de scolarité.

Le ministère indique qu'un programme de classes passerelles, destiné à réintégrer les enfants déscolarisés de 9 à 14 ans, sera étendu à l'ensemble de la région dès le deuxième trimestre. Nos précédents articles sur la situation des familles déplacées dans le Nord sont à retrouver dans [la rubrique Société](/societe).
`,
    signature: 'Agence Fleuve Info',
    authorEmail: 'redaction@leveilleur.example',
    photo: {
      theme: 'school',
      credit: 'AFI',
      caption: "Image d'illustration",
      alt: 'Une salle de classe avec des tables-bancs et un tableau noir',
    },
    hoursAgo: 10,
    tags: ['éducation', 'tessaoua-nord', 'déplacés'],
  },
  {
    section: 'societe',
    kicker: 'SANTÉ',
    title: "Paludisme : plus d'un million de moustiquaires distribuées dans la région de Birni-Sud",
    standfirst:
      "La campagne de distribution gratuite de moustiquaires imprégnées a débuté dans les 14 districts sanitaires de la région. Les autorités sanitaires visent une couverture de l'ensemble des ménages d'ici trois semaines, avec l'appui de 3 000 agents communautaires.",
    body: `
Le coup d'envoi de la campagne de distribution de moustiquaires imprégnées d'insecticide à longue durée d'action a été donné samedi à Birni-Sud, en présence des autorités administratives, sanitaires et coutumières de la région. Au total, 1,1 million de moustiquaires doivent être remises gratuitement aux ménages au cours des trois prochaines semaines.

La distribution est assurée par près de 3 000 agents communautaires, qui se rendent de porte en porte pour recenser les ménages et remettre les moustiquaires, à raison d'une pour deux personnes. Les agents sont également chargés d'expliquer aux familles comment installer et entretenir les moustiquaires, et de vérifier quelques jours plus tard qu'elles sont effectivement utilisées.

## Première cause de consultation

Le paludisme reste la première cause de consultation et d'hospitalisation dans les centres de santé du Tamaré, en particulier chez les enfants de moins de cinq ans et les femmes enceintes. Dans la région de Birni-Sud, zone agricole traversée par de nombreux cours d'eau et parsemée de rizières, la maladie sévit toute l'année, avec un pic pendant et juste après la saison des pluies.

> « La moustiquaire reste l'outil de prévention le plus simple et le plus efficace. Mais elle ne sert à rien si elle reste dans son emballage ou si elle est utilisée pour autre chose, comme protéger les jardins ou pêcher », rappelle la docteure Aminata Goïta-Dénon, directrice régionale de la santé de Birni-Sud.

## Les autres volets de la campagne

Outre la distribution des moustiquaires, la campagne comprend plusieurs actions complémentaires :

- des séances de sensibilisation dans les marchés, les écoles et les lieux de culte ;
- des émissions en langues nationales sur les radios communautaires ;
- le dépistage gratuit des cas de fièvre dans les centres de santé ;
- le renforcement des stocks de médicaments antipaludiques dans les structures sanitaires.

Selon la direction régionale de la santé, le nombre de cas confirmés de paludisme a diminué d'environ 12 % dans la région au cours des trois dernières années, grâce notamment aux précédentes campagnes de distribution et à la chimioprévention saisonnière chez les jeunes enfants. Les décès liés à la maladie ont eux aussi reculé, même si les centres de santé restent régulièrement saturés pendant l'hivernage.

Les responsables sanitaires insistent aussi sur l'importance de consulter rapidement en cas de fièvre, en particulier chez les enfants, plutôt que de recourir à l'automédication. Le traitement du paludisme simple est gratuit pour les enfants de moins de cinq ans et les femmes enceintes dans l'ensemble des centres de santé publics.

Les autorités appellent les ménages à accueillir les agents distributeurs et à signaler au centre de santé le plus proche toute famille qui n'aurait pas été recensée.
`,
    signature: 'La Rédaction',
    authorEmail: 'redaction@leveilleur.example',
    photo: {
      theme: 'field',
      credit: 'LE VEILLEUR',
      caption: "Image d'illustration",
      alt: 'Des rizières verdoyantes dans une plaine agricole',
    },
    hoursAgo: 95,
    tags: ['santé', 'paludisme', 'birni-sud'],
  },
  {
    section: 'societe',
    kicker: 'JEUNESSE',
    title: "À Kalanga, de jeunes diplômés sans emploi se lancent dans l'entrepreneuriat numérique",
    standfirst:
      "Faute de débouchés dans la fonction publique ou les grandes entreprises, une génération de diplômés tente sa chance dans les services en ligne, la livraison ou la gestion sur mobile. Un pari qui suscite l'enthousiasme, mais se heurte au manque de financements et à une connexion coûteuse.",
    body: `
Dans une salle au premier étage d'un immeuble du centre-ville de Kalanga, une quinzaine de jeunes gens travaillent en silence, les yeux rivés sur leurs écrans. Aux murs, des tableaux blancs couverts de schémas et de petits papiers colorés. Bienvenue à la Maison du numérique de Kalanga, un espace de travail partagé ouvert il y a deux ans par une association de jeunes ingénieurs, devenu en peu de temps le point de ralliement des apprentis entrepreneurs de la ville.

Parmi eux, Binta Yaro-Ndé, 27 ans, titulaire d'un master en gestion, développe une application permettant aux petites commerçantes du marché de Kalanga de suivre leurs ventes et leurs stocks sur leur téléphone.

> « Après mon diplôme, j'ai passé deux ans à déposer des candidatures. J'ai fait des stages non payés, des concours de la fonction publique, sans résultat. À un moment, je me suis dit qu'il fallait créer mon propre emploi plutôt que de l'attendre », raconte-t-elle.

## Une génération face au chômage

Son parcours est loin d'être isolé. Selon l'Institut tamaréen de la statistique, le taux de chômage des diplômés de l'enseignement supérieur dépasse 25 %, et une grande partie de ceux qui travaillent occupent des emplois précaires sans rapport avec leur formation. Chaque année, les universités et grandes écoles du pays forment près de 30 000 diplômés, alors que la fonction publique n'en recrute qu'une fraction.

À Kalanga, ville commerçante tournée vers le fleuve, le numérique apparaît pour beaucoup comme une porte de sortie. La couverture en téléphonie mobile s'est étendue, les smartphones se sont démocratisés et le paiement mobile est devenu un réflexe pour une partie de la population. Autant d'éléments qui ouvrent des perspectives pour des services nouveaux.

Les projets accompagnés par la Maison du numérique témoignent de cette diversité :

- une plateforme de livraison de repas et de courses à moto, qui compte déjà une trentaine de livreurs ;
- une application de prise de rendez-vous pour les cliniques privées de la ville ;
- un service de vente en ligne de produits maraîchers, qui relie directement producteurs et consommateurs ;
- un outil de gestion pour les groupements de femmes transformatrices de karité.

C'est le cas de Lassana Dioumé, 25 ans, diplômé en informatique, qui a lancé il y a un an le service de livraison à moto. Parti avec deux livreurs et une simple page sur les réseaux sociaux, il coordonne aujourd'hui une trentaine de jeunes, rémunérés à la course. « Au début, les gens ne faisaient pas confiance. Ils voulaient voir la marchandise avant de payer. Aujourd'hui, des restaurants et des pharmacies nous appellent tous les jours », se félicite-t-il. Son principal défi : renouveler les motos, souvent achetées d'occasion, et assurer ses livreurs, qui circulent sans couverture en cas d'accident.

## Le financement, principal obstacle

Mais l'enthousiasme se heurte rapidement à des réalités moins favorables. Le premier obstacle reste l'accès au financement. Les banques se montrent réticentes à prêter à de jeunes entreprises sans garanties ni historique, et les fonds d'investissement restent rares dans le pays.

> « Nous avons beaucoup d'idées et de talents, mais très peu d'argent pour démarrer. Un jeune qui veut lancer une application a besoin de quelques millions de francs pour tenir un an. Sans ça, beaucoup abandonnent au bout de quelques mois », observe Souleymane Diabo-Kéré, cofondateur de la Maison du numérique.

Le coût et la qualité de la connexion internet constituent un autre frein. Les coupures d'électricité, fréquentes dans la région, obligent les jeunes entrepreneurs à investir dans des batteries et des panneaux solaires. Les forfaits de données restent par ailleurs onéreux pour des entreprises qui commencent à peine à générer des revenus.

Certains se tournent vers des solutions alternatives : tontines entre amis, soutien familial ou concours de projets organisés par des opérateurs de téléphonie et des organisations internationales. Ces concours offrent des prix de quelques millions de francs CFA et, surtout, une visibilité précieuse, mais ne profitent qu'à une poignée de lauréats chaque année.

Les pouvoirs publics affirment avoir pris la mesure de l'enjeu. Le Fonds national pour l'emploi des jeunes a ouvert l'an dernier un guichet dédié aux projets innovants, doté de 2 milliards de francs CFA. Mais les jeunes rencontrés à Kalanga jugent les procédures longues et complexes, et les montants accordés souvent insuffisants pour passer de l'idée au produit.

## Apprendre à vendre

Au-delà de l'argent, les accompagnateurs insistent sur la nécessité de former les jeunes diplômés à la gestion d'entreprise. Beaucoup maîtrisent la programmation ou le graphisme, mais peinent à établir un plan d'affaires, à fixer un prix ou à convaincre des clients.

> « Le problème n'est pas toujours technique. Certains ont développé d'excellentes applications que personne n'utilise, parce qu'ils n'ont pas pris le temps de comprendre les besoins de leurs clients », explique Rahinatou Goundo-Sé, formatrice à la Maison du numérique.

La structure organise désormais des sessions de formation sur le marketing, la comptabilité et la relation client, ouvertes gratuitement aux porteurs de projets. Des commerçants et des cadres d'entreprises de la ville viennent régulièrement y partager leur expérience, bénévolement.

Pour Binta Yaro-Ndé, les premiers résultats sont encourageants. Son application compte aujourd'hui près de 400 utilisatrices, pour la plupart des vendeuses du grand marché de Kalanga, qui paient un abonnement mensuel de 1 000 francs CFA. Elle espère atteindre l'équilibre financier d'ici un an et recruter deux développeurs. « Ce n'est pas facile tous les jours, admet-elle. Mais pour la première fois, j'ai le sentiment de construire quelque chose. »
`,
    signature: 'Rokia Sanogo-Wendé',
    authorEmail: 'rokia.sanogo@leveilleur.example',
    photo: {
      theme: 'city',
      credit: 'Adjaratou Banou / LE VEILLEUR',
      caption: 'Le centre-ville de Kalanga, où est installée la Maison du numérique.',
      alt: 'Des immeubles bas et une avenue animée dans le centre de Kalanga',
    },
    hoursAgo: 200,
    tags: ['jeunesse', 'emploi', 'numérique', 'kalanga'],
  },
];
