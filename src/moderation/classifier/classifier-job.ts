import type { Db } from '../../db/database.ts';
import type { Job } from '../../jobs/worker.ts';
import { createModelCache, scorePendingComments } from './score-comments.ts';
import { trainClassifier } from './train-classifier.ts';

/**
 * The classifier's background work: trains a new model when enough decisions accumulated (one
 * instance at a time, at most every 10 minutes), then scores the pending comments the newest
 * model has not scored yet.
 */
export function classifierJob({ db }: { db: Db }): Job {
  const models = createModelCache(db);
  return {
    name: 'moderation-classifier',
    async run(now) {
      const outcome = await trainClassifier(db, { now });
      const model = await models.current();
      const scored = model ? await scorePendingComments(db, model, { now }) : 0;
      return (outcome.trained ? 1 : 0) + scored;
    },
  };
}
