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
  /** Resolves once the server accepted the mail; rejects with the server's error otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A mailer that hands each mail to the SMTP server at `smtpUrl` (smtp://user:pass@host:587). */
export function createSmtpMailer({ smtpUrl, from }: { smtpUrl: string; from: string }): Mailer {
  // nodemailer's defaults wait up to 10 minutes on a silent server; a send must end well
  // within the outbox claim (2 min) so no other instance takes the mail meanwhile.
  // Settings in the URL's query string (?socketTimeout=…) still win over these.
  const transport = createTransport(
    new SMTPTransport({
      url: smtpUrl,
      connectionTimeout: 20_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    }),
    { from },
  );
  return {
    async send(mail) {
      await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers ?? {},
      });
    },
    close() {
      transport.close();
    },
  };
}

/** Whether a send error means the recipient will never be reached, so retrying is pointless. */
export function isPermanentFailure(err: unknown): boolean {
  const e = err as { responseCode?: unknown; command?: unknown } | null;
  // Only a 5xx answer to RCPT TO is about this mail's recipient; other 5xx answers (a refused
  // login, a sender the relay does not accept) are configuration problems, which may well be
  // fixed before the next try.
  return (
    typeof e?.responseCode === 'number' &&
    e.responseCode >= 500 &&
    e.responseCode < 600 &&
    e.command === 'RCPT TO'
  );
}
