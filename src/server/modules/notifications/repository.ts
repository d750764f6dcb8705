import type { Notification, NotificationListQuery } from '../../../shared/contracts/notifications';
import type { NotificationKind } from '../../../shared/domain/notificationKinds';
import type { Locale } from '../../../shared/i18n/locales';
import type { Queryable } from '../../db/types';
import { Params, queryPage } from '../../platform/sql';
import { enqueueMailForNotifications } from '../mail/outbox';

const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The recipient: a user sees what is addressed to them or to their organisation, nothing else. */
export interface Recipient {
  userId: string;
  orgId: string;
}

function mine(r: Recipient, p: Params): string {
  return `(n.recipient_user_id = ${p.add(r.userId)} OR n.recipient_org_id = ${p.add(r.orgId)})`;
}

function columns(locale: Locale): string {
  const zh = locale === 'zh-CN';
  return `n.id, n.kind, n.round_id AS "roundId",
    ${zh ? 'n.title_zh' : 'n.title_en'} AS title, ${zh ? 'n.body_zh' : 'COALESCE(n.body_en, n.body_zh)'} AS body,
    n.link, ${TS('n.created_at')} AS "createdAt", ${TS('n.read_at')} AS "readAt"`;
}

export async function listNotifications(
  db: Queryable,
  r: Recipient,
  q: NotificationListQuery,
  locale: Locale,
): Promise<{ items: Notification[]; total: number }> {
  const p = new Params();
  const where = [mine(r, p)];
  if (q.unread === 'true') where.push('n.read_at IS NULL');
  if (q.unread === 'false') where.push('n.read_at IS NOT NULL');
  if (q.kind) where.push(`n.kind = ${p.add(q.kind)}`);
  const filter = `WHERE ${where.join(' AND ')}`;
  return queryPage<Notification>(
    db,
    p,
    q.page,
    q.pageSize,
    `SELECT ${columns(locale)} FROM notifications n ${filter} ORDER BY n.created_at DESC, n.id DESC`,
    `SELECT count(*)::int AS total FROM notifications n ${filter}`,
  );
}

export async function unreadCount(db: Queryable, r: Recipient): Promise<number> {
  const p = new Params();
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM notifications n WHERE ${mine(r, p)} AND n.read_at IS NULL`,
    p.values,
  );
  return rows[0]?.n ?? 0;
}

export async function findNotification(db: Queryable, r: Recipient, id: string, locale: Locale): Promise<Notification | undefined> {
  const p = new Params();
  const { rows } = await db.query<Notification>(
    `SELECT ${columns(locale)} FROM notifications n WHERE n.id = ${p.add(id)} AND ${mine(r, p)}`,
    p.values,
  );
  return rows[0];
}

/** Mark one of the recipient's notifications read; false when it was read already (or is not theirs). */
export async function markRead(db: Queryable, r: Recipient, id: string): Promise<boolean> {
  const p = new Params();
  const { rows } = await db.query(
    `UPDATE notifications n SET read_at = now() WHERE n.id = ${p.add(id)} AND ${mine(r, p)} AND n.read_at IS NULL RETURNING n.id`,
    p.values,
  );
  return rows.length > 0;
}

/** Mark every unread notification of the recipient read; returns how many. */
export async function markAllRead(db: Queryable, r: Recipient): Promise<number> {
  const p = new Params();
  const { rows } = await db.query(
    `UPDATE notifications n SET read_at = now() WHERE ${mine(r, p)} AND n.read_at IS NULL RETURNING n.id`,
    p.values,
  );
  return rows.length;
}

/** Texts of a notification; `{year}` is replaced by each round's listing year. */
export interface NotificationTexts {
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
}

/**
 * One notification per round to the round's enterprise (its organisation), in one statement,
 * linking to the round page.
 */
export async function insertForRoundEnterprises(
  db: Queryable,
  kind: NotificationKind,
  roundIds: readonly string[],
  texts: NotificationTexts,
): Promise<number> {
  if (!roundIds.length) return 0;
  const y = (n: number) => `replace($${n}, '{year}', r.listing_year::text)`;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO notifications (recipient_org_id, kind, round_id, title_zh, title_en, body_zh, body_en, link)
     SELECT r.enterprise_id, $2, r.id, ${y(3)}, ${y(4)}, ${y(5)}, ${y(6)}, '/rounds/' || r.id::text
       FROM audit_rounds r WHERE r.id = ANY($1::uuid[]) ORDER BY r.id
     RETURNING id`,
    [roundIds, kind, texts.titleZh, texts.titleEn, texts.bodyZh, texts.bodyEn],
  );
  await enqueueMailForNotifications(db, rows.map((r) => r.id));
  return rows.length;
}

/** One notification to write: to a user, an organisation (every user of it sees it), or both. */
export interface NewNotification {
  userId?: string | null;
  orgId?: string | null;
  kind: NotificationKind;
  roundId?: string | null;
  titleZh: string;
  titleEn: string;
  bodyZh?: string | null;
  bodyEn?: string | null;
  link?: string | null;
}

/**
 * Writes notifications in one statement (arrays unnested), inside the caller's transaction, and
 * returns their ids in input order. Every producer of notifications goes through here or through
 * insertForRoundEnterprises, so delivery by other channels can hang off these two functions.
 */
export async function insertNotifications(db: Queryable, rows: readonly NewNotification[]): Promise<string[]> {
  if (!rows.length) return [];
  const col = <T>(f: (r: NewNotification) => T) => rows.map(f);
  const { rows: inserted } = await db.query<{ id: string }>(
    `INSERT INTO notifications (recipient_user_id, recipient_org_id, kind, round_id, title_zh, title_en, body_zh, body_en, link)
     SELECT u, o, k, r, tz, te, bz, be, l
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
            WITH ORDINALITY AS x(u, o, k, r, tz, te, bz, be, l, n)
      ORDER BY n
     RETURNING id`,
    [
      col((r) => r.userId ?? null),
      col((r) => r.orgId ?? null),
      col((r) => r.kind),
      col((r) => r.roundId ?? null),
      col((r) => r.titleZh),
      col((r) => r.titleEn),
      col((r) => r.bodyZh ?? null),
      col((r) => r.bodyEn ?? null),
      col((r) => r.link ?? null),
    ],
  );
  const ids = inserted.map((r) => r.id);
  await enqueueMailForNotifications(db, ids);
  return ids;
}
