import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsOf } from '../../../shared/domain/permissions';
import { DEMO_PASSWORD } from '../../seed/demo/demoData';
import {
  auditEventsOf,
  createTestApp,
  errorOf,
  orgIdOf,
  signIn,
  userIdOf,
  type TestContext,
} from '../../../../test/helpers/app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function login(username: string, password: string, options: { ip?: string; headers?: Record<string, string> } = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: options.ip ?? '127.0.0.1',
    headers: options.headers ?? {},
  });
}

async function sessionCount(userId: string): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [userId]);
  return rows[0]?.n ?? 0;
}

async function attemptsRow(username: string, ip: string) {
  const { rows } = await t.db.query<{ failures: number; locked: boolean }>(
    `SELECT failures, COALESCE(locked_until > now(), false) AS locked FROM login_attempts WHERE username = $1 AND ip = $2`,
    [username, ip],
  );
  return rows[0];
}

describe('sign-in', () => {
  it('signs in and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    await t.db.query(`UPDATE users SET last_login_at = NULL WHERE username = 'ent1'`);
    const res = await login('ent1', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'cpaudit_sid');
    expect(cookie).toBeDefined();
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.path).toBe('/');
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const enterpriseId = await orgIdOf(t.db, 'ent1');
    const body = res.json<Record<string, unknown>>();
    expect(Object.keys(body).sort()).toEqual(['csrfToken', 'permissions', 'user']);
    expect(body).toEqual({
      user: {
        id: await userIdOf(t.db, 'ent1'),
        username: 'ent1',
        displayName: '王晓燕',
        role: 'enterprise_user',
        org: { id: enterpriseId, kind: 'enterprise', name: '重庆华鑫表面处理有限公司', districtCode: '500112' },
        enterpriseId,
        locale: 'zh-CN',
        mustChangePassword: false,
      },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/) as unknown,
      permissions: actionsOf('enterprise_user'),
    });
    expect(JSON.stringify(body)).not.toMatch(/argon2|password_hash|passwordHash/);

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `cpaudit_sid=${cookie?.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(body);

    const { rows } = await t.db.query<{ recent: boolean }>(
      `SELECT last_login_at > now() - interval '1 minute' AS recent FROM users WHERE username = 'ent1'`,
    );
    expect(rows[0]?.recent).toBe(true);
  });

  it('accepts the username in any case and with surrounding spaces', async () => {
    const res = await login('  City ', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ user: { username: string } }>().user.username).toBe('city');
  });

  it('refuses a wrong password with 401 LOGIN_FAILED and sets no cookie', async () => {
    const res = await login('ent2', 'Wrong@2021', { ip: '10.1.0.1' });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res)).toMatchObject({ code: 'LOGIN_FAILED', message: '用户名或密码错误' });
    expect(res.cookies.find((c) => c.name === 'cpaudit_sid')).toBeUndefined();
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const wrong = await login('ent2', 'Wrong@2021', { ip: '10.1.0.2' });
    const unknown = await login('nobody-here', 'Wrong@2021', { ip: '10.1.0.2' });
    expect(unknown.statusCode).toBe(401);
    expect(errorOf(unknown).code).toBe('LOGIN_FAILED');
    expect(errorOf(unknown).message).toBe(errorOf(wrong).message);
  });

  it('answers in English when asked', async () => {
    const res = await login('ent2', 'Wrong@2021', { ip: '10.1.0.3', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).message).toBe('Wrong username or password');
  });

  it('refuses an empty or missing username with 400 VALIDATION_FAILED', async () => {
    const res = await login('', 'x');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'VALIDATION_FAILED', fields: { username: '必填' } });
    const missing = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { password: 'x' } });
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).fields).toHaveProperty('username');
  });

  it('refuses a NUL character with 400, not 500', async () => {
    const res = await login('adm\u0000in', 'x');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('BAD_REQUEST');
  });
});

describe('lock-out', () => {
  it('locks account and address after 5 failures, even for the right password, but not other addresses', async () => {
    const ip = '10.2.0.1';
    for (let i = 1; i <= 4; i += 1) {
      const res = await login('expert2', `Wrong${i}`, { ip });
      expect(res.statusCode).toBe(401);
      expect(await attemptsRow('expert2', ip)).toEqual({ failures: i, locked: false });
    }
    const fifth = await login('expert2', 'Wrong5', { ip });
    expect(fifth.statusCode).toBe(401);
    expect(errorOf(fifth).code).toBe('LOGIN_FAILED');
    expect((await attemptsRow('expert2', ip))?.locked).toBe(true);

    const sixth = await login('expert2', DEMO_PASSWORD, { ip });
    expect(sixth.statusCode).toBe(429);
    expect(errorOf(sixth)).toMatchObject({ code: 'LOGIN_LOCKED', message: '登录失败次数过多，请在 15 分钟后重试' });
    expect(sixth.cookies.find((c) => c.name === 'cpaudit_sid')).toBeUndefined();
    const upperCase = await login('EXPERT2', DEMO_PASSWORD, { ip, headers: { 'accept-language': 'en' } });
    expect(upperCase.statusCode).toBe(429);
    expect(errorOf(upperCase).message).toBe('Too many failed sign-in attempts; try again in 15 minutes');

    const elsewhere = await login('expert2', DEMO_PASSWORD, { ip: '10.2.0.2' });
    expect(elsewhere.statusCode).toBe(200);
    // The lock of the first address is still in place.
    expect((await attemptsRow('expert2', ip))?.locked).toBe(true);
    expect((await login('expert2', DEMO_PASSWORD, { ip })).statusCode).toBe(429);
  });

  it('records each failure in the audit trail, the last one as locking', async () => {
    const ip = '10.2.0.3';
    const userId = await userIdOf(t.db, 'expert1');
    const events = await auditEventsOf(t.db, async () => {
      for (let i = 0; i < 5; i += 1) await login('expert1', 'nope', { ip });
    });
    expect(events.map((e) => e.action)).toEqual(Array(5).fill('auth.loginFailed'));
    expect(events.every((e) => e.entity_id === userId && e.ip === ip && e.actor_user_id === null)).toBe(true);
    expect(events.map((e) => e.after?.locked)).toEqual([false, false, false, false, true]);
  });

  it('clears the failures of an address after a successful sign-in', async () => {
    const ip = '10.2.0.4';
    await login('agency1', 'nope', { ip });
    await login('agency1', 'nope', { ip });
    expect(await attemptsRow('agency1', ip)).toEqual({ failures: 2, locked: false });
    expect((await login('agency1', DEMO_PASSWORD, { ip })).statusCode).toBe(200);
    expect(await attemptsRow('agency1', ip)).toBeUndefined();
  });

  it('starts counting again after the lock expires', async () => {
    const ip = '10.2.0.5';
    await t.db.query(
      `INSERT INTO login_attempts (username, ip, failures, first_failure_at, locked_until)
       VALUES ('agency1', $1, 0, now() - interval '20 minutes', now() - interval '5 minutes')`,
      [ip],
    );
    expect((await login('agency1', DEMO_PASSWORD, { ip })).statusCode).toBe(200);
  });
});

describe('disabled accounts', () => {
  it('refuses a disabled user with 403 ACCOUNT_DISABLED and ends their session', async () => {
    const victim = await signIn(t.app, 'expert3');
    expect((await victim.get('/api/auth/me')).statusCode).toBe(200);
    const admin = await signIn(t.app, 'admin');
    const patch = await admin.send('PATCH', `/api/users/${victim.userId}`, { disabled: true });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({ username: 'expert3', disabled: true });

    const me = await victim.get('/api/auth/me');
    expect(me.statusCode).toBe(401);
    expect(await sessionCount(victim.userId)).toBe(0);

    const res = await login('expert3', DEMO_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(errorOf(res)).toMatchObject({ code: 'ACCOUNT_DISABLED', message: '该账号已停用，请联系管理员' });
    expect(res.cookies.find((c) => c.name === 'cpaudit_sid')).toBeUndefined();
    expect(await sessionCount(victim.userId)).toBe(0);

    // Enabled again, the user signs in.
    expect((await admin.send('PATCH', `/api/users/${victim.userId}`, { disabled: false })).statusCode).toBe(200);
    expect((await login('expert3', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('ends a session whose user is disabled directly in the database', async () => {
    const c = await signIn(t.app, 'expert2', DEMO_PASSWORD, '10.3.0.1');
    const before = await sessionCount(c.userId);
    await t.db.query('UPDATE users SET disabled_at = now() WHERE id = $1', [c.userId]);
    const me = await c.get('/api/auth/me');
    expect(me.statusCode).toBe(401);
    // The session used is deleted on sight (the user's other sessions end when they are next used).
    expect(await sessionCount(c.userId)).toBe(before - 1);
    await t.db.query('UPDATE users SET disabled_at = NULL WHERE id = $1', [c.userId]);
  });
});

describe('sessions', () => {
  it('answers anonymous /api/auth/me with 401 UNAUTHENTICATED', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res)).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
    const en = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { 'accept-language': 'en' } });
    expect(errorOf(en).message).toBe('Please sign in first');
  });

  it.each([
    ['garbage', 'cpaudit_sid=garbage'],
    ['well-formed but unknown', `cpaudit_sid=${'A'.repeat(43)}`],
    ['over-long', `cpaudit_sid=${'A'.repeat(500)}`],
    ['empty', 'cpaudit_sid='],
  ])('answers a %s session cookie with 401', async (_label, cookie) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(['UNAUTHENTICATED', 'SESSION_EXPIRED']).toContain(errorOf(res).code);
  });

  it('ends the session on logout and clears the cookie', async () => {
    const c = await signIn(t.app, 'jiangbei', DEMO_PASSWORD, '10.4.0.1');
    const other = await signIn(t.app, 'jiangbei', DEMO_PASSWORD, '10.4.0.2');
    const before = await sessionCount(c.userId);
    const res = await c.send('POST', '/api/auth/logout');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    const cleared = res.cookies.find((k) => k.name === 'cpaudit_sid');
    expect(cleared?.value).toBe('');
    expect(cleared?.expires?.getTime() ?? Date.now()).toBeLessThanOrEqual(Date.now());
    expect(await sessionCount(c.userId)).toBe(before - 1);
    const me = await c.get('/api/auth/me');
    expect(me.statusCode).toBe(401);
    // Only this session ended.
    expect((await other.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('password change', () => {
  it('checks the current password, the policy, and then replaces the password', async () => {
    const c = await signIn(t.app, 'yubei', DEMO_PASSWORD, '10.5.0.1');
    const elsewhere = await signIn(t.app, 'yubei', DEMO_PASSWORD, '10.5.0.2');
    const hashBefore = await t.db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'yubei'`);

    const wrong = await c.send('POST', '/api/auth/password', { currentPassword: 'Nope@2021', newPassword: 'Better2024x' });
    expect(wrong.statusCode).toBe(403);
    expect(errorOf(wrong)).toMatchObject({ code: 'PASSWORD_WRONG', message: '当前密码不正确' });

    for (const weak of ['short1', 'onlyletters', '1234567890']) {
      const res = await c.send('POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: weak });
      expect(res.statusCode, weak).toBe(400);
      expect(errorOf(res).code).toBe('PASSWORD_WEAK');
    }
    const reused = await c.send('POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD });
    expect(reused.statusCode).toBe(400);
    expect(errorOf(reused).code).toBe('PASSWORD_REUSED');
    const hashAfterRefusals = await t.db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'yubei'`);
    expect(hashAfterRefusals.rows).toEqual(hashBefore.rows);

    const ok = await c.send('POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Better2024x' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ ok: true });

    const old = await login('yubei', DEMO_PASSWORD, { ip: '10.5.0.3' });
    expect(old.statusCode).toBe(401);
    expect(errorOf(old).code).toBe('LOGIN_FAILED');
    expect((await login('yubei', 'Better2024x', { ip: '10.5.0.3' })).statusCode).toBe(200);
    // This session goes on; the user's other sessions ended.
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
    const { rows } = await t.db.query<{ must: boolean }>(`SELECT must_change_password AS must FROM users WHERE username = 'yubei'`);
    expect(rows[0]?.must).toBe(false);
  });

  it('answers in the language the user chose', async () => {
    const c = await signIn(t.app, 'city', DEMO_PASSWORD, '10.6.0.1');
    const set = await c.send('PUT', '/api/auth/locale', { locale: 'en' });
    expect(set.statusCode).toBe(200);
    expect(set.cookies.find((k) => k.name === 'cpaudit_lang')?.value).toBe('en');
    const { rows } = await t.db.query<{ locale: string }>(`SELECT locale FROM users WHERE username = 'city'`);
    expect(rows[0]?.locale).toBe('en');
    // No Accept-Language and no language cookie: the stored preference decides.
    const wrong = await c.send('POST', '/api/auth/password', { currentPassword: 'Nope@2021', newPassword: 'Better2024x' });
    expect(errorOf(wrong).message).toBe('The current password is wrong');
    expect((await c.get('/api/auth/me')).json()).toMatchObject({ user: { locale: 'en' } });
    const invalid = await c.send('PUT', '/api/auth/locale', { locale: 'fr' });
    expect(invalid.statusCode).toBe(400);
    expect(errorOf(invalid).fields).toHaveProperty('locale');
  });
});
