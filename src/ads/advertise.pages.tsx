import type { Locale } from '../settings/site-settings.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import type { AdPlacement, AdSlot } from './ad.table.ts';

const fr = {
  title: 'Annoncez chez nous',
  intro: (site: string) =>
    `${site} vend directement ses espaces publicitaires aux annonceurs : pas d’intermédiaire, pas de pistage de nos lecteurs. Votre annonce s’affiche dans un emplacement réservé à sa taille, qui se charge vite même sur un téléphone en 3G.`,
  slotsTitle: 'Nos emplacements',
  placement: {
    top: 'Bannière sous l’en-tête, sur toutes les pages',
    'under-title': 'Sous le titre de chaque article, avant la photo',
    'in-article': 'Au fil de l’article, après quelques paragraphes',
    'article-end': 'À la fin de chaque article',
    home: 'Sur la page d’accueil, entre les rubriques',
  } as Record<AdPlacement, string>,
  sizes: (pw: number, ph: number, dw: number, dh: number) =>
    `Sur téléphone\u202F: ${pw}\u00A0×\u00A0${ph}\u00A0px · sur ordinateur\u202F: ${dw}\u00A0×\u00A0${dh}\u00A0px`,
  views: (n: string, days: number) =>
    `${n} affichages par jour en moyenne (${days} derniers jours)`,
  noViews: 'Chiffres d’audience disponibles après quelques jours de mesure.',
  how: 'Comment ça marche',
  howItems: [
    'Vous choisissez les emplacements, les rubriques et les dates.',
    'Image (JPEG, PNG ou WebP, légère) ou annonce texte, avec le lien de votre choix.',
    'Un rapport en ligne vous donne chaque jour affichages, clics et taux de clic.',
  ],
  measured:
    'Nos chiffres sont mesurés par nous-mêmes, sans cookie ni adresse IP enregistrée ; les robots ne sont pas comptés.',
  contactTitle: 'Nous contacter',
  contact: 'Écrivez-nous pour un devis :',
  noContact: 'Contactez la rédaction pour un devis.',
};

const en: typeof fr = {
  title: 'Advertise with us',
  intro: (site) =>
    `${site} sells its ad space directly to advertisers: no middleman, no tracking of our readers. Your ad shows in a slot reserved at its size, which loads fast even on a 3G phone.`,
  slotsTitle: 'Our slots',
  placement: {
    top: 'Banner under the header, on every page',
    'under-title': 'Under the headline of every article, before the photo',
    'in-article': 'Within articles, after a few paragraphs',
    'article-end': 'At the end of every article',
    home: 'On the home page, between sections',
  },
  sizes: (pw, ph, dw, dh) => `On phones: ${pw} × ${ph} px · on computers: ${dw} × ${dh} px`,
  views: (n, days) => `${n} views a day on average (last ${days} days)`,
  noViews: 'Audience figures are available after a few days of measurement.',
  how: 'How it works',
  howItems: [
    'You choose the slots, the sections and the dates.',
    'An image (JPEG, PNG or WebP, light) or a text ad, with the link of your choice.',
    'An online report gives you views, clicks and click-through rate every day.',
  ],
  measured:
    'We measure our figures ourselves, with no cookie and no stored IP address; robots are not counted.',
  contactTitle: 'Contact us',
  contact: 'Write to us for a quote:',
  noContact: 'Contact the newsroom for a quote.',
};

const stringsFor = (locale: Locale) => (locale === 'en' ? en : fr);

/** The page every house ad leads to: the slots, their sizes, our audience, and who to write to. */
export function AdvertisePage(p: {
  ctx: PageContext;
  slots: { slot: AdSlot; viewsPerDay: number }[];
  days: number;
}) {
  const { ctx } = p;
  const t = stringsFor(ctx.site.locale);
  const number = new Intl.NumberFormat(ctx.site.locale === 'en' ? 'en-GB' : 'fr-FR');
  const email = ctx.site.contactEmail;
  return (
    <Layout
      ctx={ctx}
      title={`${t.title} — ${ctx.site.siteName}`}
      description={t.intro(ctx.site.siteName)}
      canonical={`${ctx.publicUrl}/annoncez-chez-nous`}
    >
      <article class="page advertise">
        <h1>{t.title}</h1>
        <p class="standfirst">{t.intro(ctx.site.siteName)}</p>
        <h2>{t.slotsTitle}</h2>
        <ul class="advertise-slots">
          {p.slots.map(({ slot, viewsPerDay }) => (
            <li>
              <h3>{slot.name}</h3>
              <p>{t.placement[slot.placement]}</p>
              <p>
                {t.sizes(
                  slot.phone_width,
                  slot.phone_height,
                  slot.desktop_width,
                  slot.desktop_height,
                )}
              </p>
              <p class="hint">
                {viewsPerDay > 0 ? t.views(number.format(viewsPerDay), p.days) : t.noViews}
              </p>
            </li>
          ))}
        </ul>
        <h2>{t.how}</h2>
        <ul>
          {t.howItems.map((item) => (
            <li>{item}</li>
          ))}
        </ul>
        <p class="hint">{t.measured}</p>
        <h2>{t.contactTitle}</h2>
        {email ? (
          <p>
            {t.contact} <a href={`mailto:${email}`}>{email}</a>
          </p>
        ) : (
          <p>{t.noContact}</p>
        )}
      </article>
    </Layout>
  );
}
