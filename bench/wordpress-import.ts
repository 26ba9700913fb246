// Benchmark: `griot import-wordpress` on a generated export of 20,000 posts (classic and
// Gutenberg bodies, three comments each with a reply, an attachment with its file every 20th
// post), imported into SQLite and, when BENCH_DATABASE_URL or DATABASE_URL is a postgres://
// URL, PostgreSQL; then imported again (nothing to do). Each engine runs in a child process of
// its own, so its peak memory is its own. Prints posts/s and peak RSS and heap; never asserts.
//   npm run bench:wordpress [-- --posts 20000 --only sqlite|postgres]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import sharp from 'sharp';
import { systemClock } from '../src/clock.ts';
import { connect } from '../src/db/connect.ts';
import type { Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { localMediaStore } from '../src/media/media-store.ts';
import { importWordPress } from '../src/wordpress/import-wordpress.ts';
import { seeded } from '../test/helpers/random.ts';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '20000' },
    engine: { type: 'string' },
    export: { type: 'string' },
    uploads: { type: 'string' },
    /** `sqlite` or `postgres`: measure that engine only. */
    only: { type: 'string' },
  },
});
const POSTS = Math.min(200_000, Number(values.posts));
const ATTACHMENT_EVERY = 20;

// Our own words, not anyone's text.
const WORDS = (
  'gouvernement ministre ville région marché prix conseil élection école santé route eau ' +
  'récolte pluie saison budget quartier commune maire député assemblée réforme grève ' +
  'salaire emploi commerce transport fleuve barrage énergie solaire coton mil bétail ' +
  'éleveurs hivernage crue inondation secours festival musique football équipe stade ' +
  'université étudiants examen médecin paludisme radio journal banque coopérative'
).split(' ');

const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** Writes the export and the uploads folder; returns their paths. */
async function generate(dir: string): Promise<{ file: string; uploads: string }> {
  const random = seeded(16);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, pick).join(' ');
    return `${words[0]!.toUpperCase()}${words.slice(1)}.`;
  };
  const uploads = path.join(dir, 'uploads');
  const file = path.join(dir, 'export.xml');
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Banc d’essai</title><wp:base_site_url>https://banc.example</wp:base_site_url>\n`);
  for (let a = 1; a <= 20; a++)
    await write(
      `<wp:author><wp:author_id>${a}</wp:author_id><wp:author_login>${cdata(`auteur${a}`)}</wp:author_login><wp:author_email>${cdata(`auteur${a}@banc.example`)}</wp:author_email><wp:author_display_name>${cdata(`Auteur n° ${a}`)}</wp:author_display_name></wp:author>\n`,
    );
  const categories = ['politique', 'economie', 'societe', 'culture', 'sport', 'sante'];
  for (const [i, slug] of categories.entries())
    await write(
      `<wp:category><wp:term_id>${i + 1}</wp:term_id><wp:category_nicename>${slug}</wp:category_nicename><wp:cat_name>${cdata(slug)}</wp:cat_name></wp:category>\n`,
    );
  let attachments = 0;
  let comments = 0;
  for (let p = 1; p <= POSTS; p++) {
    const id = p * 10;
    const date = new Date(Date.UTC(2015, 0, 1) + p * 3 * 3_600_000);
    const wpDate = date.toISOString().slice(0, 19).replace('T', ' ');
    const month = wpDate.slice(0, 7).replace('-', '/');
    const withPhoto = p % ATTACHMENT_EVERY === 0;
    const paragraphs = Array.from({ length: 6 }, () => sentence(25 + Math.floor(random() * 20)));
    const image = withPhoto
      ? `<img class="wp-image-${id + 1}" src="https://banc.example/wp-content/uploads/${month}/photo-${id + 1}-300x169.jpg" alt="" />`
      : '';
    const body =
      p % 2
        ? `${paragraphs.slice(0, 3).join('\n\n')}\n\n${image}\n\n<h2>${sentence(4)}</h2>\n\n${paragraphs.slice(3).join('\n\n')}`
        : paragraphs
            .map((t) => `<!-- wp:paragraph -->\n<p>${t}</p>\n<!-- /wp:paragraph -->`)
            .join('\n\n') +
          (image
            ? `\n<!-- wp:image --><figure class="wp-block-image">${image}<figcaption>${sentence(5)}</figcaption></figure><!-- /wp:image -->`
            : '');
    let thread = '';
    for (let c = 1; c <= 3; c++) {
      comments++;
      thread += `<wp:comment><wp:comment_id>${id * 10 + c}</wp:comment_id><wp:comment_author>${cdata(`Lecteur ${c}`)}</wp:comment_author><wp:comment_author_email>lecteur${c}@lecteurs.example</wp:comment_author_email><wp:comment_date_gmt>${wpDate}</wp:comment_date_gmt><wp:comment_content>${cdata(sentence(15))}</wp:comment_content><wp:comment_approved>${c === 3 ? '0' : '1'}</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${c === 2 ? id * 10 + 1 : 0}</wp:comment_parent></wp:comment>`;
    }
    const slug = `article-${p}-${pick()}`;
    await write(
      `<item><title>${cdata(sentence(8))}</title><link>https://banc.example/${wpDate.slice(0, 10).replace(/-/g, '/')}/${slug}/</link><dc:creator>${cdata(`auteur${(p % 20) + 1}`)}</dc:creator><content:encoded>${cdata(body)}</content:encoded><excerpt:encoded>${cdata(sentence(20))}</excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:post_date>${wpDate}</wp:post_date><wp:post_date_gmt>${wpDate}</wp:post_date_gmt><wp:post_modified_gmt>${wpDate}</wp:post_modified_gmt><wp:post_name>${slug}</wp:post_name><wp:status>${p % 50 === 0 ? 'draft' : 'publish'}</wp:status><wp:post_type>post</wp:post_type><category domain="category" nicename="${categories[p % categories.length]}">${cdata(categories[p % categories.length]!)}</category><category domain="post_tag" nicename="mot-${p % 100}">${cdata(`mot ${p % 100}`)}</category>${withPhoto ? `<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${id + 1}</wp:meta_value></wp:postmeta>` : ''}${thread}</item>\n`,
    );
    if (withPhoto) {
      attachments++;
      const rel = `${month}/photo-${id + 1}.jpg`;
      await mkdir(path.join(uploads, month), { recursive: true });
      // Distinct pixels for each, or the library would keep one item for identical files.
      await sharp({
        create: {
          width: 400,
          height: 225,
          channels: 3,
          background: { r: p % 256, g: (p >> 8) % 256, b: (p * 7) % 256 },
        },
      })
        .jpeg({ quality: 80 })
        .toFile(path.join(uploads, rel));
      await write(
        `<item><title>photo-${id + 1}</title><excerpt:encoded>${cdata(sentence(6))}</excerpt:encoded><wp:post_id>${id + 1}</wp:post_id><wp:post_parent>${id}</wp:post_parent><wp:post_type>attachment</wp:post_type><wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>${rel}</wp:meta_value></wp:postmeta></item>\n`,
      );
    }
  }
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
  const size = (await stat(file)).size;
  console.log(
    `Export: ${POSTS.toLocaleString('en')} posts, ${comments.toLocaleString('en')} comments, ` +
      `${attachments.toLocaleString('en')} attachments, ${(size / 1024 / 1024).toFixed(1)} MB`,
  );
  return { file, uploads };
}

/** Runs the import twice on one engine (in this process) and prints the figures. */
async function measure(db: Db, label: string, file: string, uploads: string): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-bench-wp-media-'));
  const store = localMediaStore(dataDir);
  await migrateToLatest(db);
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 50);
  try {
    const steps: Record<string, number> = {};
    let stepStart = performance.now();
    let last = '';
    const started = performance.now();
    const report = await importWordPress({
      db,
      store,
      clock: systemClock,
      file,
      uploadsDir: uploads,
      onProgress: (step, done, total) => {
        if (step !== last) {
          if (last) steps[last] = performance.now() - stepStart;
          stepStart = performance.now();
          last = step;
        }
        if (done === total) sample();
      },
    });
    steps[last] = performance.now() - stepStart;
    const seconds = (performance.now() - started) / 1000;
    sample();
    const again = performance.now();
    const second = await importWordPress({
      db,
      store,
      clock: systemClock,
      file,
      uploadsDir: uploads,
    });
    const againSeconds = (performance.now() - again) / 1000;
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    const posts = report.counts.posts.added;
    console.log(
      `\n${label}: ${posts.toLocaleString('en')} posts, ${report.counts.comments.added.toLocaleString('en')} comments, ` +
        `${report.counts.attachments.added} attachments, ${report.counts.redirects.added.toLocaleString('en')} redirects in ${seconds.toFixed(1)} s ` +
        `= ${Math.round(posts / seconds)} posts/s`,
    );
    console.log(
      `  steps: ${Object.entries(steps)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
        .join(', ')} (the first reading of the export and the authors: the rest)`,
    );
    console.log(`  peak RSS ${mb(peakRss)}, peak heap used ${mb(peakHeap)}`);
    console.log(
      `  second run: ${againSeconds.toFixed(1)} s, ${second.counts.posts.added} posts added, ${second.counts.posts.existing.toLocaleString('en')} already there`,
    );
  } finally {
    clearInterval(timer);
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function runEngine(engine: string, file: string, uploads: string): Promise<void> {
  if (engine === 'sqlite') {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-bench-wp-'));
    const { db } = connect({ dataDir });
    try {
      await measure(db, 'SQLite', file, uploads);
    } finally {
      await db.destroy();
      await rm(dataDir, { recursive: true, force: true });
    }
    return;
  }
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: engine });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-bench-wp-'));
  const { db } = connect({ databaseUrl: engine, dataDir, schema });
  try {
    await measure(db, 'PostgreSQL', file, uploads);
  } finally {
    await db.destroy();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function child(engine: string, file: string, uploads: string): Promise<void> {
  const proc = spawn(
    process.execPath,
    [
      ...process.execArgv,
      process.argv[1]!,
      '--engine',
      engine,
      '--export',
      file,
      '--uploads',
      uploads,
    ],
    { stdio: 'inherit' },
  );
  return new Promise((resolve, reject) =>
    proc.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`)))),
  );
}

if (values.engine) {
  await runEngine(values.engine, values.export!, values.uploads!);
} else {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'griot-bench-wp-export-'));
  try {
    const { file, uploads } = await generate(dir);
    if (values.only !== 'postgres') await child('sqlite', file, uploads);
    const pgUrl = [process.env.BENCH_DATABASE_URL, process.env.DATABASE_URL].find((u) =>
      u?.startsWith('postgres'),
    );
    if (pgUrl && values.only !== 'sqlite') await child(pgUrl, file, uploads);
    else console.log('\n(set BENCH_DATABASE_URL=postgres://… to measure PostgreSQL too)');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
