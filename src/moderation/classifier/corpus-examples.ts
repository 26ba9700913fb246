import type { CorpusComment } from '../../seed/comment-corpus.ts';
import { commentFeatures } from './features.ts';
import { evaluate, scorerOf, train, type Example } from './naive-bayes.ts';

/**
 * The corpus as training examples, in order: each comment's author history counts only the
 * decisions on that author's earlier comments, as it would have been when the comment arrived.
 */
export function corpusExamples(corpus: CorpusComment[]): Example[] {
  const history = new Map<string, { approved: number; rejected: number }>();
  return corpus.map((c) => {
    const h = history.get(c.authorEmail) ?? { approved: 0, rejected: 0 };
    const { features } = commentFeatures({ body: c.body, history: { ...h } });
    if (c.unwanted) h.rejected++;
    else h.approved++;
    history.set(c.authorEmail, h);
    return { features, unwanted: c.unwanted, weight: 1 };
  });
}

/** Trains on the first `trainShare` of the examples and measures on the rest. */
export function holdOutEvaluation(
  examples: Example[],
  trainShare = 0.75,
): { precision: number; recall: number; n: number } {
  const cut = Math.floor(examples.length * trainShare);
  return evaluate(scorerOf(train(examples.slice(0, cut))), examples.slice(cut));
}
