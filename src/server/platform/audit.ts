import { createHash } from 'node:crypto';
import type { AuditAction } from '../../shared/domain/auditActions';
import { AUDIT_ACTIONS } from '../../shared/domain/auditActions';
import type { Queryable, Tx } from '../db/types';
import type { Actor, RequestMeta, SystemActor } from './context';

/** Advisory lock that serialises appends so the chain stays linear across instances. */
const AUDIT_CHAIN_LOCK = 727_002;
export const GENESIS_HASH = '0'.repeat(64);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonRecord = Record<string, Json>;

/** Stable JSON: keys sorted at every level, so PostgreSQL's jsonb key order does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface ChainFields {
  occurredAt: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
}

export function eventHash(prevHash: string, f: ChainFields): string {
  const material = canonicalJson([
    prevHash,
    f.occurredAt.toISOString(),
    f.actorUserId,
    f.actorUsername,
    f.actorRole,
    f.action,
    f.entityType,
    f.entityId,
    f.before ?? null,
    f.after ?? null,
    f.ip,
    f.requestId,
  ]);
  return createHash('sha256').update(material).digest('hex');
}

/** Fields never written to the trail. */
const REDACTED = new Set(['passwordHash', 'password', 'newPassword', 'currentPassword', 'csrfToken']);

function clean(record: Record<string, unknown> | null | undefined): JsonRecord | null {
  if (!record) return null;
  const out: JsonRecord = {};
  for (const [k, v] of Object.entries(record)) {
    if (REDACTED.has(k) || v === undefined) continue;
    out[k] = (v instanceof Date ? v.toISOString() : v) as Json;
  }
  return out;
}

/** The changed fields only: `before` holds their old values, `after` the new ones. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: JsonRecord; after: JsonRecord } | null {
  const b = clean(before) ?? {};
  const a = clean(after) ?? {};
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  const changedBefore: JsonRecord = {};
  const changedAfter: JsonRecord = {};
  for (const k of keys) {
    if (k === 'updatedAt') continue;
    if (canonicalJson(b[k]) !== canonicalJson(a[k])) {
      changedBefore[k] = b[k] ?? null;
      changedAfter[k] = a[k] ?? null;
    }
  }
  return Object.keys(changedAfter).length ? { before: changedBefore, after: changedAfter } : null;
}

export interface AuditInput {
  action: AuditAction;
  entityId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Append one event to the trail inside the caller's transaction. Call it last in a transaction:
 * the chain lock is held until commit.
 */
export async function recordAudit(
  tx: Tx,
  actor: Pick<Actor, 'userId' | 'username' | 'role'> | SystemActor,
  meta: RequestMeta,
  input: AuditInput,
): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const last = await tx.query<{ hash: string }>('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1');
  const prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  const fields: ChainFields = {
    occurredAt: new Date(),
    actorUserId: actor.userId,
    actorUsername: actor.username,
    actorRole: actor.role,
    action: input.action,
    entityType: AUDIT_ACTIONS[input.action].entity,
    entityId: input.entityId,
    before: clean(input.before),
    after: clean(input.after),
    ip: meta.ip,
    requestId: meta.requestId,
  };
  await tx.query(
    `INSERT INTO audit_events (occurred_at, actor_user_id, actor_username, actor_role, action, entity_type,
       entity_id, before, after, ip, request_id, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      fields.occurredAt,
      fields.actorUserId,
      fields.actorUsername,
      fields.actorRole,
      fields.action,
      fields.entityType,
      fields.entityId,
      fields.before === null ? null : JSON.stringify(fields.before),
      fields.after === null ? null : JSON.stringify(fields.after),
      fields.ip,
      fields.requestId,
      prevHash,
      eventHash(prevHash, fields),
    ],
  );
}

/**
 * Append several events in one statement (set-based, e.g. one per round of a published list), in the
 * order given, inside the caller's transaction. Same chain and lock as recordAudit; call it last.
 */
export async function recordAuditMany(
  tx: Tx,
  actor: Pick<Actor, 'userId' | 'username' | 'role'> | SystemActor,
  meta: RequestMeta,
  inputs: readonly AuditInput[],
): Promise<void> {
  if (!inputs.length) return;
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const last = await tx.query<{ hash: string }>('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1');
  let prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  const occurredAt = new Date();
  const rows = inputs.map((input, seq) => {
    const fields: ChainFields = {
      occurredAt,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      actorRole: actor.role,
      action: input.action,
      entityType: AUDIT_ACTIONS[input.action].entity,
      entityId: input.entityId,
      before: clean(input.before),
      after: clean(input.after),
      ip: meta.ip,
      requestId: meta.requestId,
    };
    const hash = eventHash(prevHash, fields);
    const row = { seq, ...fields, occurredAt: occurredAt.toISOString(), prevHash, hash };
    prevHash = hash;
    return row;
  });
  // Rows are inserted in seq order, so the bigserial ids follow the chain.
  await tx.query(
    `INSERT INTO audit_events (occurred_at, actor_user_id, actor_username, actor_role, action, entity_type,
       entity_id, before, after, ip, request_id, prev_hash, hash)
     SELECT x."occurredAt", x."actorUserId", x."actorUsername", x."actorRole", x.action, x."entityType",
            x."entityId", x.before, x.after, x.ip, x."requestId", x."prevHash", x.hash
       FROM jsonb_to_recordset($1::jsonb) AS x(seq int, "occurredAt" timestamptz, "actorUserId" uuid,
            "actorUsername" text, "actorRole" text, action text, "entityType" text, "entityId" text,
            before jsonb, after jsonb, ip text, "requestId" text, "prevHash" text, hash text)
      ORDER BY x.seq`,
    [JSON.stringify(rows)],
  );
}

interface StoredEvent {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBroken: { id: string; reason: 'hash' | 'link' } | null;
}

/** Walk the whole chain in id order, in pages (never the whole table in memory). */
export async function verifyAuditChain(db: Queryable, pageSize = 2000): Promise<ChainCheck> {
  let prevHash = GENESIS_HASH;
  let afterId = '0';
  let checked = 0;
  for (;;) {
    // Order by the bigint column: a bare `id` would name the text alias and sort '10' before '2'.
    const { rows } = await db.query<StoredEvent>(
      `SELECT id::text AS id, occurred_at, actor_user_id, actor_username, actor_role, action, entity_type,
              entity_id, before, after, ip, request_id, prev_hash, hash
         FROM audit_events WHERE id > $1::bigint ORDER BY audit_events.id LIMIT $2`,
      [afterId, pageSize],
    );
    for (const row of rows) {
      if (row.prev_hash !== prevHash) return { ok: false, checked, firstBroken: { id: row.id, reason: 'link' } };
      const expected = eventHash(prevHash, {
        occurredAt: new Date(row.occurred_at),
        actorUserId: row.actor_user_id,
        actorUsername: row.actor_username,
        actorRole: row.actor_role,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        before: row.before,
        after: row.after,
        ip: row.ip,
        requestId: row.request_id,
      });
      if (expected !== row.hash) return { ok: false, checked, firstBroken: { id: row.id, reason: 'hash' } };
      prevHash = row.hash;
      checked += 1;
      afterId = row.id;
    }
    if (rows.length < pageSize) return { ok: true, checked, firstBroken: null };
  }
}
