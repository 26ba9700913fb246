import type { Locale } from '../settings/site-settings.ts';
import type { PageWeight, PhoneWeight } from './page-weight.ts';

const fr = {
  lead: (width: number) =>
    `Poids au premier affichage sur un téléphone de ${width}\u00A0px de large\u202F: `,
  atDensity: (dpr: number) => ` à densité d’écran ${dpr}`,
  and: ', ',
  budget: (kb: string) => ` (budget ${kb}).`,
  over: ' C’est au-dessus du budget\u202F: allégez la photo ou le texte.',
  detail: (html: string, icon: string) =>
    `La page ${html} (HTML et feuille de style, qui y est incluse, compressés en brotli comme le serveur les envoie), l’icône ${icon}, `,
  images: (dpr: number, kb: string, widths: string) =>
    `les images ${kb} à densité ${dpr} (${widths})`,
  noImage: 'aucune image',
  headers: (kb: string) => `, les en-têtes HTTP ${kb}. `,
  assumption:
    'Les images sont celles que Chrome sur Android choisit dans les variantes de la page selon sa largeur affichée (photo et publicités comprises).',
  kb: (n: string) => `${n}\u00A0Ko`,
  decimal: ',',
};

const en: typeof fr = {
  lead: (width) => `First-view weight on a phone ${width} px wide: `,
  atDensity: (dpr) => ` at screen density ${dpr}`,
  and: ', ',
  budget: (kb) => ` (budget ${kb}).`,
  over: ' That is over budget: make the photo or the text lighter.',
  detail: (html, icon) =>
    `The page ${html} (HTML with its style sheet inline, brotli-compressed as the server sends it), the icon ${icon}, `,
  images: (dpr, kb, widths) => `images ${kb} at density ${dpr} (${widths})`,
  noImage: 'no image',
  headers: (kb) => `, HTTP headers ${kb}. `,
  assumption:
    'Images are those Chrome on Android picks among the page’s variants for their displayed width (photo and ads included).',
  kb: (n) => `${n} KB`,
  decimal: '.',
};

/** The article editor's note on what a phone downloads for the article's first view. */
export function PageWeightNote({ weight, locale }: { weight: PageWeight; locale: Locale }) {
  const t = locale === 'en' ? en : fr;
  const kb = (bytes: number) => {
    const k = bytes / 1024;
    return t.kb(k >= 10 ? String(Math.round(k)) : k.toFixed(1).replace('.', t.decimal));
  };
  const widths = (p: PhoneWeight) =>
    p.images.length
      ? p.images.map((i) => (i.width ? `${i.width}\u00A0px` : kb(i.bytes))).join(', ')
      : t.noImage;
  const first = weight.phones[0];
  return (
    <div class={weight.overBudget ? 'alert page-weight' : 'hint page-weight'}>
      <p>
        {t.lead(first?.phone.width ?? 360)}
        {weight.phones.map((p, i) => (
          <>
            {i ? t.and : ''}
            <strong>
              <data value={String(p.totalBytes)} data-dpr={String(p.phone.dpr)}>
                {kb(p.totalBytes)}
              </data>
            </strong>
            {t.atDensity(p.phone.dpr)}
          </>
        ))}
        {t.budget(kb(weight.budgetBytes))}
        {weight.overBudget ? t.over : ''}
      </p>
      <p class="page-weight-detail">
        {t.detail(kb(weight.htmlBytes), kb(weight.iconBytes))}
        {weight.phones.map((p, i) => (
          <>
            {i ? t.and : ''}
            {t.images(p.phone.dpr, kb(p.imageBytes), widths(p))}
          </>
        ))}
        {t.headers(kb(first?.headerBytes ?? 0))}
        {t.assumption}
      </p>
    </div>
  );
}
