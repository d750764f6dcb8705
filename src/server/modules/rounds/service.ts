import type { Round, RoundDetail, RoundListQuery, RoundPage } from '../../../shared/contracts/rounds';
import { daysLeft, localIsoDate, nextDeadline } from '../../../shared/domain/deadlines';
import { transitionsFor } from '../../../shared/domain/roundStates';
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
  const page = await repo.listRounds(db, actor.scope, query, now);
  return { items: page.items.map((row) => toRound(row, now)), total: page.total };
}

export async function getRound(db: Queryable, actor: Actor, id: string): Promise<RoundDetail> {
  const row = await repo.findRound(db, actor.scope, id);
  if (!row) throw notFound(ROUND_ENTITY);
  const history = await repo.roundHistory(db, id);
  return {
    ...toRound(row, today()),
    history,
    abilities: { transitions: transitionsFor(row.state, actor.role) },
  };
}
