import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterprisePage } from '../../../shared/contracts/enterprises';
import { demoEnterprises } from '../../seed/demo/demoData';
import { createTestApp, errorOf, orgIdOf, signIn, type Client, type TestContext } from '../../../../test/helpers/app';

let t: TestContext;
let city: Client;
let yubei: Client;
let ent1: Client;
let jiangbeiEnterpriseId: string;
let yubeiEnterpriseId: string;
beforeAll(async () => {
  t = await createTestApp();
  [city, yubei, ent1] = await Promise.all([signIn(t.app, 'city'), signIn(t.app, 'yubei'), signIn(t.app, 'ent1')]);
  jiangbeiEnterpriseId = await orgIdOf(t.db, 'ent2');
  yubeiEnterpriseId = await orgIdOf(t.db, 'ent1');
});
afterAll(async () => t.close());

async function list(client: Client, query = ''): Promise<EnterprisePage> {
  const res = await client.get(`/api/enterprises?pageSize=100${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<EnterprisePage>();
}

async function storedRow(id: string) {
  const { rows } = await t.db.query<Record<string, unknown>>('SELECT * FROM enterprises WHERE id = $1', [id]);
  return rows[0];
}

const demoIn = (district: string) => demoEnterprises.filter((e) => e.districtCode === district).length;

describe('district scope', () => {
  it('lists only the enterprises of the own district', async () => {
    const page = await list(yubei);
    expect(page.total).toBe(demoIn('500112'));
    expect(page.items).toHaveLength(page.total);
    expect(new Set(page.items.map((e) => e.districtCode))).toEqual(new Set(['500112']));
    expect(page.items.map((e) => e.id)).not.toContain(jiangbeiEnterpriseId);
  });

  it('never returns another district, even when asked for it', async () => {
    expect(await list(yubei, '&districtCode=500105')).toEqual({ items: [], total: 0 });
    const byName = await list(yubei, `&keyword=${encodeURIComponent('宏达包装')}`);
    expect(byName.total).toBe(0);
  });

  it("answers 404 for another district's enterprise", async () => {
    const res = await yubei.get(`/api/enterprises/${jiangbeiEnterpriseId}`);
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
    // The same answer as for an id that does not exist.
    const missing = await yubei.get('/api/enterprises/3f0c1f52-9a7e-4f55-8a43-1d2b3c4d5e6f');
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).message).toBe(errorOf(res).message);
  });

  it.each([
    ['a contact change', { contactName: '入侵者' }],
    ['a name change', { name: '入侵有限公司' }],
    ['moving it into the own district', { districtCode: '500112' }],
  ])("answers 404 to %s of another district's enterprise and changes nothing", async (_label, body) => {
    const before = await storedRow(jiangbeiEnterpriseId);
    const { rows: events } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
    const res = await yubei.send('PATCH', `/api/enterprises/${jiangbeiEnterpriseId}`, body);
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
    expect(await storedRow(jiangbeiEnterpriseId)).toEqual(before);
    const { rows: after } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
    expect(after).toEqual(events);
  });

  it("lets the own district's staff read and change its enterprise", async () => {
    expect((await yubei.get(`/api/enterprises/${yubeiEnterpriseId}`)).statusCode).toBe(200);
    const jiangbei = await signIn(t.app, 'jiangbei');
    expect((await jiangbei.get(`/api/enterprises/${jiangbeiEnterpriseId}`)).statusCode).toBe(200);
    expect((await jiangbei.get(`/api/enterprises/${yubeiEnterpriseId}`)).statusCode).toBe(404);
  });
});

describe('enterprise scope', () => {
  it("answers 404 for another enterprise's record", async () => {
    const res = await ent1.get(`/api/enterprises/${jiangbeiEnterpriseId}`);
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
    const sameDistrict = demoEnterprises.find((e) => e.districtCode === '500112' && e.key !== 'ent_yubei_huaxin_plating');
    const { rows } = await t.db.query<{ id: string }>('SELECT id FROM enterprises WHERE credit_code = $1', [sameDistrict?.creditCode ?? '']);
    expect((await ent1.get(`/api/enterprises/${rows[0]?.id}`)).statusCode).toBe(404);
  });

  it("answers 404 to a contact change of another enterprise's record", async () => {
    const before = await storedRow(jiangbeiEnterpriseId);
    const res = await ent1.send('PATCH', `/api/enterprises/${jiangbeiEnterpriseId}`, { contactName: '入侵者' });
    expect(res.statusCode).toBe(404);
    expect(await storedRow(jiangbeiEnterpriseId)).toEqual(before);
    // Even a change it may not make on any record answers 404 out of scope (existence is not revealed).
    const name = await ent1.send('PATCH', `/api/enterprises/${jiangbeiEnterpriseId}`, { name: '入侵有限公司' });
    expect(name.statusCode).toBe(404);
  });

  it('reads its own record', async () => {
    const res = await ent1.get(`/api/enterprises/${yubeiEnterpriseId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: yubeiEnterpriseId, name: '重庆华鑫表面处理有限公司' });
  });

  it('may not list enterprises', async () => {
    const res = await ent1.get('/api/enterprises');
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
  });
});

describe('city scope', () => {
  it('sees every district', async () => {
    const page = await list(city);
    expect(page.total).toBe(demoEnterprises.length);
    expect(new Set(page.items.map((e) => e.districtCode))).toEqual(new Set(demoEnterprises.map((e) => e.districtCode)));
    expect((await list(city, '&districtCode=500105')).total).toBe(demoIn('500105'));
    expect((await city.get(`/api/enterprises/${jiangbeiEnterpriseId}`)).statusCode).toBe(200);
  });
});

describe('agencies and experts', () => {
  it.each(['agency1', 'expert1'])('%s may neither list nor read enterprises', async (username) => {
    const c = await signIn(t.app, username);
    const res = await c.get('/api/enterprises');
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect((await c.get(`/api/enterprises/${yubeiEnterpriseId}`)).statusCode).toBe(403);
    expect((await c.send('PATCH', `/api/enterprises/${yubeiEnterpriseId}`, { contactName: 'x' })).statusCode).toBe(403);
  });
});

describe('anonymous', () => {
  it.each([
    ['GET', '/api/enterprises'],
    ['GET', '/api/enterprises?districtCode=500112'],
    ['GET', '/api/enterprises/3f0c1f52-9a7e-4f55-8a43-1d2b3c4d5e6f'],
    ['POST', '/api/enterprises'],
    ['PATCH', '/api/enterprises/3f0c1f52-9a7e-4f55-8a43-1d2b3c4d5e6f'],
    ['GET', '/api/users'],
    ['GET', '/api/organizations'],
    ['GET', '/api/audit-events'],
    ['GET', '/api/auth/me'],
  ] as const)('%s %s → 401', async (method, url) => {
    const res = await t.app.inject({ method, url, ...(method === 'GET' ? {} : { payload: {} }) });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe('UNAUTHENTICATED');
  });
});
