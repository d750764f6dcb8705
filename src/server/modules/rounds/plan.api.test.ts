import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail, CampaignPage } from '../../../shared/contracts/campaigns';
import type { PlanEntry, PlanEntryPage, Publication, RoundDetail } from '../../../shared/contracts/rounds';
import { DEFAULT_DEADLINE_RULES } from '../../../shared/domain/deadlines';
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
import { createEnterprise } from '../../../../test/helpers/factories';

const TABLES = ['plan_entries', 'audit_rounds', 'round_history', 'audit_events'] as const;

let t: TestContext;
let city: Client;
let admin: Client;
let yubei: Client;
let jiangbei: Client;
let ent1: Client;
let campaign2021: string;
beforeAll(async () => {
  t = await createTestApp();
  [city, admin, yubei, jiangbei, ent1] = await Promise.all([
    signIn(t.app, 'city'), signIn(t.app, 'admin'), signIn(t.app, 'yubei'), signIn(t.app, 'jiangbei'), signIn(t.app, 'ent1'),
  ]);
  const page = (await city.get('/api/campaigns')).json<CampaignPage>();
  campaign2021 = page.items.find((c) => c.year === 2021)?.id ?? '';
});
afterAll(async () => t.close());

async function propose(client: Client, enterpriseId: string, overrides: Record<string, unknown> = {}) {
  return client.send('POST', '/api/plan-entries', {
    enterpriseId,
    plannedYear: 2021,
    reasons: ['toxic', 'key_industry'],
    reasonDetails: '电镀生产使用含铬原料',
    lastAuditOn: '2016-05-20',
    ...overrides,
  });
}

async function proposed(client: Client, enterpriseId: string, overrides: Record<string, unknown> = {}): Promise<PlanEntry> {
  const res = await propose(client, enterpriseId, overrides);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<PlanEntry>();
}

async function newCampaign(year: number, rules = DEFAULT_DEADLINE_RULES): Promise<string> {
  const res = await city.send('POST', '/api/campaigns', { year, title: `${year}年度工作`, deadlineRules: rules });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CampaignDetail>().id;
}

describe('plan entry → approval → publication', () => {
  it('publishes approved entries as listed rounds with due dates counted from the publication date', async () => {
    const enterprise = await createEnterprise(yubei);
    const entry = await proposed(yubei, enterprise.id);
    expect(entry).toMatchObject({ status: 'proposed', districtCode: '500112', roundId: null, contactName: '李四' });
    const approved = await city.send('POST', `/api/plan-entries/${entry.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<PlanEntry>().status).toBe('approved');

    let publication: Publication | undefined;
    const events = await auditEventsOf(t.db, async () => {
      const res = await city.send('POST', `/api/campaigns/${campaign2021}/publication`, { publishedOn: '2021-01-31' });
      expect(res.statusCode, res.body).toBe(200);
      publication = res.json<Publication>();
    });
    expect(publication?.roundIds).toHaveLength(1);
    const roundId = publication?.roundIds[0] ?? '';
    expect(events.map((e) => [e.action, e.entity_id])).toEqual([
      ['list.published', campaign2021],
      ['round.listed', roundId],
    ]);

    const round = (await yubei.get(`/api/rounds/${roundId}`)).json<RoundDetail>();
    expect(round).toMatchObject({
      enterpriseId: enterprise.id,
      listingYear: 2021,
      state: 'listed',
      reasons: ['toxic', 'key_industry'],
      listPublishedOn: '2021-01-31',
      dueDates: { disclose: '2021-02-28', start: '2021-03-31', report: '2022-01-31', acceptance: null },
      nextDeadline: { kind: 'disclose', due: '2021-02-28' },
    });
    expect(round.nextDeadline?.daysLeft).toBeLessThan(0);
    expect(round.history).toHaveLength(1);
    expect(round.history[0]).toMatchObject({ transition: 'publish', fromState: 'plan_approved', toState: 'listed', actorRole: 'city_staff' });
    const entries = (await yubei.get('/api/plan-entries?plannedYear=2021&pageSize=100')).json<PlanEntryPage>();
    expect(entries.items.find((e) => e.id === entry.id)?.roundId).toBe(roundId);

    // Publishing again finds nothing left to publish, and writes nothing.
    const before = await countRows(t.db, TABLES);
    const again = await city.send('POST', `/api/campaigns/${campaign2021}/publication`, { publishedOn: '2021-02-01' });
    expect(again.statusCode).toBe(422);
    expect(errorOf(again).code).toBe('NOTHING_TO_PUBLISH');
    expect(await countRows(t.db, TABLES)).toEqual(before);
    // A published entry can no longer be reviewed.
    const late = await city.send('POST', `/api/plan-entries/${entry.id}/reject`, { reason: '改变主意' });
    expect(late.statusCode).toBe(409);
    expect(errorOf(late).code).toBe('PLAN_ENTRY_STATE_CONFLICT');
  });

  it("uses the campaign's own rules, publishes only approved entries, and keeps the audit chain intact", async () => {
    const campaign = await newCampaign(2040, { ...DEFAULT_DEADLINE_RULES, discloseMonths: 2, startMonths: 3, reportMonths: 18 });
    const [a, b, c] = await Promise.all([createEnterprise(yubei), createEnterprise(jiangbei, { districtCode: '500105' }), createEnterprise(yubei)]);
    const ea = await proposed(yubei, a.id, { plannedYear: 2040 });
    const eb = await proposed(jiangbei, b.id, { plannedYear: 2040, reasons: ['dual_exceed'] });
    const ec = await proposed(yubei, c.id, { plannedYear: 2040 });
    for (const e of [ea, eb]) expect((await city.send('POST', `/api/plan-entries/${e.id}/approve`)).statusCode).toBe(200);
    const res = await city.send('POST', `/api/campaigns/${campaign}/publication`, { publishedOn: '2040-02-29' });
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json<Publication>().roundIds;
    expect(ids).toHaveLength(2);
    const rounds = await Promise.all(ids.map(async (id) => (await city.get(`/api/rounds/${id}`)).json<RoundDetail>()));
    expect(new Set(rounds.map((r) => r.enterpriseId))).toEqual(new Set([a.id, b.id]));
    for (const r of rounds) expect(r.dueDates).toEqual({ disclose: '2040-04-29', start: '2040-05-29', report: '2041-08-29', acceptance: null });
    const left = (await city.get(`/api/plan-entries?plannedYear=2040&status=proposed`)).json<PlanEntryPage>();
    expect(left.items.map((e) => e.id)).toEqual([ec.id]);
    const verify = await admin.get('/api/audit-events/verify');
    expect(verify.json<{ ok: boolean }>().ok).toBe(true);
  });
});

describe('plan entry rules', () => {
  it('needs a reason to reject (400, nothing written) and records the rejection', async () => {
    const entry = await proposed(yubei, (await createEnterprise(yubei)).id);
    const before = await countRows(t.db, TABLES);
    for (const body of [{}, { reason: '   ' }]) {
      const res = await city.send('POST', `/api/plan-entries/${entry.id}/reject`, body);
      expect(res.statusCode).toBe(400);
      expect(Object.keys(errorOf(res).fields ?? {})).toEqual(['reason']);
    }
    expect(await countRows(t.db, TABLES)).toEqual(before);
    const events = await auditEventsOf(t.db, async () => {
      const res = await city.send('POST', `/api/plan-entries/${entry.id}/reject`, { reason: '已关停' });
      expect(res.json<PlanEntry>()).toMatchObject({ status: 'rejected', rejectReason: '已关停' });
    });
    expect(events.map((e) => [e.action, e.entity_type, e.after?.status])).toEqual([['planEntry.rejected', 'planEntry', 'rejected']]);
    // A rejected entry cannot be approved, but the enterprise may be proposed again.
    expect((await city.send('POST', `/api/plan-entries/${entry.id}/approve`)).statusCode).toBe(409);
    expect((await propose(yubei, entry.enterpriseId)).statusCode).toBe(201);
  });

  it("answers 404 when a district proposes another district's enterprise, and 403 when it approves", async () => {
    const jiangbeiEnterprise = await orgIdOf(t.db, 'ent2');
    const before = await countRows(t.db, TABLES);
    const res = await propose(yubei, jiangbeiEnterprise, { plannedYear: 2023 });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
    expect(await countRows(t.db, TABLES)).toEqual(before);
    const entry = await proposed(yubei, (await createEnterprise(yubei)).id);
    const approve = await yubei.send('POST', `/api/plan-entries/${entry.id}/approve`);
    expect(approve.statusCode).toBe(403);
    // Another district does not see the entry at all.
    expect((await jiangbei.get(`/api/plan-entries?keyword=${encodeURIComponent(entry.enterpriseName)}`)).json<PlanEntryPage>().total).toBe(0);
  });

  it('refuses a duplicate entry for the same enterprise and year, and an enterprise already listed that year', async () => {
    const enterprise = await createEnterprise(yubei);
    await proposed(yubei, enterprise.id, { plannedYear: 2024 });
    const dup = await propose(city, enterprise.id, { plannedYear: 2024 });
    expect(dup.statusCode).toBe(409);
    expect(errorOf(dup).code).toBe('PLAN_ENTRY_DUPLICATE');
    const listed = await propose(yubei, await orgIdOf(t.db, 'ent1'), { plannedYear: 2020 });
    expect(listed.statusCode).toBe(409);
  });

  it.each([
    ['no reason', { reasons: [] }, 'reasons'],
    ['an unknown reason', { reasons: ['noisy'] }, 'reasons.0'],
    ['a repeated reason', { reasons: ['toxic', 'toxic'] }, 'reasons'],
    ['an impossible last audit date', { lastAuditOn: '2019-02-29' }, 'lastAuditOn'],
    ['a year out of range', { plannedYear: 1999 }, 'plannedYear'],
    ['a bad phone', { contactPhone: '12345' }, 'contactPhone'],
  ])('refuses %s with 400 on the field and writes nothing', async (_label, overrides, field) => {
    const enterprise = await createEnterprise(yubei);
    const before = await countRows(t.db, TABLES);
    const res = await propose(yubei, enterprise.id, overrides);
    expect(res.statusCode, res.body).toBe(400);
    expect(Object.keys(errorOf(res).fields ?? {})).toContain(field);
    expect(await countRows(t.db, TABLES)).toEqual(before);
  });

  it('keeps plan lists and publication away from enterprises and districts', async () => {
    expect((await ent1.get('/api/plan-entries')).statusCode).toBe(403);
    expect((await ent1.send('POST', '/api/plan-entries', {})).statusCode).toBe(403);
    const publish = await yubei.send('POST', `/api/campaigns/${campaign2021}/publication`, { publishedOn: '2021-03-01' });
    expect(publish.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/plan-entries' });
    expect(anonymous.statusCode).toBe(401);
  });
});
