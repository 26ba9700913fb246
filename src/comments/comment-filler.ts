import type { RouteDeps } from '../http/deps.ts';
import type { PageFiller } from '../http/page-pipeline.ts';
import { commentSlots } from './comment-slots.tsx';
import { SLOT_MINE } from './comment.pages.tsx';

/**
 * Comments in the page pipeline: an article page shows a reader their own comments awaiting
 * moderation (from their cookie), which makes that view personal. Everyone else gets the
 * shared page.
 */
export function commentFiller(deps: RouteDeps): PageFiller {
  return {
    name: 'comments',
    owns: (marker) => marker === SLOT_MINE,
    fill({ facts, request }) {
      const articleId = typeof facts.articleId === 'number' ? facts.articleId : undefined;
      const slots = commentSlots(deps, request, articleId);
      const done = (s: Awaited<typeof slots>) =>
        s.personal
          ? { values: { ...s.shared, ...s.personal }, personal: true }
          : { values: s.shared, variant: Object.values(s.shared).join('') };
      return slots instanceof Promise ? slots.then(done) : done(slots);
    },
  };
}
