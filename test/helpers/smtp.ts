import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message the in-process SMTP server received. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives, for mail tests. */
export async function startSmtpServer(): Promise<{
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * How the faulty server treats a recipient, named by its address's local part before any `+`
 * (`drip+3@example.org`): `drip` answers the first DATA with a `250-` continuation line every
 * `dripEveryMs` for `dripForMs` before its final answer, `refuse-rcpt` answers RCPT with 550,
 * `refuse-data` answers DATA with 554, `busy` answers the first DATA with 451, `drop` cuts the
 * connection in the middle of the first DATA; any other address is accepted at once.
 */
export type SmtpFault = 'drip' | 'refuse-rcpt' | 'refuse-data' | 'busy' | 'drop';

/** A real SMTP server on loopback that misbehaves on purpose, and counts what it went through. */
export interface FaultySmtpServer {
  url: string;
  /** Mails accepted: the server wrote its final 250 to a client still connected. */
  delivered: ReceivedMail[];
  /** How many times `address` was named in RCPT TO. */
  rcpts(address: string): number;
  /** How many messages to `address` were offered (DATA begun). */
  offers(address: string): number;
  /** How many times a message to `address` was accepted. */
  deliveries(address: string): number;
  /** The most transactions ever open at once for one recipient (2 would mean two senders). */
  maxOverlap(): number;
  /** Stops listening and cuts every connection, as a server that goes down. */
  stop(): Promise<void>;
  /** Listens again, on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

const faultOf = (address: string) => address.split('@')[0]!.split('+')[0];

/** Starts a faulty SMTP server (see SmtpFault) on loopback. */
export async function startFaultySmtpServer({
  dripEveryMs,
  dripForMs,
}: {
  dripEveryMs: number;
  dripForMs: number;
}): Promise<FaultySmtpServer> {
  const delivered: ReceivedMail[] = [];
  const rcpts = new Map<string, number>();
  const offers = new Map<string, number>();
  const open = new Map<string, number>();
  // The recipients of each connection's open transaction, closed by the final answer or a hang-up.
  const pending = new Map<string, string[]>();
  let maxOverlap = 0;
  const bump = (map: Map<string, number>, key: string, by = 1) => {
    const n = (map.get(key) ?? 0) + by;
    map.set(key, n);
    return n;
  };
  const endTransaction = (sessionId: string) => {
    for (const address of pending.get(sessionId) ?? []) bump(open, address, -1);
    pending.delete(sessionId);
  };

  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, session, callback) {
      bump(rcpts, address.address);
      if (faultOf(address.address) === 'refuse-rcpt')
        return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      maxOverlap = Math.max(maxOverlap, bump(open, address.address));
      pending.set(session.id, [...(pending.get(session.id) ?? []), address.address]);
      callback();
    },
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      const [first = ''] = to;
      const offer = bump(offers, first);
      const fault = faultOf(first);
      const socket = [...server.connections].find((c) => c.session === session)?._socket;
      const connected = () => socket !== undefined && !socket.destroyed;
      const accept = (raw: string) => {
        if (connected()) {
          delivered.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to,
            raw,
          });
        }
        endTransaction(session.id);
        callback();
      };
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
        if (fault === 'drop' && offer === 1) socket?.destroy();
      });
      stream.on('end', () => {
        if (fault === 'refuse-data') {
          endTransaction(session.id);
          return callback(Object.assign(new Error('Message refused'), { responseCode: 554 }));
        }
        if (fault === 'busy' && offer === 1) {
          endTransaction(session.id);
          return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        }
        if (fault !== 'drip' || offer > 1) return accept(raw);
        const started = Date.now();
        const timer = setInterval(() => {
          if (!connected()) return clearInterval(timer);
          if (Date.now() - started < dripForMs) {
            socket!.write(`250-Still checking the message for ${first}\r\n`);
            return;
          }
          clearInterval(timer);
          accept(raw);
        }, dripEveryMs);
      });
    },
    onClose(session) {
      endTransaction(session.id);
    },
  });
  // A client hanging up mid-answer (an aborted send) is a socket error here, and part of the plan.
  server.on('error', () => {});
  const listen = async (port: number) => {
    server.server.listen(port, '127.0.0.1');
    await once(server.server, 'listening');
  };
  await listen(0);
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    delivered,
    rcpts: (address) => rcpts.get(address) ?? 0,
    offers: (address) => offers.get(address) ?? 0,
    deliveries: (address) => delivered.filter((m) => m.to.includes(address)).length,
    maxOverlap: () => maxOverlap,
    async stop() {
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      for (const connection of server.connections) connection._socket.destroy();
      await closed;
    },
    start: () => listen(port),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
