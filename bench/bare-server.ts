// The baseline for bench/pages: a bare node:http server answering every request with one
// HTML file held in memory. Usage: tsx bench/bare-server.ts <port> <html-file>
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [port, file] = process.argv.slice(2);
if (!port || !file) throw new Error('usage: bare-server.ts <port> <html-file>');
const body = readFileSync(file);
createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  res.end(body);
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
