import type { Round, RoundCounts, RoundDetail, RoundListQuery, RoundPage } from '../../../shared/contracts/rounds';
import type { Role } from '../../../shared/domain/roles';
import { daysLeft, localIsoDate, nextDeadline } from '../../../shared/domain/deadlines';
import { NEXT_ACTOR, ROUND_STATES, transitionDef, transitionsFor, type RoundState } from '../../../shared/domain/roundStates';
import type { Queryable } from '../../db/types';
import type { Actor } from '../../platform/context';
import { notFound } from '../../platform/errors';
import * as repo from './repository';

export const ROUND_ENTITY = { 'zh-CN': '审核轮次', en: 'Audit round' } as const;

/** Today's date in China (UTC+8), whatever the host's time zone. */
export function today(): string {
  return localIsoDate(new Date());
}

/** The API shape of a stored round: due dates grouped, next deadline and days left computed. */
export function toRound(row: repo.RoundRow, todayIso: string): Round {
  const dueDates = { disclose: row.discloseDue, start: row.startDue, report: row.reportDue, acceptance: row.acceptanceDue };
  const { disclose, start, report, acceptance } = dueDates;
  const next = disclose && start && report ? nextDeadline(row.state, { disclose, start, report, acceptance }) : null;
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    creditCode: row.creditCode,
    districtCode: row.districtCode,
    districtName: row.districtName,
    campaignId: row.campaignId,
    listingYear: row.listingYear,
    reasons: row.reasons,
    reasonDetails: row.reasonDetails,
    voluntary: row.voluntary,
    state: row.state,
    listPublishedOn: row.listPublishedOn,
    evaluationPassedOn: row.evaluationPassedOn,
    dueDates,
    nextDeadline: next ? { ...next, daysLeft: daysLeft(next.due, todayIso) } : null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listRounds(db: Queryable, actor: Actor, query: RoundListQuery): Promise<RoundPage> {
  const now = today();
  const page = await repo.listRounds(db, actor.scope, query, now, waitingStatesOf(actor.role));
  return { items: page.items.map((row) => toRound(row, now)), total: page.total };
}

export async function getRound(db: Queryable, actor: Actor, id: string): Promise<RoundDetail> {
  const row = await repo.findRound(db, actor.scope, id);
  if (!row) throw notFound(ROUND_ENTITY);
  const history = await repo.roundHistory(db, id);
  return {
    ...toRound(row, today()),
    history,
    // publishResult is fired by the batch publication only, so it is not offered on the round page.
    abilities: { transitions: transitionsFor(row.state, actor.role).filter((n) => !transitionDef(n).guards.includes('publishedInBatch')) },
  };
}

/** The states in which `role` is expected to act next ("待我处理"). */
export function waitingStatesOf(role: Role): RoundState[] {
  return ROUND_STATES.filter((state) => (NEXT_ACTOR[state] as readonly Role[]).includes(role));
}

const DUE_SOON_DAYS = 30;

/** Work-view counts of the rounds in my scope: per state, overdue, due soon and waiting for me (one query). */
export async function countRounds(db: Queryable, actor: Actor): Promise<RoundCounts> {
  const rows = await repo.countRounds(db, actor.scope, today(), DUE_SOON_DAYS);
  const byState = Object.fromEntries(ROUND_STATES.map((s) => [s, 0])) as Record<RoundState, number>;
  const waiting = new Set(waitingStatesOf(actor.role));
  const counts: RoundCounts = { total: 0, byState, overdue: 0, dueWithin30Days: 0, waitingForMe: 0 };
  for (const row of rows) {
    byState[row.state] = row.n;
    counts.total += row.n;
    counts.overdue += row.overdue;
    counts.dueWithin30Days += row.dueSoon;
    if (waiting.has(row.state)) counts.waitingForMe += row.n;
  }
  return counts;
}
