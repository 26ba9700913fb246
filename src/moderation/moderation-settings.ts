/** The moderation rules' word lists and thresholds, edited by the newsroom (« Règles »). */
export interface ModerationSettings {
  /** Words or phrases that send a comment straight to spam (recoverable). */
  bannedWords: string[];
  /** Words or phrases that flag a comment for a closer look. */
  suspectWords: string[];
  /** Link domains that send a comment to spam (subdomains included). */
  blockedDomains: string[];
  /** More links than this flags a comment. */
  maxLinks: number;
  /** Approved comments after which a commenter is a « habitué »; 0 turns the label off. */
  regularAfter: number;
  /** Share of capital letters, in percent, from which a comment is flagged as shouting. */
  capsPercent: number;
  /** Share of refused past comments, in percent, from which an address or client is flagged. */
  rejectedPercent: number;
  /** Whether a habitué's comment (that no other rule flagged) is approved without waiting. */
  autoApproveRegulars: boolean;
}

export const defaultModerationSettings: ModerationSettings = {
  bannedWords: [],
  suspectWords: [],
  blockedDomains: [],
  maxLinks: 2,
  regularAfter: 5,
  capsPercent: 70,
  rejectedPercent: 60,
  autoApproveRegulars: false,
};

/** Limits of each number, inclusive. */
export const numberLimits = {
  maxLinks: [0, 50],
  regularAfter: [0, 1000],
  capsPercent: [1, 100],
  rejectedPercent: [1, 100],
} as const satisfies Partial<Record<keyof ModerationSettings, readonly [number, number]>>;

export const LIST_MAX_ENTRIES = 500;
export const ENTRY_MAX_LENGTH = 100;

const keys: Record<keyof ModerationSettings, string> = {
  bannedWords: 'moderation_banned_words',
  suspectWords: 'moderation_suspect_words',
  blockedDomains: 'moderation_blocked_domains',
  maxLinks: 'moderation_max_links',
  regularAfter: 'moderation_regular_after',
  capsPercent: 'moderation_caps_percent',
  rejectedPercent: 'moderation_rejected_percent',
  autoApproveRegulars: 'moderation_auto_approve_regulars',
};

/** The settings keys this module owns (rows of the `settings` table). */
export const moderationSettingKeys: string[] = Object.values(keys);

/**
 * A list as the newsroom types it: one entry per line (commas also separate), trimmed, empty
 * lines and repeats dropped, each entry and the list bounded.
 */
export function parseList(text: string): string[] {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const raw of text.replace(/\0/g, '').split(/[\n,;]/)) {
    const entry = raw.trim().replace(/\s+/g, ' ').slice(0, ENTRY_MAX_LENGTH);
    const key = entry.toLowerCase();
    if (!entry || seen.has(key)) continue;
    seen.add(key);
    list.push(entry);
    if (list.length >= LIST_MAX_ENTRIES) break;
  }
  return list;
}

/** A number from text within its limits, or undefined when it is not one. */
export function parseBounded(
  text: string | undefined,
  [min, max]: readonly [number, number],
): number | undefined {
  if (text === undefined || !/^\s*\d{1,6}\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/** Builds the settings from stored key/value rows, defaults for anything missing or bad. */
export function moderationSettingsFromRows(
  rows: { key: string; value: string }[],
): ModerationSettings {
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const list = (k: keyof ModerationSettings) => {
    const v = stored.get(keys[k]);
    return v === undefined ? (defaultModerationSettings[k] as string[]) : parseList(v);
  };
  const num = (k: keyof typeof numberLimits) =>
    parseBounded(stored.get(keys[k]), numberLimits[k]) ?? defaultModerationSettings[k];
  return {
    bannedWords: list('bannedWords'),
    suspectWords: list('suspectWords'),
    blockedDomains: list('blockedDomains'),
    maxLinks: num('maxLinks'),
    regularAfter: num('regularAfter'),
    capsPercent: num('capsPercent'),
    rejectedPercent: num('rejectedPercent'),
    autoApproveRegulars: stored.get(keys.autoApproveRegulars) === '1',
  };
}

/** The settings as key/value rows for storage. */
export function moderationSettingsToRows(s: ModerationSettings): { key: string; value: string }[] {
  return (Object.keys(keys) as (keyof ModerationSettings)[]).map((k) => {
    const v = s[k];
    return {
      key: keys[k],
      value: Array.isArray(v) ? v.join('\n') : typeof v === 'boolean' ? (v ? '1' : '0') : String(v),
    };
  });
}

/** What the settings form sent, as text. */
export interface ModerationSettingsForm {
  bannedWords?: string | undefined;
  suspectWords?: string | undefined;
  blockedDomains?: string | undefined;
  maxLinks?: string | undefined;
  regularAfter?: string | undefined;
  capsPercent?: string | undefined;
  rejectedPercent?: string | undefined;
  autoApproveRegulars?: string | undefined;
}

export type ModerationSettingsErrors = Partial<Record<keyof typeof numberLimits, true>>;

/** Reads the form: the settings, or the numbers out of their limits. */
export function readModerationSettingsForm(
  form: ModerationSettingsForm,
): { ok: true; settings: ModerationSettings } | { ok: false; errors: ModerationSettingsErrors } {
  const errors: ModerationSettingsErrors = {};
  const num = (k: keyof typeof numberLimits): number => {
    const n = parseBounded(form[k], numberLimits[k]);
    if (n === undefined) errors[k] = true;
    return n ?? defaultModerationSettings[k];
  };
  const settings: ModerationSettings = {
    bannedWords: parseList(form.bannedWords ?? ''),
    suspectWords: parseList(form.suspectWords ?? ''),
    blockedDomains: parseList(form.blockedDomains ?? '').map((d) => d.toLowerCase()),
    maxLinks: num('maxLinks'),
    regularAfter: num('regularAfter'),
    capsPercent: num('capsPercent'),
    rejectedPercent: num('rejectedPercent'),
    autoApproveRegulars: form.autoApproveRegulars === '1',
  };
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, settings };
}
