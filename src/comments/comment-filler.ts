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
      // Without its route (the front door serves only requests without cookies), a view has
      // no comment of the reader's to show.
      if (!request.route) return null;
      const slots = commentSlots(deps, request.route, articleId);
      const done = (s: Awaited<typeof slots>) =>
        s.personal
          ? { values: { ...s.shared, ...s.personal }, personal: true }
          : { values: s.shared, variant: Object.values(s.shared).join('') };
      return slots instanceof Promise ? slots.then(done) : done(slots);
    },
  };
}
