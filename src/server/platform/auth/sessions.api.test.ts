import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestContext } from '../../../../test/helpers/app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function sessionCount(userId: string): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [userId]);
  return rows[0]?.n ?? 0;
}

describe('session expiry', () => {
  it('stores only the hash of the cookie token', async () => {
    const c = await signIn(t.app, 'city');
    const token = c.cookie.split('=')[1] ?? '';
    const { rows } = await t.db.query<{ id: string }>('SELECT id FROM sessions WHERE user_id = $1', [c.userId]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id)).not.toContain(token);
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ends a session idle for longer than the idle limit', async () => {
    const c = await signIn(t.app, 'yubei');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '121 minutes' WHERE user_id = $1`, [c.userId]);
    const res = await c.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'SESSION_EXPIRED' } });
    expect(await sessionCount(c.userId)).toBe(0);
  });

  it('keeps an active session alive within the idle limit', async () => {
    const c = await signIn(t.app, 'jiangbei');
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '119 minutes' WHERE user_id = $1`, [c.userId]);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    // The request slid the idle window forward.
    const { rows } = await t.db.query<{ fresh: boolean }>(
      `SELECT last_seen_at > now() - interval '1 minute' AS fresh FROM sessions WHERE user_id = $1`,
      [c.userId],
    );
    expect(rows[0]?.fresh).toBe(true);
  });

  it('ends a session at its absolute expiry even when active', async () => {
    const c = await signIn(t.app, 'ent1');
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [c.userId]);
    const res = await c.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(await sessionCount(c.userId)).toBe(0);
  });

  it('sets the absolute expiry from the policy on the cookie and in the database', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ent2', password: 'Demo@2021' } });
    const cookie = res.cookies.find((c) => c.name === 'cpaudit_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const hours = ((cookie?.expires?.getTime() ?? 0) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
  });
});
