import { cultureArticles } from './culture.ts';
import { liveDemoArticle } from './live.ts';
import { economieArticles } from './economie.ts';
import { politiqueArticles } from './politique.ts';
import { securiteArticles } from './securite.ts';
import { societeArticles } from './societe.ts';
import type { DemoArticle } from './types.ts';

/** All demo articles of « Le Veilleur », grouped by section. */
export const demoArticles: DemoArticle[] = [
  ...politiqueArticles,
  ...securiteArticles,
  ...economieArticles,
  ...societeArticles,
  ...cultureArticles,
  liveDemoArticle,
];
