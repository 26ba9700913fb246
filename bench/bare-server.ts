// The baseline for bench/pages and bench/newsday: a bare node:http server answering every
// request with one file held in memory, sent as is, with a Content-Encoding when one is given
// (a page compressed beforehand). Usage: tsx bench/bare-server.ts <port> <file> [encoding]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [port, file, encoding] = process.argv.slice(2);
if (!port || !file) throw new Error('usage: bare-server.ts <port> <file> [encoding]');
const body = readFileSync(file);
const headers = {
  'content-type': 'text/html; charset=utf-8',
  'content-length': body.length,
  ...(encoding ? { 'content-encoding': encoding, vary: 'Accept-Encoding' } : {}),
};
createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
