import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AgencyDetail,
  AgencyPage,
  Auditor,
  Feedback,
  FeedbackList,
  PublicDishonestPage,
  StatusHistory,
} from '../../../shared/contracts/agencies';
import { auditEventsOf, countRows, createTestApp, errorOf, orgIdOf, signIn, type Client, type TestContext } from '../../../../test/helpers/app';
import { buildAgencyInput } from '../../../../test/helpers/agencies';

let t: TestContext;
let admin: Client;
let city: Client;
let yubei: Client;
let jiangbei: Client;
let ent1: Client;
let agency1: Client;
let expert1: Client;
let ownAgency: string;
let agency: AgencyDetail;
let yubeiRound: string;
let jiangbeiRound: string;
let unservedYubeiRound: string;

async function roundOf(district: string, offset: number): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `SELECT id FROM audit_rounds WHERE district_code = $1 AND list_published_on IS NOT NULL ORDER BY listing_year, id OFFSET $2 LIMIT 1`,
    [district, offset],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error(`no round in ${district}`);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  [admin, city, yubei, jiangbei, ent1, agency1, expert1] = await Promise.all([
    signIn(t.app, 'admin'), signIn(t.app, 'city'), signIn(t.app, 'yubei'), signIn(t.app, 'jiangbei'),
    signIn(t.app, 'ent1'), signIn(t.app, 'agency1'), signIn(t.app, 'expert1'),
  ]);
  ownAgency = await orgIdOf(t.db, 'agency1');
  const res = await city.send('POST', '/api/agencies', buildAgencyInput({ name: '范围测试清洁生产咨询有限公司' }));
  expect(res.statusCode, res.body).toBe(201);
  agency = res.json<AgencyDetail>();
  yubeiRound = await roundOf('500112', 0);
  unservedYubeiRound = await roundOf('500112', 1);
  jiangbeiRound = await roundOf('500105', 0);
  for (const roundId of [yubeiRound, jiangbeiRound]) {
    await t.db.query(
      `INSERT INTO round_engagements (round_id, agency_id, engaged_at, ended_at, city_code, district_code)
       SELECT r.id, $2, now() - interval '30 days', now() - interval '1 day', r.city_code, r.district_code
         FROM audit_rounds r WHERE r.id = $1`,
      [roundId, agency.id],
    );
  }
});
afterAll(async () => t.close());

describe('agency registry', () => {
  it('creates the organisation and the detail row, audited', async () => {
    const input = buildAgencyInput();
    const events = await auditEventsOf(t.db, async () => {
      const res = await admin.send('POST', '/api/agencies', input);
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json<AgencyDetail>();
      expect(body).toMatchObject({ name: input.name, creditCode: input.creditCode, status: 'normal', serviceDistrictCodes: ['500112', '500105'] });
      const { rows } = await t.db.query('SELECT kind, city_code FROM organizations WHERE id = $1', [body.id]);
      expect(rows[0]).toEqual({ kind: 'agency', city_code: '500000' });
    });
    expect(events.map((e) => e.action)).toEqual(['agency.created']);
  });

  it('validates the credit code (GB 32100), its uniqueness and the districts, writing nothing', async () => {
    const before = await countRows(t.db, ['organizations', 'agencies', 'audit_events']);
    const bad = await city.send('POST', '/api/agencies', buildAgencyInput({ creditCode: '91500112MA5U000000' }));
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields?.creditCode).toMatch(/校验码|check character|无效/);
    const enBad = await city.send('POST', '/api/agencies', buildAgencyInput({ creditCode: '123' }), { 'accept-language': 'en' });
    expect(errorOf(enBad).fields?.creditCode).toContain('18 characters');
    const taken = await city.send('POST', '/api/agencies', buildAgencyInput({ creditCode: agency.creditCode ?? '' }));
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken).code).toBe('AGENCY_CREDIT_CODE_TAKEN');
    const district = await city.send('POST', '/api/agencies', buildAgencyInput({ serviceDistrictCodes: ['500112', '110101'] }));
    expect(district.statusCode).toBe(400);
    expect(errorOf(district).fields?.serviceDistrictCodes).toContain('110101');
    const missing = await city.send('POST', '/api/agencies', { name: 'x' });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(errorOf(missing).fields ?? {})).toEqual(expect.arrayContaining(['creditCode', 'address', 'contactPhone']));
    expect(await countRows(t.db, ['organizations', 'agencies', 'audit_events'])).toEqual(before);
  });

  it('lists with search, status and district-served filters for the city and the districts', async () => {
    const byName = (await yubei.get(`/api/agencies?keyword=${encodeURIComponent('范围测试')}`)).json<AgencyPage>();
    expect(byName.items.map((a) => a.id)).toEqual([agency.id]);
    const byCode = (await city.get(`/api/agencies?keyword=${agency.creditCode?.slice(0, 10) ?? ''}`)).json<AgencyPage>();
    expect(byCode.items.map((a) => a.id)).toContain(agency.id);
    const served = (await city.get('/api/agencies?districtCode=500105&pageSize=100')).json<AgencyPage>();
    expect(served.items.map((a) => a.id)).toContain(agency.id);
    const notServed = (await city.get('/api/agencies?districtCode=500110&pageSize=100')).json<AgencyPage>();
    expect(notServed.items.map((a) => a.id)).not.toContain(agency.id);
    const all = (await jiangbei.get('/api/agencies?pageSize=100')).json<AgencyPage>();
    expect(all.items.map((a) => a.id)).toEqual(expect.arrayContaining([agency.id, ownAgency]));
    expect((await city.get('/api/agencies?status=bogus')).statusCode).toBe(400);
    expect((await city.get('/api/agencies?sort=bogus')).statusCode).toBe(400);
  });

  it('lets the agency user see only its own agency and edit only its contacts', async () => {
    expect((await agency1.get('/api/agencies')).statusCode).toBe(403);
    const mine = await agency1.get('/api/my-agency');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json<AgencyDetail>()).toMatchObject({ id: ownAgency, abilities: { update: false, updateContacts: true, changeStatus: false } });
    expect((await agency1.get(`/api/agencies/${ownAgency}`)).statusCode).toBe(200);
    expect((await agency1.get(`/api/agencies/${agency.id}`)).statusCode).toBe(404);
    expect((await agency1.get(`/api/agencies/${agency.id}/performance`)).statusCode).toBe(404);
    expect((await agency1.send('PATCH', `/api/agencies/${agency.id}`, { contactName: '他人' })).statusCode).toBe(404);
    const contacts = await agency1.send('PATCH', `/api/agencies/${ownAgency}`, { contactName: '钱七', contactPhone: '023-67001234' });
    expect(contacts.statusCode, contacts.body).toBe(200);
    expect(contacts.json<AgencyDetail>()).toMatchObject({ contactName: '钱七', contactPhone: '023-67001234' });
    expect((await agency1.send('PATCH', `/api/agencies/${ownAgency}`, { name: '改名' })).statusCode).toBe(403);
    const cityEdit = await city.send('PATCH', `/api/agencies/${ownAgency}`, { address: '重庆市南岸区新地址1号', serviceDistrictCodes: ['500108'] });
    expect(cityEdit.statusCode, cityEdit.body).toBe(200);
    expect((await yubei.send('PATCH', `/api/agencies/${ownAgency}`, { contactName: 'x' })).statusCode).toBe(403);
  });

  it('refuses enterprises and experts every agency endpoint (403)', async () => {
    const calls: [Client, 'GET' | 'POST' | 'PATCH' | 'PUT', string][] = [];
    for (const client of [ent1, expert1]) {
      calls.push(
        [client, 'GET', '/api/agencies'],
        [client, 'POST', '/api/agencies'],
        [client, 'GET', '/api/my-agency'],
        [client, 'GET', `/api/agencies/${agency.id}`],
        [client, 'PATCH', `/api/agencies/${agency.id}`],
        [client, 'GET', `/api/agencies/${agency.id}/auditors`],
        [client, 'POST', `/api/agencies/${agency.id}/auditors`],
        [client, 'PATCH', `/api/agencies/${agency.id}/auditors/${agency.id}`],
        [client, 'GET', `/api/agencies/${agency.id}/rounds`],
        [client, 'GET', `/api/agencies/${agency.id}/performance`],
        [client, 'GET', `/api/agencies/${agency.id}/feedback`],
        [client, 'PUT', `/api/agencies/${agency.id}/feedback/${yubeiRound}`],
        [client, 'GET', `/api/agencies/${agency.id}/status-history`],
        [client, 'POST', `/api/agencies/${agency.id}/status`],
      );
    }
    for (const [client, method, url] of calls) {
      const res = method === 'GET' ? await client.get(url) : await client.send(method, url, {});
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    // Bureau-only writes refused to the wrong bureau role.
    expect((await yubei.send('POST', '/api/agencies', buildAgencyInput())).statusCode).toBe(403);
    expect((await yubei.get('/api/my-agency')).statusCode).toBe(403);
    expect((await city.send('PUT', `/api/agencies/${agency.id}/feedback/${yubeiRound}`, { rating: 3 })).statusCode).toBe(403);
    expect((await agency1.send('PUT', `/api/agencies/${ownAgency}/feedback/${yubeiRound}`, { rating: 5 })).statusCode).toBe(403);
    // Anonymous callers: 401.
    expect((await t.app.inject({ method: 'GET', url: '/api/agencies' })).statusCode).toBe(401);
  });
});

describe('auditors', () => {
  let auditor: Auditor;

  it('are registered by the city and by the agency itself, with validated specialities', async () => {
    const res = await city.send('POST', `/api/agencies/${agency.id}/auditors`, {
      name: '孙审核', certificateNo: 'QJSH-2021-0001', specialities: ['26', '33'], phone: '13700137000',
    });
    expect(res.statusCode, res.body).toBe(201);
    auditor = res.json<Auditor>();
    expect(auditor).toMatchObject({ active: true, specialities: ['26', '33'] });
    const dup = await city.send('POST', `/api/agencies/${agency.id}/auditors`, { name: '另一人', certificateNo: 'QJSH-2021-0001' });
    expect(dup.statusCode).toBe(409);
    expect(errorOf(dup).code).toBe('AUDITOR_CERTIFICATE_TAKEN');
    const badIndustry = await city.send('POST', `/api/agencies/${agency.id}/auditors`, { name: '周', certificateNo: 'X-1', specialities: ['ZZ'] });
    expect(badIndustry.statusCode).toBe(400);
    expect(errorOf(badIndustry).fields?.specialities).toContain('ZZ');
    const own = await agency1.send('POST', `/api/agencies/${ownAgency}/auditors`, { name: '吴审核', certificateNo: 'LY-001', specialities: ['30'] });
    expect(own.statusCode, own.body).toBe(201);
    expect((await agency1.send('POST', `/api/agencies/${agency.id}/auditors`, { name: '吴', certificateNo: 'LY-002' })).statusCode).toBe(404);
    expect((await yubei.send('POST', `/api/agencies/${agency.id}/auditors`, { name: '吴', certificateNo: 'LY-003' })).statusCode).toBe(403);
  });

  it('are edited and deactivated, audited, and listed with filters', async () => {
    const events = await auditEventsOf(t.db, async () => {
      const res = await city.send('PATCH', `/api/agencies/${agency.id}/auditors/${auditor.id}`, { active: false, phone: '' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<Auditor>()).toMatchObject({ active: false, phone: null });
    });
    expect(events.map((e) => e.action)).toEqual(['agency.auditorUpdated']);
    expect((await yubei.get(`/api/agencies/${agency.id}/auditors?active=false`)).json<{ total: number }>().total).toBe(1);
    expect((await yubei.get(`/api/agencies/${agency.id}/auditors?active=true`)).json<{ total: number }>().total).toBe(0);
    const wrongAgency = await agency1.send('PATCH', `/api/agencies/${ownAgency}/auditors/${auditor.id}`, { name: 'x' });
    expect(wrongAgency.statusCode).toBe(404);
  });
});

describe('rounds served and district feedback', () => {
  it('shows each bureau the agency rounds of its own scope', async () => {
    const cityRounds = (await city.get(`/api/agencies/${agency.id}/rounds`)).json<{ total: number }>();
    expect(cityRounds.total).toBe(2);
    const yubeiRounds = (await yubei.get(`/api/agencies/${agency.id}/rounds`)).json<{ items: { roundId: string; canRate: boolean }[] }>();
    expect(yubeiRounds.items).toEqual([expect.objectContaining({ roundId: yubeiRound, canRate: true })]);
  });

  it('lets a district rate a round of its district once, editable, and nobody else', async () => {
    const before = await countRows(t.db, ['agency_feedback']);
    const first = await yubei.send('PUT', `/api/agencies/${agency.id}/feedback/${yubeiRound}`, { rating: 4, comment: '报告编制规范' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Feedback>()).toMatchObject({ rating: 4, comment: '报告编制规范', editable: true });
    const again = await yubei.send('PUT', `/api/agencies/${agency.id}/feedback/${yubeiRound}`, { rating: 2, comment: '现场核查发现数据不实' });
    expect(again.json<Feedback>()).toMatchObject({ rating: 2 });
    expect((await countRows(t.db, ['agency_feedback'])).agency_feedback).toBe((before.agency_feedback ?? 0) + 1);
    // Another district's round: out of scope.
    expect((await yubei.send('PUT', `/api/agencies/${agency.id}/feedback/${jiangbeiRound}`, { rating: 5 })).statusCode).toBe(404);
    // A round of the district the agency never served.
    const unserved = await yubei.send('PUT', `/api/agencies/${agency.id}/feedback/${unservedYubeiRound}`, { rating: 5 });
    expect(unserved.statusCode).toBe(400);
    expect(Object.keys(errorOf(unserved).fields ?? {})).toEqual(['roundId']);
    const range = await yubei.send('PUT', `/api/agencies/${agency.id}/feedback/${yubeiRound}`, { rating: 6 });
    expect(range.statusCode).toBe(400);
    expect(Object.keys(errorOf(range).fields ?? {})).toEqual(['rating']);
    const jb = await jiangbei.send('PUT', `/api/agencies/${agency.id}/feedback/${jiangbeiRound}`, { rating: 5 });
    expect(jb.statusCode, jb.body).toBe(200);
  });

  it('shows every feedback with the average; only the own district may edit', async () => {
    const list = (await jiangbei.get(`/api/agencies/${agency.id}/feedback`)).json<FeedbackList>();
    expect(list.total).toBe(2);
    expect(list.averageRating).toBe(3.5); // (2 + 5) / 2
    expect(list.items.map((f) => [f.districtCode, f.editable]).sort()).toEqual([['500105', true], ['500112', false]]);
    const cityView = (await city.get(`/api/agencies/${agency.id}/feedback`)).json<FeedbackList>();
    expect(cityView.items.every((f) => !f.editable)).toBe(true);
    expect((await city.get(`/api/agencies/${agency.id}`)).json<AgencyDetail>()).toMatchObject({ feedbackCount: 2, averageRating: 3.5 });
  });
});

describe('status and the public dishonesty list', () => {
  const decision = { status: 'dishonest', reason: '出具的审核报告数据严重失实', decisionNo: '渝环〔2026〕88号', decidedOn: '2026-01-15' };
  const publicList = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/dishonest-agencies' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PublicDishonestPage>();
  };

  it('is decided by the city only, validated', async () => {
    expect((await yubei.send('POST', `/api/agencies/${agency.id}/status`, decision)).statusCode).toBe(403);
    expect((await agency1.send('POST', `/api/agencies/${ownAgency}/status`, decision)).statusCode).toBe(403);
    const missing = await city.send('POST', `/api/agencies/${agency.id}/status`, { status: 'warned', reason: ' ' });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(errorOf(missing).fields ?? {}).sort()).toEqual(['decidedOn', 'decisionNo', 'reason']);
    const future = await city.send('POST', `/api/agencies/${agency.id}/status`, { ...decision, decidedOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(Object.keys(errorOf(future).fields ?? {})).toEqual(['decidedOn']);
    const unchanged = await city.send('POST', `/api/agencies/${agency.id}/status`, { ...decision, status: 'normal' });
    expect(unchanged.statusCode).toBe(409);
    expect(errorOf(unchanged).code).toBe('AGENCY_STATUS_UNCHANGED');
  });

  it('shows the agency on the public list only after the decision, and only the public fields', async () => {
    expect((await publicList()).items.map((i) => i.name)).not.toContain(agency.name);
    const warned = await city.send('POST', `/api/agencies/${agency.id}/status`, { ...decision, status: 'warned', decisionNo: '渝环函〔2026〕1号' });
    expect(warned.statusCode, warned.body).toBe(200);
    expect((await publicList()).items.map((i) => i.name)).not.toContain(agency.name);
    const events = await auditEventsOf(t.db, async () => {
      const listed = await city.send('POST', `/api/agencies/${agency.id}/status`, decision);
      expect(listed.statusCode, listed.body).toBe(200);
      expect(listed.json<StatusHistory>().items.map((c) => [c.fromStatus, c.toStatus])).toEqual([
        ['warned', 'dishonest'],
        ['normal', 'warned'],
      ]);
    });
    expect(events.map((e) => e.action)).toEqual(['agency.statusChanged']);
    const item = (await publicList()).items.find((i) => i.name === agency.name);
    expect(item).toEqual({
      name: agency.name, creditCode: agency.creditCode, reason: decision.reason, decisionNo: decision.decisionNo, decidedOn: decision.decidedOn,
    });
    const search = await t.app.inject({ method: 'GET', url: `/api/public/dishonest-agencies?keyword=${encodeURIComponent('范围测试')}` });
    expect(search.json<PublicDishonestPage>().total).toBe(1);
    const dishonest = (await yubei.get('/api/agencies?status=dishonest&pageSize=100')).json<AgencyPage>().items;
    expect(dishonest.map((a) => a.id)).toContain(agency.id);
    expect(dishonest.every((a) => a.status === 'dishonest')).toBe(true);
    const normal = (await yubei.get('/api/agencies?status=normal&pageSize=100')).json<AgencyPage>().items;
    expect(normal.map((a) => a.id)).not.toContain(agency.id);
  });

  it('keeps the history when the agency leaves the list again', async () => {
    const removed = await city.send('POST', `/api/agencies/${agency.id}/status`, {
      status: 'normal', reason: '整改完成，移出失信名单', decisionNo: '渝环〔2026〕120号', decidedOn: '2026-03-01',
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await publicList()).items.map((i) => i.name)).not.toContain(agency.name);
    const history = (await agency1.get(`/api/agencies/${ownAgency}/status-history`)).json<StatusHistory>();
    expect(history.items).toEqual([]);
    const full = (await yubei.get(`/api/agencies/${agency.id}/status-history`)).json<StatusHistory>();
    expect(full.items.map((c) => c.toStatus)).toEqual(['normal', 'dishonest', 'warned']);
    expect(full.items[0]?.decidedBy).toBeTruthy();
  });
});
