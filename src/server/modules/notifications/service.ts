import type { MarkedRead, Notification, NotificationListQuery, NotificationPage } from '../../../shared/contracts/notifications';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db, Tx } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { notFound } from '../../platform/errors';
import * as repo from './repository';

export const NOTIFICATION_ENTITY = { 'zh-CN': '通知', en: 'Notification' } as const;

const recipientOf = (actor: Actor): repo.Recipient => ({ userId: actor.userId, orgId: actor.orgId });

/** The caller's notifications, titles in `locale` (the request's language). */
export function listMyNotifications(db: Db, actor: Actor, query: NotificationListQuery, locale: Locale): Promise<NotificationPage> {
  return repo.listNotifications(db, recipientOf(actor), query, locale);
}

export async function myUnreadCount(db: Db, actor: Actor): Promise<{ unread: number }> {
  return { unread: await repo.unreadCount(db, recipientOf(actor)) };
}

/** Mark one notification read (idempotent: an already read one is returned unchanged, without an audit event). */
export async function markRead(db: Db, actor: Actor, id: string, locale: Locale, meta: RequestMeta): Promise<Notification> {
  const recipient = recipientOf(actor);
  return db.transaction(async (tx) => {
    const changed = await repo.markRead(tx, recipient, id);
    const after = await repo.findNotification(tx, recipient, id, locale);
    if (!after) throw notFound(NOTIFICATION_ENTITY);
    if (changed) {
      await recordAudit(tx, actor, meta, { action: 'notification.read', entityId: id, after: { readAt: after.readAt } });
    }
    return after;
  });
}

export async function markAllRead(db: Db, actor: Actor, meta: RequestMeta): Promise<MarkedRead> {
  return db.transaction(async (tx) => {
    const marked = await repo.markAllRead(tx, recipientOf(actor));
    if (marked > 0) {
      await recordAudit(tx, actor, meta, { action: 'notification.allRead', entityId: null, after: { marked } });
    }
    return { marked };
  });
}

/** Tell the enterprises of newly listed rounds, inside the publication's transaction. */
export function notifyListPublished(
  tx: Tx,
  roundIds: readonly string[],
  list: { year: number; publishedOn: string; dueDates: { disclose: string; start: string; report: string } },
): Promise<number> {
  const { year, publishedOn, dueDates: d } = list;
  return repo.insertForRoundEnterprises(tx, 'list.published', roundIds, {
    titleZh: `您单位已纳入${year}年度强制性清洁生产审核名单`,
    titleEn: `Your organisation is on the ${year} list of mandatory cleaner production audits`,
    bodyZh: `${publishedOn}公布的${year}年度强制性清洁生产审核名单包括您单位。请于${d.disclose}前完成信息公开，${d.start}前启动审核，${d.report}前提交审核报告。`,
    bodyEn: `The ${year} list published on ${publishedOn} includes your organisation. Disclose by ${d.disclose}, start the audit by ${d.start} and submit the audit report by ${d.report}.`,
  });
}

/** Tell the enterprises whose acceptance results were published in a batch, inside its transaction. */
export function notifyResultPublished(
  tx: Tx,
  roundIds: readonly string[],
  batch: { title: string; publishedOn: string },
): Promise<number> {
  return repo.insertForRoundEnterprises(tx, 'result.published', roundIds, {
    titleZh: '您单位{year}年度清洁生产审核验收结果已公布',
    titleEn: 'The acceptance result of your {year} cleaner production audit is published',
    bodyZh: `验收结果已列入“${batch.title}”，于${batch.publishedOn}在公众门户公布。`,
    bodyEn: `The result is part of "${batch.title}", published on the public portal on ${batch.publishedOn}.`,
  });
}
