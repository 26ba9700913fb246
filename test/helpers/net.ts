import { request, type IncomingHttpHeaders, type RequestOptions } from 'node:http';
import { createServer } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A response read whole: its status, headers and bytes as sent (not decompressed). */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One HTTP request over a real socket (app.inject never reaches the server's own handler). A
 * `path` is sent as it is, where the URL's would be normalised (`/./`, `%2e`).
 */
export function httpRequest(
  url: string,
  { method = 'GET', headers = {}, agent, path }: RequestOptions = {},
): Promise<RawResponse> {
  const options = { method, headers, ...(agent ? { agent } : {}), ...(path ? { path } : {}) };
  return new Promise((resolve, reject) => {
    const req = request(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** A response's body as text, decompressed as its Content-Encoding says (br, gzip or none). */
export function bodyText(r: { headers: IncomingHttpHeaders; body: Buffer }): string {
  const encoding = r.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(r.body).toString();
  if (encoding === 'gzip') return gunzipSync(r.body).toString();
  return r.body.toString();
}

/** A response's headers but those that differ between two responses of one page: the date and the request's id. */
export function pageHeaders({
  date: _date,
  'x-request-id': _id,
  ...rest
}: IncomingHttpHeaders): IncomingHttpHeaders {
  return rest;
}
