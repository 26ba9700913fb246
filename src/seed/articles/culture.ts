import type { DemoArticle } from './types.ts';

/** Culture — fictional content for « Le Veilleur » (République du Tamaré). */
export const cultureArticles: DemoArticle[] = [
  {
    section: 'culture',
    kicker: 'FESTIVAL',
    title:
      'Les Nuits du Oualé fêtent leurs vingt ans avec une programmation résolument tournée vers la jeunesse',
    standfirst:
      "Du jeudi au dimanche, le festival musical de Kalanga accueillera une cinquantaine d'artistes sur les berges du fleuve. Pour cette édition anniversaire, les organisateurs font la part belle aux jeunes talents, sans oublier les grandes voix qui ont fait son histoire.",
    body: `
Vingt ans après sa première édition, organisée avec des moyens de fortune sur une petite scène de bois au bord de l'eau, le festival des Nuits du Oualé s'apprête à célébrer son anniversaire. Du jeudi au dimanche, une cinquantaine d'artistes venus de tout le Tamaré et de plusieurs pays voisins se succéderont sur les trois scènes installées le long des berges, à Kalanga. Les organisateurs attendent plus de 40 000 festivaliers sur l'ensemble des quatre soirées.

Créé à l'initiative d'un collectif de musiciens de la ville, le festival s'est imposé au fil des ans comme l'un des rendez-vous culturels majeurs du pays. Il a contribué à révéler plusieurs artistes aujourd'hui connus bien au-delà des frontières tamaréennes, et attire chaque année un public de plus en plus nombreux, y compris de la capitale.

## Une édition placée sous le signe de la transmission

Pour cette vingtième édition, le comité d'organisation a choisi le thème « Transmettre ». Une manière de rendre hommage aux anciens, tout en donnant la parole à une nouvelle génération d'artistes qui mêlent les instruments traditionnels aux sonorités urbaines.

> « Les Nuits du Oualé sont nées de l'envie de jeunes musiciens qui n'avaient nulle part où jouer. Vingt ans plus tard, nous voulons rester fidèles à cet esprit : ouvrir la scène à ceux qui la méritent, qu'ils aient dix-huit ans ou soixante », explique Bakary Dounfa, fondateur et directeur du festival.

Parmi les temps forts annoncés :

- le concert d'ouverture de la chanteuse Nana Kouroubé, figure emblématique de la musique tamaréenne, accompagnée par l'orchestre des Griots du Plateau ;
- une soirée consacrée aux jeunes talents, avec douze artistes sélectionnés lors d'un concours régional ;
- le spectacle du rappeur MC Tounga, originaire de Kalanga, qui revient sur la scène où il a fait ses débuts ;
- une création originale réunissant joueurs de kora, de balafon et de ngoni et un collectif de musiciens électroniques ;
- une grande parade des associations culturelles de la ville, le dimanche après-midi.

## Un festival qui fait vivre la ville

Au-delà de la musique, l'événement représente une source de revenus importante pour Kalanga. Hôtels, restaurants, transporteurs, vendeurs ambulants et artisans profitent de l'afflux de visiteurs. Selon une étude commandée par les organisateurs, les retombées économiques du festival sont estimées à plus de 600 millions de francs CFA chaque année.

> « Pendant le festival, on vend en quatre jours ce qu'on vend habituellement en un mois. Toute la ville en profite, des hôtels aux vendeuses de beignets », se réjouit Oumou Dansira, présidente de l'association des restauratrices du quartier du port.

Le festival propose aussi, en journée, des ateliers de formation aux métiers du spectacle : sonorisation, éclairage, régie, gestion de carrière. Ils sont ouverts gratuitement à une centaine de jeunes de la région, sur inscription. Plusieurs anciens stagiaires font aujourd'hui partie des équipes techniques du festival.

## La sécurité et le financement au cœur des préoccupations

L'organisation d'un tel événement reste toutefois un défi. Le budget de cette édition, d'environ 350 millions de francs CFA, a été bouclé grâce au soutien du ministère de la Culture et des Arts, de la mairie de Kalanga et de plusieurs entreprises locales, mais les organisateurs reconnaissent que chaque édition est « un combat ». La billetterie, maintenue à des prix accessibles, soit 1 000 francs CFA la soirée et la gratuité pour les moins de douze ans, ne couvre qu'une petite partie des dépenses.

Sur le plan de la sécurité, un dispositif renforcé a été mis en place en concertation avec la police et la gendarmerie : contrôles aux entrées, présence d'agents en civil, interdiction des objets dangereux et renforcement de l'éclairage sur les berges. Les organisateurs recommandent aux festivaliers d'arriver tôt pour éviter l'affluence aux portes.

Le programme complet et les informations pratiques sont disponibles sur [le site officiel du festival](https://example.org/nuits-du-ouale). Les concerts débuteront chaque soir à 19 heures et se poursuivront jusqu'à deux heures du matin.
`,
    signature: 'Ousmane Kéré Labo',
    authorEmail: 'ousmane.kere@leveilleur.example',
    photo: {
      theme: 'river',
      credit: 'Ousmane Kéré Labo / LE VEILLEUR',
      caption: 'Les berges du fleuve Oualé à Kalanga, où sont installées les scènes du festival.',
      alt: "Les berges d'un large fleuve au coucher du soleil",
    },
    hoursAgo: 44,
    tags: ['festival', 'musique', 'kalanga'],
  },
  {
    section: 'culture',
    kicker: 'TRADITION',
    title:
      'Lutte traditionnelle : le tournoi national fait le plein au stade du 12-Octobre de Dounzé',
    standfirst:
      "Pendant dix jours, les champions des huit régions du pays se sont affrontés devant des tribunes combles. Le titre est revenu à Harouna Yérimé, lutteur de Birni-Sud, qui remporte le bâton d'or pour la deuxième fois de sa carrière.",
    body: `
Les tribunes du stade du 12-Octobre de Dounzé ont vibré jusqu'à la dernière seconde. Dimanche, devant plus de 25 000 spectateurs, Harouna Yérimé, le champion de la région de Birni-Sud, a remporté la finale du tournoi national de lutte traditionnelle face à Issa Gandou, de la région de Tessaoua-Nord, au terme d'un combat serré de près de six minutes. Il succède au palmarès au lutteur de Kalanga, vainqueur l'an dernier.

Pour Harouna Yérimé, 29 ans, c'est le deuxième titre national, après celui décroché il y a trois ans. Le lutteur, agriculteur de métier, s'est imposé grâce à une projection spectaculaire en fin de combat, qui a déclenché la liesse dans la partie de la tribune occupée par les supporters de sa région.

> « Je dédie cette victoire à ma famille et à tous ceux qui m'ont soutenu à Birni-Sud. Issa est un grand lutteur, ce combat a été le plus difficile de ma carrière », a déclaré le champion, visiblement ému, à l'issue de la finale.

## Une tradition qui rassemble

Organisé chaque année dans une ville différente, le tournoi réunit pendant dix jours les meilleurs lutteurs des huit régions du pays. Au-delà de la compétition, il constitue un moment fort de la vie culturelle tamaréenne, ponctué de chants, de danses, de défilés et de cérémonies traditionnelles. Chaque délégation arrive accompagnée de ses griots, de ses musiciens et de ses supporters, qui rivalisent d'ardeur dans les tribunes.

La lutte traditionnelle, pratiquée depuis des générations dans les villages à la fin des récoltes, reste avec le football le sport le plus populaire du pays. Les combats, retransmis en direct par la télévision nationale et les radios, suscitent chaque année un engouement considérable, y compris au sein de la diaspora.

> « Ce tournoi, c'est bien plus qu'un sport. C'est un moment où tout le pays se retrouve, du nord au sud, autour de valeurs communes : le courage, le respect de l'adversaire et l'humilité », souligne Mamadou Lélé Waziri, président de la Fédération tamaréenne de lutte traditionnelle.

## Vers une professionnalisation

Le vainqueur repart avec le bâton d'or, trophée symbolique du tournoi, ainsi qu'une prime de 5 millions de francs CFA, une motopompe pour son exploitation et un troupeau de bœufs offert par les autorités de sa région. Les finalistes et demi-finalistes ont également été récompensés.

La fédération travaille par ailleurs à la création d'un championnat régulier, afin de permettre aux lutteurs de concourir tout au long de l'année et de mieux vivre de leur discipline. Un projet de centre national de formation, à Dounzé, a été présenté lors de la cérémonie de clôture, en présence du ministre des Sports. La prochaine édition du tournoi se tiendra à Kalanga.
`,
    signature: 'Agence Fleuve Info',
    authorEmail: 'redaction@leveilleur.example',
    photo: {
      theme: 'stadium',
      credit: 'Salif Oulémé / AFI',
      caption:
        'Les tribunes du stade du 12-Octobre de Dounzé lors de la finale du tournoi national.',
      alt: "Les tribunes pleines d'un stade sous le soleil",
    },
    hoursAgo: 236,
    tags: ['lutte traditionnelle', 'sport', 'dounzé'],
  },
];
