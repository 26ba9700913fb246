import net from 'node:net';
import { createTransport } from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

/** A mail ready to leave: addresses, subject, both bodies and any extra headers. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/** Whatever delivers mail; the outbox worker's only way out of the process. */
export interface Mailer {
  /**
   * Resolves once the server accepted the mail; rejects with the server's error otherwise. When
   * `signal` aborts, rejects at once with its reason and cuts the connection first, so a server
   * still short of its final answer never gets the chance to accept the mail later.
   */
  send(mail: OutgoingMail, options?: { signal?: AbortSignal }): Promise<void>;
  close(): void;
}

/** A mailer that hands each mail to the SMTP server at `smtpUrl` (smtp://user:pass@host:587). */
export function createSmtpMailer({ smtpUrl, from }: { smtpUrl: string; from: string }): Mailer {
  const open = new Set<net.Socket>();
  return {
    async send(mail, { signal } = {}) {
      signal?.throwIfAborted();
      let socket: net.Socket | undefined;
      // One transport per send, over a socket of our own (nodemailer's documented getSocket
      // hook, meant for proxies), so that an abort can destroy exactly this send's connection.
      const transport = createTransport(
        new SMTPTransport({
          url: smtpUrl,
          // nodemailer's defaults wait up to 10 minutes on a silent server. These only catch
          // silence: a server that keeps talking is cut by the caller's signal instead.
          // Settings in the URL's query string (?socketTimeout=…) still win over these.
          connectionTimeout: 20_000,
          greetingTimeout: 15_000,
          socketTimeout: 30_000,
          getSocket(options, callback) {
            socket = connectTo(options, callback);
            open.add(socket);
            socket.once('close', () => open.delete(socket!));
          },
        }),
        { from },
      );
      const sending = transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers ?? {},
      });
      try {
        await untilAborted(sending, signal, (reason) => socket?.destroy(asError(reason)));
      } finally {
        transport.close();
      }
    },
    close() {
      for (const socket of open) socket.destroy();
    },
  };
}

// A plain TCP connection to the server; nodemailer speaks SMTP over it (and upgrades it to TLS
// itself for smtps:// or STARTTLS), so destroying it ends the whole session.
function connectTo(
  options: SMTPTransport.Options,
  callback: (err: Error | null, socketOptions?: { connection: net.Socket }) => void,
): net.Socket {
  const port = Number(options.port) || (options.secure ? 465 : 587);
  const socket = net.connect({ host: options.host ?? 'localhost', port });
  const timedOut = () =>
    socket.destroy(new Error(`Connection timeout to ${options.host ?? 'localhost'}:${port}`));
  socket.setTimeout(options.connectionTimeout ?? 20_000, timedOut);
  const failed = (err: Error) => callback(err);
  socket.once('error', failed);
  socket.once('connect', () => {
    // From here nodemailer keeps its own watch on silence.
    socket.setTimeout(0);
    socket.off('timeout', timedOut);
    socket.off('error', failed);
    callback(null, { connection: socket });
  });
  // Errors after nodemailer let go of the socket (a destroy during teardown) are nobody's.
  socket.on('error', () => {});
  return socket;
}

// Settles like `work`, or rejects with the signal's reason as soon as it aborts (after `onAbort`).
function untilAborted<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  onAbort: (reason: unknown) => void,
): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort(signal.reason);
      reject(asError(signal.reason));
    };
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}

/** The SMTP commands whose 5xx answer is about this very mail: its recipient or its content. */
const MAIL_COMMANDS = new Set(['RCPT TO', 'DATA']);

/** Whether a send error means the mail will never be accepted, so retrying is pointless. */
export function isPermanentFailure(err: unknown): boolean {
  const e = err as { responseCode?: unknown; command?: unknown } | null;
  // A 5xx answer to RCPT TO (no such recipient) or to DATA (the message refused, before or after
  // its content) will be the same next time. Other 5xx answers (a refused login, a sender the
  // relay does not accept) are configuration problems, which may well be fixed before the next
  // try; 4xx answers and connection errors are temporary by definition.
  return (
    typeof e?.responseCode === 'number' &&
    e.responseCode >= 500 &&
    e.responseCode < 600 &&
    typeof e.command === 'string' &&
    MAIL_COMMANDS.has(e.command)
  );
}
