import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail, CampaignPage } from '../../../shared/contracts/campaigns';
import { DEFAULT_DEADLINE_RULES } from '../../../shared/domain/deadlines';
import {
  auditEventsOf,
  countRows,
  createTestApp,
  errorOf,
  signIn,
  type Client,
  type TestContext,
} from '../../../../test/helpers/app';

const TABLES = ['campaigns', 'campaign_milestones', 'audit_events'] as const;

let t: TestContext;
let city: Client;
let yubei: Client;
let ent1: Client;
beforeAll(async () => {
  t = await createTestApp();
  [city, yubei, ent1] = await Promise.all([
    signIn(t.app, 'city'), signIn(t.app, 'yubei'), signIn(t.app, 'ent1'),
  ]);
});
afterAll(async () => t.close());

const body = (year: number, overrides: Record<string, unknown> = {}) => ({
  year,
  noticeNo: `渝环办〔${year}〕1号`,
  title: `${year}年强制性清洁生产审核工作`,
  keyIndustryCodes: ['chemicals', 'electroplating'],
  milestones: [
    { name: '报送计划名单', dueOn: `${year}-03-19`, actorRole: 'district_staff' },
    { name: '报送工作总结', dueOn: `${year}-11-30`, actorRole: 'district_staff' },
  ],
  ...overrides,
});

describe('campaign list and detail', () => {
  it('lists the demo campaigns newest first, the 2021 one with the notice and its three milestones', async () => {
    const res = await yubei.get('/api/campaigns');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<CampaignPage>();
    expect(page.items.map((c) => c.year).slice(0, 3)).toEqual([2021, 2020, 2019]);
    const c2021 = page.items[0];
    expect(c2021).toMatchObject({ noticeNo: '渝环办〔2021〕24号', deadlineRules: DEFAULT_DEADLINE_RULES });
    expect(c2021?.milestones.map((m) => [m.dueOn, m.actorRole])).toEqual([
      ['2021-03-19', 'district_staff'],
      ['2021-11-15', 'district_staff'],
      ['2021-11-30', 'district_staff'],
    ]);
    const detail = await yubei.get(`/api/campaigns/${c2021?.id ?? ''}`);
    expect(detail.json<CampaignDetail>().abilities).toEqual({ update: false, publish: false });
  });

  it('refuses enterprises (403), anonymous callers (401) and unknown ids (404)', async () => {
    expect((await ent1.get('/api/campaigns')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/campaigns' })).statusCode).toBe(401);
    const missing = await city.get('/api/campaigns/3f0c1f52-9a7e-4f55-8a43-1d2b3c4d5e6f');
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('NOT_FOUND');
  });
});

describe('campaign changes', () => {
  it('creates a campaign with default rules and milestones, with one audit event', async () => {
    let res: LightMyRequestResponse | undefined;
    const events = await auditEventsOf(t.db, async () => {
      res = await city.send('POST', '/api/campaigns', body(2031));
    });
    expect(res?.statusCode, res?.body).toBe(201);
    const created = (res as LightMyRequestResponse).json<CampaignDetail>();
    expect(created).toMatchObject({ year: 2031, cityCode: '500000', deadlineRules: DEFAULT_DEADLINE_RULES });
    expect(created.milestones.map((m) => m.name)).toEqual(['报送计划名单', '报送工作总结']);
    expect(created.abilities).toEqual({ update: true, publish: true });
    expect(events.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([['campaign.created', 'campaign', created.id]]);
  });

  it('refuses a second campaign for the same year with 409 and writes nothing', async () => {
    await city.send('POST', '/api/campaigns', body(2032));
    const before = await countRows(t.db, TABLES);
    const res = await city.send('POST', '/api/campaigns', body(2032));
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('CAMPAIGN_YEAR_TAKEN');
    expect(errorOf(res).fields?.year).toBe('2032 年度工作已存在');
    expect(await countRows(t.db, TABLES)).toEqual(before);
  });

  it.each([
    ['a rule out of range', { deadlineRules: { ...DEFAULT_DEADLINE_RULES, discloseMonths: 0 } }, 'deadlineRules.discloseMonths'],
    ['a start after the report', { deadlineRules: { ...DEFAULT_DEADLINE_RULES, startMonths: 13 } }, 'deadlineRules.startMonths'],
    ['an impossible milestone date', { milestones: [{ name: '节点', dueOn: '2033-02-29', actorRole: 'district_staff' }] }, 'milestones.0.dueOn'],
    ['an unknown actor role', { milestones: [{ name: '节点', dueOn: '2033-02-28', actorRole: 'mayor' }] }, 'milestones.0.actorRole'],
    ['an unknown key industry', { keyIndustryCodes: ['chemicals', 'gold_mining'] }, 'keyIndustryCodes'],
    ['a blank title', { title: '   ' }, 'title'],
  ])('refuses %s with 400 on the field and writes nothing', async (_label, overrides, field) => {
    const before = await countRows(t.db, TABLES);
    const res = await city.send('POST', '/api/campaigns', body(2033, overrides));
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res).code).toBe('VALIDATION_FAILED');
    expect(Object.keys(errorOf(res).fields ?? {})).toContain(field);
    expect(await countRows(t.db, TABLES)).toEqual(before);
  });

  it('lets only the city manage campaigns', async () => {
    const res = await yubei.send('POST', '/api/campaigns', body(2034));
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
  });

  it('updates rules and replaces the milestones, recording the changed fields only', async () => {
    const created = (await city.send('POST', '/api/campaigns', body(2035))).json<CampaignDetail>();
    let res: LightMyRequestResponse | undefined;
    const events = await auditEventsOf(t.db, async () => {
      res = await city.send('PATCH', `/api/campaigns/${created.id}`, {
        deadlineRules: { ...DEFAULT_DEADLINE_RULES, discloseMonths: 2 },
        milestones: [{ name: '唯一节点', dueOn: '2035-06-30', actorRole: 'city_staff' }],
      });
    });
    expect(res?.statusCode, res?.body).toBe(200);
    const updated = (res as LightMyRequestResponse).json<CampaignDetail>();
    expect(updated.deadlineRules.discloseMonths).toBe(2);
    expect(updated.milestones.map((m) => [m.name, m.dueOn, m.actorRole])).toEqual([['唯一节点', '2035-06-30', 'city_staff']]);
    expect(events).toHaveLength(1);
    expect(events[0]?.action).toBe('campaign.updated');
    expect(Object.keys(events[0]?.after ?? {}).sort()).toEqual(['deadlineRules', 'milestones']);
    expect(events[0]?.before?.title).toBeUndefined();
  });

  it('refuses unknown fields in a change and a change to a taken year', async () => {
    const created = (await city.send('POST', '/api/campaigns', body(2036))).json<CampaignDetail>();
    const unknown = await city.send('PATCH', `/api/campaigns/${created.id}`, { cityCode: '500105' });
    expect(unknown.statusCode).toBe(400);
    const taken = await city.send('PATCH', `/api/campaigns/${created.id}`, { year: 2021 });
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken).code).toBe('CAMPAIGN_YEAR_TAKEN');
  });
});
