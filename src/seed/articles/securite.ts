import type { DemoArticle } from './types.ts';

/** Sécurité — fictional content for « Le Veilleur » (République du Tamaré). */
export const securiteArticles: DemoArticle[] = [
  {
    section: 'securite',
    kicker: 'TESSAOUA-NORD',
    title:
      "Tessaoua-Nord : l'armée repousse une attaque contre le poste de Gamdou, quatre soldats tués",
    standfirst:
      "Un poste avancé des Forces armées tamaréennes a été visé dans la nuit de lundi à mardi près de la frontière nord. L'état-major annonce quatre militaires tués et sept blessés, et affirme avoir repris le contrôle de la zone après plusieurs heures de combats.",
    body: `
Le poste militaire de Gamdou, situé à une quarantaine de kilomètres au nord de Tessaoua-Nord, a été la cible d'une attaque d'envergure dans la nuit de lundi à mardi. Selon un communiqué de l'état-major général des armées diffusé en fin de matinée, quatre soldats ont été tués et sept autres blessés lors des affrontements, qui ont duré près de trois heures. Les blessés ont été évacués vers l'hôpital régional de Tessaoua-Nord, où leur état est jugé stable.

L'attaque, qui n'avait pas été revendiquée mardi en milieu de journée, a débuté peu après deux heures du matin. D'après l'état-major, les assaillants, arrivés à moto et à bord de plusieurs véhicules légers, ont tenté de pénétrer dans l'enceinte du poste par le flanc est, avant d'être repoussés par la garnison. Un appui aérien a été engagé à l'aube pour poursuivre les éléments en fuite en direction de la frontière.

## Un bilan encore provisoire

Dans son communiqué, l'armée fait également état de « plusieurs dizaines d'assaillants neutralisés » et de la saisie d'armes, de munitions et de moyens de communication. Ces chiffres n'ont pas pu être vérifiés de manière indépendante, l'accès à la zone étant restreint depuis l'instauration de l'état d'urgence dans la région, il y a un peu plus d'un an.

> « Nos hommes ont tenu leur position avec un courage exemplaire. La situation est désormais sous contrôle et les opérations de ratissage se poursuivent dans le secteur », a déclaré le colonel Lassina Timbé, porte-parole de l'état-major général des armées, lors d'un point de presse à Dounzé.

Le ministre de la Défense et des Anciens combattants, le général Boubacar Yattara-Niang, est attendu mercredi à Tessaoua-Nord, où il doit rencontrer le commandement de la zone de défense et les autorités administratives. Le président de la République, Abdoulaye Sandouma, a présenté ses condoléances aux familles des soldats tués et décrété un deuil national de deux jours, selon un message publié par la présidence.

## Une zone sous pression depuis plusieurs mois

Gamdou, commune rurale d'environ 18 000 habitants, se trouve sur l'un des principaux axes reliant le nord du pays aux États voisins. Le poste militaire y a été renforcé l'an dernier après une série d'incidents visant des convois de ravitaillement et des véhicules de transport en commun. Comme nous l'indiquions dans [notre précédent article](/securite), les attaques contre les positions de l'armée s'étaient raréfiées depuis le début de la saison sèche, sans toutefois disparaître.

Les dernières semaines ont été marquées par plusieurs incidents dans la région :

- l'incendie de deux camions de marchandises sur la route nationale 4, qui n'a pas fait de victime ;
- l'enlèvement, puis la libération quelques jours plus tard, d'un conseiller municipal de Gamdou ;
- la découverte d'engins explosifs sur une piste secondaire, désamorcés par le génie militaire.

Joint par téléphone, un élu local, qui a requis l'anonymat pour des raisons de sécurité, décrit une population « fatiguée mais solidaire » de ses soldats.

> « Les tirs ont duré une bonne partie de la nuit. Personne n'est sorti avant le lever du jour. Ce matin, les commerçants ont gardé leurs boutiques fermées et les écoles n'ont pas ouvert », raconte-t-il.

## L'opposition demande un débat au Parlement

Réagissant à l'attaque, l'Alliance citoyenne pour le Tamaré (ACT), principal parti d'opposition, a salué « la bravoure des forces de défense » tout en réclamant l'organisation d'un débat à l'Assemblée nationale sur la stratégie sécuritaire du gouvernement. Sa présidente, Fatoumata Bâ-Kendé, estime que « les populations du Nord ont besoin de visibilité sur les moyens engagés et sur le calendrier du retour des services de l'État ».

Du côté du gouvernement, on rappelle que les crédits de la défense ont été relevés de 12 % dans la loi de finances pour 2027, adoptée quelques heures plus tôt par les députés, et que le recrutement de 3 000 nouveaux soldats annoncé au début de l'année est en cours. Plusieurs organisations humanitaires présentes dans la région ont par ailleurs indiqué suivre de près la situation, craignant de nouveaux déplacements de population vers Tessaoua-Nord, qui accueille déjà plusieurs milliers de familles venues des villages environnants.

Le Veilleur reviendra sur cette attaque au fil des informations disponibles.
`,
    signature: 'Boubacar Tounkara-Issa',
    authorEmail: 'boubacar.tounkara@leveilleur.example',
    photo: {
      theme: 'convoy',
      credit: 'AFI',
      caption:
        'Un convoi des Forces armées tamaréennes sur la route nationale 4, au nord de Tessaoua-Nord (archives).',
      alt: 'Un convoi de véhicules militaires sur une route de latérite',
    },
    hoursAgo: 2,
    updatedHoursAgo: 1,
    tags: ['armée', 'tessaoua-nord', 'attaque', 'défense'],
    coauthorEmails: ['boubacar.tounkara@leveilleur.example', 'hawa.diabate@leveilleur.example'],
    agency: 'AFI',
    corrections: [
      {
        text: 'Une première version de cet article situait l’attaque à Tessaoua-Sud ; elle a eu lieu au nord de Tessaoua-Nord.',
        hoursAgo: 1,
      },
    ],
  },
  {
    section: 'securite',
    kicker: 'CRIMINALITÉ',
    title:
      'Dounzé : la police démantèle un réseau de vol de motos actif entre la capitale et Birni-Sud',
    standfirst:
      "Onze personnes ont été interpellées et 64 motos récupérées au terme d'une enquête de plusieurs mois. Les engins, volés dans la capitale, étaient maquillés dans un atelier clandestin puis revendus sur les marchés hebdomadaires du sud du pays.",
    body: `
La Direction de la police judiciaire a annoncé jeudi le démantèlement d'un réseau de vol de motos qui opérait depuis au moins un an entre Dounzé et la région de Birni-Sud. Onze personnes, âgées de 19 à 47 ans, ont été interpellées lors d'une série d'opérations menées simultanément dans trois quartiers de la capitale et dans deux localités du sud du pays.

Au total, 64 motos ont été saisies, ainsi que des plaques d'immatriculation vierges, des outils de découpe et plusieurs carnets contenant des listes de clients. Selon les enquêteurs, les engins étaient dérobés principalement devant les marchés, les lieux de culte et les établissements scolaires de la capitale, souvent en plein jour et en quelques secondes.

## Des numéros de châssis effacés

Le mode opératoire était bien rodé. Une fois volées, les motos étaient acheminées de nuit vers un atelier clandestin situé en périphérie de Dounzé, où leurs numéros de châssis étaient limés puis regravés. Elles étaient ensuite transportées par camion vers Birni-Sud et revendues sur les marchés hebdomadaires, à des prix inférieurs de 30 à 40 % à ceux pratiqués habituellement.

> « Ce réseau exploitait la forte demande en motos dans les zones rurales, où elles sont indispensables pour se déplacer et travailler. Les acheteurs, souvent de bonne foi, se retrouvaient eux aussi victimes », a expliqué le commissaire divisionnaire Yacouba Tiendaga, directeur de la police judiciaire, lors d'une conférence de presse.

L'enquête avait été ouverte après la multiplication des plaintes dans les commissariats de la capitale : plus de 300 vols de motos y ont été déclarés au cours des six derniers mois, selon les chiffres de la police. Les investigations ont notamment reposé sur l'exploitation des images de caméras de surveillance installées par des commerçants et sur des renseignements fournis par des mécaniciens de quartier.

Dans les quartiers concernés, l'annonce a été accueillie avec soulagement. Pour de nombreux habitants de la capitale, la moto constitue le principal moyen de transport et, souvent, un outil de travail indispensable : livreurs, conducteurs de taxis-motos, artisans et petits commerçants en dépendent pour gagner leur vie.

## Appel aux propriétaires

Les motos saisies sont actuellement entreposées dans l'enceinte de la Direction de la police judiciaire. Les personnes ayant déclaré un vol sont invitées à s'y présenter, munies de leur pièce d'identité, de la facture d'achat et du récépissé de plainte, afin de procéder à l'identification des engins.

Les suspects ont été présentés au procureur de la République près le tribunal de grande instance de Dounzé. Ils sont poursuivis notamment pour vol en réunion, recel et faux en écriture. Deux autres personnes, soupçonnées d'avoir servi d'intermédiaires sur les marchés de Birni-Sud, sont activement recherchées.

La police rappelle enfin aux acquéreurs de motos d'occasion de vérifier systématiquement les documents du vendeur, de se méfier des prix anormalement bas et de faire établir l'acte de vente devant les services compétents.
`,
    signature: 'Agence Fleuve Info',
    authorEmail: 'redaction@leveilleur.example',
    photo: {
      theme: 'night',
      credit: 'AFI',
      caption: "Image d'illustration",
      alt: 'Une rue de Dounzé la nuit, éclairée par des lampadaires',
    },
    hoursAgo: 54,
    tags: ['police', 'dounzé', 'vol de motos'],
  },
  {
    section: 'securite',
    kicker: 'FLEUVE OUALÉ',
    title:
      'Sur le fleuve Oualé, la reprise des patrouilles fluviales rassure piroguiers et commerçants',
    standfirst:
      'Suspendues pendant plusieurs mois, les patrouilles de la brigade fluviale ont repris entre Sirakoro et Kalanga. Une présence accueillie avec soulagement par les transporteurs, qui réclament toutefois des moyens durables pour sécuriser ce grand axe commercial.',
    body: `
Au débarcadère de Sirakoro, le ronronnement des moteurs hors-bord se mêle aux cris des porteurs qui chargent sacs de riz, bidons d'huile et ballots de tissu. Depuis une dizaine de jours, un nouveau venu fait partie du paysage : une vedette grise de la brigade fluviale de la gendarmerie nationale, amarrée au bout du quai, prête à escorter les pirogues qui descendent le fleuve Oualé vers Kalanga.

Les patrouilles fluviales avaient été suspendues il y a près de huit mois, faute de carburant et de pièces détachées pour les embarcations. Leur reprise, annoncée par le ministère de la Sécurité intérieure et de la Protection civile, s'appuie sur l'acquisition de quatre nouvelles vedettes et sur le redéploiement de 120 gendarmes formés à la navigation fluviale.

## Un axe commercial vital

Long de plus de 900 kilomètres sur le territoire tamaréen, le fleuve Oualé reste une artère essentielle pour l'économie du pays. Entre Sirakoro et Kalanga, plusieurs centaines de pirogues motorisées assurent chaque semaine le transport de passagers et de marchandises vers des localités difficilement accessibles par la route, en particulier pendant la saison des pluies.

Ces derniers mois, les transporteurs avaient signalé une hausse des actes de racket et de vols sur certains tronçons isolés, notamment de nuit. Plusieurs piroguiers avaient renoncé à naviguer après le coucher du soleil, allongeant la durée des trajets et renchérissant le coût du transport pour les commerçants comme pour les voyageurs.

> « L'an dernier, on nous a arrêtés deux fois sur le fleuve. Des hommes armés ont pris l'argent des passagers et le carburant. Depuis, beaucoup de gens avaient peur de voyager. Avec les gendarmes, les passagers reviennent », témoigne Adama Kouloubé-Sidi, propriétaire de trois pirogues qui assurent la liaison entre Sirakoro et Kalanga depuis plus de vingt ans.

## Escortes et contrôles renforcés

Le dispositif mis en place par la gendarmerie repose sur plusieurs mesures :

- des patrouilles quotidiennes sur les tronçons jugés les plus sensibles, de jour comme de nuit ;
- des escortes groupées, deux fois par semaine, pour les convois de pirogues transportant des marchandises ;
- l'enregistrement obligatoire des embarcations et de leurs passagers au départ des principaux débarcadères ;
- un numéro d'urgence gratuit permettant aux piroguiers de signaler tout incident.

> « Notre mission est de garantir la libre circulation sur le fleuve. Nous travaillons en étroite collaboration avec les associations de piroguiers, qui connaissent chaque bras du fleuve mieux que quiconque », explique le capitaine Ismaïla Dagnon-Faré, commandant de la brigade fluviale de Sirakoro.

Selon l'officier, aucun incident grave n'a été signalé sur le tronçon patrouillé depuis la reprise des opérations. Les gendarmes mènent également des actions de sensibilisation au port du gilet de sauvetage, encore peu répandu, alors que les naufrages restent fréquents pendant la période des hautes eaux. Des gilets ont été distribués gratuitement aux piroguiers enregistrés.

## La question des moyens

Si la reprise des patrouilles est largement saluée, plusieurs acteurs s'interrogent sur leur pérennité. L'Union des piroguiers du Oualé, qui regroupe près de 1 500 membres, rappelle que les précédentes opérations de sécurisation du fleuve avaient été interrompues à plusieurs reprises, faute de budget de fonctionnement.

> « Quatre vedettes, c'est un bon début. Mais le fleuve est long, et les bandits connaissent les endroits où personne ne passe. Il faut que l'effort dure, pas seulement quelques mois », estime son président, Souleymane Tamboura-Nia.

L'organisation plaide pour la construction de postes de gendarmerie permanents dans trois localités riveraines et pour l'installation de relais radio le long du fleuve, afin de pallier l'absence de couverture téléphonique sur certains tronçons. Elle souhaite également être associée à l'évaluation du dispositif, prévue à l'issue des six premiers mois.

Le ministère de la Sécurité intérieure assure que les crédits nécessaires ont été inscrits au budget de l'État et qu'une extension du dispositif vers l'aval, en direction de la frontière sud, est à l'étude. En attendant, à Sirakoro, les commerçants reprennent leurs habitudes. Sur le quai, une femme qui vend du poisson fumé à Kalanga depuis quinze ans charge ses paniers dans une pirogue à destination de la ville. Elle partira ce soir, pour la première fois depuis des mois.
`,
    signature: 'La Rédaction',
    authorEmail: 'redaction@leveilleur.example',
    photo: {
      theme: 'river',
      credit: 'LE VEILLEUR',
      caption: 'Des pirogues motorisées au débarcadère de Sirakoro, sur le fleuve Oualé.',
      alt: 'Des pirogues chargées de marchandises amarrées au bord du fleuve',
    },
    hoursAgo: 170,
    tags: ['gendarmerie', 'fleuve oualé', 'transport fluvial'],
  },
];
