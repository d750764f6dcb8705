import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail } from '../../../shared/contracts/campaigns';
import type { Dashboard } from '../../../shared/contracts/dashboards';
import type { EnterpriseDetail } from '../../../shared/contracts/enterprises';
import type { RoundPage } from '../../../shared/contracts/rounds';
import type { RoundState } from '../../../shared/domain/roundStates';
import { createTestApp, errorOf, signIn, type Client, type TestContext } from '../../../../test/helpers/app';
import { createEnterprise } from '../../../../test/helpers/factories';
import { today } from '../rounds/service';

/**
 * A hand-built set in years no demo data uses (2061–2063), every figure counted by hand below.
 *
 *   round  district  industry  year  state          next due      stage      options (implemented unless said)
 *   A      渝北       33        2061  audit_started  today − 5     auditing   —
 *   B      渝北       26        2061  evaluated      today + 10    evaluated  cod 0.5 (2062-09-01); energy predicted only;
 *                                                                             an *implementing* option cod 9 (2062-05-01)
 *   C      渝北       33        2061  closed         —             accepted   cod 2.5 + energy 100 (2062-06-30); cod 1 (2063-02-01)
 *   D      江北       33        2061  listed         today + 100   listed     cod 1.25 (2062-12-31)
 *   E      江北       26        2061  withdrawn      —             other      cod 4 (2062-01-10) — withdrawn: never counted
 *   F      渝北       26        2062  accepted       —             accepted   —
 *
 * Acceptances (round_history → accepted): C on 2062-03-01 10:00 China time; F on 2063-01-01 00:30 China time
 * (2062-12-31 in UTC: attributed to 2063).
 */
let t: TestContext;
let city: Client;
let yubei: Client;
let jiangbei: Client;
const ids: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', string> = { A: '', B: '', C: '', D: '', E: '', F: '' };

async function insertRound(
  e: EnterpriseDetail,
  campaignId: string,
  year: number,
  state: RoundState,
  dueInDays: number | null,
): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO audit_rounds (enterprise_id, campaign_id, listing_year, reasons, state, list_published_on, next_due_on,
                               city_code, district_code)
     VALUES ($1, $2, $3, ARRAY['toxic'], $4, make_date($3::int, 1, 31),
             CASE WHEN $5::int IS NULL THEN NULL ELSE $6::date + $5::int END, '500000', $7)
     RETURNING id`,
    [e.id, campaignId, year, state, dueInDays, today(), e.districtCode],
  );
  return rows[0]?.id ?? '';
}

let seq = 0;
async function insertOption(
  roundId: string,
  status: 'implemented' | 'implementing',
  effectiveOn: string,
  benefits: Record<string, { actual: number | null; predicted?: number }>,
): Promise<void> {
  seq += 1;
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO round_options (round_id, seq, category, direction, name, status, actual_effective_on, city_code, district_code)
     SELECT r.id, $2, 'low_cost', 'management', '看板测试方案', $3, $4::date, r.city_code, r.district_code
       FROM audit_rounds r WHERE r.id = $1 RETURNING id`,
    [roundId, seq, status, effectiveOn],
  );
  for (const [indicator, v] of Object.entries(benefits)) {
    await t.db.query(
      `INSERT INTO round_option_benefits (option_id, round_id, indicator, predicted, actual) VALUES ($1, $2, $3, $4, $5)`,
      [rows[0]?.id ?? null, roundId, indicator, v.predicted ?? null, v.actual],
    );
  }
}

async function accepted(roundId: string, at: string): Promise<void> {
  await t.db.query(
    `INSERT INTO round_history (round_id, city_code, district_code, transition, from_state, to_state, actor_username, occurred_at)
     SELECT r.id, r.city_code, r.district_code, 'recordAcceptance', 'acceptance_review', 'accepted', 'test', $2::timestamptz
       FROM audit_rounds r WHERE r.id = $1`,
    [roundId, at],
  );
}

const dashboard = async (client: Client, query: string): Promise<Dashboard> => {
  const res = await client.get(`/api/dashboards/overview${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Dashboard>();
};
const listTotal = async (client: Client, query: string): Promise<number> => {
  const res = await client.get(`/api/rounds?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RoundPage>().total;
};

beforeAll(async () => {
  t = await createTestApp();
  [city, yubei, jiangbei] = await Promise.all([signIn(t.app, 'city'), signIn(t.app, 'yubei'), signIn(t.app, 'jiangbei')]);
  const c2061 = await city.send('POST', '/api/campaigns', {
    year: 2061,
    title: '2061年度工作',
    milestones: [
      { name: '完成年度评估并反馈结果', dueOn: '2061-11-15', actorRole: 'district_staff' },
      { name: '报送年度工作总结', dueOn: '2061-11-30', actorRole: 'district_staff' },
    ],
  });
  expect(c2061.statusCode, c2061.body).toBe(201);
  const c2062 = await city.send('POST', '/api/campaigns', { year: 2062, title: '2062年度工作' });
  expect(c2062.statusCode, c2062.body).toBe(201);
  const [k61, k62] = [c2061.json<CampaignDetail>().id, c2062.json<CampaignDetail>().id];

  const y = (industryCode: string) => createEnterprise(yubei, { industryCode });
  const j = (industryCode: string) => createEnterprise(jiangbei, { districtCode: '500105', industryCode });
  const [eA, eB, eC, eD, eE, eF] = await Promise.all([y('33'), y('26'), y('33'), j('33'), j('26'), y('26')]);
  ids.A = await insertRound(eA, k61, 2061, 'audit_started', -5);
  ids.B = await insertRound(eB, k61, 2061, 'evaluated', 10);
  ids.C = await insertRound(eC, k61, 2061, 'closed', null);
  ids.D = await insertRound(eD, k61, 2061, 'listed', 100);
  ids.E = await insertRound(eE, k61, 2061, 'withdrawn', null);
  ids.F = await insertRound(eF, k62, 2062, 'accepted', null);

  await insertOption(ids.B, 'implemented', '2062-09-01', { cod: { actual: 0.5, predicted: 0.6 }, energy: { actual: null, predicted: 50 } });
  await insertOption(ids.B, 'implementing', '2062-05-01', { cod: { actual: 9 } });
  await insertOption(ids.C, 'implemented', '2062-06-30', { cod: { actual: 2.5, predicted: 3 }, energy: { actual: 100 } });
  await insertOption(ids.C, 'implemented', '2063-02-01', { cod: { actual: 1 } });
  await insertOption(ids.D, 'implemented', '2062-12-31', { cod: { actual: 1.25 } });
  await insertOption(ids.E, 'implemented', '2062-01-10', { cod: { actual: 4 } });

  await accepted(ids.C, '2062-03-01T10:00:00+08:00');
  await accepted(ids.F, '2063-01-01T00:30:00+08:00');
});
afterAll(async () => t.close());

describe('city dashboard', () => {
  it('counts the rounds of a listing year by state, district and progress, with overdue and due soon', async () => {
    const d = await dashboard(city, '?year=2061');
    expect(d.scope).toEqual({ kind: 'city', cityCode: '500000', districtCode: null });
    expect(d.year).toBe(2061);
    expect(d.today).toBe(today());
    expect(d.totals).toEqual({ rounds: 5, overdue: 1, dueSoon: 1, accepted: 1 });
    expect(d.byState).toEqual([
      { state: 'listed', count: 1 },
      { state: 'audit_started', count: 1 },
      { state: 'evaluated', count: 1 },
      { state: 'closed', count: 1 },
      { state: 'withdrawn', count: 1 },
    ]);
    // Every district of the city is present (zeros included), in official order.
    expect(d.byDistrict).toHaveLength(41);
    expect(d.byDistrict[0]?.districtCode).toBe('500103');
    const yb = d.byDistrict.find((x) => x.districtCode === '500112');
    expect(yb).toMatchObject({ districtName: '渝北区', total: 3, overdue: 1, dueSoon: 1 });
    expect(yb?.progress).toEqual({ listed: 0, disclosed: 0, auditing: 1, reported: 0, evaluated: 1, accepted: 1, other: 0 });
    const jb = d.byDistrict.find((x) => x.districtCode === '500105');
    expect(jb).toMatchObject({ total: 2, overdue: 0, dueSoon: 0 });
    expect(jb?.progress).toMatchObject({ listed: 1, other: 1 });
    expect(d.byDistrict.find((x) => x.districtCode === '500229')).toMatchObject({ total: 0 });
    expect(d.milestones.map((m) => [m.name, m.dueOn, m.actorRole, m.passed])).toEqual([
      ['完成年度评估并反馈结果', '2061-11-15', 'district_staff', false],
      ['报送年度工作总结', '2061-11-30', 'district_staff', false],
    ]);
  });

  it('shows trends across years: listed per listing year, accepted per China-time year', async () => {
    const d = await dashboard(city, '');
    expect(d.year).toBeNull();
    expect(d.milestones).toEqual([]);
    expect(d.years).toEqual(expect.arrayContaining([2061, 2062]));
    expect(d.years[0]).toBe(2062);
    const trend = d.trend.filter((x) => x.year >= 2061);
    expect(trend).toEqual([
      { year: 2061, listed: 5, accepted: 0 },
      { year: 2062, listed: 1, accepted: 1 },
      { year: 2063, listed: 0, accepted: 1 },
    ]);
  });

  it('sums realised benefits by effective year and by industry (implemented options, actual values, not withdrawn)', async () => {
    const d = await dashboard(city, '');
    expect(d.benefitsByYear.filter((x) => x.year >= 2061)).toEqual([
      { year: 2062, indicator: 'cod', total: 4.25, rounds: 3 },
      { year: 2062, indicator: 'energy', total: 100, rounds: 1 },
      { year: 2063, indicator: 'cod', total: 1, rounds: 1 },
    ]);
    const y2062 = await dashboard(city, '?year=2062');
    expect(y2062.benefitsByIndustry.map((x) => [x.industryCode, x.indicator, x.total, x.rounds])).toEqual([
      ['26', 'cod', 0.5, 1],
      ['33', 'cod', 3.75, 2],
      ['33', 'energy', 100, 1],
    ]);
    expect(y2062.benefitsByIndustry.find((x) => x.industryCode === '33')?.industryName).toBe('金属制品业');
    // Listing year 2062 holds F only.
    expect(y2062.totals).toEqual({ rounds: 1, overdue: 0, dueSoon: 0, accepted: 1 });
  });

  it("narrows to one district on request; an unknown district is 404", async () => {
    const d = await dashboard(city, '?year=2061&districtCode=500105');
    expect(d.scope).toEqual({ kind: 'city', cityCode: '500000', districtCode: '500105' });
    expect(d.byDistrict.map((x) => x.districtCode)).toEqual(['500105']);
    expect(d.totals).toEqual({ rounds: 2, overdue: 0, dueSoon: 0, accepted: 0 });
    const res = await city.get('/api/dashboards/overview?districtCode=999999');
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
  });
});

describe('district dashboard', () => {
  it("shows only the district's own rounds, benefits and trends", async () => {
    const d = await dashboard(yubei, '?year=2061');
    expect(d.scope).toEqual({ kind: 'district', cityCode: '500000', districtCode: '500112' });
    expect(d.byDistrict.map((x) => x.districtCode)).toEqual(['500112']);
    expect(d.totals).toEqual({ rounds: 3, overdue: 1, dueSoon: 1, accepted: 1 });
    expect(d.byState.map((s) => s.state)).toEqual(['audit_started', 'evaluated', 'closed']);
    const all = await dashboard(yubei, '');
    expect(all.benefitsByYear.filter((x) => x.year >= 2061)).toEqual([
      { year: 2062, indicator: 'cod', total: 3, rounds: 2 },
      { year: 2062, indicator: 'energy', total: 100, rounds: 1 },
      { year: 2063, indicator: 'cod', total: 1, rounds: 1 },
    ]);
    expect(all.trend.filter((x) => x.year >= 2061)).toEqual([
      { year: 2061, listed: 3, accepted: 0 },
      { year: 2062, listed: 1, accepted: 1 },
      { year: 2063, listed: 0, accepted: 1 },
    ]);
    const jb = await dashboard(jiangbei, '?year=2061');
    expect(jb.totals).toEqual({ rounds: 2, overdue: 0, dueSoon: 0, accepted: 0 });
    expect((await dashboard(jiangbei, '')).benefitsByYear.filter((x) => x.year >= 2061)).toEqual([
      { year: 2062, indicator: 'cod', total: 1.25, rounds: 1 },
    ]);
  });

  it("answers 404 for another district's dashboard, its own when named", async () => {
    const res = await yubei.get('/api/dashboards/overview?districtCode=500105');
    expect(res.statusCode).toBe(404);
    expect((await dashboard(yubei, '?districtCode=500112&year=2061')).totals.rounds).toBe(3);
  });
});

describe('access and input', () => {
  it('refuses other roles (403) and anonymous callers (401)', async () => {
    for (const username of ['ent1', 'agency1', 'expert1']) {
      const client = await signIn(t.app, username);
      const res = await client.get('/api/dashboards/overview');
      expect(res.statusCode, username).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/dashboards/overview' })).statusCode).toBe(401);
  });

  it('answers 400 naming the field for a bad year', async () => {
    for (const q of ['year=1999', 'year=abc']) {
      const res = await city.get(`/api/dashboards/overview?${q}`);
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).fields).toHaveProperty('year');
    }
  });
});

describe('click-through: the round list filters give the rows behind each figure', () => {
  it('by progress stage, state, district, overdue and due soon', async () => {
    expect(await listTotal(city, 'listingYear=2061&progress=accepted')).toBe(1);
    expect(await listTotal(city, 'listingYear=2061&progress=other&districtCode=500105')).toBe(1);
    expect(await listTotal(city, 'listingYear=2061&districtCode=500112')).toBe(3);
    expect(await listTotal(city, 'listingYear=2061&state=evaluated')).toBe(1);
    expect(await listTotal(city, 'listingYear=2061&overdue=true')).toBe(1);
    expect(await listTotal(city, 'listingYear=2061&dueWithinDays=30')).toBe(1);
  });

  it('by realised benefit (year, indicator, industry) and by acceptance year', async () => {
    expect(await listTotal(city, 'benefitYear=2062&benefitIndicator=cod')).toBe(3);
    expect(await listTotal(city, 'benefitYear=2062&benefitIndicator=energy')).toBe(1);
    expect(await listTotal(city, 'benefitYear=2062&benefitIndicator=cod&industryCode=33')).toBe(2);
    expect(await listTotal(city, 'benefitYear=any&industryCode=33&listingYear=2061')).toBe(2);
    expect(await listTotal(city, 'acceptedYear=2062')).toBe(1);
    expect(await listTotal(city, 'acceptedYear=2063')).toBe(1);
    // Scope still applies: 江北's round D is not in 渝北's list.
    expect(await listTotal(yubei, 'benefitYear=2062&benefitIndicator=cod')).toBe(2);
    const page = (await city.get('/api/rounds?acceptedYear=2063')).json<RoundPage>();
    expect(page.items.map((r) => r.id)).toEqual([ids.F]);
  });

  it('refuses unknown filter values with 400 naming the field', async () => {
    for (const [q, field] of [
      ['progress=finished', 'progress'],
      ['benefitYear=soon', 'benefitYear'],
      ['benefitIndicator=gold', 'benefitIndicator'],
      ['acceptedYear=20', 'acceptedYear'],
    ] as const) {
      const res = await city.get(`/api/rounds?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(errorOf(res).fields, q).toHaveProperty(field);
    }
  });
});
