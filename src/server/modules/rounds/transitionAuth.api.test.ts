import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Round, RoundPage } from '../../../shared/contracts/rounds';
import type { Role } from '../../../shared/domain/roles';
import { TRANSITION_NAMES, transitionDef, type TransitionName } from '../../../shared/domain/roundStates';
import { countRows, createTestApp, errorOf, signIn, type Client, type TestContext } from '../../../../test/helpers/app';

/**
 * Authorization of every transition command, checked against the server (the table itself is
 * unit-tested in roundStates.test.ts): a caller who cannot see the round gets 404 whatever the
 * transition, a caller who sees it but whose role may not fire the transition gets 403, and a caller
 * whose role may fire it is never refused for authorization (409/422 remain possible). Nothing is written
 * by a refused request.
 */

let t: TestContext;
const clients: Record<string, Client> = {};
let huaxin: Round;
let ruifeng: Round;

const USERS = ['admin', 'city', 'yubei', 'jiangbei', 'ent1', 'ent2', 'agency1', 'expert1'] as const;
type User = (typeof USERS)[number];
const ROLE_OF: Record<User, Role> = {
  admin: 'city_admin',
  city: 'city_staff',
  yubei: 'district_staff',
  jiangbei: 'district_staff',
  ent1: 'enterprise_user',
  ent2: 'enterprise_user',
  agency1: 'agency_user',
  expert1: 'expert',
};

beforeAll(async () => {
  t = await createTestApp();
  const signed = await Promise.all(USERS.map((u) => signIn(t.app, u)));
  USERS.forEach((u, i) => (clients[u] = signed[i] as Client));
  const all = (await clients.city!.get('/api/rounds?pageSize=100')).json<RoundPage>().items;
  const find = (name: string, year: number) => {
    const r = all.find((x) => x.enterpriseName === name && x.listingYear === year);
    if (!r) throw new Error(`no demo round ${name} ${year}`);
    return r;
  };
  // ent1's round in 渝北, self-audited; and a 綦江 round audited by agency1's agency.
  huaxin = find('重庆华鑫表面处理有限公司', 2020);
  ruifeng = find('重庆瑞丰水泥有限公司', 2020);
});
afterAll(async () => t.close());

const fire = (user: User, round: Round, name: TransitionName, expectedState = round.state) =>
  clients[user]!.send('POST', `/api/rounds/${round.id}/transitions/${name}`, { expectedState, comment: '理由' });

/**
 * Fires every transition as each user. The allowed roles send a state the round is not in, so they get
 * 409 (or 422) — never 403/404 — and nothing changes.
 */
async function expectRefusals(round: Round, outside: readonly User[], inside: readonly User[]) {
  const stale = round.state === 'listed' ? 'notified' : 'listed';
  const before = await countRows(t.db, ['round_history', 'audit_events']);
  for (const name of TRANSITION_NAMES) {
    for (const user of outside) {
      const res = await fire(user, round, name, stale);
      expect(res.statusCode, `${user} ${name}: ${res.body}`).toBe(404);
      expect(errorOf(res).code).toBe('NOT_FOUND');
    }
    for (const user of inside) {
      const res = await fire(user, round, name, stale);
      if (transitionDef(name).roles.includes(ROLE_OF[user])) {
        expect([409, 422], `${user} ${name}: ${res.body}`).toContain(res.statusCode);
      } else {
        expect(res.statusCode, `${user} ${name}: ${res.body}`).toBe(403);
        expect(errorOf(res).code).toBe('FORBIDDEN');
      }
    }
  }
  expect(await countRows(t.db, ['round_history', 'audit_events'])).toEqual(before);
  const now = (await clients.city!.get(`/api/rounds/${round.id}`)).json<Round>();
  expect(now.state).toBe(round.state);
}

describe('transition authorization, every transition', () => {
  it('on an enterprise round: other district, other enterprise and an unengaged agency get 404; wrong roles 403', async () => {
    await expectRefusals(huaxin, ['jiangbei', 'ent2', 'agency1'], ['admin', 'city', 'yubei', 'ent1', 'expert1']);
  });

  it('on a round an agency was engaged for: the agency user acts as the enterprise side, bureaus only as bureaus', async () => {
    expect(ruifeng.districtCode).not.toBe(huaxin.districtCode);
    await expectRefusals(ruifeng, ['yubei', 'jiangbei', 'ent1', 'ent2'], ['admin', 'city', 'agency1', 'expert1']);
  });

  it('experts fire no transition (403) and cannot even read a round whose panel they are not on (404)', async () => {
    // expert1 sits on the demo panels of 华鑫 2020, not on any panel of 瑞丰 2020.
    const read = await clients.expert1!.get(`/api/rounds/${ruifeng.id}`);
    expect(read.statusCode).toBe(404);
    expect(errorOf(read).code).toBe('NOT_FOUND');
    expect((await clients.expert1!.get(`/api/rounds/${huaxin.id}`)).statusCode).toBe(200);
    expect((await fire('expert1', huaxin, 'applyForAcceptance')).statusCode).toBe(403);
  });

  it('names the typical mistakes: an enterprise approving its own entry, a district publishing a result, the city disclosing', async () => {
    for (const [user, name] of [
      ['ent1', 'approveEntry'],
      ['ent1', 'recordEvaluation'],
      ['yubei', 'publishResult'],
      ['yubei', 'publish'],
      ['city', 'disclose'],
      ['city', 'submitReport'],
    ] as const) {
      const res = await fire(user, huaxin, name);
      expect(res.statusCode, `${user} ${name}`).toBe(403);
    }
  });
});
