import { request, type IncomingHttpHeaders, type RequestOptions } from 'node:http';
import { createServer } from 'node:net';

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
