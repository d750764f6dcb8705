import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail } from '../../../shared/contracts/campaigns';
import type { PublicBatchPage, PublicFilters, PublicListPage, PublicResultPage, PublicRound } from '../../../shared/contracts/portal';
import type { ResultBatchCreated, ResultBatchPage } from '../../../shared/contracts/resultBatches';
import type { PlanEntry, Publication, RoundDetail } from '../../../shared/contracts/rounds';
import type { EnterpriseDetail } from '../../../shared/contracts/enterprises';
import { DEFAULT_DEADLINE_RULES } from '../../../shared/domain/deadlines';
import { auditEventsOf, countRows, createTestApp, errorOf, signIn, type Client, type TestContext } from '../../../../test/helpers/app';
import { createEnterprise } from '../../../../test/helpers/factories';

const YEAR = 2041;
const WRITES = ['result_batches', 'round_history', 'notifications', 'audit_events'] as const;

let t: TestContext;
let city: Client;
let yubei: Client;
let jiangbei: Client;
let ent1: Client;
/** Three published rounds of YEAR: A and B (渝北区), C (江北区). */
let ents: EnterpriseDetail[];
let roundIds: string[];
/** An enterprise proposed for YEAR but never approved nor published. */
let planned: EnterpriseDetail;

const anon = (url: string) => t.app.inject({ method: 'GET', url });

async function propose(client: Client, enterpriseId: string): Promise<PlanEntry> {
  const res = await client.send('POST', '/api/plan-entries', {
    enterpriseId, plannedYear: YEAR, reasons: ['toxic', 'key_industry'], reasonDetails: '使用含铬原料',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<PlanEntry>();
}

/** Test-only SQL: the evaluation and acceptance slices are built elsewhere, so the round is put into 'accepted' directly. */
async function forceAccepted(roundId: string): Promise<void> {
  await t.db.query(
    `UPDATE audit_rounds SET state = 'accepted', evaluation_passed_on = DATE '2042-03-20', next_due_on = NULL WHERE id = $1`,
    [roundId],
  );
}

beforeAll(async () => {
  t = await createTestApp();
  [city, yubei, jiangbei, ent1] = await Promise.all([signIn(t.app, 'city'), signIn(t.app, 'yubei'), signIn(t.app, 'jiangbei'), signIn(t.app, 'ent1')]);
  const campaign = await city.send('POST', '/api/campaigns', { year: YEAR, title: `${YEAR}年度工作`, deadlineRules: DEFAULT_DEADLINE_RULES });
  expect(campaign.statusCode, campaign.body).toBe(201);
  ents = [
    await createEnterprise(yubei, { name: `门户甲电镀有限公司` }),
    await createEnterprise(yubei, { name: `门户乙化工有限公司` }),
    await createEnterprise(jiangbei, { districtCode: '500105', name: `门户丙包装有限公司` }),
  ];
  for (const [i, e] of ents.entries()) {
    const entry = await propose(i < 2 ? yubei : jiangbei, e.id);
    expect((await city.send('POST', `/api/plan-entries/${entry.id}/approve`)).statusCode).toBe(200);
  }
  planned = await createEnterprise(yubei, { name: '门户未公布企业有限公司' });
  await propose(yubei, planned.id);
  const res = await city.send('POST', `/api/campaigns/${campaign.json<CampaignDetail>().id}/publication`, { publishedOn: `${YEAR}-01-31` });
  expect(res.statusCode, res.body).toBe(200);
  const ids = res.json<Publication>().roundIds;
  const byEnterprise = await Promise.all(ids.map(async (id) => (await city.get(`/api/rounds/${id}`)).json<RoundDetail>()));
  roundIds = ents.map((e) => byEnterprise.find((r) => r.enterpriseId === e.id)?.id ?? '');
});
afterAll(async () => t.close());

describe('public annual lists', () => {
  it('answers without a session with the 附件1 columns and no contact data', async () => {
    const res = await anon(`/api/public/lists?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<PublicListPage>();
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.enterpriseName).sort()).toEqual(ents.map((e) => e.name).sort());
    expect(page.items[0]).toMatchObject({ listingYear: YEAR, listPublishedOn: `${YEAR}-01-31`, reasons: ['toxic', 'key_industry'] });
    expect(Object.keys(page.items[0] ?? {}).sort()).toEqual([
      'creditCode', 'districtCode', 'districtName', 'districtNameEn', 'enterpriseName', 'industryCode', 'industryName',
      'industryNameEn', 'listPublishedOn', 'listingYear', 'reasonDetails', 'reasons', 'roundId',
    ]);
    // The factory's contacts and legal representative never appear.
    for (const secret of ['13800138000', '李四', '张三', 'contact']) expect(res.body).not.toContain(secret);
  });

  it('never lists plan entries or rounds not on a published list', async () => {
    let res = await anon(`/api/public/lists?keyword=${encodeURIComponent('门户未公布')}`);
    expect(res.json<PublicListPage>().total).toBe(0);
    // Test-only SQL: a round still in a plan state (as if created before publication) stays hidden, even dated.
    const ghost = await createEnterprise(yubei, { name: '门户计划态企业有限公司' });
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO audit_rounds (enterprise_id, campaign_id, listing_year, reasons, state, list_published_on, city_code, district_code)
       SELECT $1, campaign_id, listing_year + 1, reasons, 'plan_approved', DATE '2042-01-31', city_code, district_code
         FROM audit_rounds WHERE id = $2 RETURNING id`,
      [ghost.id, roundIds[0] ?? ''],
    );
    res = await anon(`/api/public/lists?keyword=${encodeURIComponent('门户计划态')}`);
    expect(res.json<PublicListPage>().total).toBe(0);
    expect((await anon(`/api/public/rounds/${rows[0]?.id}`)).statusCode).toBe(404);
    const filters = (await anon('/api/public/filters')).json<PublicFilters>();
    expect(filters.years).toContain(YEAR);
    expect(filters.years).not.toContain(YEAR + 1);
    expect(filters.districts.map((d) => d.code)).toEqual(expect.arrayContaining(['500112', '500105']));
  });

  it('searches by name or credit code, filters by district and pages', async () => {
    const byName = (await anon(`/api/public/lists?keyword=${encodeURIComponent('门户乙')}`)).json<PublicListPage>();
    expect(byName.items.map((i) => i.roundId)).toEqual([roundIds[1]]);
    const code = ents[2]?.creditCode ?? '';
    const byCode = (await anon(`/api/public/lists?keyword=${code.slice(0, 14).toLowerCase()}`)).json<PublicListPage>();
    expect(byCode.items.map((i) => i.roundId)).toEqual([roundIds[2]]);
    const district = (await anon(`/api/public/lists?year=${YEAR}&districtCode=500112`)).json<PublicListPage>();
    expect(district.total).toBe(2);
    const p1 = (await anon(`/api/public/lists?year=${YEAR}&pageSize=2&page=1`)).json<PublicListPage>();
    const p2 = (await anon(`/api/public/lists?year=${YEAR}&pageSize=2&page=2`)).json<PublicListPage>();
    expect([p1.items.length, p2.items.length, p1.total, p2.total]).toEqual([2, 1, 3, 3]);
    expect(new Set([...p1.items, ...p2.items].map((i) => i.roundId)).size).toBe(3);
    const bad = await anon('/api/public/lists?pageSize=1000');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad)).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(bad).fields).toHaveProperty('pageSize');
  });
});

describe("a round's public page", () => {
  it('shows the disclosure only once published, without attachments', async () => {
    const id = roundIds[0] ?? '';
    // Test-only SQL: a draft disclosure (the disclosure routes are covered by material.api.test.ts).
    await t.db.query(
      `INSERT INTO disclosures (round_id, items, platform_name, platform_url, city_code, district_code)
       SELECT id, '{"toxic_materials": "铬酐 12 吨/年，用于镀铬", "draftNote": "内部"}'::jsonb, '重庆市企业环境信息公开平台',
              'https://example.org/disclosure', city_code, district_code FROM audit_rounds WHERE id = $1`,
      [id],
    );
    let page = (await anon(`/api/public/rounds/${id}`)).json<PublicRound>();
    expect(page).toMatchObject({ id, listingYear: YEAR, disclosure: null, evaluation: null, acceptance: null });
    await t.db.query('UPDATE disclosures SET published_at = now() WHERE round_id = $1', [id]);
    page = (await anon(`/api/public/rounds/${id}`)).json<PublicRound>();
    expect(page.disclosure).toMatchObject({
      items: { toxic_materials: '铬酐 12 吨/年，用于镀铬' },
      platformName: '重庆市企业环境信息公开平台',
      platformUrl: 'https://example.org/disclosure',
    });
    expect(page.disclosure?.items).not.toHaveProperty('draftNote');
    expect(Object.keys(page.disclosure ?? {}).sort()).toEqual(['items', 'platformName', 'platformUrl', 'publishedAt']);
  });

  it('answers 404 for an unknown round', async () => {
    const res = await anon('/api/public/rounds/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
  });
});

describe('batch publication of accepted results', () => {
  it('is for the city only', async () => {
    for (const client of [yubei, jiangbei, ent1]) {
      const res = await client.send('POST', '/api/result-batches', { title: 'x', publishedOn: '2042-12-01', roundIds: [roundIds[0]] });
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
      expect((await client.get('/api/result-batches')).statusCode).toBe(403);
    }
  });

  it('refuses the whole batch with 409 naming a round that is not accepted, writing nothing', async () => {
    await forceAccepted(roundIds[0] ?? '');
    const before = await countRows(t.db, WRITES);
    const res = await city.send('POST', '/api/result-batches', {
      title: '2042年第一批清洁生产审核验收结果', publishedOn: '2042-12-01', roundIds: [roundIds[0], roundIds[1]],
    });
    expect(res.statusCode, res.body).toBe(409);
    const error = errorOf(res);
    expect(error.code).toBe('RESULT_BATCH_CONFLICT');
    expect(error.message).toContain(ents[1]?.name);
    expect(error.message).toContain('市局核定公布');
    expect(error.message).not.toContain(ents[0]?.name);
    expect(Object.keys(error.fields ?? {})).toEqual(['roundIds.1']);
    expect(error.fields?.['roundIds.1']).toContain(ents[1]?.name);
    expect(await countRows(t.db, WRITES)).toEqual(before);
    const round = (await city.get(`/api/rounds/${roundIds[0]}`)).json<RoundDetail>();
    expect(round.state).toBe('accepted');
  });

  it('answers 404 for a round outside the city or unknown, and 400 naming bad fields', async () => {
    const res = await city.send('POST', '/api/result-batches', {
      title: '批次', publishedOn: '2042-12-01', roundIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(res.statusCode).toBe(404);
    const bad = await city.send('POST', '/api/result-batches', { title: ' ', publishedOn: '2042-13-01', roundIds: [] });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(errorOf(bad).fields ?? {}).sort()).toEqual(['publishedOn', 'roundIds', 'title']);
    const dup = await city.send('POST', '/api/result-batches', { title: '批次', publishedOn: '2042-12-01', roundIds: [roundIds[0], roundIds[0]] });
    expect(dup.statusCode).toBe(400);
    expect(errorOf(dup).fields?.roundIds).toBe('审核轮次不能重复');
  });

  it('closes every round through publishResult in one transaction, with history, audit events and notifications', async () => {
    await forceAccepted(roundIds[2] ?? '');
    const ids = [roundIds[0] ?? '', roundIds[2] ?? ''];
    // Test-only SQL: round A's 技术审查意见 (recorded by the evaluation slice's routes elsewhere).
    await t.db.query(
      `INSERT INTO review_opinions (round_id, kind, opinion_no, issued_on, body, city_code, district_code)
       SELECT id, 'evaluation', '渝北环审〔2042〕7号', DATE '2042-03-20', '同意通过评估', city_code, district_code
         FROM audit_rounds WHERE id = $1`,
      [ids[0] ?? ''],
    );
    let created: ResultBatchCreated | undefined;
    const events = await auditEventsOf(t.db, async () => {
      const res = await city.send('POST', '/api/result-batches', {
        title: '2042年第一批清洁生产审核验收结果', publishedOn: '2042-12-01', roundIds: ids,
      });
      expect(res.statusCode, res.body).toBe(201);
      created = res.json<ResultBatchCreated>();
    });
    expect(created).toMatchObject({ title: '2042年第一批清洁生产审核验收结果', publishedOn: '2042-12-01', roundCount: 2, roundIds: ids });
    expect(events.map((e) => [e.action, e.entity_id])).toEqual([
      ['result.published', created?.id],
      ['round.transitioned', [...ids].sort()[0]],
      ['round.transitioned', [...ids].sort()[1]],
    ]);
    expect(events[1]?.after).toMatchObject({ state: 'closed', transition: 'publishResult', resultBatchId: created?.id });
    for (const id of ids) {
      const round = (await city.get(`/api/rounds/${id}`)).json<RoundDetail>();
      expect(round.state).toBe('closed');
      expect(round.nextDeadline).toBeNull();
      expect(round.history.at(-1)).toMatchObject({
        transition: 'publishResult', fromState: 'accepted', toState: 'closed', actorRole: 'city_staff',
        comment: '2042年第一批清洁生产审核验收结果',
      });
    }
    const { rows } = await t.db.query<{ recipient_org_id: string; title_zh: string }>(
      `SELECT recipient_org_id, title_zh FROM notifications WHERE kind = 'result.published' AND round_id = ANY($1::uuid[])
        ORDER BY title_zh, recipient_org_id`,
      [ids],
    );
    expect(rows.map((r) => r.recipient_org_id).sort()).toEqual([ents[0]?.id, ents[2]?.id].sort());
    expect(rows[0]?.title_zh).toBe(`您单位${YEAR}年度清洁生产审核验收结果已公布`);

    // A second batch with the same title is refused; a closed round cannot be published again.
    const again = await city.send('POST', '/api/result-batches', { title: '另一批', publishedOn: '2042-12-02', roundIds: [ids[0]] });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('RESULT_BATCH_CONFLICT');
    await forceAccepted(roundIds[1] ?? '');
    const taken = await city.send('POST', '/api/result-batches', {
      title: '2042年第一批清洁生产审核验收结果', publishedOn: '2042-12-02', roundIds: [roundIds[1]],
    });
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken)).toMatchObject({ code: 'RESULT_BATCH_TITLE_TAKEN', fields: { title: '已有同名的结果批次' } });

    const batches = (await city.get('/api/result-batches')).json<ResultBatchPage>();
    expect(batches.items[0]).toMatchObject({ id: created?.id, roundCount: 2 });
  });

  it('shows the published results on the portal, by year, district and batch', async () => {
    const batches = (await anon('/api/public/batches?year=2042')).json<PublicBatchPage>();
    expect(batches.items.map((b) => [b.title, b.roundCount])).toEqual([['2042年第一批清洁生产审核验收结果', 2]]);
    const batchId = batches.items[0]?.id ?? '';
    const results = (await anon(`/api/public/results?batchId=${batchId}`)).json<PublicResultPage>();
    expect(results.total).toBe(2);
    expect(results.items.map((r) => r.roundId).sort()).toEqual([roundIds[0], roundIds[2]].sort());
    expect(results.items[0]).toMatchObject({ batchTitle: '2042年第一批清洁生产审核验收结果', batchPublishedOn: '2042-12-01', evaluationPassedOn: '2042-03-20' });
    const inJiangbei = (await anon(`/api/public/results?year=${YEAR}&districtCode=500105`)).json<PublicResultPage>();
    expect(inJiangbei.items.map((r) => r.roundId)).toEqual([roundIds[2]]);
    // The accepted but unpublished round B is not a public result.
    const b = (await anon(`/api/public/results?keyword=${encodeURIComponent('门户乙')}`)).json<PublicResultPage>();
    expect(b.total).toBe(0);
    expect(results.items.find((r) => r.roundId === roundIds[0])?.reviewOpinionNo).toBe('渝北环审〔2042〕7号');
    expect(results.items.find((r) => r.roundId === roundIds[2])?.reviewOpinionNo).toBeNull();
    const page = (await anon(`/api/public/rounds/${roundIds[0]}`)).json<PublicRound>();
    expect(page.evaluation).toEqual({ passedOn: '2042-03-20', opinionNo: '渝北环审〔2042〕7号', issuedOn: '2042-03-20' });
    expect(page.acceptance).toEqual({ batchId, batchTitle: '2042年第一批清洁生产审核验收结果', publishedOn: '2042-12-01' });
    const pageB = (await anon(`/api/public/rounds/${roundIds[1]}`)).json<PublicRound>();
    expect(pageB.acceptance).toBeNull();
  });
});

describe('the demo data on the portal', () => {
  it("shows the demo's closed round in its result batch, and none of its unpublished 2022 plan entries", async () => {
    const batches = (await anon('/api/public/batches?year=2021')).json<PublicBatchPage>();
    expect(batches.items.map((b) => [b.title, b.publishedOn, b.roundCount])).toEqual([['2021年第一批清洁生产审核验收结果', '2021-01-15', 1]]);
    const results = (await anon(`/api/public/results?batchId=${batches.items[0]?.id}`)).json<PublicResultPage>();
    expect(results.items.map((r) => [r.listingYear, r.districtCode])).toEqual([[2019, '500105']]);
    const lists = (await anon('/api/public/lists?year=2022')).json<PublicListPage>();
    expect(lists.total).toBe(0);
    expect((await anon('/api/public/filters')).json<PublicFilters>().years).not.toContain(2022);
  });
});

describe('concurrent batches', () => {
  it('publishes a round once when two batches race for it: one 201, one 409, one history row', async () => {
    const id = roundIds[1] ?? '';
    await forceAccepted(id);
    const before = await countRows(t.db, ['result_batches']);
    const send = (title: string) => city.send('POST', '/api/result-batches', { title, publishedOn: '2042-12-09', roundIds: [id] });
    const [a, b] = await Promise.all([send('2042年第二批清洁生产审核验收结果'), send('2042年第三批清洁生产审核验收结果')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(errorOf(a.statusCode === 409 ? a : b).code).toBe('RESULT_BATCH_CONFLICT');
    expect(await countRows(t.db, ['result_batches'])).toEqual({ result_batches: (before.result_batches ?? 0) + 1 });
    const { rows } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM round_history WHERE round_id = $1 AND transition = 'publishResult'`,
      [id],
    );
    expect(rows[0]?.n).toBe(1);
  });
});
