import { stop, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A static file served under a content-hashed URL, so browsers may cache it forever. */
export interface Asset {
  url: string;
  body: Buffer;
  type: string;
  /** The start of the body's SHA-256, as in the URL. */
  hash: string;
}

// The file behind each asset, in web/assets/.
const FILES: Record<keyof Assets, string> = {
  css: 'site.css',
  favicon: 'favicon.svg',
  adminCss: 'admin.css',
  moderationJs: 'moderation.js',
  editorJs: 'editor.js',
  pasteJs: 'paste.js',
  adReportCss: 'ad-report.css',
  embedsJs: 'embeds.js',
  bodyMediaJs: 'body-media.js',
  mediaLibraryJs: 'media-library.js',
  whatsappJs: 'whatsapp.js',
  liveJs: 'live.js',
};
const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};

// The theme's files: read, and the style sheets minified, once per process however many apps
// it builds. Style sheets go out minified: their comments and spaces are a quarter of the theme,
// which every full page carries inline in its head (about 25 → 18 KB; 5.1 → 4.0 KB with brotli).
let files: Promise<Map<string, Buffer>> | undefined;
function readFiles(): Promise<Map<string, Buffer>> {
  return (files ??= (async () => {
    const bodies = new Map<string, Buffer>();
    for (const name of Object.values(FILES)) {
      const body = readFileSync(new URL(`./assets/${name}`, import.meta.url));
      const css = name.endsWith('.css');
      const minified = css && (await transform(body.toString(), { loader: 'css', minify: true }));
      bodies.set(name, minified ? Buffer.from(minified.code) : body);
    }
    // esbuild's child process is not needed past this: a server does not keep it.
    await stop();
    return bodies;
  })());
}

/** The theme's static files, read once at start-up. */
export interface Assets {
  css: Asset;
  favicon: Asset;
  /** Newsroom styles, loaded by admin pages only. */
  adminCss: Asset;
  /** Keyboard shortcuts of the moderation queue (newsroom only; reader pages carry no script file). */
  moderationJs: Asset;
  /** The article editor's toolbar, preview, autosave and photo picker (newsroom only). */
  editorJs: Asset;
  /** Clean pasting into the article body: word processors, web pages, WhatsApp (newsroom only). */
  pasteJs: Asset;
  /** Campaign reports: the newsroom's and the advertiser's (with its print layout). */
  adReportCss: Asset;
  /** Swaps an embed's facade for its player when the reader asks (articles with embeds only). */
  embedsJs: Asset;
  /** The editor's « Photo » button: inserts library photos in the body (newsroom only). */
  bodyMediaJs: Asset;
  /** The media library's search and upload, shared by the editor's two photo pickers. */
  mediaLibraryJs: Asset;
  /** The « Canal WhatsApp » page's « Copier » buttons and digest selection (newsroom only). */
  whatsappJs: Asset;
  /** A live page's new entries without reloading: polls a small cached fragment (full edition only). */
  liveJs: Asset;
}

/** Reads the theme's assets and computes their URLs. */
export async function loadAssets(): Promise<Assets> {
  const bodies = await readFiles();
  const entries = Object.entries(FILES).map(([key, name]) => {
    const body = bodies.get(name)!;
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const [, base, ext] = /^(.+)\.(\w+)$/.exec(name)!;
    const asset: Asset = { url: `/assets/${base}.${hash}.${ext}`, body, type: TYPES[ext!]!, hash };
    return [key, asset];
  });
  return Object.fromEntries(entries) as unknown as Assets;
}

// Decoded once per asset: every full reader page inlines the sheet (18 KB a render otherwise).
const inlineText = new WeakMap<Asset, string>();

/** The text of a style sheet as pages inline it, and as the CSP hashes it. */
export function inlineStyleSheet(asset: Asset): string {
  let text = inlineText.get(asset);
  if (text === undefined) inlineText.set(asset, (text = asset.body.toString('utf8')));
  return text;
}
