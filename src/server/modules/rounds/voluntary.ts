import type { RoundDetail, VoluntaryBody } from '../../../shared/contracts/rounds';
import type { Db } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { Params } from '../../platform/sql';
import { roundScope } from './repository';
import { getRound, ROUND_ENTITY } from './service';

/**
 * Marks (or unmarks) a round as a voluntary audit (自愿审核), which the 附件3 table counts apart. A bureau user of
 * the round's scope decides it; one transaction with the audit event; setting the value it already has writes nothing.
 */
export async function markVoluntary(db: Db, actor: Actor, id: string, body: VoluntaryBody, meta: RequestMeta): Promise<RoundDetail> {
  await db.transaction(async (tx) => {
    const p = new Params();
    const { rows } = await tx.query<{ voluntary: boolean }>(
      `SELECT r.voluntary FROM audit_rounds r WHERE r.id = ${p.add(id)} AND ${roundScope(actor.scope, p)} FOR UPDATE`,
      p.values,
    );
    const before = rows[0];
    if (!before) throw notFound(ROUND_ENTITY);
    if (before.voluntary === body.voluntary) return;
    await tx.query('UPDATE audit_rounds SET voluntary = $2, updated_at = now() WHERE id = $1', [id, body.voluntary]);
    await recordAudit(tx, actor, meta, {
      action: 'round.voluntaryMarked',
      entityId: id,
      before: { voluntary: before.voluntary },
      after: { voluntary: body.voluntary },
    });
  });
  return getRound(db, actor, id);
}
