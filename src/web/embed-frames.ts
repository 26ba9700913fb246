/**
 * The players an article body's embeds load once the reader asks (articles/body-media.ts), by
 * provider: the only origins reader pages may frame (the CSP's frame-src).
 */
export const embedFrameOrigins = { youtube: 'https://www.youtube-nocookie.com' } as const;
