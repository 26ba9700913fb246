import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

// What the server says to a request it could not read, before any route or header: the reader's
// language is unknown then, so in both (French first).
const ANSWERS: Record<string, { status: number; text: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    text: 'Requête trop lente, abandonnée. / The request took too long.',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    text: 'En-têtes de requête trop grands. / Request headers too large.',
  },
};
const MALFORMED = { status: 400, text: 'Requête invalide. / Bad request.' };

/**
 * Answers a request the HTTP parser refused (a malformed request line, headers too large, too
 * slow) with a short text and closes the connection. Fastify's own answer is JSON in English
 * and leaves out `Connection: close`, so a client reusing the connection finds it cut.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { status, text } = (err.code && ANSWERS[err.code]) || MALFORMED;
    const body = Buffer.from(`${text}\n`);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n` +
        'Content-Type: text/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n' +
        `Cache-Control: no-store\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body);
  }
  socket.destroy(err);
}
