// The baseline for bench/pages and bench/newsday: a bare node:http server answering from memory
// with bytes sent as they are, with a Content-Encoding when one is given (pages compressed
// beforehand). Given a file, it answers every request with it; given a directory, it answers
// each path with the file named by that path (encodeURIComponent), 404 for any other.
// Usage: tsx bench/bare-server.ts <port> <file|directory> [encoding]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const [port, from, encoding] = process.argv.slice(2);
if (!port || !from) throw new Error('usage: bare-server.ts <port> <file|directory> [encoding]');
const headersFor = (body: Buffer) => ({
  'content-type': 'text/html; charset=utf-8',
  'content-length': body.length,
  ...(encoding ? { 'content-encoding': encoding, vary: 'Accept-Encoding' } : {}),
});
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
