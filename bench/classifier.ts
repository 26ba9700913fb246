// The moderation classifier's speed (issue 17): training on 50,000 decisions (≤ 10 s) and scoring
// a comment (≤ 2 ms). Training is timed twice: the pure part (features with our French stemming,
// counting, the JSON the database keeps) and the worker's whole run over SQLite (reading the
// decisions and histories, measuring on the held-out fifth, training, storing). Usage:
// tsx bench/classifier.ts [--decisions 50000]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { progressBar } from '../src/cli/progress.ts';
import { connect } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { corpusExamples } from '../src/moderation/classifier/corpus-examples.ts';
import { commentFeatures } from '../src/moderation/classifier/features.ts';
import { score, scorerOf, train } from '../src/moderation/classifier/naive-bayes.ts';
import { trainClassifier } from '../src/moderation/classifier/train-classifier.ts';
import { generateCorpus } from '../src/seed/comment-corpus.ts';
import { insertCommentHistory, type HistoryComment } from '../src/seed/demo-moderation.ts';
import { addUser } from '../src/users/add-user.ts';

const { values } = parseArgs({ options: { decisions: { type: 'string', default: '50000' } } });
const N = Number(values.decisions);
const ms = (t: number) => `${t.toFixed(0)} ms`;

const corpus = generateCorpus({ seed: 50, count: N });

// 1. Pure training: features (stemming included), counting, serializing.
let t0 = performance.now();
const examples = corpusExamples(corpus);
const model = train(examples);
const json = JSON.stringify(model);
const pureTrain = performance.now() - t0;
console.log(
  `training, pure: ${N} decisions in ${ms(pureTrain)} (${Object.keys(model.counts).length} features, ${(json.length / 1024).toFixed(0)} KB stored)`,
);

// 2. Scoring: parse once per model version, then features + score per comment.
t0 = performance.now();
const scorer = scorerOf(JSON.parse(json));
const load = performance.now() - t0;
const fresh = generateCorpus({ seed: 51, count: 5000 });
// A few comments first, so the timing is of a warm process, as a running server is.
for (const c of fresh.slice(0, 200))
  score(scorer, commentFeatures({ body: c.body, history: { approved: 1, rejected: 0 } }).features);
const times: number[] = [];
for (const c of fresh) {
  const s = performance.now();
  score(scorer, commentFeatures({ body: c.body, history: { approved: 1, rejected: 0 } }).features);
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(
  `scoring: mean ${(mean * 1000).toFixed(0)} µs, p99 ${(times[Math.floor(times.length * 0.99)]! * 1000).toFixed(0)} µs, max ${times.at(-1)!.toFixed(2)} ms a comment (budget 2 ms); loading the model ${ms(load)} once per version`,
);

// 3. The worker's training over SQLite.
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-bench-classifier-'));
const { db } = connect({ dataDir });
try {
  await migrateToLatest(db);
  const { user } = await addUser(db, { email: 'modo@bench.test', name: 'Modo', role: 'moderator' });
  const now = new Date();
  const history: HistoryComment[] = corpus.map((comment, i) => ({
    comment,
    createdAt: new Date(now.getTime() - (N - i) * 60_000),
    decided: {
      status: comment.unwanted ? 'rejected' : 'approved',
      at: new Date(now.getTime() - (N - i) * 60_000 + 30_000),
      by: user,
    },
    article: { id: null, title: 'Bench' },
  }));
  const progress = progressBar('inserting decisions');
  for (let i = 0; i < history.length; i += 5000) {
    await insertCommentHistory(db, history.slice(i, i + 5000));
    progress(Math.min(i + 5000, N), N);
  }
  t0 = performance.now();
  const outcome = await trainClassifier(db, { now, force: true });
  const dbTrain = performance.now() - t0;
  if (!outcome.trained) throw new Error(`not trained: ${outcome.reason}`);
  console.log(
    `training, worker on SQLite: ${N} decisions in ${ms(dbTrain)} (budget 10 s); held-out precision ${(outcome.precision * 100).toFixed(1)} %, recall ${(outcome.recall * 100).toFixed(1)} %`,
  );
} finally {
  await db.destroy();
  await rm(dataDir, { recursive: true, force: true });
}
