/// <reference lib="dom" />
// First contentful paint of a demo article in Chromium on emulated slow 3G (400 kbit/s, 400 ms
// round trips), cold cache, for three ways of sending the theme's style sheet. A small proxy in
// front of the app makes the two older ones from the same build:
//   linked-raw  a <link> to the sheet, sent uncompressed (before static files were compressed)
//   linked-br   a <link> to the sheet, in brotli
//   inline      what the app sends: the sheet inline in article pages
// Usage: npx tsx scripts/first-paint.ts [--runs 7]
import http from 'node:http';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants } from 'node:zlib';
import { viewports, PHONE_UA } from '../test/helpers/browser.ts';
import { startDemoSite } from '../test/helpers/demo-site.ts';
import { httpRequest } from '../test/helpers/net.ts';

type Mode = 'linked-raw' | 'linked-br' | 'inline';
const MODES: Mode[] = ['linked-raw', 'linked-br', 'inline'];
const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(values.runs);

const site = await startDemoSite();
const app = new URL(site.base);
const rows = await site.t.db
  .selectFrom('articles as a')
  .innerJoin('sections as s', 's.id', 'a.section_id')
  .select(['a.slug', 's.slug as section'])
  .where('a.status', '=', 'published')
  .orderBy('a.published_at', 'desc')
  .limit(2)
  .execute();
const [first, second] = rows.map((a) => `/${a.section}/${a.slug}`) as [string, string];
const cssHref = /<link rel="stylesheet" href="([^"]+)"/.exec(
  await (await fetch(site.base + '/')).text(),
)![1]!;
const cssText = await (await fetch(site.base + cssHref)).text();

const agent = new http.Agent({ keepAlive: true });
let mode: Mode = 'inline';

function fromApp(path: string, headers: http.OutgoingHttpHeaders) {
  return httpRequest(`${app.origin}${path}`, { headers, agent });
}

const proxy = http.createServer((req, res) => {
  const url = req.url ?? '/';
  const headers: http.OutgoingHttpHeaders = { ...req.headers, host: app.host };
  delete headers['if-none-match'];
  if (mode === 'linked-raw' && url.startsWith('/assets/')) delete headers['accept-encoding'];
  const relink = mode !== 'inline' && (url === first || url === second);
  if (relink) headers['accept-encoding'] = 'identity';
  void fromApp(url, headers).then((up) => {
    const out: http.OutgoingHttpHeaders = { ...up.headers };
    for (const name of ['transfer-encoding', 'connection', 'keep-alive', 'etag']) delete out[name];
    let body = up.body;
    if (relink) {
      const html = body
        .toString()
        .replace(`<style>${cssText}</style>`, `<link rel="stylesheet" href="${cssHref}"/>`);
      // The page cache's brotli quality for pages.
      body = brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } });
      out['content-encoding'] = 'br';
    }
    out['content-length'] = body.length;
    res.writeHead(up.status, out);
    res.end(body);
  });
});
await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;

/** A cold visit of the first article, then the second one with whatever the first cached. */
async function measure() {
  const context = await site.browser.newContext({ viewport: viewports.phone, userAgent: PHONE_UA });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: 400_000 / 8,
    uploadThroughput: 400_000 / 8,
  });
  const documents = new Set<string>();
  let html = 0;
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Document') documents.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (documents.has(e.requestId)) html = e.encodedDataLength;
  });
  const visit = async (path: string) => {
    await page.goto(base + path, { waitUntil: 'load' });
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    );
    return { fcp, html };
  };
  const one = await visit(first);
  const two = await visit(second);
  await context.close();
  return { fcp: one.fcp, html: one.html, nextFcp: two.fcp };
}

const results = new Map(MODES.map((m) => [m, [] as Awaited<ReturnType<typeof measure>>[]]));
for (let i = 0; i < runs; i++)
  for (const m of MODES) {
    mode = m;
    results.get(m)!.push(await measure());
  }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${first}: site.css ${Buffer.byteLength(cssText)} B; medians of ${runs} cold visits`);
console.log('mode        FCP (ms)  HTML (B, br)  next article FCP (ms)');
for (const [m, r] of results)
  console.log(
    m.padEnd(11),
    median(r.map((x) => x.fcp))
      .toFixed(0)
      .padStart(8),
    median(r.map((x) => x.html))
      .toFixed(0)
      .padStart(13),
    median(r.map((x) => x.nextFcp))
      .toFixed(0)
      .padStart(22),
  );
proxy.close();
agent.destroy();
await site.close();
