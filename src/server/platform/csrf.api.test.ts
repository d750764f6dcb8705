import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../seed/demo/demoData';
import { countRows, createTestApp, errorOf, orgIdOf, signIn, type Client, type TestContext } from '../../../test/helpers/app';
import { buildEnterpriseInput } from '../../../test/helpers/factories';

let t: TestContext;
let yubei: Client;
let jiangbei: Client;
let ownEnterpriseId: string;
beforeAll(async () => {
  t = await createTestApp();
  yubei = await signIn(t.app, 'yubei');
  jiangbei = await signIn(t.app, 'jiangbei');
  ownEnterpriseId = await orgIdOf(t.db, 'ent1');
});
afterAll(async () => t.close());

const TABLES = ['enterprises', 'organizations', 'audit_events', 'users'] as const;

async function contactName(id: string): Promise<string | undefined> {
  const { rows } = await t.db.query<{ contact_name: string }>('SELECT contact_name FROM enterprises WHERE id = $1', [id]);
  return rows[0]?.contact_name;
}

/** A state-changing request carrying the session cookie and the given CSRF header (or none). */
function unsafe(client: Client, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object, token?: string) {
  return t.app.inject({
    method,
    url,
    payload: payload as Record<string, unknown>,
    headers: { cookie: client.cookie, ...(token === undefined ? {} : { 'x-csrf-token': token }) },
  });
}

describe('CSRF token', () => {
  it.each([
    ['without a token', undefined],
    ['with an empty token', ''],
    ['with a wrong token', 'x'.repeat(43)],
    ['with a wrong token of another length', 'abc'],
  ])('refuses a signed-in POST %s and writes nothing', async (_label, token) => {
    const before = await countRows(t.db, TABLES);
    const res = await unsafe(yubei, 'POST', '/api/enterprises', buildEnterpriseInput(), token);
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('CSRF_INVALID');
    expect(errorOf(res).message).toContain('CSRF');
    expect(await countRows(t.db, TABLES)).toEqual(before);
  });

  it('refuses a PATCH without the token and changes nothing', async () => {
    const original = await contactName(ownEnterpriseId);
    const before = await countRows(t.db, TABLES);
    const res = await unsafe(yubei, 'PATCH', `/api/enterprises/${ownEnterpriseId}`, { contactName: '改名者' });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('CSRF_INVALID');
    expect(await contactName(ownEnterpriseId)).toBe(original);
    expect(await countRows(t.db, TABLES)).toEqual(before);
  });

  it("refuses another session's token", async () => {
    const original = await contactName(ownEnterpriseId);
    const res = await unsafe(yubei, 'PATCH', `/api/enterprises/${ownEnterpriseId}`, { contactName: '改名者' }, jiangbei.csrf);
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('CSRF_INVALID');
    expect(await contactName(ownEnterpriseId)).toBe(original);
  });

  it('refuses logout and a language change without the token', async () => {
    const c = await signIn(t.app, 'city');
    const logout = await unsafe(c, 'POST', '/api/auth/logout', {});
    expect(logout.statusCode).toBe(403);
    expect(errorOf(logout).code).toBe('CSRF_INVALID');
    const locale = await unsafe(c, 'PUT', '/api/auth/locale', { locale: 'en' });
    expect(locale.statusCode).toBe(403);
    const { rows } = await t.db.query<{ locale: string }>(`SELECT locale FROM users WHERE username = 'city'`);
    expect(rows[0]?.locale).toBe('zh-CN');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('checks the token before the body, so a refused request reveals nothing about validation', async () => {
    const res = await unsafe(yubei, 'POST', '/api/enterprises', { name: 42 });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('CSRF_INVALID');
  });

  it('accepts a state change with the right token', async () => {
    const before = await countRows(t.db, ['enterprises', 'audit_events']);
    const created = await unsafe(yubei, 'POST', '/api/enterprises', buildEnterpriseInput(), yubei.csrf);
    expect(created.statusCode).toBe(201);
    expect(await countRows(t.db, ['enterprises', 'audit_events'])).toEqual({
      enterprises: (before.enterprises ?? 0) + 1,
      audit_events: (before.audit_events ?? 0) + 1,
    });
    const patched = await unsafe(yubei, 'PATCH', `/api/enterprises/${ownEnterpriseId}`, { contactName: '赵六' }, yubei.csrf);
    expect(patched.statusCode).toBe(200);
    expect(await contactName(ownEnterpriseId)).toBe('赵六');
  });

  it('needs no token for reads', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/enterprises', headers: { cookie: yubei.cookie } });
    expect(res.statusCode).toBe(200);
    const head = await t.app.inject({ method: 'HEAD', url: '/api/auth/me', headers: { cookie: yubei.cookie } });
    expect(head.statusCode).toBe(200);
  });

  it('answers an anonymous state change with 401 before any CSRF check', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/enterprises', payload: buildEnterpriseInput() });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe('UNAUTHENTICATED');
  });
});

describe('cross-site sign-in', () => {
  const credentials = JSON.stringify({ username: 'admin', password: DEMO_PASSWORD });

  it.each([
    ['text/plain', credentials],
    ['text/plain;charset=UTF-8', credentials],
    ['application/x-www-form-urlencoded', `username=admin&password=${encodeURIComponent(DEMO_PASSWORD)}`],
    [
      'multipart/form-data; boundary=XYZ',
      `--XYZ\r\nContent-Disposition: form-data; name="username"\r\n\r\nadmin\r\n--XYZ\r\nContent-Disposition: form-data; name="password"\r\n\r\n${DEMO_PASSWORD}\r\n--XYZ--\r\n`,
    ],
  ])('refuses a sign-in posted as %s (what an HTML form can send)', async (contentType, payload) => {
    const before = await countRows(t.db, ['sessions']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': contentType, origin: 'https://evil.example' },
      payload,
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(['VALIDATION_FAILED', 'BAD_REQUEST']).toContain(errorOf(res).code);
    expect(res.cookies.find((c) => c.name === 'cpaudit_sid')).toBeUndefined();
    expect(await countRows(t.db, ['sessions'])).toEqual(before);
  });

  it('refuses malformed JSON with 400 BAD_REQUEST', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin",',
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('BAD_REQUEST');
  });
});
