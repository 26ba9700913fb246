import type { NewAdSlot } from './ad.table.ts';

/** The page that invites advertisers, where every house ad leads by default. */
export const ADVERTISE_PATH = '/annoncez-chez-nous';

const house = {
  house_title: 'Votre Pub ici !',
  house_text: 'Annoncez auprès de nos lecteurs',
  house_url: ADVERTISE_PATH,
  enabled: 1,
};

/** The slots a new site starts with: one per placement, in the common IAB sizes. */
export function defaultSlots(now: Date): NewAdSlot[] {
  const created_at = now.toISOString();
  return [
    {
      key: 'haut-de-page',
      name: 'Bannière sous l’en-tête',
      placement: 'top',
      paragraph: 0,
      phone_width: 320,
      phone_height: 100,
      desktop_width: 728,
      desktop_height: 90,
      position: 0,
      created_at,
      ...house,
    },
    {
      key: 'dans-l-article',
      name: 'Pavé dans l’article',
      placement: 'in-article',
      paragraph: 3,
      phone_width: 300,
      phone_height: 250,
      desktop_width: 300,
      desktop_height: 250,
      position: 1,
      created_at,
      ...house,
    },
    {
      key: 'fin-d-article',
      name: 'Fin d’article',
      placement: 'article-end',
      paragraph: 0,
      phone_width: 300,
      phone_height: 250,
      desktop_width: 728,
      desktop_height: 90,
      position: 2,
      created_at,
      ...house,
    },
    {
      key: 'accueil',
      name: 'Accueil, entre les rubriques',
      placement: 'home',
      paragraph: 0,
      phone_width: 320,
      phone_height: 100,
      desktop_width: 728,
      desktop_height: 90,
      position: 3,
      created_at,
      ...house,
    },
    underTitleSlot(created_at, 4),
  ];
}

/**
 * The slot just under an article's headline (« sous le titre »), between its header and its
 * photo: a banner some newsrooms sell apart, in the sizes of the top banner.
 */
export function underTitleSlot(created_at: string, position: number): NewAdSlot {
  return {
    key: 'sous-le-titre',
    name: 'Sous le titre',
    placement: 'under-title',
    paragraph: 0,
    phone_width: 320,
    phone_height: 100,
    desktop_width: 728,
    desktop_height: 90,
    position,
    created_at,
    ...house,
  };
}
