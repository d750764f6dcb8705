import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Round, RoundCounts, RoundPage } from '../../../shared/contracts/rounds';
import { can } from '../../../shared/domain/permissions';
import type { Role } from '../../../shared/domain/roles';
import { NEXT_ACTOR, ROUND_STATES, type RoundState } from '../../../shared/domain/roundStates';
import { createTestApp, errorOf, signIn, type Client, type TestContext } from '../../../../test/helpers/app';

let t: TestContext;

const waitingStates = (role: Role): RoundState[] =>
  ROUND_STATES.filter((s) => (NEXT_ACTOR[s] as readonly Role[]).includes(role));

/** The rounds each demo user's scope holds, straight from the table (an oracle independent of the API). */
const SCOPE_SQL: Record<string, string> = {
  city: `SELECT r.* FROM audit_rounds r WHERE r.city_code = '500000'`,
  yubei: `SELECT r.* FROM audit_rounds r WHERE r.district_code = '500112'`,
  jiangbei: `SELECT r.* FROM audit_rounds r WHERE r.district_code = '500105'`,
  ent1: `SELECT r.* FROM audit_rounds r JOIN users u ON u.org_id = r.enterprise_id WHERE u.username = 'ent1'`,
  ent2: `SELECT r.* FROM audit_rounds r JOIN users u ON u.org_id = r.enterprise_id WHERE u.username = 'ent2'`,
  agency1: `SELECT r.* FROM audit_rounds r JOIN round_engagements g ON g.round_id = r.id AND g.ended_at IS NULL
             JOIN users u ON u.org_id = g.agency_id WHERE u.username = 'agency1'`,
};
const ROLE_OF: Record<string, Role> = {
  city: 'city_staff', yubei: 'district_staff', jiangbei: 'district_staff', ent1: 'enterprise_user', ent2: 'enterprise_user', agency1: 'agency_user',
};

async function expected(username: string): Promise<RoundCounts> {
  const { rows } = await t.db.query<{ state: RoundState; n: number; overdue: number; soon: number }>(
    `WITH s AS (${SCOPE_SQL[username] ?? 'SELECT NULL'}), d AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS today)
     SELECT s.state, count(*)::int AS n,
            (count(*) FILTER (WHERE s.next_due_on < d.today))::int AS overdue,
            (count(*) FILTER (WHERE s.next_due_on BETWEEN d.today AND d.today + 30))::int AS soon
       FROM s, d GROUP BY s.state`,
  );
  const byState = Object.fromEntries(ROUND_STATES.map((s) => [s, 0])) as Record<RoundState, number>;
  const waiting = waitingStates(ROLE_OF[username] ?? 'expert');
  let total = 0, overdue = 0, soon = 0, mine = 0;
  for (const r of rows) {
    byState[r.state] = r.n;
    total += r.n;
    overdue += r.overdue;
    soon += r.soon;
    if (waiting.includes(r.state)) mine += r.n;
  }
  return { total, byState, overdue, dueWithin30Days: soon, waitingForMe: mine };
}

const clients: Record<string, Client> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['city', 'yubei', 'jiangbei', 'ent1', 'ent2', 'agency1', 'expert1']) clients[u] = await signIn(t.app, u);
});
afterAll(async () => t.close());

const client = (u: string): Client => {
  const c = clients[u];
  if (!c) throw new Error(`no client ${u}`);
  return c;
};

describe('GET /api/rounds/counts', () => {
  it.each(['city', 'yubei', 'jiangbei', 'ent1', 'ent2', 'agency1'])('counts the rounds in the scope of %s', async (u) => {
    const res = await client(u).get('/api/rounds/counts');
    expect(res.statusCode).toBe(200);
    const counts = res.json<RoundCounts>();
    expect(counts).toEqual(await expected(u));
    expect(Object.keys(counts.byState).sort()).toEqual([...ROUND_STATES].sort());
  });

  it('holds realistic demo numbers that differ per scope', async () => {
    const city = (await client('city').get('/api/rounds/counts')).json<RoundCounts>();
    const yubei = (await client('yubei').get('/api/rounds/counts')).json<RoundCounts>();
    const ent1 = (await client('ent1').get('/api/rounds/counts')).json<RoundCounts>();
    const agency = (await client('agency1').get('/api/rounds/counts')).json<RoundCounts>();
    expect(city.total).toBeGreaterThan(yubei.total);
    expect(yubei.total).toBeGreaterThanOrEqual(2);
    expect(ent1.total).toBeGreaterThanOrEqual(1);
    expect(ent1.byState.evaluated).toBe(1);
    expect(agency.total).toBe(2);
    expect(agency.byState.audit_started + agency.byState.evaluation_applied).toBe(2);
    // The enterprise acts next in 'evaluated' (apply for acceptance); the agency on its client rounds.
    expect(ent1.waitingForMe).toBeGreaterThanOrEqual(1);
    expect(agency.waitingForMe).toBe(agency.byState.audit_started);
  });

  it('agrees with the round list filters', async () => {
    const c = client('city');
    const counts = (await c.get('/api/rounds/counts')).json<RoundCounts>();
    const total = async (q: string) => (await c.get(`/api/rounds?pageSize=1${q}`)).json<RoundPage>().total;
    expect(await total('')).toBe(counts.total);
    expect(await total('&overdue=true')).toBe(counts.overdue);
    expect(await total('&dueWithinDays=30')).toBe(counts.dueWithin30Days);
    expect(await total('&waitingForMe=true')).toBe(counts.waitingForMe);
    for (const state of ROUND_STATES.filter((s) => counts.byState[s] > 0)) {
      expect(await total(`&state=${state}`)).toBe(counts.byState[state]);
    }
  });

  it('is refused without a session (401) and to roles without the round list', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/rounds/counts' });
    expect(anonymous.statusCode).toBe(401);
    const expert = await client('expert1').get('/api/rounds/counts');
    expect(expert.statusCode).toBe(can('expert', 'round.list') ? 200 : 403);
  });
});

describe('GET /api/rounds?waitingForMe', () => {
  it.each(['city', 'yubei', 'ent1', 'agency1'])('lists only the rounds waiting for %s, within scope', async (u) => {
    const c = client(u);
    const mine = (await c.get('/api/rounds?pageSize=100&waitingForMe=true')).json<RoundPage>();
    const others = (await c.get('/api/rounds?pageSize=100&waitingForMe=false')).json<RoundPage>();
    const all = (await c.get('/api/rounds?pageSize=100')).json<RoundPage>();
    const waiting = waitingStates(ROLE_OF[u] ?? 'expert');
    expect(mine.items.every((r: Round) => waiting.includes(r.state))).toBe(true);
    expect(others.items.every((r: Round) => !waiting.includes(r.state))).toBe(true);
    expect(mine.total + others.total).toBe(all.total);
    const { rows } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (${SCOPE_SQL[u] ?? ''}) s WHERE s.state = ANY($1::text[])`,
      [waiting],
    );
    expect(mine.total).toBe(rows[0]?.n);
    expect(new Set(mine.items.map((r) => r.id))).toEqual(new Set(all.items.filter((r) => waiting.includes(r.state)).map((r) => r.id)));
  });

  it('gives the district its own waiting rounds only', async () => {
    const page = (await client('yubei').get('/api/rounds?pageSize=100&waitingForMe=true')).json<RoundPage>();
    expect(page.items.every((r) => r.districtCode === '500112')).toBe(true);
    expect(page.items.map((r) => r.state)).toContain('listed');
  });

  it('combines with the other filters and refuses a bad value with 400', async () => {
    const c = client('city');
    const both = (await c.get('/api/rounds?pageSize=100&waitingForMe=true&districtCode=500112')).json<RoundPage>();
    expect(both.items.every((r) => r.districtCode === '500112' && waitingStates('city_staff').includes(r.state))).toBe(true);
    const bad = await c.get('/api/rounds?waitingForMe=maybe');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe('VALIDATION_FAILED');
    expect(Object.keys(errorOf(bad).fields ?? {})).toEqual(['waitingForMe']);
  });
});
