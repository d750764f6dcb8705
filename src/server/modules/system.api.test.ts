import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestContext } from '../../../test/helpers/app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('health', () => {
  it('reports the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: t.db.kind === 'embedded' ? 'embedded' : 'postgres' });
  });

  it('reports the database this test project runs on (embedded on PGlite, postgres on PostgreSQL)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const expected = process.env.TEST_DB === 'postgres' ? 'postgres' : 'embedded';
    expect(res.json()).toEqual({ status: 'ok', database: expected, version: 'test', uptimeSeconds: expect.any(Number) as unknown });
    // Anyone may ask, without a session.
    expect(res.headers['set-cookie']).toBeUndefined();
  });
  it('signs in a demo user', async () => {
    const c = await signIn(t.app, 'yubei');
    const me = await c.get('/api/auth/me');
    expect(me.json()).toMatchObject({ user: { username: 'yubei', role: 'district_staff' } });
  });
});
