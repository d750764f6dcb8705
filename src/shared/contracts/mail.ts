import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../domain/notificationKinds';
import { optionalQueryString, pageOf, pageQuery } from './common';

export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** Kinds of e-mail: one per notification kind, and the daily digest. */
export const MAIL_KINDS = [...NOTIFICATION_KINDS, 'digest'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

const blankAsUnset = (v: unknown) => (v === '' ? undefined : v);

export const mailOutboxQuery = z.object({
  ...pageQuery,
  status: z.preprocess(blankAsUnset, z.enum(MAIL_STATUSES).optional()),
  kind: z.preprocess(blankAsUnset, z.enum(MAIL_KINDS).optional()),
  /** Part of the recipient's address, user name or display name. */
  recipient: optionalQueryString(200),
});
export type MailOutboxQuery = z.infer<typeof mailOutboxQuery>;

export const mailMessageSchema = z.object({
  id: z.uuid(),
  recipient: z.string(),
  recipientName: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  kind: z.string(),
  subject: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type MailMessage = z.infer<typeof mailMessageSchema>;
export const mailOutboxPageSchema = pageOf(mailMessageSchema);
export type MailOutboxPage = z.infer<typeof mailOutboxPageSchema>;

/** One message with its text ('{{link}}' shown as the link's path). */
export const mailMessageDetailSchema = mailMessageSchema.extend({ body: z.string(), link: z.string().nullable() });
export type MailMessageDetail = z.infer<typeof mailMessageDetailSchema>;

export const mailPreferencesSchema = z.object({
  /** The address mail goes to (from the user's profile); null: no e-mail at all. */
  email: z.string().nullable(),
  /** Notification kinds that also come by e-mail. */
  emailKinds: z.array(z.enum(NOTIFICATION_KINDS)),
  dailyDigest: z.boolean(),
});
export type MailPreferences = z.infer<typeof mailPreferencesSchema>;

export const mailPreferencesInput = z.object({
  emailKinds: z.array(z.enum(NOTIFICATION_KINDS)).max(NOTIFICATION_KINDS.length),
  dailyDigest: z.boolean(),
});
export type MailPreferencesInput = z.infer<typeof mailPreferencesInput>;
