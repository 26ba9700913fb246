import type { SiteSettings } from './site-settings.ts';

/**
 * The publication's name after « de », as French writes it: « du Veilleur », « des Échos »,
 * « de L’Express », « d’Afrique Hebdo », « de Griot ». The automatic form follows the article
 * the name starts with, and elision before a vowel or a mute h; a setting overrides it for the
 * names a rule cannot know (« de Jeune Afrique » is right, « du Hérisson » has an aspirated h).
 */
export function nameAfterDe(siteName: string): string {
  const name = siteName.trim();
  const words = /^(le|les)\s+(.+)$/i.exec(name);
  if (words) return `${words[1]!.toLowerCase() === 'le' ? 'du' : 'des'} ${words[2]}`;
  if (/^[aeiouyàâäéèêëîïôöùûüœh]/i.test(name)) return `d’${name}`;
  return `de ${name}`;
}

/** « du Veilleur »: the setting when the newsroom gave one, else the automatic form. */
export function publicationAfterDe(
  settings: Pick<SiteSettings, 'siteName' | 'siteNameAfterDe'>,
): string {
  return settings.siteNameAfterDe.trim() || nameAfterDe(settings.siteName);
}
