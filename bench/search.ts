// Benchmark: full-text search over 50,000 generated articles on SQLite (and PostgreSQL when
// BENCH_DATABASE_URL or DATABASE_URL is a postgres:// URL), through searchArticles() — the
// function the /recherche page calls: count, one ranked page of 10, excerpts and highlights.
// Each query runs a few hundred times, interleaved with a baseline measured in the same run: the
// home page's plain indexed « 10 newest published articles » query. Prints, never asserts.
//   npm run bench:search [-- --articles 50000 --runs 300]
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { listLiveArticles } from '../src/articles/article.queries.ts';
import type { NewArticleRow } from '../src/articles/article.table.ts';
import { progressBar } from '../src/cli/progress.ts';
import { connect, type DialectName } from '../src/db/connect.ts';
import type { Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { reindexArticles } from '../src/search/reindex.ts';
import { searchArticles } from '../src/search/search-articles.ts';
import { searchLiveArticles } from '../src/search/search.queries.ts';
import { seeded } from '../test/helpers/random.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '300' },
  },
});
const ARTICLES = Math.min(500_000, Number(values.articles));
const RUNS = Math.min(5_000, Number(values.runs));
const SECTIONS = ['politique', 'economie', 'securite', 'societe', 'culture', 'sport'];

// Our own vocabulary, not anyone's text: common words first, so a Zipf draw makes them frequent.
const VOCABULARY = (
  'gouvernement ministre pays ville région population projet marché prix président ' +
  'sécurité frontière réunion conseil élection école santé hôpital route eau ' +
  'attaque gendarmes patrouille village récolte pluie saison budget dette impôt ' +
  'jeunes femmes enfants famille quartier commune maire député assemblée loi ' +
  'réforme syndicat grève salaire emploi entreprise commerce transport camion fleuve ' +
  'barrage électricité énergie solaire pétrole uranium mine or coton mil ' +
  'sorgho bétail éleveurs agriculteurs engrais semences irrigation désert sable vent ' +
  'chaleur hivernage crue inondation sinistrés aide secours association bénévoles festival ' +
  'musique concert théâtre cinéma livre écrivain artiste tradition griot lutte ' +
  'football équipe match victoire défaite championnat stade entraîneur joueur coupe ' +
  'université étudiants examen baccalauréat enseignants salle classe cantine vaccin ' +
  'médecin infirmière pharmacie paludisme épidémie dispensaire ambulance radio journal ' +
  'téléphone réseau internet banque crédit épargne coopérative tontine marchande boutique'
).split(' ');
const FILLER = 'le la les de des du un une et à au aux dans sur pour avec par selon depuis'.split(
  ' ',
);
const VERBS = 'annonce prépare discute réclame attend confirme dénonce organise reçoit lance'.split(
  ' ',
);
// Rare pseudo-words, each in a handful of articles: the « rare word » queries.
const RARE = Array.from({ length: 400 }, (_, i) => `zébrovin${i}`);

function generator(seed: number) {
  const random = seeded(seed);
  // Our words first, then made-up ones: a long tail, as in real text.
  const syllables = 'ba bé ko la ma né ri sa to wa di fo gu ka mo'.split(' ');
  const lexicon = [...VOCABULARY];
  while (lexicon.length < 5_000)
    lexicon.push(
      Array.from(
        { length: 2 + Math.floor(random() * 3) },
        () => syllables[Math.floor(random() * syllables.length)],
      ).join(''),
    );
  const zipf = (list: string[]) => list[Math.floor(list.length * random() ** 1.6)]!;
  const pick = (list: string[]) => list[Math.floor(list.length * random())]!;
  const sentence = (count: number) => {
    const out: string[] = [];
    for (let i = 0; i < count; i++)
      out.push(i % 2 === 1 ? pick(FILLER) : i === 2 ? pick(VERBS) : zipf(lexicon));
    const text = out.join(' ');
    return text[0]!.toUpperCase() + text.slice(1) + '.';
  };
  return (n: number, sectionId: number): NewArticleRow => {
    const paragraphs = Array.from({ length: 4 + Math.floor(random() * 4) }, () =>
      Array.from({ length: 3 }, () => sentence(8 + Math.floor(random() * 10))).join(' '),
    );
    if (random() < 0.02) paragraphs.push(`Le ${pick(RARE)} est cité.`);
    const title = sentence(7).slice(0, -1);
    const at = new Date(Date.UTC(2024, 0, 1) + n * 900_000).toISOString();
    return {
      slug: `article-${n}`,
      section_id: sectionId,
      kicker: zipf(lexicon).toUpperCase(),
      title,
      standfirst: sentence(16),
      body: paragraphs.join('\n\n'),
      body_html: '',
      signature: 'Rédaction',
      author_id: null,
      status: 'published',
      published_at: at,
      updated_at: null,
      created_at: at,
      image_id: null,
      image_credit: '',
      image_caption: '',
      image_alt: '',
      comments: 'open',
      version: 1,
    };
  };
}

async function fill(db: Db, label: string): Promise<number[]> {
  await migrateToLatest(db);
  const sectionIds: number[] = [];
  for (const [position, slug] of SECTIONS.entries()) {
    const row = await db
      .insertInto('sections')
      .values({ slug, name: slug, description: '', position, created_at: '2024-01-01T00:00:00Z' })
      .returning('id')
      .executeTakeFirstOrThrow();
    sectionIds.push(row.id);
  }
  const make = generator(42);
  const insertBar = progressBar(`${label}: inserting`);
  const batch = 500;
  for (let n = 0; n < ARTICLES; n += batch) {
    const rows: NewArticleRow[] = [];
    for (let i = n; i < Math.min(ARTICLES, n + batch); i++)
      rows.push(make(i, sectionIds[i % sectionIds.length]!));
    await db.transaction().execute((trx) => trx.insertInto('articles').values(rows).execute());
    insertBar(Math.min(ARTICLES, n + batch), ARTICLES);
  }
  const indexBar = progressBar(`${label}: indexing`);
  const started = performance.now();
  await reindexArticles(db, {
    related: false,
    onProgress: (_step, done, total) => indexBar(done, total),
  });
  console.log(`${label}: indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return sectionIds;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(db: Db, dialect: DialectName, sectionIds: number[]): Promise<void> {
  const queries: { name: string; run: () => Promise<number> }[] = [
    {
      name: 'baseline: 10 newest (indexed)',
      run: async () => (await listLiveArticles(db, { limit: 10 })).length,
    },
  ];
  const search = (name: string, query: string, sectionId?: number) =>
    queries.push({
      name,
      run: async () => {
        const r = await searchArticles(db, dialect, { query, sectionId, limit: 10, offset: 0 });
        return r.ok ? r.total : -1;
      },
    });
  search('common word « gouvernement »', 'gouvernement');
  search('rare word « zébrovin7 »', 'zébrovin7');
  search('two words « sécurité frontière »', 'sécurité frontière');
  search('stem variant « attaques »', 'attaques');
  search('accent-less « securite »', 'securite');
  search('section filter « marché » in sport', 'marché', sectionIds[5]);
  search('« école »', 'école');
  queries.push({
    name: '« gouvernement », SQL only',
    run: async () =>
      (
        await searchLiveArticles(db, dialect, {
          terms: [{ word: 'gouvernement', stem: 'gouvern' }],
          limit: 10,
          offset: 0,
        })
      ).total,
  });
  search('no match « zzqxv »', 'zzqxv');
  search('absurd « "NEAR(* - »', '"NEAR(* -');

  const times = queries.map(() => [] as number[]);
  const matches = await Promise.all(queries.map((q) => q.run()));
  for (let round = 0; round < RUNS; round++)
    for (const [i, q] of queries.entries()) {
      const start = performance.now();
      await q.run();
      times[i]!.push(performance.now() - start);
    }
  const base = percentile(
    [...times[0]!].sort((x, y) => x - y),
    50,
  );
  console.log(
    `\n${dialect}, ${ARTICLES.toLocaleString('en')} articles, ${RUNS} runs each (ms)\n` +
      'query'.padEnd(40) +
      'matches'.padStart(9) +
      'p50'.padStart(9) +
      'p99'.padStart(9) +
      'p50/base'.padStart(10),
  );
  for (const [i, q] of queries.entries()) {
    const sorted = [...times[i]!].sort((x, y) => x - y);
    const p50 = percentile(sorted, 50);
    console.log(
      q.name.padEnd(40) +
        String(matches[i]).padStart(9) +
        p50.toFixed(2).padStart(9) +
        percentile(sorted, 99).toFixed(2).padStart(9) +
        `${(p50 / base).toFixed(1)}×`.padStart(10),
    );
  }
}

async function benchSqlite(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-bench-search-'));
  const { db } = connect({ dataDir });
  try {
    await measure(db, 'sqlite', await fill(db, 'SQLite'));
  } finally {
    await db.destroy();
    await rm(dataDir, { recursive: true, force: true });
  }
}

// A schema of its own, dropped at the end, as test/helpers/setup.ts does for the tests.
async function benchPostgres(url: string): Promise<void> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-bench-search-'));
  const { db } = connect({ databaseUrl: url, dataDir, schema });
  try {
    const sectionIds = await fill(db, 'PostgreSQL');
    await admin.query(`ANALYZE ${schema}.articles; ANALYZE ${schema}.article_search`);
    await measure(db, 'postgres', sectionIds);
  } finally {
    await db.destroy();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await benchSqlite();
const pgUrl = [process.env.BENCH_DATABASE_URL, process.env.DATABASE_URL].find((u) =>
  u?.startsWith('postgres'),
);
if (pgUrl) await benchPostgres(pgUrl);
else console.log('\n(set BENCH_DATABASE_URL=postgres://… to measure PostgreSQL too)');
