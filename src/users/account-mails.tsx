import type { Child } from 'hono/jsx';
import { publicationAfterDe } from '../settings/publication-name.ts';
import type { Db, Trx } from '../db/database.ts';
import { insertOutboxMail } from '../mail/outbox.queries.ts';
import type { OutboxMail } from '../mail/outbox.table.ts';
import type { SiteSettings } from '../settings/site-settings.ts';
import { formatDateTime } from '../web/dates.ts';
import type { AccountLinkPurpose } from './user.table.ts';
import { accountLinkIsLive } from './user.queries.ts';

/** What an account mail needs to know about the site. */
export interface AccountMailSite {
  settings: SiteSettings;
  publicUrl: string;
}

/** Outbox kinds of account mails; their bodies hold a personal link, hidden from non-admins. */
export const ACCOUNT_MAIL_KINDS: readonly string[] = [
  'account-invitation',
  'account-password-reset',
];

// `site.de` is the name as it follows « de » (« du Veilleur », settings/publication-name.ts).
type Site = { name: string; de: string };

const fr = {
  invitationSubject: (site: Site) => `Invitation à rejoindre la rédaction ${site.de}`,
  resetSubject: (site: Site) => `Choisissez un nouveau mot de passe pour ${site.name}`,
  hello: (name: string) => `Bonjour ${name},`,
  invitation: (inviter: string, site: Site) =>
    `${inviter} vous invite à rejoindre l’espace de la rédaction ${site.de}. Pour activer votre compte, choisissez votre mot de passe :`,
  reset: (inviter: string, site: Site) =>
    `${inviter} vous envoie un lien pour choisir un nouveau mot de passe sur l’espace de la rédaction ${site.de} :`,
  action: {
    invitation: 'Choisir mon mot de passe',
    'password-reset': 'Choisir un nouveau mot de passe',
  },
  expires: (when: string) => `Ce lien ne sert qu’une fois et expire le ${when}.`,
  ignore: 'Si vous ne vous attendiez pas à ce message, ignorez-le : rien ne change sans vous.',
  team: (site: Site) => `— L’équipe ${site.de}`,
};

const en: typeof fr = {
  invitationSubject: (site) => `Invitation to join the ${site.name} newsroom`,
  resetSubject: (site) => `Choose a new password for ${site.name}`,
  hello: (name) => `Hello ${name},`,
  invitation: (inviter, site) =>
    `${inviter} invites you to join the ${site.name} newsroom. To activate your account, choose your password:`,
  reset: (inviter, site) =>
    `${inviter} sends you a link to choose a new password for the ${site.name} newsroom:`,
  action: { invitation: 'Choose my password', 'password-reset': 'Choose a new password' },
  expires: (when) => `This link works once and expires on ${when}.`,
  ignore: 'If you did not expect this message, ignore it: nothing changes without you.',
  team: (site) => `— The ${site.name} team`,
};

async function html(node: Child, lang: string): Promise<string> {
  return `<!DOCTYPE html><html lang="${lang}"><body>${String(await (node as Promise<string> | string))}</body></html>`;
}

/** Queues, in the caller's transaction, the mail carrying an invitation or password-reset link. */
export async function enqueueAccountLinkMail(
  trx: Trx,
  p: {
    purpose: AccountLinkPurpose;
    user: { id: number; email: string; name: string };
    inviter: string;
    link: string;
    /** Identifies this link, so a new link is a new mail. */
    linkId: string;
    expiresAt: Date;
    site: AccountMailSite;
    now: Date;
  },
): Promise<void> {
  const { settings } = p.site;
  const t = settings.locale === 'en' ? en : fr;
  const name = { name: settings.siteName, de: publicationAfterDe(settings) };
  const when = formatDateTime(p.expiresAt.toISOString(), settings);
  const intro =
    p.purpose === 'invitation' ? t.invitation(p.inviter, name) : t.reset(p.inviter, name);
  await insertOutboxMail(trx, {
    kind: p.purpose === 'invitation' ? 'account-invitation' : 'account-password-reset',
    dedupeKey: `account-link:${p.linkId}`,
    refId: p.user.id,
    locale: settings.locale,
    to: p.user.email,
    subject: p.purpose === 'invitation' ? t.invitationSubject(name) : t.resetSubject(name),
    text: [
      t.hello(p.user.name),
      '',
      intro,
      p.link,
      '',
      t.expires(when),
      t.ignore,
      '',
      t.team(name),
    ].join('\n'),
    html: await html(
      <div style="font-family:Georgia,serif;font-size:16px;line-height:1.5;color:#1b1b1b;max-width:560px">
        <p>{t.hello(p.user.name)}</p>
        <p>{intro}</p>
        <p>
          <a href={p.link}>{t.action[p.purpose]}</a>
        </p>
        <p>{t.expires(when)}</p>
        <p style="color:#5c5c5c;font-size:14px">{t.ignore}</p>
        <p style="color:#5c5c5c;font-size:14px">{t.team(name)}</p>
      </div>,
      settings.locale,
    ),
    now: p.now,
  });
}

/** Decides, just before sending, whether an account mail still makes sense: its link still works. */
export function accountMailStillWanted(db: Db): (mail: OutboxMail, now: Date) => Promise<boolean> {
  return async (mail, now) => {
    const linkId = mail.dedupe_key.split(':')[1] ?? '';
    return linkId !== '' && (await accountLinkIsLive(db, linkId, now));
  };
}

/**
 * An account mail as someone who may not manage users sees it in the outbox: its link masked,
 * since whoever holds the link can take over the account.
 */
export function maskAccountLinks<M extends Pick<OutboxMail, 'kind' | 'text_body' | 'html_body'>>(
  mail: M,
): M {
  if (!ACCOUNT_MAIL_KINDS.includes(mail.kind)) return mail;
  const mask = (s: string) => s.replace(/\/compte\/[\w-]+/g, '/compte/••••••');
  return { ...mail, text_body: mask(mail.text_body), html_body: mask(mail.html_body) };
}
