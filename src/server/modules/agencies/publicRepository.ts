import type { PublicDishonestItem, PublicDishonestQuery } from '../../../shared/contracts/agencies';
import type { Queryable } from '../../db/types';
import { likeEscape, Params, queryPage } from '../../platform/sql';

/**
 * The public dishonesty list (失信名单): only agencies whose current status is 'dishonest', each with the decision
 * that put it there (its latest change into 'dishonest'). Name, credit code, reason, decision number and date —
 * nothing else about the agency (no contacts, no people).
 */
export async function listDishonest(
  db: Queryable,
  q: PublicDishonestQuery,
): Promise<{ items: PublicDishonestItem[]; total: number }> {
  const p = new Params();
  const where = [`a.status = 'dishonest'`];
  if (q.keyword) {
    const kw = likeEscape(q.keyword);
    where.push(`(o.name ILIKE ${p.add(`%${kw}%`)} OR o.credit_code ILIKE ${p.add(`${kw.toUpperCase()}%`)})`);
  }
  const filter = `WHERE ${where.join(' AND ')}`;
  const from = `FROM agencies a JOIN organizations o ON o.id = a.id AND o.kind = 'agency'`;
  return queryPage<PublicDishonestItem>(
    db,
    p,
    q.page,
    q.pageSize,
    `SELECT o.name, o.credit_code AS "creditCode", c.reason, c.decision_no AS "decisionNo",
            to_char(c.decided_on, 'YYYY-MM-DD') AS "decidedOn"
       ${from}
       JOIN LATERAL (
         SELECT s.reason, s.decision_no, s.decided_on FROM agency_status_changes s
          WHERE s.agency_id = a.id AND s.to_status = 'dishonest' ORDER BY s.created_at DESC, s.id LIMIT 1
       ) c ON TRUE
       ${filter}
      ORDER BY c.decided_on DESC, o.name, o.id`,
    `SELECT count(*)::int AS total ${from} ${filter}`,
  );
}
