// The baseline for bench/pages and bench/newsday: a bare node:http server answering from memory
// with bytes sent as they are, with a Content-Encoding when one is given (pages compressed
// beforehand). Given a file, it answers every request with it; given a directory, it answers
// each path with the file named by that path (encodeURIComponent), 404 for any other. Given a
// headers file (a JSON list: name, value…, as a client received them), it sends those instead.
// Usage: tsx bench/bare-server.ts <port> <file|directory> [encoding] [headers.json]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const [port, from, encoding, headersFile] = process.argv.slice(2);
if (!port || !from)
  throw new Error('usage: bare-server.ts <port> <file|directory> [encoding] [headers.json]');
// Node adds these itself (and the length is the body's).
const OWN = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
const given = headersFile ? (JSON.parse(readFileSync(headersFile, 'utf8')) as string[]) : [];
const kept = given.flatMap((v, i) =>
  i % 2 === 0 && !OWN.has(v.toLowerCase()) ? [v, given[i + 1]!] : [],
);
const headersFor = (body: Buffer): Record<string, string | number> | string[] =>
  headersFile
    ? [...kept, 'content-length', String(body.length)]
    : {
        'content-type': 'text/html; charset=utf-8',
        'content-length': body.length,
        ...(encoding ? { 'content-encoding': encoding, vary: 'Accept-Encoding' } : {}),
      };
const pages = new Map<string, { body: Buffer; headers: ReturnType<typeof headersFor> }>();
const one = statSync(from).isFile() ? readFileSync(from) : undefined;
if (!one)
  for (const name of readdirSync(from)) {
    const body = readFileSync(path.join(from, name));
    pages.set(decodeURIComponent(name), { body, headers: headersFor(body) });
  }
const single = one && { body: one, headers: headersFor(one) };
createServer((req, res) => {
  const page = single ?? pages.get(req.url ?? '');
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, page.headers);
  res.end(page.body);
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
