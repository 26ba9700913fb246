import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { pastedHtmlToMarkdown } from './paste-html.ts';
import { pastedTextToMarkdown } from './paste-text.ts';

/**
 * The most clipboard HTML converted, in characters. Word's markup is heavy (a styled span per
 * run of text, its style sheet around the fragment): a long article copied from it runs to a few
 * hundred KB, converted in well under a second; a megabyte of it takes 1 to 2 s of this
 * process's time, hence the cap. paste.js sends only the plain text past it.
 */
export const PASTE_HTML_MAX = 1_000_000;

const pasteBody = z.object({
  html: z.string().max(PASTE_HTML_MAX).optional(),
  text: z.string().max(200_000).optional(),
});

/**
 * The paste script's endpoint, inside the newsroom context: what was pasted into an article's
 * body (the clipboard's HTML, else its plain text) as the body's Markdown, CSRF-protected JSON.
 */
export const pasteRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app) => {
  app.post(
    '/admin/articles/collage',
    {
      // Pasting converts text for an article, so it is for those who write them.
      config: { policy: 'write-articles' },
      preValidation: app.csrfProtection,
      // JSON escaping can double the HTML's size; anything larger is refused before it is read.
      bodyLimit: 3 * PASTE_HTML_MAX,
      schema: { body: pasteBody },
    },
    async (request, reply) => {
      const { html = '', text = '' } = request.body;
      const markdown = (html.trim() && pastedHtmlToMarkdown(html)) || pastedTextToMarkdown(text);
      return reply.header('cache-control', 'private, no-store').send({ markdown });
    },
  );
};
