import { createHash, randomBytes } from 'node:crypto';
import { CALENDAR_MAX_DAYS, type Calendar, type CalendarEvent, type CalendarIcsQuery, type CalendarQuery, type FeedTokenCreated, type FeedTokenStatus } from '../../../shared/contracts/calendar';
import { addMonths, daysLeft, DEADLINE_KIND_LABELS } from '../../../shared/domain/deadlines';
import { ROUND_STATE_LABELS } from '../../../shared/domain/roundStates';
import { PANEL_ASSIGNED_NOTICE } from '../../../shared/domain/transitionNotices';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import { actorOf } from '../../platform/auth/principal';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { today } from '../rounds/service';
import { buildIcs } from './ics';
import * as repo from './repository';

export const FEED_ENTITY = { 'zh-CN': '日程订阅', en: 'Calendar feed' } as const;

const zh = (l: Locale) => l === 'zh-CN';

function checkRange(from: string, to: string): void {
  const days = daysLeft(to, from);
  if (days < 0) {
    throw new AppError('VALIDATION_FAILED', {}, { to: (l) => (zh(l) ? '不能早于开始时间' : 'must not be before the start') });
  }
  if (days > CALENDAR_MAX_DAYS) {
    throw new AppError('VALIDATION_FAILED', {}, {
      to: (l) => (zh(l) ? `与开始时间相隔不能超过 ${CALENDAR_MAX_DAYS} 天` : `must be at most ${CALENDAR_MAX_DAYS} days after the start`),
    });
  }
}

/** The events of the caller's calendar in a range, titles in `locale`, ordered by date. */
async function events(db: Db, actor: Actor, q: CalendarQuery, locale: Locale): Promise<CalendarEvent[]> {
  checkRange(q.from, q.to);
  const range = { from: q.from, to: q.to };
  const want = (kind: CalendarEvent['kind']) => !q.kind || q.kind === kind;
  const now = today();
  const list: CalendarEvent[] = [];
  if (want('roundDeadline') && actor.scope.kind !== 'expert') {
    for (const r of await repo.roundDeadlines(db, actor.scope, range, q.districtCode)) {
      const label = DEADLINE_KIND_LABELS[r.kind][locale];
      list.push({
        uid: `round-${r.roundId}-${r.kind}@cpaudit`,
        kind: 'roundDeadline',
        date: r.due,
        title: `${r.enterpriseName}${zh(locale) ? '：' : ': '}${label}`,
        description: zh(locale)
          ? `${r.listingYear}年度审核，${r.districtName}，当前状态：${ROUND_STATE_LABELS[r.state][locale]}`
          : `${r.listingYear} audit, ${r.districtName}, state: ${ROUND_STATE_LABELS[r.state][locale]}`,
        link: `/rounds/${r.roundId}`,
        roundId: r.roundId,
        deadlineKind: r.kind,
        overdue: r.current && r.due < now,
        districtName: r.districtName,
      });
    }
  }
  if (want('milestone')) {
    for (const m of await repo.milestones(db, actor, range)) {
      list.push({
        uid: `milestone-${m.id}@cpaudit`,
        kind: 'milestone',
        date: m.due,
        title: m.name,
        description: m.campaignTitle,
        link: `/campaigns/${m.campaignId}`,
        roundId: null,
        deadlineKind: null,
        overdue: false,
        districtName: null,
      });
    }
  }
  if (want('panelFormed') && actor.scope.kind === 'expert') {
    for (const p of await repo.openPanels(db, actor.userId, range)) {
      const review = PANEL_ASSIGNED_NOTICE.review[p.kind][locale];
      list.push({
        uid: `panel-${p.panelId}@cpaudit`,
        kind: 'panelFormed',
        date: p.date,
        title: zh(locale) ? `${p.enterpriseName}：${review}专家组` : `${p.enterpriseName}: ${review} panel`,
        description: zh(locale)
          ? `${p.listingYear}年度审核，${p.districtName}；请声明回避情况并完成评分`
          : `${p.listingYear} audit, ${p.districtName}; declare conflicts and score`,
        link: `/reviews/${p.panelId}`,
        roundId: p.roundId,
        deadlineKind: null,
        overdue: false,
        districtName: p.districtName,
      });
    }
  }
  if (want('panelMeeting')) {
    for (const m of await repo.panelMeetings(db, actor.scope, range, q.districtCode)) {
      const review = PANEL_ASSIGNED_NOTICE.review[m.kind][locale];
      const place = m.place ?? (zh(locale) ? '地点另行通知' : 'place to be announced');
      list.push({
        uid: `meeting-${m.panelId}@cpaudit`,
        kind: 'panelMeeting',
        date: m.date,
        title: zh(locale) ? `${m.enterpriseName}：${review}评审会` : `${m.enterpriseName}: ${review} review meeting`,
        description: zh(locale) ? `${m.listingYear}年度审核，${m.districtName}；${place}` : `${m.listingYear} audit, ${m.districtName}; ${place}`,
        link: actor.scope.kind === 'expert' ? `/reviews/${m.panelId}` : `/rounds/${m.roundId}`,
        roundId: m.roundId,
        deadlineKind: null,
        overdue: false,
        districtName: m.districtName,
      });
    }
  }
  const order = { roundDeadline: 0, milestone: 1, panelFormed: 2, panelMeeting: 3 } as const;
  return list.sort((a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind] || a.title.localeCompare(b.title));
}

export async function getCalendar(db: Db, actor: Actor, q: CalendarQuery, locale: Locale): Promise<Calendar> {
  return { from: q.from, to: q.to, events: await events(db, actor, q, locale) };
}

/** The .ics range: as given, else three months back to a year ahead of today. */
function icsRange(q: CalendarIcsQuery): CalendarQuery {
  const now = today();
  const from = q.from ?? addMonths(now, -3);
  return { ...q, from, to: q.to ?? addMonths(from, 13) };
}

function icsOf(list: CalendarEvent[], locale: Locale, baseUrl: string): string {
  return buildIcs({
    name: zh(locale) ? 'cpaudit 清洁生产审核日程' : 'cpaudit cleaner production audit calendar',
    language: locale,
    now: new Date(),
    events: list.map((e) => ({ uid: e.uid, date: e.date, summary: e.title, description: e.description, url: `${baseUrl}${e.link}` })),
  });
}

/** The caller's calendar as iCalendar, in their account's language. */
export async function calendarIcs(db: Db, actor: Actor, q: CalendarIcsQuery, baseUrl: string): Promise<string> {
  return icsOf(await events(db, actor, icsRange(q), actor.locale), actor.locale, baseUrl);
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The subscription feed: the token's owner's calendar (enabled users only); any other token is 404. */
export async function feedIcs(db: Db, token: string, baseUrl: string): Promise<string> {
  const owner = TOKEN.test(token) ? await repo.feedOwner(db, hashOf(token)) : undefined;
  if (!owner) throw notFound(FEED_ENTITY);
  const actor = actorOf(owner);
  return icsOf(await events(db, actor, icsRange({}), actor.locale), actor.locale, baseUrl);
}

export async function feedTokenStatus(db: Db, actor: Actor): Promise<FeedTokenStatus> {
  const row = await repo.feedTokenStatus(db, actor.userId);
  return { active: !!row, createdAt: row?.createdAt ?? null };
}

export const feedPath = (token: string) => `/api/calendar/feed/${token}.ics`;

/** A new subscription token (the old one, if any, stops working); the token is returned once, only its hash is kept. */
export async function regenerateFeedToken(db: Db, actor: Actor, meta: RequestMeta): Promise<FeedTokenCreated> {
  const token = randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    const { createdAt, replaced } = await repo.replaceFeedToken(tx, actor.userId, hashOf(token));
    await recordAudit(tx, actor, meta, {
      action: 'calendar.feedTokenCreated',
      entityId: actor.userId,
      before: replaced ? { active: true } : undefined,
      after: { active: true, createdAt },
    });
    return { token, path: feedPath(token), createdAt };
  });
}

/** Revokes the subscription address; nothing to revoke is a no-op without an audit event. */
export async function revokeFeedToken(db: Db, actor: Actor, meta: RequestMeta): Promise<FeedTokenStatus> {
  await db.transaction(async (tx) => {
    if (await repo.deleteFeedToken(tx, actor.userId)) {
      await recordAudit(tx, actor, meta, { action: 'calendar.feedTokenRevoked', entityId: actor.userId, before: { active: true }, after: { active: false } });
    }
  });
  return { active: false, createdAt: null };
}
