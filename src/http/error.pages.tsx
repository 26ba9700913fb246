import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';

/** A French (or English) error page: 404, 403, 429, 500… */
export function ErrorPage(props: { ctx: PageContext; title: string; text: string }) {
  return (
    <Layout ctx={props.ctx} title={`${props.title} — ${props.ctx.site.siteName}`} robots="noindex">
      <div class="error-page">
        <h1>{props.title}</h1>
        <p>{props.text}</p>
        <p>
          <a class="button" href="/">
            {props.ctx.t.backHome}
          </a>
        </p>
      </div>
    </Layout>
  );
}
