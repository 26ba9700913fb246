import type { PageContext } from '../web/page-context.ts';
import { inlineScripts } from '../web/inline-code.ts';
import { trustedHtml } from '../web/render.ts';

/**
 * The scripts a rendered body needs, after it: in the light edition, the tap that shows a photo
 * in place of its link; in the full edition, the embeds script, on articles with embeds only.
 */
export function BodyMediaScripts({ ctx, html }: { ctx: PageContext; html: string }) {
  if (ctx.lite)
    return html.includes('class="photo-on-tap"') ? (
      <script>{trustedHtml(inlineScripts.photoOnTap)}</script>
    ) : null;
  return html.includes('data-embed-src="') ? <script src={ctx.assets.embedsJs.url} defer /> : null;
}
