import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../shared/contracts/audit';
import { AUDIT_ACTIONS } from '../../../shared/domain/auditActions';
import type { SqlParam } from '../../db/types';
import { eventHash, verifyAuditChain } from '../../platform/audit';
import { DEMO_PASSWORD } from '../../seed/demo/demoData';
import {
  auditEventsOf,
  createTestApp,
  errorOf,
  orgIdOf,
  signIn,
  userIdOf,
  type AuditRow,
  type Client,
  type TestContext,
} from '../../../../test/helpers/app';
import { buildEnterpriseInput, buildUserInput, createEnterprise, createUser } from '../../../../test/helpers/factories';

let t: TestContext;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, 'admin');
});
afterAll(async () => t.close());

interface AuditPage {
  items: AuditEvent[];
  total: number;
}

async function list(query: string): Promise<AuditPage> {
  const res = await admin.get(`/api/audit-events?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AuditPage>();
}

/** Run statements that rewrite the trail, with the database's append-only guard lifted for this transaction only. */
async function rewriteTrail(sql: string, params: SqlParam[]): Promise<void> {
  await t.db.transaction(async (tx) => {
    await tx.query(`SET LOCAL cpaudit.allow_audit_rewrite = 'on'`);
    await tx.query(sql, params);
  });
}

const summary = (events: AuditRow[]) => events.map((e) => [e.action, e.entity_type, e.entity_id]);

describe('one event per change', () => {
  it('records exactly one event for each state change', async () => {
    const jiangbeiId = await userIdOf(t.db, 'jiangbei');
    let jiangbei: Client | undefined;
    expect(summary(await auditEventsOf(t.db, async () => (jiangbei = await signIn(t.app, 'jiangbei', DEMO_PASSWORD, '10.9.0.1'))))).toEqual([
      ['auth.login', 'user', jiangbeiId],
    ]);
    if (!jiangbei) throw new Error('not signed in');
    const c = jiangbei;

    const failed = await auditEventsOf(t.db, () =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'jiangbei', password: 'nope' }, remoteAddress: '10.9.0.2' }),
    );
    expect(summary(failed)).toEqual([['auth.loginFailed', 'user', jiangbeiId]]);
    expect(failed[0]).toMatchObject({ actor_user_id: null, actor_username: 'jiangbei', ip: '10.9.0.2' });

    expect(summary(await auditEventsOf(t.db, () => c.send('PUT', '/api/auth/locale', { locale: 'en' })))).toEqual([
      ['auth.localeChanged', 'user', jiangbeiId],
    ]);
    expect(await auditEventsOf(t.db, () => c.send('PUT', '/api/auth/locale', { locale: 'en' }))).toEqual([]);

    const enterprise = await auditEventsOf(t.db, () => c.send('POST', '/api/enterprises', buildEnterpriseInput({ districtCode: '500105' })));
    expect(enterprise.map((e) => e.action)).toEqual(['enterprise.created']);
    const enterpriseId = enterprise[0]?.entity_id ?? '';
    expect(summary(await auditEventsOf(t.db, () => c.send('PATCH', `/api/enterprises/${enterpriseId}`, { contactName: '新联系人' })))).toEqual([
      ['enterprise.updated', 'enterprise', enterpriseId],
    ]);
    expect(await auditEventsOf(t.db, () => c.send('PATCH', `/api/enterprises/${enterpriseId}`, { contactName: '新联系人' }))).toEqual([]);

    const created = await auditEventsOf(t.db, () => admin.send('POST', '/api/users', buildUserInput({ orgId: '00000000-0000-0000-0000-000000000000' })));
    expect(created).toEqual([]); // refused: unknown organisation
    const cityBureau = await orgIdOf(t.db, 'city');
    let userId = '';
    const userCreated = await auditEventsOf(t.db, async () => {
      userId = (await createUser(admin, { orgId: cityBureau })).id;
    });
    expect(summary(userCreated)).toEqual([['user.created', 'user', userId]]);
    expect(summary(await auditEventsOf(t.db, () => admin.send('PATCH', `/api/users/${userId}`, { displayName: '改名' })))).toEqual([
      ['user.updated', 'user', userId],
    ]);
    expect(
      summary(await auditEventsOf(t.db, () => admin.send('POST', `/api/users/${userId}/reset-password`, { newPassword: 'Reset2024pass' }))),
    ).toEqual([['user.passwordReset', 'user', userId]]);

    expect(
      summary(
        await auditEventsOf(t.db, () => c.send('POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Jiangbei2024' })),
      ),
    ).toEqual([['auth.passwordChanged', 'user', jiangbeiId]]);
    expect(summary(await auditEventsOf(t.db, () => c.send('POST', '/api/auth/logout')))).toEqual([['auth.logout', 'user', jiangbeiId]]);
  });

  it('records nothing for reads and refused requests', async () => {
    const yubei = await signIn(t.app, 'yubei');
    const events = await auditEventsOf(t.db, async () => {
      await yubei.get('/api/enterprises');
      await yubei.get('/api/auth/me');
      await yubei.send('POST', '/api/enterprises', { name: 1 });
      await yubei.send('POST', '/api/enterprises', buildEnterpriseInput({ districtCode: '500105' }));
      await yubei.send('POST', '/api/users', buildUserInput({ orgId: yubei.userId }));
      await t.app.inject({ method: 'POST', url: '/api/enterprises', headers: { cookie: yubei.cookie }, payload: buildEnterpriseInput() });
      await admin.get('/api/audit-events');
      await admin.get('/api/audit-events/verify');
    });
    expect(events).toEqual([]);
  });

  it('stores only catalogued actions with their entity types', async () => {
    const { rows } = await t.db.query<{ action: string; entity_type: string }>('SELECT DISTINCT action, entity_type FROM audit_events');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Object.keys(AUDIT_ACTIONS), row.action).toContain(row.action);
      expect(row.entity_type, row.action).toBe(AUDIT_ACTIONS[row.action as keyof typeof AUDIT_ACTIONS].entity);
    }
  });
});

describe('GET /api/audit-events', () => {
  it('filters by action, entity type, entity and actor', async () => {
    const yubei = await signIn(t.app, 'yubei');
    const e = await createEnterprise(yubei);
    expect((await yubei.send('PATCH', `/api/enterprises/${e.id}`, { contactName: '甲' })).statusCode).toBe(200);
    expect((await yubei.send('PATCH', `/api/enterprises/${e.id}`, { contactName: '乙' })).statusCode).toBe(200);

    const byEntity = await list(`entityId=${e.id}`);
    expect(byEntity.total).toBe(3);
    expect(byEntity.items.map((i) => i.action)).toEqual(['enterprise.updated', 'enterprise.updated', 'enterprise.created']);
    expect(byEntity.items[0]).toMatchObject({
      entityType: 'enterprise',
      entityId: e.id,
      actor: { userId: yubei.userId, username: 'yubei', role: 'district_staff' },
      before: { contactName: '甲' },
      after: { contactName: '乙' },
      ip: '127.0.0.1',
    });
    expect(byEntity.items[0]?.hash).toMatch(/^[0-9a-f]{64}$/);

    const created = await list(`action=enterprise.created&entityId=${e.id}`);
    expect(created.items.map((i) => i.action)).toEqual(['enterprise.created']);
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'enterprise.created'`);
    expect((await list('action=enterprise.created')).total).toBe(rows[0]?.n);

    const enterprises = await list('entityType=enterprise&pageSize=100');
    expect(enterprises.items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(enterprises.items.map((i) => i.entityType))).toEqual(new Set(['enterprise']));

    const byActor = await list('actor=yubei&pageSize=100');
    expect(byActor.total).toBeGreaterThanOrEqual(4);
    expect(new Set(byActor.items.map((i) => i.actor.username))).toEqual(new Set(['yubei']));
    expect((await list('actor=nobody')).total).toBe(0);

    const system = await list('entityType=system');
    expect(system.items).toHaveLength(1);
    expect(system.items[0]).toMatchObject({ action: 'system.seeded', actor: { userId: null, username: 'system', role: null } });
  });

  it('filters by time', async () => {
    const yubei = await signIn(t.app, 'yubei');
    const { rows: now } = await t.db.query<{ start: string; today: string }>(
      `SELECT to_char((now() - interval '1 second') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS start, current_date::text AS today`,
    );
    const start = now[0]?.start ?? '';
    const e = await createEnterprise(yubei);
    const k = `entityId=${e.id}`;
    expect((await list(`${k}&from=${start}`)).total).toBe(1);
    expect((await list(`${k}&from=${encodeURIComponent('2999-01-01T00:00:00+08:00')}`)).total).toBe(0);
    expect((await list(`${k}&to=2000-01-01`)).total).toBe(0);
    // A bare date as upper bound includes that whole day.
    expect((await list(`${k}&to=${now[0]?.today}`)).total).toBe(1);
    expect((await list(`${k}&from=${now[0]?.today}&to=${now[0]?.today}`)).total).toBe(1);
    expect((await list(`${k}&to=${start}`)).total).toBe(0);
  });

  it('pages with a constant total and sorts both ways', async () => {
    const newest = await list('pageSize=4&page=1');
    const next = await list('pageSize=4&page=2');
    expect(newest.items).toHaveLength(4);
    expect(next.items).toHaveLength(4);
    expect(next.total).toBe(newest.total);
    const ids = [...newest.items, ...next.items].map((i) => Number(i.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const oldest = await list('pageSize=3&sort=occurredAt');
    expect(oldest.items[0]).toMatchObject({ id: '1', action: 'system.seeded' });
    const ascending = oldest.items.map((i) => Number(i.id));
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(oldest.total).toBe(newest.total);
  });

  it.each([
    ['action=enterprise.deleted', 'action'],
    ['entityType=spaceship', 'entityType'],
    ['from=yesterday', 'from'],
    ['to=2024-13-01', 'to'],
    ['pageSize=0', 'pageSize'],
    ['sort=hash', 'sort'],
  ])('refuses %s with 400 VALIDATION_FAILED', async (query, field) => {
    const res = await admin.get(`/api/audit-events?${query}`);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('VALIDATION_FAILED');
    expect(Object.keys(errorOf(res).fields ?? {})).toEqual([field]);
  });

  it.each(['from=0000-01-01', 'to=0000-06-30T00:00:00Z', 'entityId=%00'])('refuses %s with 400, not 500', async (query) => {
    const res = await admin.get(`/api/audit-events?${query}`);
    expect(res.statusCode).toBe(400);
  });

  it('is for the administrator only', async () => {
    for (const username of ['city', 'yubei', 'ent1']) {
      const c = await signIn(t.app, username);
      expect((await c.get('/api/audit-events')).statusCode, username).toBe(403);
      expect((await c.get('/api/audit-events/verify')).statusCode, username).toBe(403);
    }
  });
});

describe('chain verification', () => {
  async function middleEvent(): Promise<{ id: string; nextId: string; position: number; after: string | null }> {
    const { rows } = await t.db.query<{ id: string; after: string | null }>('SELECT id::text AS id, after::text AS after FROM audit_events ORDER BY audit_events.id');
    const position = Math.floor(rows.length / 2);
    const row = rows[position];
    const next = rows[position + 1];
    if (!row || !next) throw new Error('trail too short');
    return { id: row.id, nextId: next.id, position, after: row.after };
  }

  it('reports an intact chain', async () => {
    const res = await admin.get('/api/audit-events/verify');
    expect(res.statusCode).toBe(200);
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
    expect(res.json()).toEqual({ ok: true, checked: rows[0]?.n, firstBroken: null });
    expect(await verifyAuditChain(t.db, 3)).toEqual({ ok: true, checked: rows[0]?.n, firstBroken: null });
  });

  it('finds a row whose content was changed (reason hash), and accepts it again once restored', async () => {
    const target = await middleEvent();
    await rewriteTrail(`UPDATE audit_events SET after = jsonb_build_object('forged', true) WHERE id = $1::bigint`, [target.id]);
    try {
      const res = await admin.get('/api/audit-events/verify');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: false, checked: target.position, firstBroken: { id: target.id, reason: 'hash' } });
      expect(await verifyAuditChain(t.db, 2)).toEqual({ ok: false, checked: target.position, firstBroken: { id: target.id, reason: 'hash' } });
    } finally {
      await rewriteTrail('UPDATE audit_events SET after = $2::jsonb WHERE id = $1::bigint', [target.id, target.after]);
    }
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('finds a changed row whose own hash was recomputed (reason link, at the following row)', async () => {
    const target = await middleEvent();
    const { rows } = await t.db.query<AuditRow & { occurred_at: Date }>(
      `SELECT id::text AS id, occurred_at, actor_user_id, actor_username, actor_role, action, entity_type, entity_id,
              before, after, ip, request_id, prev_hash, hash FROM audit_events WHERE id = $1::bigint`,
      [target.id],
    );
    const row = rows[0];
    if (!row) throw new Error('row missing');
    const forgedAfter = { ...(row.after ?? {}), forged: true };
    const forgedHash = eventHash(row.prev_hash, {
      occurredAt: new Date(row.occurred_at),
      actorUserId: row.actor_user_id,
      actorUsername: row.actor_username,
      actorRole: row.actor_role,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      before: row.before,
      after: forgedAfter,
      ip: row.ip,
      requestId: row.request_id,
    });
    await rewriteTrail('UPDATE audit_events SET after = $2::jsonb, hash = $3 WHERE id = $1::bigint', [
      target.id,
      JSON.stringify(forgedAfter),
      forgedHash,
    ]);
    try {
      const res = await admin.get('/api/audit-events/verify');
      expect(res.json()).toEqual({ ok: false, checked: target.position + 1, firstBroken: { id: target.nextId, reason: 'link' } });
    } finally {
      await rewriteTrail('UPDATE audit_events SET after = $2::jsonb, hash = $3 WHERE id = $1::bigint', [target.id, target.after, row.hash]);
    }
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
