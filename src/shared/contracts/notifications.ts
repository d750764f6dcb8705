import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../domain/notificationKinds';
import { pageOf, pageQuery } from './common';

const queryKind = z.preprocess((v) => (v === '' ? undefined : v), z.enum(NOTIFICATION_KINDS).optional());

export const notificationListQuery = z.object({
  ...pageQuery,
  /** 'true': only unread notifications. */
  unread: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['true', 'false']).optional()),
  kind: queryKind,
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  roundId: z.uuid().nullable(),
  /** In the caller's language. */
  title: z.string(),
  body: z.string().nullable(),
  /** A path inside the web app (e.g. /rounds/<id>). */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationPageSchema = pageOf(notificationSchema);
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const unreadCountSchema = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

export const markedReadSchema = z.object({ marked: z.number().int() });
export type MarkedRead = z.infer<typeof markedReadSchema>;
