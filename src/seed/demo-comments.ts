import { bodyHash } from '../comments/comment.ts';
import type { CommentStatus } from '../comments/comment.table.ts';
import { insertComment } from '../comments/comment.queries.ts';
import type { Db } from '../db/database.ts';
import { insertModerationEvent } from '../moderation/moderation-event.queries.ts';

interface DemoComment {
  name: string;
  email: string;
  body: string;
  status: CommentStatus;
  hoursAfter: number;
  notify?: boolean;
  replies?: DemoComment[];
}

// Written by us for the demo; every name and address is invented.
const threads: DemoComment[][] = [
  [
    {
      name: 'Hamidou S.',
      email: 'hamidou.s@example.org',
      body: 'Pensées pour les familles des soldats. On aimerait savoir si le poste de Gamdou recevra enfin les renforts promis l’an dernier.',
      status: 'approved',
      hoursAfter: 0.5,
      notify: true,
      replies: [
        {
          name: 'Fatimata K.',
          email: 'fatimata.k@example.org',
          body: 'D’après le communiqué de l’état-major, une compagnie supplémentaire doit arriver avant la fin du mois. À vérifier.',
          status: 'approved',
          hoursAfter: 0.8,
        },
      ],
    },
    {
      name: 'Ali Kader',
      email: 'ali.kader@example.org',
      body: 'Merci pour ce reportage précis, sans sensationnalisme.\nC’est rare et précieux.',
      status: 'approved',
      hoursAfter: 0.9,
    },
    {
      name: 'Un lecteur de Kalanga',
      email: 'lecteur.kalanga@example.org',
      body: 'La route nationale 4 est-elle rouverte à la circulation civile ? Plusieurs transporteurs attendent à Birni-Sud.',
      status: 'pending',
      hoursAfter: 1.2,
    },
  ],
  [
    {
      name: 'Mariam T.',
      email: 'mariam.t@example.org',
      body: 'Une hausse de 7,5 % alors que les recettes fiscales stagnent : l’opposition n’a pas tort de douter des prévisions.',
      status: 'approved',
      hoursAfter: 1,
      replies: [
        {
          name: 'Boubacar D.',
          email: 'boubacar.d@example.org',
          body: 'Les recettes douanières ont pourtant progressé cette année, le détail est dans le rapport de la commission des finances.',
          status: 'pending',
          hoursAfter: 2,
        },
      ],
    },
    {
      name: 'Seydou',
      email: 'seydou@example.org',
      body: 'Et pour l’éducation, combien de nouvelles classes concrètement ? Les chiffres manquent.',
      status: 'pending',
      hoursAfter: 2.5,
    },
  ],
  [
    {
      name: 'Aïcha B.',
      email: 'aicha.b@example.org',
      body: 'Mon neveu fait cours sous un hangar depuis septembre. Les cours à la radio aident, mais ne remplacent pas une école.',
      status: 'approved',
      hoursAfter: 3,
    },
    {
      name: 'Promo',
      email: 'promo@spam.example',
      body: 'Gagnez de l’argent rapidement depuis chez vous !!! Cliquez ici http://example.com/offre',
      status: 'spam',
      hoursAfter: 4,
    },
  ],
];

/** Adds the demo discussions to the newest articles: approved threads, replies, and a few pending. */
export async function seedDemoComments(
  db: Db,
  {
    articles,
    moderator,
    now,
  }: {
    articles: { id: number; title: string; published_at: string | null }[];
    moderator: { id: number; name: string };
    now: Date;
  },
): Promise<number> {
  if (await db.selectFrom('comments').select('id').limit(1).executeTakeFirst()) return 0;
  let count = 0;
  for (const [i, thread] of threads.entries()) {
    const article = articles[i];
    if (!article?.published_at) continue;
    const start = new Date(article.published_at).getTime();
    const add = async (c: DemoComment, parentId: number | null) => {
      const created = new Date(Math.min(now.getTime() - 60_000, start + c.hoursAfter * 3_600_000));
      const decided = c.status !== 'pending';
      const row = await insertComment(db, {
        article_id: article.id,
        article_title: article.title,
        parent_id: parentId,
        author_name: c.name,
        author_email: c.email,
        body: c.body,
        body_hash: bodyHash(c.body),
        status: c.status,
        notify_replies: c.notify ? 1 : 0,
        ip_hash: `demo-${count}`,
        created_at: created.toISOString(),
        moderated_at: decided ? new Date(created.getTime() + 20 * 60_000).toISOString() : null,
        moderated_by: decided ? moderator.id : null,
        reason: null,
      });
      if (decided) {
        await insertModerationEvent(db, {
          comment_id: row.id,
          actor_id: moderator.id,
          actor_name: moderator.name,
          from_status: 'pending',
          to_status: c.status,
          reason: null,
          at: row.moderated_at!,
        });
      }
      count++;
      for (const reply of c.replies ?? []) await add(reply, row.id);
    };
    for (const c of thread) await add(c, null);
  }
  return count;
}
