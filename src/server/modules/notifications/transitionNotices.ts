import { ROUND_STATE_LABELS, type RoundState, type TransitionName } from '../../../shared/domain/roundStates';
import { GRADE_LABELS } from '../../../shared/domain/scoring';
import {
  fillNotice,
  NEXT_STEP_TEXTS,
  NO_DEADLINE_TEXT,
  PANEL_ASSIGNED_NOTICE,
  PANEL_MEETING_NOTICE,
  transitionNotice,
  type NoticeAudience,
} from '../../../shared/domain/transitionNotices';
import type { NotificationKind } from '../../../shared/domain/notificationKinds';
import type { Locale } from '../../../shared/i18n/locales';
import type { Queryable } from '../../db/types';
import { insertNotifications, type NewNotification } from './repository';

/** The organisations a round's notices can reach, read in one statement. */
interface RoundAudience {
  enterpriseName: string;
  listingYear: number;
  state: RoundState;
  nextDueOn: string | null;
  enterpriseOrg: string;
  agencyOrg: string | null;
  districtOrgs: string[];
  cityOrgs: string[];
}

async function roundAudience(db: Queryable, roundId: string): Promise<RoundAudience | undefined> {
  const { rows } = await db.query<RoundAudience>(
    `SELECT e.name AS "enterpriseName", r.listing_year AS "listingYear", r.state,
            to_char(r.next_due_on, 'YYYY-MM-DD') AS "nextDueOn", r.enterprise_id AS "enterpriseOrg",
            (SELECT g.agency_id FROM round_engagements g WHERE g.round_id = r.id AND g.ended_at IS NULL) AS "agencyOrg",
            ARRAY(SELECT o.id FROM organizations o
                   WHERE o.kind = 'district_bureau' AND o.district_code = r.district_code ORDER BY o.id) AS "districtOrgs",
            ARRAY(SELECT o.id FROM organizations o
                   WHERE o.kind = 'city_bureau' AND o.city_code = r.city_code ORDER BY o.id) AS "cityOrgs"
       FROM audit_rounds r JOIN enterprises e ON e.id = r.enterprise_id WHERE r.id = $1`,
    [roundId],
  );
  return rows[0];
}

function orgsOf(a: RoundAudience, audience: readonly NoticeAudience[]): string[] {
  const orgs = audience.flatMap((who) => {
    switch (who) {
      case 'enterprise':
        return [a.enterpriseOrg];
      case 'agency':
        return a.agencyOrg ? [a.agencyOrg] : [];
      case 'district':
        return a.districtOrgs;
      case 'city':
        return a.cityOrgs;
    }
  });
  return [...new Set(orgs)];
}

export interface TransitionNoticeInput {
  /** The panel's result of a grade-decided transition. */
  grade?: string | null;
  score?: number | null;
  /** The reason the firing user gave. */
  comment?: string | null;
}

/**
 * Tells the organisations that must act (or must know) about a transition, inside its transaction, after
 * the state change: one read of the audience, one insert of every notification. Returns how many were written.
 */
export async function notifyTransition(db: Queryable, roundId: string, name: TransitionName, input: TransitionNoticeInput = {}): Promise<number> {
  const notice = transitionNotice(name);
  if (!notice) return 0;
  const a = await roundAudience(db, roundId);
  if (!a) return 0;
  const grade = input.grade ? GRADE_LABELS[input.grade as keyof typeof GRADE_LABELS] : undefined;
  const values = (l: Locale): Record<string, string> => ({
    enterprise: a.enterpriseName,
    year: String(a.listingYear),
    state: ROUND_STATE_LABELS[a.state][l],
    next: NEXT_STEP_TEXTS[a.state][l],
    due: a.nextDueOn ?? NO_DEADLINE_TEXT[l],
    grade: grade?.[l] ?? '',
    score: input.score === null || input.score === undefined ? '' : input.score.toFixed(1),
    comment: input.comment ?? '',
  });
  const [zh, en] = [values('zh-CN'), values('en')];
  const rows: NewNotification[] = orgsOf(a, notice.audience).map((orgId) => ({
    orgId,
    kind: notice.kind,
    roundId,
    titleZh: fillNotice(notice.title['zh-CN'], zh),
    titleEn: fillNotice(notice.title.en, en),
    bodyZh: fillNotice(notice.body['zh-CN'], zh),
    bodyEn: fillNotice(notice.body.en, en),
    link: `/rounds/${roundId}`,
  }));
  return (await insertNotifications(db, rows)).length;
}

interface PanelFacts {
  roundId: string;
  kind: 'evaluation' | 'acceptance';
  enterpriseName: string;
  listingYear: number;
  districtName: string;
}

async function panelFacts(db: Queryable, panelId: string): Promise<PanelFacts | undefined> {
  const { rows } = await db.query<PanelFacts>(
    `SELECT p.round_id AS "roundId", p.kind, e.name AS "enterpriseName", r.listing_year AS "listingYear", d.name AS "districtName"
       FROM review_panels p JOIN audit_rounds r ON r.id = p.round_id JOIN enterprises e ON e.id = r.enterprise_id
       JOIN regions d ON d.code = r.district_code WHERE p.id = $1`,
    [panelId],
  );
  return rows[0];
}

/** One personal notice per expert about a panel, with {enterprise} {year} {district} {review} and `extra` filled in. */
async function notifyExperts(
  db: Queryable,
  panelId: string,
  expertUserIds: readonly string[],
  notice: { kind: NotificationKind; title: Readonly<Record<Locale, string>>; body: Readonly<Record<Locale, string>> },
  extra: (l: Locale) => Record<string, string> = () => ({}),
): Promise<number> {
  if (!expertUserIds.length) return 0;
  const panel = await panelFacts(db, panelId);
  if (!panel) return 0;
  const values = (l: Locale) => ({
    enterprise: panel.enterpriseName,
    year: String(panel.listingYear),
    district: panel.districtName,
    review: PANEL_ASSIGNED_NOTICE.review[panel.kind][l],
    ...extra(l),
  });
  const [zh, en] = [values('zh-CN'), values('en')];
  const inserted = await insertNotifications(
    db,
    [...new Set(expertUserIds)].map((userId) => ({
      userId,
      kind: notice.kind,
      roundId: panel.roundId,
      titleZh: fillNotice(notice.title['zh-CN'], zh),
      titleEn: fillNotice(notice.title.en, en),
      bodyZh: fillNotice(notice.body['zh-CN'], zh),
      bodyEn: fillNotice(notice.body.en, en),
      link: `/reviews/${panelId}`,
    })),
  );
  return inserted.length;
}

/** Tells each expert added to a panel (formed, or a replacement), personally, inside the panel's transaction. */
export function notifyPanelAssigned(db: Queryable, panelId: string, expertUserIds: readonly string[]): Promise<number> {
  return notifyExperts(db, panelId, expertUserIds, PANEL_ASSIGNED_NOTICE);
}

/** Tells the panel's active members the date and place of its review meeting. */
export function notifyPanelMeeting(
  db: Queryable,
  panelId: string,
  expertUserIds: readonly string[],
  meeting: { on: string; place: string | null },
): Promise<number> {
  const place = { 'zh-CN': meeting.place ?? '另行通知的地点', en: meeting.place ?? 'a place to be announced' } as const;
  return notifyExperts(db, panelId, expertUserIds, PANEL_MEETING_NOTICE, (l) => ({ date: meeting.on, place: place[l] }));
}
