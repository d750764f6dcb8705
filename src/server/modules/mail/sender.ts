import nodemailer from 'nodemailer';
import type { Db } from '../../db/types';
import { claimDueMail, enqueueDailyDigests, markAttemptFailed, markSent } from './outbox';
import { resolveLinks } from './templates';

/** What sends a message: nodemailer's transporter (or anything with the same sendMail). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
  close?(): void;
}

/** A configured sender: the transport, the From address, and the base address of links. */
export interface MailSender {
  transport: MailTransport;
  from: string;
  baseUrl: string;
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
}

/** Maximum number of attempts before a message is 'failed' (an administrator may retry it). */
export const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_SECONDS = 60;
const BACKOFF_MAX_SECONDS = 6 * 3600;

/** Seconds to wait after the n-th failed attempt (1, 2, …): 1 min, 2 min, 4 min … at most 6 h. */
export function backoffSeconds(failedAttempts: number): number {
  return Math.min(BACKOFF_BASE_SECONDS * 2 ** Math.max(0, failedAttempts - 1), BACKOFF_MAX_SECONDS);
}

/** A nodemailer SMTP transport from the configuration. */
export function createSmtpTransport(smtp: SmtpSettings): MailTransport {
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
}

export interface SendResult {
  sent: number;
  /** Attempts that failed and will be retried. */
  retrying: number;
  /** Messages that reached the maximum of attempts. */
  failed: number;
}

/**
 * Sends the messages due at `now`: claims them (safe with several instances), sends each through
 * the transport, and records the outcome. Without a sender (no SMTP configured) nothing is claimed
 * and the messages stay pending in the outbox.
 */
export async function sendDueMail(db: Db, sender: MailSender | null, now: Date = new Date(), batchSize = 50): Promise<SendResult> {
  const result: SendResult = { sent: 0, retrying: 0, failed: 0 };
  if (!sender) return result;
  const claimed = await claimDueMail(db, now, batchSize);
  for (const mail of claimed) {
    try {
      await sender.transport.sendMail({
        from: sender.from,
        to: mail.recipient,
        subject: mail.subject,
        text: resolveLinks(mail.body, mail.link, sender.baseUrl),
      });
      await markSent(db, mail.id, now);
      result.sent += 1;
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      const status = await markAttemptFailed(db, mail.id, now, message, backoffSeconds(mail.attempts + 1), MAX_ATTEMPTS);
      if (status === 'failed') result.failed += 1;
      else result.retrying += 1;
    }
  }
  return result;
}

export interface MailWorkerLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface MailWorker {
  /** Stops the timer and waits for the run in progress. */
  stop(): Promise<void>;
}

/**
 * Every `intervalSeconds`: writes the due daily digests and sends the due messages. Without SMTP
 * the digests are still written and everything stays pending (visible to administrators).
 */
export function startMailWorker(opts: { db: Db; sender: MailSender | null; intervalSeconds: number; log: MailWorkerLog }): MailWorker {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      const now = new Date();
      await enqueueDailyDigests(opts.db, now);
      const r = await sendDueMail(opts.db, opts.sender, now);
      if (r.sent || r.retrying || r.failed) opts.log.info({ mail: r }, 'mail outbox processed');
    })()
      .catch((error: unknown) => opts.log.warn({ err: error }, 'mail worker run failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, opts.intervalSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      if (running) await running;
      opts.sender?.transport.close?.();
    },
  };
}
