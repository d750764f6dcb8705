import { pendingDeadlinePairs } from '../../../shared/domain/calendar';
import { DEADLINE_BY_STATE, type DeadlineKind } from '../../../shared/domain/deadlines';
import type { DataScope, Role } from '../../../shared/domain/roles';
import type { RoundState } from '../../../shared/domain/roundStates';
import type { Queryable } from '../../db/types';
import { PRINCIPAL_COLUMNS, type PrincipalRow } from '../../platform/auth/principal';
import { Params } from '../../platform/sql';
import { roundScope } from '../rounds/repository';

/** At most this many rows per source and request (a whole city over a year stays well below). */
const LIMIT = 5000;

export interface Range {
  from: string;
  to: string;
}

export interface DeadlineRow {
  roundId: string;
  kind: DeadlineKind;
  due: string;
  state: RoundState;
  enterpriseName: string;
  listingYear: number;
  districtName: string;
  /** The deadline the round works towards now (next_due_on). */
  current: boolean;
}

/** The (state, kind) pairs whose kind is the one the state works towards. */
const CURRENT_PAIRS = Object.entries(DEADLINE_BY_STATE).flatMap(([state, kind]) => (kind ? [`${state}:${kind}`] : []));

/**
 * The due dates in the range of the rounds in `scope` that are still ahead of each round (its next deadline
 * and the later ones). The range condition on the four date columns lets PostgreSQL combine their indexes.
 */
export async function roundDeadlines(db: Queryable, scope: DataScope, range: Range, districtCode?: string): Promise<DeadlineRow[]> {
  const p = new Params();
  const from = p.add(range.from);
  const to = p.add(range.to);
  const between = (col: string) => `r.${col} BETWEEN ${from}::date AND ${to}::date`;
  const where = [
    roundScope(scope, p),
    `(${['disclose_due', 'start_due', 'report_due', 'acceptance_due'].map(between).join(' OR ')})`,
  ];
  if (districtCode) where.push(`r.district_code = ${p.add(districtCode)}`);
  const pairs = p.add(pendingDeadlinePairs());
  const current = p.add(CURRENT_PAIRS);
  const { rows } = await db.query<DeadlineRow>(
    `SELECT r.id AS "roundId", d.kind, to_char(d.due, 'YYYY-MM-DD') AS due, r.state, e.name AS "enterpriseName",
            r.listing_year AS "listingYear", g.name AS "districtName",
            (r.state || ':' || d.kind) = ANY(${current}::text[]) AS current
       FROM audit_rounds r
       JOIN enterprises e ON e.id = r.enterprise_id
       JOIN regions g ON g.code = r.district_code
       CROSS JOIN LATERAL (VALUES ('disclose', r.disclose_due), ('start', r.start_due), ('report', r.report_due),
                                  ('acceptance', r.acceptance_due)) AS d(kind, due)
      WHERE ${where.join(' AND ')}
        AND d.due BETWEEN ${from}::date AND ${to}::date
        AND (r.state || ':' || d.kind) = ANY(${pairs}::text[])
      ORDER BY d.due, e.name, r.id, d.kind
      LIMIT ${LIMIT}`,
    p.values,
  );
  return rows;
}

export interface MilestoneRow {
  id: string;
  campaignId: string;
  campaignTitle: string;
  name: string;
  due: string;
}

/** The milestones of the caller's role in the campaigns of the caller's city (enterprise side: campaigns of their rounds). */
export async function milestones(db: Queryable, actor: { role: Role; orgId: string; scope: DataScope }, range: Range): Promise<MilestoneRow[]> {
  const p = new Params();
  const roles = actor.role === 'city_admin' || actor.role === 'city_staff' ? ['city_admin', 'city_staff'] : [actor.role];
  const where = [
    `m.city_code = (SELECT o.city_code FROM organizations o WHERE o.id = ${p.add(actor.orgId)})`,
    `m.due_on BETWEEN ${p.add(range.from)}::date AND ${p.add(range.to)}::date`,
    `m.actor_role = ANY(${p.add(roles)}::text[])`,
  ];
  if (actor.scope.kind === 'enterprise' || actor.scope.kind === 'agency') {
    where.push(`EXISTS (SELECT 1 FROM audit_rounds r WHERE r.campaign_id = m.campaign_id AND ${roundScope(actor.scope, p)})`);
  }
  const { rows } = await db.query<MilestoneRow>(
    `SELECT m.id, m.campaign_id AS "campaignId", c.title AS "campaignTitle", m.name, to_char(m.due_on, 'YYYY-MM-DD') AS due
       FROM campaign_milestones m JOIN campaigns c ON c.id = m.campaign_id
      WHERE ${where.join(' AND ')}
      ORDER BY m.due_on, m.sort, m.id
      LIMIT ${LIMIT}`,
    p.values,
  );
  return rows;
}

export interface PanelRow {
  panelId: string;
  roundId: string;
  kind: 'evaluation' | 'acceptance';
  date: string;
  enterpriseName: string;
  listingYear: number;
  districtName: string;
}

/** China date of an instant (UTC+8, no daylight saving). */
const CHINA_DATE = (col: string) => `to_char((${col} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;

/** The expert's open reviews (active membership of an undecided panel), dated by the panel's formation. */
export async function openPanels(db: Queryable, expertUserId: string, range: Range): Promise<PanelRow[]> {
  const { rows } = await db.query<PanelRow>(
    `SELECT * FROM (
       SELECT p.id AS "panelId", p.round_id AS "roundId", p.kind, ${CHINA_DATE('p.formed_at')} AS date,
              e.name AS "enterpriseName", r.listing_year AS "listingYear", g.name AS "districtName"
         FROM panel_members m JOIN review_panels p ON p.id = m.panel_id JOIN audit_rounds r ON r.id = p.round_id
         JOIN enterprises e ON e.id = r.enterprise_id JOIN regions g ON g.code = r.district_code
        WHERE m.expert_user_id = $1 AND m.replaced_at IS NULL AND p.decided_at IS NULL) x
      WHERE x.date BETWEEN $2 AND $3
      ORDER BY x.date, x."panelId"
      LIMIT ${LIMIT}`,
    [expertUserId, range.from, range.to],
  );
  return rows;
}

export interface MeetingRow extends PanelRow {
  place: string | null;
}

/**
 * Review meetings of undecided panels in the range: an expert's own (active membership), otherwise those of
 * the rounds in the caller's scope (a district's or the city's).
 */
export async function panelMeetings(db: Queryable, scope: DataScope, range: Range, districtCode?: string): Promise<MeetingRow[]> {
  const p = new Params();
  const where = [`p.decided_at IS NULL`, `p.meeting_on BETWEEN ${p.add(range.from)}::date AND ${p.add(range.to)}::date`];
  if (scope.kind === 'expert') {
    where.push(`EXISTS (SELECT 1 FROM panel_members m WHERE m.panel_id = p.id AND m.expert_user_id = ${p.add(scope.userId)} AND m.replaced_at IS NULL)`);
  } else {
    where.push(roundScope(scope, p));
  }
  if (districtCode) where.push(`r.district_code = ${p.add(districtCode)}`);
  const { rows } = await db.query<MeetingRow>(
    `SELECT p.id AS "panelId", p.round_id AS "roundId", p.kind, to_char(p.meeting_on, 'YYYY-MM-DD') AS date, p.meeting_place AS place,
            e.name AS "enterpriseName", r.listing_year AS "listingYear", g.name AS "districtName"
       FROM review_panels p JOIN audit_rounds r ON r.id = p.round_id
       JOIN enterprises e ON e.id = r.enterprise_id JOIN regions g ON g.code = r.district_code
      WHERE ${where.join(' AND ')}
      ORDER BY p.meeting_on, p.id
      LIMIT ${LIMIT}`,
    p.values,
  );
  return rows;
}

/** The enabled user a feed token belongs to, as a principal row (the feed is built in their scope). */
export async function feedOwner(db: Queryable, tokenHash: string): Promise<PrincipalRow | undefined> {
  const { rows } = await db.query<PrincipalRow>(
    `SELECT ${PRINCIPAL_COLUMNS} FROM calendar_feed_tokens t JOIN users u ON u.id = t.user_id
       JOIN organizations o ON o.id = u.org_id WHERE t.token_hash = $1 AND u.disabled_at IS NULL`,
    [tokenHash],
  );
  return rows[0];
}

export async function feedTokenStatus(db: Queryable, userId: string): Promise<{ createdAt: string } | undefined> {
  const { rows } = await db.query<{ createdAt: string }>(
    `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
       FROM calendar_feed_tokens WHERE user_id = $1`,
    [userId],
  );
  return rows[0];
}

/** Stores the hash of a new token for the user, replacing (revoking) any earlier one. Returns its creation time. */
export async function replaceFeedToken(db: Queryable, userId: string, tokenHash: string): Promise<{ createdAt: string; replaced: boolean }> {
  const { rows: old } = await db.query('DELETE FROM calendar_feed_tokens WHERE user_id = $1 RETURNING user_id', [userId]);
  const { rows } = await db.query<{ createdAt: string }>(
    `INSERT INTO calendar_feed_tokens (user_id, token_hash) VALUES ($1, $2)
     RETURNING to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`,
    [userId, tokenHash],
  );
  const createdAt = rows[0]?.createdAt;
  if (!createdAt) throw new Error('feed token not stored');
  return { createdAt, replaced: old.length > 0 };
}

export async function deleteFeedToken(db: Queryable, userId: string): Promise<boolean> {
  const { rows } = await db.query('DELETE FROM calendar_feed_tokens WHERE user_id = $1 RETURNING user_id', [userId]);
  return rows.length > 0;
}
