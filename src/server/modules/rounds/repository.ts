import type { RoundHistoryEntry, RoundListQuery } from '../../../shared/contracts/rounds';
import type { ListingReason } from '../../../shared/domain/listingReasons';
import type { DataScope, Role } from '../../../shared/domain/roles';
import type { RoundState } from '../../../shared/domain/roundStates';
import type { Queryable } from '../../db/types';
import { likeEscape, orderBy, Params, queryPage } from '../../platform/sql';
import { acceptedInYear, hasRealisedBenefit, inProgressStage } from '../dashboards/predicates';

export const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const DAY = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

/** A round as stored, flat; the service adds the next deadline. */
export interface RoundRow {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  districtCode: string;
  districtName: string;
  campaignId: string;
  listingYear: number;
  reasons: ListingReason[];
  reasonDetails: string | null;
  voluntary: boolean;
  state: RoundState;
  listPublishedOn: string | null;
  evaluationPassedOn: string | null;
  discloseDue: string | null;
  startDue: string | null;
  reportDue: string | null;
  acceptanceDue: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const SELECT = `SELECT r.id, r.enterprise_id AS "enterpriseId", e.name AS "enterpriseName", e.credit_code AS "creditCode",
  r.district_code AS "districtCode", d.name AS "districtName", r.campaign_id AS "campaignId",
  r.listing_year AS "listingYear", r.reasons, r.reason_details AS "reasonDetails", r.voluntary, r.state,
  ${DAY('r.list_published_on')} AS "listPublishedOn", ${DAY('r.evaluation_passed_on')} AS "evaluationPassedOn",
  ${DAY('r.disclose_due')} AS "discloseDue", ${DAY('r.start_due')} AS "startDue", ${DAY('r.report_due')} AS "reportDue",
  ${DAY('r.acceptance_due')} AS "acceptanceDue", r.version,
  ${TS('r.created_at')} AS "createdAt", ${TS('r.updated_at')} AS "updatedAt"
  FROM audit_rounds r
  JOIN enterprises e ON e.id = r.enterprise_id
  JOIN regions d ON d.code = r.district_code`;

/**
 * The caller's data scope as a SQL condition on audit_rounds `r`. Agencies see the rounds with an
 * active engagement of their agency; experts see the rounds of the panels they sit on.
 */
export function roundScope(scope: DataScope, p: Params): string {
  switch (scope.kind) {
    case 'city':
      return `r.city_code = ${p.add(scope.cityCode)}`;
    case 'district':
      return `r.district_code = ${p.add(scope.districtCode)}`;
    case 'enterprise':
      return `r.enterprise_id = ${p.add(scope.enterpriseId)}`;
    case 'agency':
      return `EXISTS (SELECT 1 FROM round_engagements g
                       WHERE g.round_id = r.id AND g.agency_id = ${p.add(scope.agencyId)} AND g.ended_at IS NULL)`;
    case 'expert':
      // Experts see the rounds of the panels they sit on (replaced members no longer do).
      return `EXISTS (SELECT 1 FROM review_panels rp JOIN panel_members pm ON pm.panel_id = rp.id
                       WHERE rp.round_id = r.id AND pm.expert_user_id = ${p.add(scope.userId)} AND pm.replaced_at IS NULL)`;
  }
}

const SORT_COLUMNS = {
  listingYear: 'r.listing_year',
  enterpriseName: 'e.name',
  districtCode: 'r.district_code',
  state: 'r.state',
  nextDueOn: 'r.next_due_on',
  updatedAt: 'r.updated_at',
} as const;

export async function listRounds(
  db: Queryable,
  scope: DataScope,
  q: RoundListQuery,
  today: string,
  /** The states where the caller's role acts next (the waitingForMe filter). */
  waitingStates: readonly RoundState[] = [],
): Promise<{ items: RoundRow[]; total: number }> {
  const p = new Params();
  const where = [roundScope(scope, p)];
  // The conditions audit_round_counts can answer (its columns, same names): counted as they are pushed, so any
  // other filter makes the total a count of the rows (see `keyedTotal` below).
  let keyed = scope.kind === 'city' || scope.kind === 'district' ? 1 : 0;
  const pushKeyed = (condition: string) => {
    where.push(condition);
    keyed += 1;
  };
  if (q.campaignId) pushKeyed(`r.campaign_id = ${p.add(q.campaignId)}`);
  if (q.listingYear !== undefined) pushKeyed(`r.listing_year = ${p.add(q.listingYear)}`);
  if (q.districtCode) pushKeyed(`r.district_code = ${p.add(q.districtCode)}`);
  if (q.state) pushKeyed(`r.state = ${p.add(q.state)}`);
  if (q.keyword) {
    const kw = likeEscape(q.keyword);
    where.push(`(e.name ILIKE ${p.add(`%${kw}%`)} OR e.credit_code ILIKE ${p.add(`${kw.toUpperCase()}%`)})`);
  }
  if (q.dueWithinDays !== undefined) {
    const from = p.add(today);
    where.push(`r.next_due_on BETWEEN ${from}::date AND ${from}::date + ${p.add(q.dueWithinDays)}::int`);
  }
  if (q.overdue === 'true') where.push(`r.next_due_on < ${p.add(today)}::date`);
  if (q.overdue === 'false') where.push(`(r.next_due_on IS NULL OR r.next_due_on >= ${p.add(today)}::date)`);
  if (q.waitingForMe === 'true') pushKeyed(`r.state = ANY(${p.add([...waitingStates])}::text[])`);
  if (q.waitingForMe === 'false') pushKeyed(`NOT (r.state = ANY(${p.add([...waitingStates])}::text[]))`);
  // Dashboard drill-down filters: the same conditions the dashboards aggregate with.
  if (q.progress) where.push(inProgressStage(q.progress, p));
  if (q.industryCode) where.push(`e.industry_code = ${p.add(q.industryCode)}`);
  if (q.benefitYear !== undefined || q.benefitIndicator) {
    where.push(hasRealisedBenefit({ year: q.benefitYear, indicator: q.benefitIndicator }, p));
  }
  if (q.acceptedYear !== undefined) where.push(acceptedInYear(q.acceptedYear, p));
  const filter = `WHERE ${where.join(' AND ')}`;
  // The total: summed from audit_round_counts (kept by triggers, migration 0022) when every condition is one of its
  // keys; else counted, joining enterprises only when a condition reads it (every round has its enterprise) —
  // counting a city's rows on every page is what made the list slow at national scale (docs/PERFORMANCE.md).
  const keyedTotal = keyed === where.length;
  const countFrom = keyedTotal
    ? 'audit_round_counts r'
    : /\be\./.test(filter)
      ? 'audit_rounds r JOIN enterprises e ON e.id = r.enterprise_id'
      : 'audit_rounds r';
  const { items, total } = await queryPage<RoundRow>(
    db,
    p,
    q.page,
    q.pageSize,
    `${SELECT} ${filter} ${orderBy(q.sort, SORT_COLUMNS, 'r.id')}`,
    `SELECT ${keyedTotal ? 'COALESCE(sum(r.n), 0)' : 'count(*)'}::int AS total FROM ${countFrom} ${filter}`,
  );
  return { items, total };
}

export async function findRound(db: Queryable, scope: DataScope, id: string): Promise<RoundRow | undefined> {
  const p = new Params();
  const { rows } = await db.query<RoundRow>(`${SELECT} WHERE r.id = ${p.add(id)} AND ${roundScope(scope, p)}`, p.values);
  return rows[0];
}

export async function roundHistory(db: Queryable, roundId: string): Promise<RoundHistoryEntry[]> {
  const { rows } = await db.query<RoundHistoryEntry>(
    `SELECT h.id::text AS id, h.transition, h.from_state AS "fromState", h.to_state AS "toState",
            h.actor_user_id AS "actorUserId", h.actor_username AS "actorUsername", h.actor_role AS "actorRole",
            h.comment, ${TS('h.occurred_at')} AS "occurredAt",
            COALESCE((SELECT json_agg(json_build_object('id', f.id, 'originalName', f.original_name, 'size', f.size)
                                      ORDER BY f.created_at, f.id)
                        FROM files f WHERE f.id = ANY(h.attachment_ids)), '[]'::json) AS attachments
       FROM round_history h WHERE h.round_id = $1 ORDER BY h.occurred_at, h.id`,
    [roundId],
  );
  return rows;
}

export interface StateChange {
  from: RoundState;
  to: RoundState;
  nextDueOn: string | null;
  /** Set when the change passes the evaluation (acceptance is due from then on). */
  evaluation?: { passedOn: string; acceptanceDue: string };
}

/**
 * The conditional write of a transition: succeeds only while the round is still in `from`.
 * Returns the new version, or null when another request changed the state first.
 */
export async function changeState(db: Queryable, id: string, change: StateChange): Promise<number | null> {
  const p = new Params();
  const sets = [`state = ${p.add(change.to)}`, `next_due_on = ${p.add(change.nextDueOn)}::date`];
  if (change.evaluation) {
    sets.push(`evaluation_passed_on = ${p.add(change.evaluation.passedOn)}::date`);
    sets.push(`acceptance_due = ${p.add(change.evaluation.acceptanceDue)}::date`);
  }
  const { rows } = await db.query<{ version: number }>(
    `UPDATE audit_rounds SET ${sets.join(', ')}, version = version + 1, updated_at = now()
      WHERE id = ${p.add(id)} AND state = ${p.add(change.from)} RETURNING version`,
    p.values,
  );
  return rows[0]?.version ?? null;
}

export interface HistoryActor {
  userId: string | null;
  username: string;
  role: Role | null;
}

export interface HistoryInput {
  transition: string;
  from: RoundState | null;
  to: RoundState;
  comment: string | null;
  /** Defaults to now (the seed back-dates its history). */
  occurredAt?: string | null;
  /** Files of purpose 'transition' the transition carried. */
  attachmentIds?: readonly string[];
}

/** One history row for each of `roundIds` (one statement), carrying the round's region keys. */
export async function insertHistory(
  db: Queryable,
  roundIds: readonly string[],
  actor: HistoryActor,
  h: HistoryInput,
): Promise<void> {
  if (!roundIds.length) return;
  await db.query(
    `INSERT INTO round_history (round_id, city_code, district_code, transition, from_state, to_state,
       actor_user_id, actor_username, actor_role, comment, occurred_at, attachment_ids)
     SELECT r.id, r.city_code, r.district_code, $2, $3, $4, $5, $6, $7, $8, COALESCE($9::timestamptz, now()), $10::uuid[]
       FROM audit_rounds r WHERE r.id = ANY($1::uuid[]) ORDER BY r.id`,
    [
      roundIds, h.transition, h.from, h.to, actor.userId, actor.username, actor.role, h.comment, h.occurredAt ?? null,
      [...(h.attachmentIds ?? [])],
    ],
  );
}

/** Whether a round exists for the enterprise and year (in any state). */
export async function roundExists(db: Queryable, enterpriseId: string, year: number): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM audit_rounds WHERE enterprise_id = $1 AND listing_year = $2', [
    enterpriseId,
    year,
  ]);
  return rows.length > 0;
}

/** Per-state counts of the rounds in scope, with overdue and due-within-`days` counts: one GROUP BY query. */
export async function countRounds(
  db: Queryable,
  scope: DataScope,
  today: string,
  days: number,
): Promise<{ state: RoundState; n: number; overdue: number; dueSoon: number }[]> {
  const p = new Params();
  const from = p.add(today);
  const { rows } = await db.query<{ state: RoundState; n: number; overdue: number; dueSoon: number }>(
    `SELECT r.state, count(*)::int AS n,
            (count(*) FILTER (WHERE r.next_due_on < ${from}::date))::int AS overdue,
            (count(*) FILTER (WHERE r.next_due_on BETWEEN ${from}::date AND ${from}::date + ${p.add(days)}::int))::int AS "dueSoon"
       FROM audit_rounds r WHERE ${roundScope(scope, p)} GROUP BY r.state`,
    p.values,
  );
  return rows;
}
