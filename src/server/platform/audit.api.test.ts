import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestContext } from '../../../test/helpers/app';
import { createEnterprise } from '../../../test/helpers/factories';
import { canonicalJson, eventHash, GENESIS_HASH, verifyAuditChain, type ChainFields } from './audit';

let t: TestContext;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  // Let the ids cross from three to four digits, so text and number order differ ('1000' < '999').
  await t.db.query(`SELECT setval(pg_get_serial_sequence('audit_events', 'id'), 997)`);
  admin = await signIn(t.app, 'admin');
  const yubei = await signIn(t.app, 'yubei');
  for (let i = 0; i < 3; i += 1) await createEnterprise(yubei);
});
afterAll(async () => t.close());

async function eventIds(): Promise<string[]> {
  const { rows } = await t.db.query<{ id: string }>('SELECT id::text AS id FROM audit_events ORDER BY audit_events.id');
  return rows.map((r) => r.id);
}

describe('hashing', () => {
  const fields: ChainFields = {
    occurredAt: new Date('2024-05-01T08:00:00.123Z'),
    actorUserId: null,
    actorUsername: 'system',
    actorRole: null,
    action: 'system.seeded',
    entityType: 'system',
    entityId: null,
    before: null,
    after: { b: 1, a: { d: [1, 'x'], c: null } },
    ip: null,
    requestId: null,
  };

  it('does not depend on key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    const reordered = { ...fields, after: { a: { c: null, d: [1, 'x'] }, b: 1 } };
    expect(eventHash(GENESIS_HASH, reordered)).toBe(eventHash(GENESIS_HASH, fields));
  });

  it('changes with the content and with the previous hash', () => {
    const base = eventHash(GENESIS_HASH, fields);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(GENESIS_HASH, { ...fields, after: { b: 2, a: { d: [1, 'x'], c: null } } })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...fields, actorUsername: 'admin' })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...fields, occurredAt: new Date('2024-05-01T08:00:00.124Z') })).not.toBe(base);
    expect(eventHash('1'.repeat(64), fields)).not.toBe(base);
  });
});

describe('append-only trail', () => {
  it('refuses a plain UPDATE or DELETE', async () => {
    const [first] = await eventIds();
    await expect(t.db.query(`UPDATE audit_events SET actor_username = 'mallory' WHERE id = $1::bigint`, [first ?? '0'])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query('DELETE FROM audit_events WHERE id = $1::bigint', [first ?? '0'])).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    const { rows } = await t.db.query<{ actor_username: string }>('SELECT actor_username FROM audit_events WHERE id = $1::bigint', [
      first ?? '0',
    ]);
    expect(rows[0]?.actor_username).toBe('system');
  });

  it('lifts the guard only inside a transaction that asks for it', async () => {
    const [first] = await eventIds();
    await t.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL cpaudit.allow_audit_rewrite = 'on'`);
      const res = await tx.query(`UPDATE audit_events SET actor_username = actor_username WHERE id = $1::bigint`, [first ?? '0']);
      expect(res.rowCount).toBe(1);
    });
    // SET LOCAL ended with the transaction.
    await expect(t.db.query(`UPDATE audit_events SET actor_username = actor_username WHERE id = $1::bigint`, [first ?? '0'])).rejects.toThrow(
      /append-only/,
    );
    // A rolled-back rewrite changes nothing.
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`SET LOCAL cpaudit.allow_audit_rewrite = 'on'`);
        await tx.query('DELETE FROM audit_events');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await eventIds()).length).toBeGreaterThan(4);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe('verifyAuditChain', () => {
  it('checks every row in id order, across pages', async () => {
    const ids = await eventIds();
    expect(ids).toEqual(expect.arrayContaining(['999', '1000']));
    for (const pageSize of [1, 2, 3, 2000]) {
      expect(await verifyAuditChain(t.db, pageSize), `page size ${pageSize}`).toEqual({ ok: true, checked: ids.length, firstBroken: null });
    }
  });

  // Destructive: keep it last in this file.
  it('finds a deleted row at the row that followed it (reason link)', async () => {
    const ids = await eventIds();
    const middle = Math.floor(ids.length / 2);
    const deleted = ids[middle];
    const following = ids[middle + 1];
    if (!deleted || !following) throw new Error('trail too short');
    await t.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL cpaudit.allow_audit_rewrite = 'on'`);
      await tx.query('DELETE FROM audit_events WHERE id = $1::bigint', [deleted]);
    });
    const expected = { ok: false, checked: middle, firstBroken: { id: following, reason: 'link' } };
    expect(await verifyAuditChain(t.db)).toEqual(expected);
    expect(await verifyAuditChain(t.db, 2)).toEqual(expected);
    const res = await admin.get('/api/audit-events/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(expected);
  });
});
