import type { Child } from 'hono/jsx';
import type { Locale } from '../settings/site-settings.ts';
import { can } from '../users/policy.ts';
import type { PageContext } from '../web/page-context.ts';
import { Link } from '../web/render.ts';

const frameStrings = {
  fr: { site: 'Voir le site', signedIn: 'Connecté :' },
  en: { site: 'View the site', signedIn: 'Signed in:' },
} satisfies Record<Locale, Record<string, string>>;

/** The newsroom's navigation: the pages the signed-in member may open. */
function adminLinks(ctx: PageContext): { href: string; label: string }[] {
  const { t, user, site } = ctx;
  const links = [{ href: '/admin', label: t.adminTitle }];
  if (user && user.role !== 'moderator')
    links.push({ href: '/admin/articles', label: t.adminArticles });
  // Issue 15, WhatsApp: the channel's ready-to-paste texts, for those who write.
  if (can(user, 'write-articles'))
    links.push({
      href: '/admin/whatsapp',
      label: site.locale === 'en' ? 'WhatsApp' : 'Canal WhatsApp',
    });
  if (can(user, 'raise-alerts')) links.push({ href: '/admin/alerte', label: t.adminAlert });
  // Issue 15, newsletter.
  if (can(user, 'manage-newsletter'))
    links.push({
      href: '/admin/newsletter',
      label: site.locale === 'en' ? 'Newsletter' : 'Lettre',
    });
  if (can(user, 'moderate')) links.push({ href: '/admin/moderation', label: t.adminModeration });
  if (can(user, 'view-outbox')) links.push({ href: '/admin/courriels', label: t.adminOutbox });
  if (can(user, 'upload-media')) links.push({ href: '/admin/medias', label: t.adminMedia });
  if (can(user, 'manage-sections'))
    links.push({ href: '/admin/rubriques', label: t.adminSections });
  if (can(user, 'manage-ads')) links.push({ href: '/admin/publicite', label: t.adminAds });
  if (can(user, 'manage-users')) links.push({ href: '/admin/utilisateurs', label: t.adminUsers });
  if (can(user, 'edit-site-settings'))
    links.push({ href: '/admin/reglages', label: t.adminSettings });
  return links;
}

/** Whether a navigation link leads to the page shown, or to the part of the newsroom it is in. */
function isCurrent(path: string, href: string): boolean {
  return href === '/admin' ? path === '/admin' : path === href || path.startsWith(`${href}/`);
}

/**
 * The frame of newsroom pages, their own and not the reader site's: no masthead, search or
 * section bar over the forms, but the newsroom's navigation (the current page marked), the
 * publication's name leading to the public site, who is signed in and a sign-out button. Same
 * style sheets and assets as the site (the reader's classes serve the editor's preview).
 */
export function AdminLayout(props: {
  ctx: PageContext;
  title: string;
  csrfToken: string;
  children?: Child;
}) {
  const { ctx } = props;
  const { site, t, user } = ctx;
  const s = frameStrings[site.locale];
  return (
    <html lang={site.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} — ${t.adminTitle} — ${site.siteName}`}</title>
        <meta name="robots" content="noindex" />
        <Link rel="stylesheet" href={ctx.assets.css.url} />
        <Link rel="stylesheet" href={ctx.assets.adminCss.url} />
        <Link rel="icon" href={ctx.assets.favicon.url} type="image/svg+xml" />
        <meta name="theme-color" content="#1b1b1b" />
      </head>
      <body class="admin-page">
        <a class="skip" href="#contenu">
          {t.skipToContent}
        </a>
        <header class="admin-frame">
          <div class="admin-frame-top">
            <a class="admin-site" href="/" title={s.site}>
              {site.siteName}
            </a>
            {user ? (
              <form method="post" action="/logout" class="admin-user">
                <input type="hidden" name="_csrf" value={props.csrfToken} />
                <span>
                  <span class="visually-hidden">{s.signedIn} </span>
                  {can(user, 'write-articles') ? (
                    <a href="/admin/profil">{user.name}</a>
                  ) : (
                    user.name
                  )}
                </span>{' '}
                <button type="submit">{t.logOut}</button>
              </form>
            ) : null}
          </div>
          <nav aria-label={t.adminTitle} class="admin-nav">
            <ul>
              {adminLinks(ctx).map((l) => (
                <li>
                  <a href={l.href} aria-current={isCurrent(ctx.path, l.href) ? 'page' : undefined}>
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="contenu" class="admin-main">
          <div class="wrap">{props.children}</div>
        </main>
      </body>
    </html>
  );
}
