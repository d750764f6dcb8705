import type { ResultBatchBody, ResultBatchCreated, ResultBatchListQuery, ResultBatchPage } from '../../../shared/contracts/resultBatches';
import { DEADLINE_BY_STATE } from '../../../shared/domain/deadlines';
import { GUARDS, ROUND_STATE_LABELS, canFire, resolveTarget, transitionDef } from '../../../shared/domain/roundStates';
import type { Db } from '../../db/types';
import { recordAuditMany, type AuditInput } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, LocalizedError, notFound, type FieldErrors } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/sql';
import { notifyResultPublished } from '../notifications/service';
import * as batches from './resultBatchRepository';
import * as rounds from './repository';
import { ROUND_ENTITY } from './service';
import { failingGuard } from './transitions';

const TRANSITION = 'publishResult' as const;

/** Result batches belong to a city: only city users (the permission 'result.publish') reach them. */
function cityOf(actor: Actor): string {
  if (actor.scope.kind === 'city') return actor.scope.cityCode;
  throw new AppError('FORBIDDEN');
}

export function listResultBatches(db: Db, actor: Actor, query: ResultBatchListQuery): Promise<ResultBatchPage> {
  return batches.listBatches(db, cityOf(actor), query.page, query.pageSize);
}

/** The rounds that are no longer where the transition starts, named in the message and per field. */
function notAccepted(list: readonly batches.BatchCandidate[], order: readonly string[]): AppError {
  const describe = (c: batches.BatchCandidate, l: 'zh-CN' | 'en') =>
    l === 'zh-CN'
      ? `${c.enterpriseName}（${c.listingYear}年度，当前状态：${ROUND_STATE_LABELS[c.state]['zh-CN']}）`
      : `${c.enterpriseName} (${c.listingYear}, now: ${ROUND_STATE_LABELS[c.state].en})`;
  const fields: FieldErrors = {};
  for (const c of list) {
    fields[`roundIds.${order.indexOf(c.id)}`] = (l) => describe(c, l);
  }
  return new LocalizedError(
    'RESULT_BATCH_CONFLICT',
    { rounds: { 'zh-CN': list.map((c) => describe(c, 'zh-CN')).join('；'), en: list.map((c) => describe(c, 'en')).join('; ') } },
    fields,
  );
}

function titleTaken(title: string): AppError {
  return new AppError('RESULT_BATCH_TITLE_TAKEN', { title }, {
    title: (l) => (l === 'zh-CN' ? '已有同名的结果批次' : 'is already used by another batch'),
  });
}

/**
 * Publish accepted results as one batch: every round goes accepted → closed through the state
 * machine's 'publishResult' transition, in one transaction and set-based — lock the rounds, check
 * role and state of each, insert the batch, one conditional UPDATE, one history statement, one
 * notification statement, the audit events in one chain append. Any round no longer 'accepted' → 409
 * naming it, nothing written.
 */
export async function publishResultBatch(db: Db, actor: Actor, body: ResultBatchBody, meta: RequestMeta): Promise<ResultBatchCreated> {
  const cityCode = cityOf(actor);
  const title = body.title.trim();
  const to = resolveTarget(TRANSITION);
  const from = transitionDef(TRANSITION).from[0] ?? 'accepted';
  // A closed round works towards no deadline: the UPDATE clears next_due_on.
  if (DEADLINE_BY_STATE[to] !== null) throw new Error(`${TRANSITION} leads to a state with a deadline`);
  try {
    return await db.transaction(async (tx) => {
      const found = await batches.lockCandidates(tx, cityCode, body.roundIds);
      if (found.length !== body.roundIds.length) throw notFound(ROUND_ENTITY);
      const refused: batches.BatchCandidate[] = [];
      for (const c of found) {
        const check = canFire(TRANSITION, c.state, actor.role);
        if (!check.ok && check.reason === 'wrongRole') throw new AppError('FORBIDDEN');
        if (!check.ok) refused.push(c);
      }
      if (refused.length) throw notAccepted(refused, body.roundIds);
      // The transition's guards are checked per round, without per-round queries.
      for (const c of found) {
        const guard = failingGuard(TRANSITION, { role: actor.role, round: c, comment: title, resultBatch: true });
        if (guard) {
          throw new LocalizedError('GUARD_NOT_MET', { guard: GUARDS[guard], transition: transitionDef(TRANSITION).label }, {
            [`guards.${guard}`]: (l) => `${c.enterpriseName}: ${GUARDS[guard][l]}`,
          });
        }
      }
      const batchId = await batches.insertBatch(tx, { cityCode, title, publishedOn: body.publishedOn, createdBy: actor.userId });
      const changed = await batches.closeRounds(tx, body.roundIds, batchId, { from, to });
      if (changed.length !== body.roundIds.length) {
        // Cannot happen while the rows are locked; refuse rather than publish part of the batch.
        throw notAccepted(found.filter((c) => !changed.some((x) => x.id === c.id)), body.roundIds);
      }
      await rounds.insertHistory(tx, body.roundIds, actor, { transition: TRANSITION, from, to, comment: title });
      const notified = await notifyResultPublished(tx, body.roundIds, { title, publishedOn: body.publishedOn });
      const versions = new Map(changed.map((c) => [c.id, c.version]));
      const events: AuditInput[] = [
        {
          action: 'result.published',
          entityId: batchId,
          after: { title, publishedOn: body.publishedOn, roundIds: [...body.roundIds], notified },
        },
        ...found.map((c) => ({
          action: 'round.transitioned' as const,
          entityId: c.id,
          before: { state: c.state, version: c.version },
          after: { state: to, version: versions.get(c.id) ?? null, transition: TRANSITION, comment: title, resultBatchId: batchId },
        })),
      ];
      await recordAuditMany(tx, actor, meta, events);
      const created = await batches.findBatch(tx, cityCode, batchId);
      if (!created) throw new Error('published batch is not visible to its author');
      return { ...created, roundIds: [...body.roundIds] };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'result_batches_city_title_uq')) throw titleTaken(title);
    throw error;
  }
}
