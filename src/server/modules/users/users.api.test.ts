import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/contracts/users';
import { DEMO_PASSWORD } from '../../seed/demo/demoData';
import {
  auditEventsOf,
  countRows,
  createTestApp,
  errorOf,
  orgIdOf,
  signIn,
  type Client,
  type TestContext,
} from '../../../../test/helpers/app';
import { buildUserInput, createUser, uniqueUsername } from '../../../../test/helpers/factories';

let t: TestContext;
let admin: Client;
let cityBureau: string;
let yubeiBureau: string;
let enterpriseOrg: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, 'admin');
  [cityBureau, yubeiBureau, enterpriseOrg] = await Promise.all([orgIdOf(t.db, 'city'), orgIdOf(t.db, 'yubei'), orgIdOf(t.db, 'ent1')]);
});
afterAll(async () => t.close());

const TABLES = ['users', 'audit_events', 'sessions'] as const;

async function refusedWithoutWrites(request: () => Promise<Awaited<ReturnType<Client['send']>>>) {
  const before = await countRows(t.db, TABLES);
  const res = await request();
  expect(await countRows(t.db, TABLES)).toEqual(before);
  return res;
}

function login(username: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
}

async function sessionCount(userId: string): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [userId]);
  return rows[0]?.n ?? 0;
}

describe('create a user', () => {
  it('creates the user (201), who must change the password, and records it without any password', async () => {
    const input = buildUserInput({ orgId: yubeiBureau, role: 'district_staff', email: 'new@ybhb.example', phone: '13912345678' });
    let res: Awaited<ReturnType<Client['send']>> | undefined;
    const events = await auditEventsOf(t.db, async () => {
      res = await admin.send('POST', '/api/users', input);
    });
    expect(res?.statusCode).toBe(201);
    const user = res?.json<User>();
    expect(user).toMatchObject({
      username: input.username,
      displayName: input.displayName,
      role: 'district_staff',
      orgId: yubeiBureau,
      orgName: '重庆市渝北区生态环境局',
      orgKind: 'district_bureau',
      email: 'new@ybhb.example',
      phone: '13912345678',
      disabled: false,
      mustChangePassword: true,
      lastLoginAt: null,
    });
    expect(Object.keys(user ?? {})).not.toContain('passwordHash');
    expect(JSON.stringify(user)).not.toContain('$argon2');

    const { rows } = await t.db.query<{ password_hash: string; must_change_password: boolean }>(
      'SELECT password_hash, must_change_password FROM users WHERE id = $1',
      [user?.id ?? ''],
    );
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]?.must_change_password).toBe(true);

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'user.created',
      entity_type: 'user',
      entity_id: user?.id,
      actor_username: 'admin',
      actor_role: 'city_admin',
      before: null,
    });
    expect(events[0]?.after).toMatchObject({ username: input.username, role: 'district_staff' });
    const recorded = JSON.stringify(events[0]);
    expect(recorded).not.toContain(input.password);
    expect(recorded).not.toContain('$argon2');
    expect(recorded.toLowerCase()).not.toContain('passwordhash');

    const signedIn = await login(input.username, input.password);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ user: { username: input.username, mustChangePassword: true, role: 'district_staff' } });
  });

  it('refuses a duplicate username, whatever its case, with 409', async () => {
    for (const username of ['yubei', 'YuBei']) {
      const res = await refusedWithoutWrites(() => admin.send('POST', '/api/users', buildUserInput({ orgId: cityBureau, username })));
      expect(res.statusCode, username).toBe(409);
      expect(errorOf(res)).toMatchObject({ code: 'USERNAME_TAKEN', message: `用户名 ${username} 已存在` });
      expect(errorOf(res).fields).toHaveProperty('username');
    }
  });

  it.each([
    ['district_staff', 'the city bureau', () => cityBureau],
    ['city_staff', 'a district bureau', () => yubeiBureau],
    ['enterprise_user', 'a district bureau', () => yubeiBureau],
    ['expert', 'an enterprise', () => enterpriseOrg],
  ] as const)('refuses the role %s in %s with 400 ROLE_ORG_MISMATCH', async (role, _org, orgId) => {
    const res = await refusedWithoutWrites(() => admin.send('POST', '/api/users', buildUserInput({ orgId: orgId(), role })));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('ROLE_ORG_MISMATCH');
    expect(errorOf(res).fields).toHaveProperty('role');
  });

  it.each(['short1', 'lettersonly', '12345678'])('refuses the weak password %s with 400 PASSWORD_WEAK', async (password) => {
    const res = await refusedWithoutWrites(() => admin.send('POST', '/api/users', buildUserInput({ orgId: cityBureau, password })));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('PASSWORD_WEAK');
    expect(errorOf(res).fields).toHaveProperty('password');
  });

  it.each([
    ['a username with spaces', { username: 'a b c' }, 'username'],
    ['a too short username', { username: 'ab' }, 'username'],
    ['an unknown role', { role: 'superuser' }, 'role'],
    ['a malformed organisation id', { orgId: 'x' }, 'orgId'],
    ['an unknown organisation', { orgId: '3f0c1f52-9a7e-4f55-8a43-1d2b3c4d5e6f' }, 'orgId'],
    ['a malformed e-mail address', { email: 'nope' }, 'email'],
    ['a missing display name', { displayName: '' }, 'displayName'],
  ] as const)('refuses %s with 400 VALIDATION_FAILED', async (_label, override, field) => {
    const body = { ...buildUserInput({ orgId: cityBureau }), ...override };
    const res = await refusedWithoutWrites(() => admin.send('POST', '/api/users', body));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('VALIDATION_FAILED');
    expect(Object.keys(errorOf(res).fields ?? {})).toEqual([field]);
  });

  it('refuses non-administrators with 403', async () => {
    for (const username of ['city', 'yubei', 'ent1']) {
      const c = await signIn(t.app, username);
      const res = await refusedWithoutWrites(() => c.send('POST', '/api/users', buildUserInput({ orgId: cityBureau })));
      expect(res.statusCode, username).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
      expect((await c.get('/api/users')).statusCode).toBe(403);
    }
  });
});

describe('change a user', () => {
  it('records only the changed fields and ends sessions when the role changes', async () => {
    const user = await createUser(admin, { orgId: cityBureau, role: 'city_staff' });
    const c = await signIn(t.app, user.username, 'Start2024pass');
    let res: Awaited<ReturnType<Client['send']>> | undefined;
    const events = await auditEventsOf(t.db, async () => {
      res = await admin.send('PATCH', `/api/users/${user.id}`, { role: 'city_admin', displayName: user.displayName });
    });
    expect(res?.statusCode).toBe(200);
    expect(res?.json()).toMatchObject({ id: user.id, role: 'city_admin' });
    expect(events.map((e) => [e.action, e.entity_id])).toEqual([['user.updated', user.id]]);
    expect(events[0]?.before).toEqual({ role: 'city_staff' });
    expect(events[0]?.after).toEqual({ role: 'city_admin' });
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a role that does not fit the organisation', async () => {
    const user = await createUser(admin, { orgId: cityBureau });
    const res = await refusedWithoutWrites(() => admin.send('PATCH', `/api/users/${user.id}`, { role: 'expert' }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('ROLE_ORG_MISMATCH');
  });

  it('refuses unknown fields, such as a password, in a change', async () => {
    const user = await createUser(admin, { orgId: cityBureau });
    const res = await refusedWithoutWrites(() => admin.send('PATCH', `/api/users/${user.id}`, { password: 'Other2024pass' }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields?._).toContain('password');
  });

  it('does not let the administrator disable or demote themselves (422 SELF_LOCKOUT)', async () => {
    for (const body of [{ disabled: true }, { role: 'city_staff' }]) {
      const res = await refusedWithoutWrites(() => admin.send('PATCH', `/api/users/${admin.userId}`, body));
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(errorOf(res)).toMatchObject({ code: 'SELF_LOCKOUT', message: '不能停用自己的账号或取消自己的管理员角色' });
    }
    const { rows } = await t.db.query<{ disabled_at: Date | null; role: string }>(
      'SELECT disabled_at, role FROM users WHERE id = $1',
      [admin.userId],
    );
    expect(rows[0]).toEqual({ disabled_at: null, role: 'city_admin' });
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
    // Harmless changes to oneself are fine.
    expect((await admin.send('PATCH', `/api/users/${admin.userId}`, { phone: '023-88888888' })).statusCode).toBe(200);
  });

  it('answers 404 for an unknown user', async () => {
    const res = await admin.send('PATCH', '/api/users/3f0c1f52-9a7e-4f55-8a43-1d2b3c4d5e6f', { displayName: 'x' });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res)).toMatchObject({ code: 'NOT_FOUND', message: '用户不存在或无权访问' });
    expect((await admin.get('/api/users/3f0c1f52-9a7e-4f55-8a43-1d2b3c4d5e6f')).statusCode).toBe(404);
  });
});

describe('reset a password', () => {
  it("ends the user's sessions and requires a change at next sign-in", async () => {
    const user = await createUser(admin, { orgId: cityBureau });
    const first = await signIn(t.app, user.username, 'Start2024pass');
    const second = await signIn(t.app, user.username, 'Start2024pass');
    expect(await sessionCount(user.id)).toBe(2);
    const events = await auditEventsOf(t.db, async () => {
      const res = await admin.send('POST', `/api/users/${user.id}/reset-password`, { newPassword: 'Reset2024pass' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true });
    });
    expect(events.map((e) => [e.action, e.entity_id])).toEqual([['user.passwordReset', user.id]]);
    expect(JSON.stringify(events[0])).not.toContain('Reset2024pass');
    expect(await sessionCount(user.id)).toBe(0);
    expect((await first.get('/api/auth/me')).statusCode).toBe(401);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login(user.username, 'Start2024pass')).statusCode).toBe(401);
    const fresh = await login(user.username, 'Reset2024pass');
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json()).toMatchObject({ user: { mustChangePassword: true } });
  });

  it('refuses a weak new password and keeps the old one', async () => {
    const user = await createUser(admin, { orgId: cityBureau });
    const res = await refusedWithoutWrites(() => admin.send('POST', `/api/users/${user.id}/reset-password`, { newPassword: 'weak' }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('PASSWORD_WEAK');
    expect(errorOf(res).fields).toHaveProperty('newPassword');
    expect((await login(user.username, 'Start2024pass')).statusCode).toBe(200);
  });

  it('refuses non-administrators', async () => {
    const c = await signIn(t.app, 'city');
    const res = await c.send('POST', `/api/users/${admin.userId}/reset-password`, { newPassword: 'Reset2024pass' });
    expect(res.statusCode).toBe(403);
    expect((await login('admin', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('list users', () => {
  interface UserPage {
    items: User[];
    total: number;
  }
  async function list(query: string): Promise<UserPage> {
    const res = await admin.get(`/api/users?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<UserPage>();
  }

  it('filters by role, organisation, status and keyword', async () => {
    const marker = uniqueUsername('lst');
    const a = await createUser(admin, { orgId: yubeiBureau, role: 'district_staff', username: `${marker}_a`, displayName: '筛选甲' });
    const b = await createUser(admin, { orgId: cityBureau, role: 'city_staff', username: `${marker}_b` });
    const c = await createUser(admin, { orgId: cityBureau, role: 'city_staff', username: `${marker}_c` });
    expect((await admin.send('PATCH', `/api/users/${c.id}`, { disabled: true })).statusCode).toBe(200);

    const k = `keyword=${marker}`;
    expect((await list(k)).items.map((u) => u.username)).toEqual([a.username, b.username, c.username]);
    expect((await list(`${k}&role=district_staff`)).items.map((u) => u.id)).toEqual([a.id]);
    expect((await list(`${k}&orgId=${cityBureau}`)).items.map((u) => u.id)).toEqual([b.id, c.id]);
    expect((await list(`${k}&status=disabled`)).items.map((u) => u.id)).toEqual([c.id]);
    expect((await list(`${k}&status=active`)).items.map((u) => u.id)).toEqual([a.id, b.id]);
    expect((await list(`keyword=${encodeURIComponent('筛选甲')}`)).items.map((u) => u.id)).toEqual([a.id]);
    // The keyword also matches the organisation name.
    expect((await list(`keyword=${encodeURIComponent('渝北区生态环境局')}&role=district_staff`)).items.map((u) => u.username)).toContain('yubei');
    expect((await list(`${k}&sort=-username`)).items.map((u) => u.id)).toEqual([c.id, b.id, a.id]);
    // The demo's experts: expert1–3 since the first demo, expert4–8 for the expert library's draws.
    expect((await list(`role=expert`)).items.map((u) => u.username)).toEqual(['expert1', 'expert2', 'expert3', 'expert4', 'expert5', 'expert6', 'expert7', 'expert8']);
  });

  it('pages with a constant total and never shows password hashes', async () => {
    const p1 = await list('pageSize=3&page=1');
    const p2 = await list('pageSize=3&page=2');
    expect(p1.total).toBe(p2.total);
    expect(p1.total).toBeGreaterThanOrEqual(10);
    expect(p1.items).toHaveLength(3);
    expect(p2.items).toHaveLength(3);
    expect(p1.items.map((u) => u.id).filter((id) => p2.items.some((u) => u.id === id))).toEqual([]);
    const all = await list('pageSize=100');
    expect(all.items).toHaveLength(all.total);
    expect(all.items.slice(3, 6).map((u) => u.id)).toEqual(p2.items.map((u) => u.id));
    expect(JSON.stringify(all)).not.toContain('$argon2');
  });

  it.each(['pageSize=0', 'pageSize=101', 'role=boss', 'status=gone', 'orgId=42', 'sort=password'])(
    'refuses %s with 400',
    async (query) => {
      const res = await admin.get(`/api/users?${query}`);
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).code).toBe('VALIDATION_FAILED');
    },
  );

  it('lists organisations for the user form', async () => {
    const res = await admin.get('/api/organizations?kind=district_bureau');
    expect(res.statusCode).toBe(200);
    const page = res.json<{ items: { id: string; districtCode: string | null }[]; total: number }>();
    expect(page.items.map((o) => o.id)).toContain(yubeiBureau);
    expect(page.items.every((o) => o.districtCode !== null)).toBe(true);
  });
});
