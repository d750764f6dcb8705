import type { RatingInput, RatingListQuery, RatingPage, RatingSummary, RoundExpertWork } from '../../../shared/contracts/expertWork';
import type { Db, Queryable } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import * as repo from './expertWorkRepository';
import { roundExpertWork } from './expertWorkService';
import { PANEL_ENTITY, reviewConflict } from './panelService';

/** The district's rating of each expert's work after a decided review, and the city's view of the ratings. */

export const MEMBER_ENTITY = { 'zh-CN': '专家组成员', en: 'Panel member' } as const;

/**
 * The round's district rates (or re-rates) an active member of a decided panel, 1–5 with a comment. Other
 * districts get 404 (scope), other roles 403 (route), an undecided panel 409.
 */
export async function rateExpert(
  db: Db,
  actor: Actor,
  panelId: string,
  expertUserId: string,
  input: RatingInput,
  meta: RequestMeta,
): Promise<RoundExpertWork> {
  const roundId = await db.transaction(async (tx) => {
    const panel = await repo.scopedPanel(tx, actor.scope, panelId, true);
    if (!panel) throw notFound(PANEL_ENTITY);
    if (!panel.decidedAt) {
      throw reviewConflict({ 'zh-CN': '专家组作出结论后才能评价专家工作', en: 'experts are rated once the panel has decided' });
    }
    const members = await repo.activeMembers(tx, panelId);
    if (!members.some((m) => m.expertUserId === expertUserId)) throw notFound(MEMBER_ENTITY);
    const before = await repo.rating(tx, panelId, expertUserId);
    const value = { rating: input.rating, comment: input.comment ?? null };
    await repo.saveRating(tx, panel, expertUserId, value, actor.userId);
    await recordAudit(tx, actor, meta, {
      action: 'expert.rated',
      entityId: panelId,
      before: before ? { expertUserId, ...before } : null,
      after: { roundId: panel.roundId, expertUserId, ...value },
    });
    return panel.roundId;
  });
  return roundExpertWork(db, actor, roundId);
}

function cityOf(actor: Actor): string {
  if (actor.scope.kind === 'city') return actor.scope.cityCode;
  throw new AppError('FORBIDDEN');
}

/** The city's ratings, paged and sorted in SQL; with an expert filter, that expert's summary. */
export async function listRatings(db: Db, actor: Actor, query: RatingListQuery): Promise<RatingPage> {
  const cityCode = cityOf(actor);
  const page = await repo.listRatings(db, cityCode, query);
  const summary = query.expertUserId ? await expertRatingSummary(db, cityCode, query.expertUserId) : null;
  return { ...page, summary };
}

/** An expert's average rating (one decimal; null without ratings) and count in the city. */
export async function expertRatingSummary(db: Queryable, cityCode: string, expertUserId: string): Promise<RatingSummary> {
  return (await repo.ratingSummaries(db, cityCode, [expertUserId])).get(expertUserId) ?? { average: null, count: 0 };
}

/** The same for many experts in one query (e.g. a list of expert records). */
export function expertRatingSummaries(db: Queryable, cityCode: string, expertUserIds: readonly string[]): Promise<Map<string, RatingSummary>> {
  return repo.ratingSummaries(db, cityCode, expertUserIds);
}
