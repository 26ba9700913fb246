import type { DemoArticle } from './types.ts';

/** Économie — fictional content for « Le Veilleur » (République du Tamaré). */
export const economieArticles: DemoArticle[] = [
  {
    section: 'economie',
    kicker: 'COTON',
    title:
      "Coton : la campagne de commercialisation s'ouvre, la production attendue en hausse de 14 %",
    standfirst:
      "Les premiers marchés d'achat ont ouvert dans la région de Birni-Sud, principal bassin cotonnier du pays. La Compagnie tamaréenne des textiles table sur plus de 480 000 tonnes, mais les producteurs s'inquiètent des délais de paiement et du coût des intrants.",
    body: `
Les bascules ont repris du service. Dans la région de Birni-Sud, principal bassin cotonnier du Tamaré, la campagne de commercialisation du coton graine a été officiellement lancée en fin de semaine dernière, avec l'ouverture des premiers marchés d'achat dans une trentaine de villages. Les camions de la Compagnie tamaréenne des textiles (Cotatex) sillonnent déjà les pistes pour acheminer la récolte vers les usines d'égrenage de Birni-Sud et de Kalanga.

Selon les prévisions de la Cotatex, la production nationale devrait atteindre 486 000 tonnes, contre 426 000 tonnes lors de la campagne précédente, soit une hausse d'environ 14 %. Une performance attribuée à une pluviométrie favorable, à l'augmentation des surfaces cultivées et à une meilleure disponibilité des semences sélectionnées.

## Un prix fixé avant les semis

Le prix d'achat au producteur, fixé en avril avant les semis, reste de 310 francs CFA le kilogramme pour le coton de premier choix et de 270 francs pour le second choix. Il avait été relevé de 10 francs par rapport à l'an dernier, à l'issue de négociations entre la Cotatex, l'État et l'interprofession.

> « La saison a été bonne, les pluies sont arrivées à temps et les champs ont bien produit. Nous espérons maintenant que les paiements suivront le même rythme », confie Daouda Tangara-Wéré, président de l'Union nationale des producteurs de coton du Tamaré (UNPCT), rencontré au marché d'achat de Nianfola, à une vingtaine de kilomètres de Birni-Sud.

Car la question des délais de paiement reste la principale préoccupation des producteurs. L'an dernier, certains groupements avaient attendu plus de trois mois avant d'être réglés, contraignant de nombreuses familles à s'endetter auprès de commerçants pour faire face aux dépenses courantes. La Cotatex assure avoir pris ses dispositions : un crédit de campagne de 95 milliards de francs CFA a été mobilisé auprès d'un groupe de banques locales, et l'entreprise promet un paiement dans un délai maximal de trente jours après l'enlèvement du coton.

## Les intrants pèsent sur les revenus

Malgré la hausse attendue de la production, les revenus des cotonculteurs restent sous pression. Le prix des engrais, largement importés, a fortement augmenté ces dernières années. Le sac de 50 kilos d'engrais complexe a été cédé aux producteurs à 18 500 francs CFA cette saison, malgré une subvention publique, contre 14 000 francs il y a trois ans.

Les principaux chiffres de la campagne :

- production attendue : 486 000 tonnes de coton graine ;
- surfaces cultivées : environ 610 000 hectares ;
- nombre de producteurs : près de 230 000, regroupés dans 6 400 groupements ;
- prix au producteur : 310 francs CFA le kilo en premier choix, 270 francs en second choix ;
- subvention des intrants : 28 milliards de francs CFA inscrits au budget de l'État.

> « Quand on fait le calcul, entre les engrais, les herbicides, la main-d'œuvre et le transport, il ne reste pas grand-chose à la fin. Pour beaucoup de petits producteurs, le coton est devenu une culture de survie plus qu'une culture de rente », estime Maïmouna Kolo-Dembaga, qui cultive quatre hectares avec son mari et leurs enfants à Nianfola.

Plusieurs groupements de producteurs réclament une révision du mécanisme de fixation du prix, afin qu'il tienne davantage compte de l'évolution du coût des intrants. L'UNPCT propose notamment la création d'un fonds de lissage, alimenté les bonnes années, qui permettrait de soutenir les revenus des producteurs lorsque les cours mondiaux baissent.

## L'enjeu de la transformation locale

Le coton reste l'un des premiers produits d'exportation du Tamaré, derrière l'or extrait dans la région de Makalé, et fait vivre directement ou indirectement près d'un habitant sur cinq. Mais moins de 5 % de la fibre produite est transformée dans le pays, le reste étant exporté brut. Le gouvernement affiche régulièrement son ambition de développer une filière textile nationale, avec le projet d'une unité de filature à Kalanga, dont les études de faisabilité ont été finalisées l'an dernier.

> « Tant que nous exporterons la fibre brute, nous resterons exposés aux fluctuations des cours mondiaux. La transformation locale, même partielle, créerait des emplois et stabiliserait les revenus de toute la filière », souligne Abdoul Karim Sambé-Tiou, économiste à l'université de Dounzé.

En attendant, dans les villages de Birni-Sud, l'heure est aux pesées. Les marchés d'achat doivent se poursuivre jusqu'à la fin du mois de février. La Cotatex a prévu de publier chaque semaine l'état d'avancement de la collecte et des paiements, une première saluée par les organisations de producteurs.
`,
    signature: 'Hawa Diabaté-Moussa',
    authorEmail: 'hawa.diabate@leveilleur.example',
    photo: {
      theme: 'field',
      credit: 'Hawa Diabaté-Moussa / LE VEILLEUR',
      caption:
        'Un champ de coton en cours de récolte près de Nianfola, dans la région de Birni-Sud.',
      alt: 'Un champ de coton aux capsules ouvertes sous un ciel clair',
    },
    hoursAgo: 20,
    updatedHoursAgo: 16,
    tags: ['coton', 'agriculture', 'birni-sud', 'prix'],
  },
  {
    section: 'economie',
    kicker: 'ÉNERGIE',
    title:
      'Délestages : Électricité du Tamaré annonce une centrale solaire de 50 mégawatts à Sirakoro',
    standfirst:
      'Confrontée à des coupures quotidiennes dans plusieurs quartiers de Dounzé et de Kalanga, la société publique promet une amélioration dès la mise en service de la centrale, prévue dans les prochaines semaines. Artisans et consommateurs restent sceptiques.',
    body: `
La société publique Électricité du Tamaré (EdT) a annoncé la mise en service prochaine d'une centrale solaire photovoltaïque de 50 mégawatts à Sirakoro, à environ 80 kilomètres de Dounzé. Selon son directeur général, Aliou Ndiaré-Kossi, l'installation doit permettre de réduire sensiblement les délestages qui touchent depuis plusieurs semaines la capitale et la ville de Kalanga.

Construite en dix-huit mois sur une superficie de près de 100 hectares, la centrale compte plus de 90 000 panneaux solaires. Elle sera raccordée au réseau interconnecté par une nouvelle ligne haute tension de 225 kilovolts. Son coût, estimé à 38 milliards de francs CFA, a été financé par un prêt concessionnel et par une contribution de l'État.

## Un déficit de production persistant

Depuis plusieurs semaines, les habitants de nombreux quartiers de Dounzé subissent des coupures pouvant atteindre huit heures par jour. EdT explique ces perturbations par l'arrêt pour maintenance de deux groupes de la centrale thermique de Dounzé-Est et par des retards dans l'approvisionnement en combustible. Le déficit de production atteint, aux heures de pointe, près de 70 mégawatts.

> « La centrale de Sirakoro ne réglera pas tout, mais elle couvrira une grande partie du déficit en journée. Nous travaillons en parallèle au retour en service des groupes thermiques », a indiqué Aliou Ndiaré-Kossi lors d'une conférence de presse.

Le plan d'urgence détaillé par l'entreprise est consultable sur [son site institutionnel](https://example.org/edt/plan-urgence). Il prévoit notamment la publication quotidienne des programmes de délestage par quartier, afin de permettre aux ménages et aux entreprises de s'organiser.

## Artisans et commerçants à bout

Pour les petites entreprises, la situation est devenue difficile. Soudeurs, couturiers, gérants de cybercafés ou vendeurs de boissons fraîches voient leur activité chuter à chaque coupure. Beaucoup ont investi dans des groupes électrogènes, dont le fonctionnement représente un coût important au vu du prix du carburant.

> « Quand le courant part, je ne peux plus travailler. Le groupe électrogène me coûte près de 5 000 francs de carburant par jour. À la fin du mois, je travaille presque à perte », déplore Hamadoun Sirima-Ké, soudeur dans le quartier de Bagadji, à Dounzé.

L'Association des consommateurs du Tamaré demande pour sa part une compensation sur les factures des abonnés les plus touchés, ainsi qu'une meilleure communication de l'opérateur. L'entreprise indique étudier cette demande.

La centrale de Sirakoro ne produisant qu'en journée, les spécialistes du secteur rappellent que la question de l'approvisionnement en soirée, lorsque la demande est la plus forte, restera entière tant que de nouvelles capacités de stockage ou de production ne seront pas disponibles. EdT évoque un projet de batteries de grande capacité, dont le financement reste à boucler.
`,
    signature: 'La Rédaction',
    authorEmail: 'redaction@leveilleur.example',
    photo: {
      theme: 'landscape',
      credit: 'LE VEILLEUR',
      caption: "Image d'illustration",
      alt: 'Un paysage sahélien dégagé sous un grand ciel',
    },
    hoursAgo: 76,
    tags: ['énergie', 'électricité', 'solaire'],
  },
  {
    section: 'economie',
    kicker: 'VIE CHÈRE',
    title:
      "Au grand marché de Dounzé, la flambée des prix de l'huile et du sucre pèse sur les ménages",
    standfirst:
      "En un an, le bidon de cinq litres d'huile a augmenté de près de 20 % et le kilo de sucre de près de 15 %. Entre commerçants qui peinent à écouler leurs stocks et familles qui revoient leurs habitudes, reportage au cœur du principal marché de la capitale.",
    body: `
Il n'est pas encore huit heures, mais les allées du grand marché de Dounzé sont déjà encombrées. Entre les étals de céréales, les boutiques de tissus et les vendeuses de légumes installées à même le sol, les clients se pressent pour faire leurs achats avant la chaleur. Devant la boutique de Sidiki Wangara, grossiste en produits alimentaires depuis une vingtaine d'années, la discussion tourne, comme souvent ces derniers temps, autour des prix.

> « Le bidon de cinq litres d'huile, je le vendais 6 000 francs l'an dernier. Aujourd'hui, il est à 7 100 francs, et je gagne moins qu'avant sur chaque bidon. Les clients négocient, certains repartent sans rien acheter », explique le commerçant, en désignant les piles de bidons jaunes alignés contre le mur.

## Des hausses qui s'accumulent

Selon les derniers chiffres publiés par l'Institut tamaréen de la statistique (ITS), les prix à la consommation ont augmenté de 6,2 % sur un an, et de 9,8 % pour les seuls produits alimentaires. Les produits importés sont les plus touchés : huile, sucre, lait en poudre, riz importé et farine de blé.

Voici les relevés effectués par Le Veilleur auprès de plusieurs commerçants du grand marché, comparés aux prix pratiqués il y a un an :

- huile végétale, bidon de 5 litres : 7 100 francs CFA, contre 6 000 ;
- sucre en poudre, le kilo : 800 francs, contre 700 ;
- riz importé, sac de 50 kilos : 21 000 francs, contre 18 500 ;
- lait en poudre, boîte de 400 grammes : 2 300 francs, contre 2 000 ;
- mil local, le kilo : 300 francs, un prix resté stable grâce à la bonne récolte.

Les importateurs expliquent ces augmentations par plusieurs facteurs : la hausse des cours mondiaux de certaines matières premières, le renchérissement du fret et les difficultés d'acheminement des marchandises depuis les ports côtiers, liées notamment à l'insécurité sur certains corridors routiers.

Le transport pèse lourd dans la facture. Selon l'Union des transporteurs routiers du Tamaré, un camion de marchandises met désormais en moyenne six à huit jours pour rallier Dounzé depuis les ports côtiers, contre quatre il y a deux ans, en raison des contrôles renforcés et des détours imposés pour éviter certaines zones. À cela s'ajoutent les frais de stationnement aux frontières et la hausse du prix du gasoil. « Chaque jour perdu sur la route, c'est de l'argent que quelqu'un finit par payer, et ce quelqu'un, c'est toujours le consommateur », résume un responsable de l'organisation.

## Les ménages s'adaptent

Dans les familles, chacun s'organise comme il peut. Fatimata Ouédé, mère de cinq enfants qui vit dans le quartier de Bagadji, a réduit les quantités achetées et remplacé une partie du riz importé par des céréales locales.

> « Avant, j'achetais le sac de riz au début du mois. Maintenant, j'achète au kilo, au jour le jour, selon l'argent disponible. Le soir, on prépare plus souvent du tô avec le mil, c'est moins cher et ça tient au corps », raconte-t-elle.

Ce type d'adaptation est de plus en plus fréquent, observe l'Association des consommateurs du Tamaré. Son président, Ibrahima Lamine Sokoné, signale une hausse des achats en petites quantités, au sachet ou à la mesure, qui reviennent pourtant plus cher au kilo. « Les familles les plus modestes paient finalement plus cher, parce qu'elles n'ont pas les moyens d'acheter en gros », souligne-t-il.

Les vendeuses de nourriture de rue, nombreuses aux abords du marché, sont parmi les premières touchées. Aïssa Tiémogo-Ba, qui prépare chaque jour des beignets et de la bouillie de mil pour les travailleurs du quartier, a choisi de réduire la taille de ses portions plutôt que d'augmenter ses prix. « Mes clients sont des porteurs, des apprentis, des vendeurs. Si j'augmente le prix, ils ne viennent plus. Alors je mets un peu moins d'huile et je gagne un peu moins », dit-elle en surveillant sa marmite.

Les commerçants du marché ne sont pas épargnés. Plusieurs d'entre eux disent avoir vu leur chiffre d'affaires baisser, les clients réduisant leurs achats. Certains ont dû renoncer à reconstituer leurs stocks, faute de trésorerie, et d'autres ont réduit le nombre de jeunes manutentionnaires qu'ils employaient à la journée.

## Le gouvernement mise sur les produits locaux

Face au mécontentement, le gouvernement a annoncé plusieurs mesures. Un arrêté interministériel prévoit un plafonnement temporaire des prix de l'huile, du sucre et du riz importé pendant trois mois, assorti de contrôles renforcés de la Direction générale du commerce et de la concurrence. Les droits de douane sur certains produits de première nécessité ont également été suspendus jusqu'à la fin du premier trimestre.

> « Nous ne pouvons pas agir sur les cours mondiaux, mais nous pouvons lutter contre la spéculation et encourager la consommation de nos produits. Les agents de contrôle seront sur le terrain dès cette semaine », a assuré le ministre du Commerce et de l'Industrie, Hassane Goumbélé, lors d'une visite au grand marché.

Dès le lendemain de l'annonce, des équipes de contrôle ont commencé à sillonner les principaux marchés de la capitale. Les commerçants sont tenus d'afficher les prix de manière visible, et les contrevenants s'exposent à des amendes, voire à la fermeture temporaire de leur boutique en cas de récidive. Un numéro vert a également été mis en place pour permettre aux consommateurs de signaler les abus.

Ces annonces suscitent toutefois des réserves. Les grossistes estiment que le plafonnement des prix, s'il n'est pas accompagné d'une baisse des coûts d'importation, risque de provoquer des ruptures d'approvisionnement. « Si on nous oblige à vendre en dessous de notre prix de revient, beaucoup arrêteront d'importer », prévient Sidiki Wangara.

Pour plusieurs économistes, la réponse durable passe par le renforcement de la production locale. Le Tamaré produit chaque année d'importantes quantités de mil, de sorgho et de riz, notamment dans les périmètres irrigués le long du fleuve Oualé, mais une partie de la récolte se perd faute d'infrastructures de stockage et de transformation. Le développement d'huileries locales, à partir de l'arachide et de la graine de coton, fait également partie des pistes évoquées. Nous y reviendrons prochainement dans [notre rubrique Économie](/economie).

## Une inquiétude pour les semaines à venir

Commerçants et clients redoutent une nouvelle hausse dans les prochains mois, lorsque viendra la période de soudure et que les réserves des ménages s'amenuiseront. Dans l'allée des céréales, une vendeuse résume le sentiment général : « Tout le monde dit que ça va baisser, mais on attend toujours. En attendant, on fait avec. »
`,
    signature: 'Hawa Diabaté-Moussa',
    authorEmail: 'hawa.diabate@leveilleur.example',
    photo: {
      theme: 'market',
      credit: 'Issa Kandé-Mori / LE VEILLEUR',
      caption: 'Des commerçants et leurs clients dans une allée du grand marché de Dounzé.',
      alt: 'Des étals de produits alimentaires dans un marché couvert animé',
    },
    hoursAgo: 140,
    tags: ['vie chère', 'inflation', 'dounzé', 'consommation'],
  },
];
