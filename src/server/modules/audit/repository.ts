import type { AuditEvent, AuditListQuery } from '../../../shared/contracts/audit';
import type { Queryable } from '../../db/types';
import { Params, queryPage } from '../../platform/sql';

const SELECT = `SELECT id::text AS id,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt",
  actor_user_id AS "actorUserId", actor_username AS "actorUsername", actor_role AS "actorRole",
  action, entity_type AS "entityType", entity_id AS "entityId", before, after, ip, request_id AS "requestId", hash
  FROM audit_events`;

type Row = Omit<AuditEvent, 'actor'> & {
  actorUserId: string | null;
  actorUsername: string | null;
  actorRole: AuditEvent['actor']['role'];
};

export async function listAuditEvents(db: Queryable, q: AuditListQuery): Promise<{ items: AuditEvent[]; total: number }> {
  const p = new Params();
  const where: string[] = [];
  if (q.action) where.push(`action = ${p.add(q.action)}`);
  if (q.entityType) where.push(`entity_type = ${p.add(q.entityType)}`);
  if (q.entityId) where.push(`entity_id = ${p.add(q.entityId)}`);
  if (q.actor) where.push(`actor_username = ${p.add(q.actor)}`);
  if (q.from) where.push(`occurred_at >= ${p.add(q.from)}::timestamptz`);
  // A bare date as upper bound includes that whole day.
  if (q.to) where.push(`occurred_at < ${p.add(q.to)}::timestamptz + ${q.to.length === 10 ? "interval '1 day'" : "interval '0'"}`);
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const dir = q.sort === 'occurredAt' ? 'ASC' : 'DESC';
  const { items, total } = await queryPage<Row>(
    db,
    p,
    q.page,
    q.pageSize,
    `${SELECT} ${filter} ORDER BY occurred_at ${dir}, audit_events.id ${dir}`,
    `SELECT count(*)::int AS total FROM audit_events ${filter}`,
  );
  return {
    items: items.map(({ actorUserId, actorUsername, actorRole, ...rest }) => ({
      ...rest,
      actor: { userId: actorUserId, username: actorUsername, role: actorRole },
    })),
    total,
  };
}
