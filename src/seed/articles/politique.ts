import type { DemoArticle } from './types.ts';

/** Politique — fictional content for « Le Veilleur » (République du Tamaré). */
export const politiqueArticles: DemoArticle[] = [
  {
    section: 'politique',
    kicker: 'BUDGET 2027',
    title:
      "Loi de finances 2027 : l'Assemblée nationale adopte le budget au terme d'une nuit de débats",
    standfirst:
      "Les députés ont voté le projet de loi de finances pour 2027 par 84 voix contre 39, peu avant l'aube. Le texte, en hausse de 7,5 % sur un an, privilégie la sécurité et l'éducation, mais l'opposition dénonce des prévisions de recettes « irréalistes ».",
    body: `
Après plus de quatorze heures de séance, l'Assemblée nationale a adopté, dans la nuit de lundi à mardi, la loi de finances pour l'année 2027. Le texte a recueilli 84 voix pour, 39 contre et 4 abstentions, sur les 127 députés que compte l'hémicycle. Les élus de la majorité présidentielle, emmenés par le Rassemblement pour le renouveau du Tamaré (RRT), ont voté en bloc, tandis que l'Alliance citoyenne pour le Tamaré (ACT) et la Convergence démocratique du Oualé (CDO) se sont prononcées contre.

Arrêté à 2 860 milliards de francs CFA en recettes et à 3 105 milliards en dépenses, le budget affiche un déficit prévisionnel de 245 milliards, soit environ 3,4 % du produit intérieur brut selon les estimations du ministère de l'Économie, des Finances et du Plan. Il progresse de 7,5 % par rapport à la loi de finances initiale de l'année en cours.

## La sécurité et l'éducation en tête des priorités

Présentant le texte en ouverture des débats, la ministre de l'Économie et des Finances, Kadiatou Sagara-Mendé, a défendu un budget « de résilience et d'investissement », construit dans un contexte marqué par la persistance de l'insécurité dans le Nord et par la hausse des prix des produits importés.

> « Nous avons fait le choix de protéger les dépenses qui touchent directement la vie des Tamaréens : la sécurité, l'école, la santé et l'eau. Chaque franc engagé devra être justifié devant cette assemblée », a-t-elle déclaré devant les députés.

Les principales enveloppes du budget 2027 se répartissent ainsi :

- défense et sécurité : 612 milliards de francs CFA, en hausse de 12 % ;
- éducation nationale et alphabétisation : 498 milliards, dont 41 milliards pour la construction de salles de classe ;
- santé publique : 231 milliards, en progression de 9 % ;
- hydraulique et assainissement : 154 milliards, principalement pour des forages dans les régions de Birni-Sud et de Tessaoua-Nord ;
- service de la dette : 387 milliards, un poste en légère baisse.

Le gouvernement prévoit par ailleurs de recruter 4 500 enseignants contractuels et 1 200 agents de santé, ainsi que de poursuivre le bitumage de la route nationale reliant Dounzé à Kalanga, dont le chantier accuse plusieurs mois de retard.

## Les prévisions de recettes contestées

C'est sur le volet des recettes que les échanges ont été les plus vifs. Le texte table sur une hausse de 11 % des recettes fiscales, portée notamment par l'élargissement de l'assiette de la taxe sur la valeur ajoutée et par une meilleure collecte des droits de douane. Pour l'opposition, ces prévisions ne tiennent pas compte du ralentissement de l'activité dans plusieurs régions du pays.

> « Ce budget repose sur des recettes que personne n'a jamais vues dans ce pays. On promet des routes, des écoles et des recrutements, mais chacun sait déjà qu'il faudra tailler dans les investissements en cours d'année », a lancé Fatoumata Bâ-Kendé, présidente de l'ACT et députée de Kalanga.

Vers trois heures du matin, une partie des élus de l'opposition a brièvement quitté l'hémicycle pour protester contre le rejet d'un amendement visant à plafonner les dépenses de fonctionnement des institutions. Ils ont regagné leurs sièges une vingtaine de minutes plus tard, à la demande du président de l'Assemblée nationale, Hamidou Garba Tessé, qui a appelé à « la sérénité des débats ».

Le président de la commission des finances, Sékou Diambé-Laré (RRT), a pour sa part défendu des prévisions « prudentes et réalistes ». Selon lui, la numérisation des procédures douanières, engagée depuis deux ans, a déjà permis d'améliorer sensiblement les recettes, et les efforts de lutte contre la fraude fiscale doivent se poursuivre.

Le financement du déficit a également suscité de nombreuses questions. Le gouvernement prévoit de le couvrir pour l'essentiel par des émissions de titres publics sur le marché financier régional et par des prêts concessionnels auprès de partenaires au développement. Plusieurs députés de l'opposition se sont inquiétés du coût de ces emprunts, les taux pratiqués sur le marché régional ayant sensiblement augmenté au cours des deux dernières années. La ministre a assuré que l'encours de la dette restait « soutenable », à un peu plus de 52 % du produit intérieur brut, et que la priorité serait donnée aux financements à long terme.

## Une vingtaine d'amendements retenus

Au total, 23 amendements ont été adoptés au cours de la séance, sur un peu plus de 70 déposés. L'un d'eux, porté conjointement par des députés de la majorité et de l'opposition, augmente de 3 milliards de francs CFA les crédits destinés aux cantines scolaires dans les zones touchées par l'insécurité. Un autre crée une ligne budgétaire spécifique pour l'entretien des digues le long du fleuve Oualé, régulièrement fragilisées par les crues.

Les collectivités territoriales figurent aussi parmi les gagnantes de la nuit. Un amendement de la commission des finances porte de 15 à 18 % la part des recettes fiscales transférées aux régions et aux communes, une revendication ancienne des élus locaux. À quelques semaines des élections régionales, la mesure a été adoptée à une large majorité, plusieurs députés de l'opposition l'ayant également votée. Son application reste toutefois conditionnée à la publication d'un décret précisant les modalités de répartition entre collectivités.

Les organisations de la société civile qui suivent les finances publiques ont salué ces avancées, tout en regrettant le peu de temps laissé aux parlementaires pour examiner le texte en commission. Le collectif Budget citoyen du Tamaré, qui publie chaque année une analyse détaillée du projet de loi de finances, rappelle que le taux d'exécution des dépenses d'investissement n'a pas dépassé 68 % l'an dernier.

> « Voter un budget, c'est bien. L'exécuter, c'est mieux. Nous demandons que le gouvernement publie chaque trimestre l'état d'avancement des dépenses, ministère par ministère », plaide Awa Ténin Kolla, coordinatrice du collectif.

La loi de finances doit maintenant être promulguée par le chef de l'État, Abdoulaye Sandouma. Pour mieux comprendre ce que ce budget changera pour les ménages et les entreprises, retrouvez nos analyses dans [la rubrique Économie](/economie).
`,
    signature: 'Ousmane Kéré Labo',
    authorEmail: 'ousmane.kere@leveilleur.example',
    photo: {
      theme: 'assembly',
      credit: 'Issa Kandé-Mori / LE VEILLEUR',
      caption:
        "Les députés dans l'hémicycle de l'Assemblée nationale, à Dounzé, pendant l'examen de la loi de finances.",
      alt: "L'hémicycle de l'Assemblée nationale pendant une séance plénière",
    },
    hoursAgo: 5,
    updatedHoursAgo: 3,
    tags: ['budget', 'assemblée nationale', 'finances publiques', 'opposition'],
  },
  {
    section: 'politique',
    kicker: 'CODE ÉLECTORAL',
    title:
      'Révision du code électoral : le gouvernement ouvre des consultations avec les partis politiques',
    standfirst:
      "Le ministre de l'Administration territoriale a reçu à Dounzé les représentants d'une trentaine de formations politiques. Au menu des discussions : le fichier électoral, le financement des campagnes et la composition de l'autorité chargée des élections.",
    body: `
Le ministre de l'Administration territoriale et de la Décentralisation, Moctar Haïdara-Tiégo, a lancé lundi à Dounzé une série de consultations consacrées à la révision du code électoral. Une trentaine de partis politiques, de la majorité comme de l'opposition, ainsi que des représentants de la société civile et de l'Autorité nationale des élections du Tamaré (ANET) ont pris part à cette première séance, qui s'est tenue au centre international de conférences de la capitale.

Annoncée par le chef de l'État lors de son message à la nation en début d'année, cette révision doit permettre, selon le gouvernement, de « moderniser » le cadre juridique des élections avant les scrutins législatif et présidentiel prévus d'ici deux ans. Les élections régionales du mois prochain se tiendront, elles, selon les règles actuellement en vigueur.

## Trois chantiers prioritaires

Dans son discours d'ouverture, le ministre a identifié trois priorités : l'audit et la mise à jour du fichier électoral, l'encadrement du financement des campagnes et la place des Tamaréens de l'étranger dans le processus électoral.

> « Le code électoral n'appartient ni au gouvernement ni à un parti. Il appartient à tous les citoyens. Notre ambition est de parvenir à un texte consensuel, qui sera soumis à l'Assemblée nationale avant la fin de la session », a déclaré Moctar Haïdara-Tiégo.

Le fichier électoral, qui compte environ 7,8 millions d'inscrits, fait l'objet de critiques récurrentes de l'opposition, qui estime qu'il comporte encore de nombreux doublons ainsi que des électeurs décédés. L'ANET a annoncé le lancement prochain d'un audit confié à un cabinet indépendant, dont les conclusions seront rendues publiques.

## L'opposition prudente

Si elle a accepté de participer aux discussions, l'Alliance citoyenne pour le Tamaré (ACT) se montre réservée. Son secrétaire général, Oumarou Fandé-Kassé, a réclamé que les conclusions des consultations soient publiées et que le calendrier électoral ne soit pas modifié « de manière unilatérale ».

> « Nous venons avec des propositions précises, notamment sur la composition de l'autorité électorale et sur le dépouillement. Mais nous jugerons sur les actes », a-t-il indiqué à la sortie de la réunion.

La Convergence démocratique du Oualé (CDO), de son côté, plaide pour l'introduction d'un bulletin unique et pour un plafonnement strict des dépenses de campagne. Plusieurs organisations de la société civile ont également demandé que la représentation des femmes sur les listes électorales soit inscrite à l'ordre du jour, la loi sur les quotas adoptée il y a sept ans restant, selon elles, inégalement appliquée.

Les travaux doivent se poursuivre pendant trois semaines, en commissions thématiques. Un rapport de synthèse sera ensuite remis au Premier ministre, Mariam Tindé-Wallo, avant l'élaboration d'un avant-projet de loi qui sera examiné en Conseil des ministres.
`,
    signature: 'Agence Fleuve Info',
    authorEmail: 'redaction@leveilleur.example',
    photo: {
      theme: 'assembly',
      credit: 'AFI',
      caption: "Image d'illustration",
      alt: 'Une salle de conférence avec des délégués assis autour de tables',
    },
    hoursAgo: 30,
    tags: ['élections', 'code électoral', 'partis politiques'],
  },
  {
    section: 'politique',
    kicker: 'RÉGIONALES',
    title:
      "Élections régionales : à Kalanga, les candidats misent sur l'eau et les routes pour convaincre",
    standfirst:
      "À quelques semaines du scrutin, la deuxième ville du pays vit au rythme des meetings et des réunions de quartier. Dans une région où l'accès à l'eau potable et l'état des routes restent des préoccupations majeures, les promesses se concentrent sur le concret.",
    body: `
Sous le hangar de tôle dressé à l'entrée du quartier de Tinkaré, les chaises en plastique sont toutes occupées bien avant l'arrivée des candidats. Il est à peine dix-sept heures, la chaleur commence à retomber, et une petite sono diffuse des chansons populaires entre deux prises de parole. À Kalanga, deuxième ville du Tamaré et chef-lieu de la région du même nom, la campagne pour les élections régionales bat son plein.

Le scrutin, prévu dans un peu moins d'un mois, doit permettre d'élire les 45 conseillers de l'assemblée régionale de Kalanga. C'est seulement la deuxième fois que les habitants sont appelés à désigner leurs élus régionaux depuis la réforme de décentralisation adoptée il y a six ans. Cinq listes sont en compétition.

## L'eau et les routes, premières attentes

Dans les quartiers périphériques, où la ville s'est étendue rapidement ces quinze dernières années, la question de l'eau revient dans toutes les conversations. Beaucoup de foyers dépendent encore des bornes-fontaines ou des porteurs d'eau, dont les tarifs augmentent pendant la saison chaude. Les responsables de la société régionale des eaux reconnaissent que le réseau n'a pas suivi la croissance démographique de la ville, passée de 280 000 à près de 450 000 habitants en quinze ans. Une station de pompage sur le fleuve Oualé, dont les travaux ont commencé l'an dernier, doit doubler les capacités de production d'ici deux ans.

> « Ici, on paie le bidon de vingt litres jusqu'à 100 francs quand il fait très chaud. Pour une famille de dix personnes, c'est une dépense énorme. Celui qui nous amènera les tuyaux aura ma voix », résume Kadidia Nanga-Sirè, mère de six enfants, venue écouter les candidats avec ses voisines.

Tête de liste du Rassemblement pour le renouveau du Tamaré (RRT), le parti au pouvoir, l'ancien maire de Kalanga Alassane Wérébé promet l'extension du réseau de distribution à quatre nouveaux quartiers d'ici trois ans, en s'appuyant sur les financements annoncés par l'État pour l'hydraulique urbaine.

Face à lui, la liste de l'Alliance citoyenne pour le Tamaré (ACT), conduite par l'enseignante Salamata Koïté-Bandé, met l'accent sur la transparence dans la gestion des fonds régionaux et sur la réhabilitation des forages existants, dont une partie serait hors service faute d'entretien. Les trois autres listes, dont deux indépendantes, espèrent jouer les arbitres.

Autre sujet incontournable : l'état des routes. La route nationale qui relie Kalanga à Dounzé, longue de près de 310 kilomètres, est en travaux depuis plus de deux ans. Les transporteurs se plaignent de trajets allongés et de frais d'entretien des véhicules en hausse. À l'intérieur de la région, de nombreuses pistes rurales deviennent impraticables pendant la saison des pluies, isolant des villages entiers pendant plusieurs semaines.

> « Pendant l'hivernage, pour aller de mon village au marché de Kalanga, il faut parfois trois heures au lieu d'une. Les légumes s'abîment, les prix montent. On ne demande pas des autoroutes, juste des pistes praticables toute l'année », explique Bréhima Sanou-Dembé, maraîcher installé à une trentaine de kilomètres de la ville.

Sur le fond, les programmes des principales listes convergent sur plusieurs points :

- la réhabilitation des pistes rurales reliant les zones de production aux marchés ;
- l'extension de l'adduction d'eau potable dans les quartiers périphériques ;
- la construction de salles de classe pour réduire les effectifs pléthoriques ;
- le soutien aux coopératives de femmes, notamment dans la transformation des produits agricoles ;
- l'aménagement des berges du fleuve Oualé pour limiter les inondations.

## Des moyens encore limités

Reste une question que plusieurs observateurs posent avec insistance : celle des moyens réels dont disposeront les futurs élus. Le budget de la région de Kalanga s'élève à environ 9 milliards de francs CFA, dont plus des deux tiers proviennent de transferts de l'État central. Les compétences transférées aux régions, qu'il s'agisse de la santé de base, de l'éducation primaire ou des routes rurales, ne se sont pas toujours accompagnées des ressources correspondantes.

> « Les candidats promettent beaucoup, mais l'assemblée régionale n'est pas un ministère. Sans un transfert effectif des ressources, la décentralisation restera en grande partie sur le papier », observe Mahamane Soubé-Kountché, enseignant-chercheur en droit public à l'université de Kalanga.

Le chercheur note toutefois une évolution dans le ton de la campagne : moins de grands rassemblements, davantage de réunions de quartier et de débats radiophoniques. Les trois radios communautaires de la ville organisent chaque semaine des émissions au cours desquelles les auditeurs peuvent interroger directement les candidats par téléphone, dans les langues nationales comme en français.

## Les femmes, chevilles ouvrières de la campagne

Si une seule des cinq listes est conduite par une femme, les militantes sont omniprésentes sur le terrain. Ce sont elles qui organisent les réunions de quartier, mobilisent les associations et assurent souvent la logistique des meetings. La loi impose qu'au moins un tiers des candidats de chaque liste soient des femmes, mais celles-ci sont encore rarement placées en position éligible, regrettent plusieurs responsables associatives.

> « On nous demande de remplir les salles, de préparer les repas et de convaincre nos voisines. Mais quand il s'agit de distribuer les places, on se retrouve en bas de la liste », témoigne Assétou Kanta-Dioura, présidente d'un groupement de femmes transformatrices de poisson du quartier du port.

Les candidates elles-mêmes disent percevoir un changement. Salamata Koïté-Bandé, la tête de liste de l'ACT, affirme être régulièrement interpellée par des électrices sur des sujets longtemps absents des débats, comme l'accès aux soins maternels ou l'éclairage public sur le chemin des marchés du soir.

## La jeunesse, un électorat convoité

Dans une région où plus de la moitié de la population a moins de vingt-cinq ans, toutes les listes courtisent les jeunes électeurs. Les réseaux sociaux occupent une place croissante dans la campagne, et plusieurs candidats ont recruté de jeunes militants pour animer leurs pages et diffuser de courtes vidéos. Mais la participation reste une inquiétude : lors du précédent scrutin régional, elle n'avait pas dépassé 41 %.

À la fin du meeting de Tinkaré, alors que la nuit tombe sur le quartier, un groupe d'étudiants s'attarde autour d'un militant qui distribue des tee-shirts. Moussa, 23 ans, diplômé en comptabilité, n'a pas encore décidé s'il ira voter. « J'écoute tout le monde. Mais je veux voir qui parle vraiment de l'emploi », dit-il en repliant son tee-shirt. La campagne officielle prendra fin l'avant-veille du scrutin.
`,
    signature: 'Rokia Sanogo-Wendé',
    authorEmail: 'rokia.sanogo@leveilleur.example',
    photo: {
      theme: 'city',
      credit: 'Adjaratou Banou / LE VEILLEUR',
      caption:
        'Une rue commerçante du centre de Kalanga, à quelques semaines des élections régionales.',
      alt: 'Une rue animée de Kalanga bordée de boutiques',
    },
    hoursAgo: 120,
    tags: ['élections régionales', 'kalanga', 'décentralisation'],
  },
];
