import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail } from '../../../shared/contracts/campaigns';
import type { PlanSuggestion, PlanSuggestionPage } from '../../../shared/contracts/planSuggestions';
import type { PlanEntry } from '../../../shared/contracts/rounds';
import type { ListingReason } from '../../../shared/domain/listingReasons';
import type { RoundState } from '../../../shared/domain/roundStates';
import { auditEventsOf, createTestApp, errorOf, signIn, type Client, type TestContext } from '../../../../test/helpers/app';
import { createEnterprise } from '../../../../test/helpers/factories';

/**
 * The 附件4 suggestion rules on a hand-built data set (plan year 2030). Rounds, their acceptance history and the
 * enforcement cases are written with test-only SQL, so each rule's edge is set exactly.
 */
const P = 2030;
let t: TestContext;
let city: Client;
let yubei: Client;
let jiangbei: Client;
let ent1: Client;
let campaignId: string;
const ids: Record<string, string> = {};

async function enterprise(name: string, keyIndustry = true): Promise<string> {
  const e = await createEnterprise(yubei, keyIndustry ? { name: `${name}测试企业${Date.now() % 100000}` } : { name: `${name}测试企业${Date.now() % 100000}`, keyIndustryCode: null });
  ids[name] = e.id;
  return e.id;
}

async function round(enterpriseId: string, year: number, state: RoundState, reasons: ListingReason[], acceptedOn?: string): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO audit_rounds (enterprise_id, campaign_id, listing_year, reasons, state, list_published_on, city_code, district_code)
     SELECT e.id, $2, $3, $4::text[], $5, make_date($3, 3, 1), e.city_code, e.district_code FROM enterprises e WHERE e.id = $1
     RETURNING id`,
    [enterpriseId, campaignId, year, reasons, state],
  );
  const id = rows[0]?.id ?? '';
  if (acceptedOn) {
    await t.db.query(
      `INSERT INTO round_history (round_id, city_code, district_code, transition, from_state, to_state, occurred_at)
       SELECT id, city_code, district_code, 'recordAcceptance', 'acceptance_review', 'accepted', ($2 || 'T02:00:00Z')::timestamptz
         FROM audit_rounds WHERE id = $1`,
      [id, acceptedOn],
    );
  }
  return id;
}

async function penalty(enterpriseId: string, decidedOn: string, status: 'open' | 'decided' = 'decided'): Promise<void> {
  await t.db.query(
    `INSERT INTO enforcement_cases (enterprise_id, violation_type, legal_basis, measure, facts, opened_on, decision_no, decided_on,
       fine_amount, status, city_code, district_code)
     SELECT e.id, 'not_audited', 'measures_art37', 'fine', '测试', $2::date - 10, CASE WHEN $3 = 'open' THEN NULL ELSE 'T-' || e.id END,
            CASE WHEN $3 = 'open' THEN NULL ELSE $2::date END, 60000, $3, e.city_code, e.district_code
       FROM enterprises e WHERE e.id = $1`,
    [enterpriseId, decidedOn, status],
  );
}

async function suggestions(client: Client, query = ''): Promise<Map<string, PlanSuggestion>> {
  const res = await client.get(`/api/plan-suggestions?year=${P}&pageSize=100${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const page = res.json<PlanSuggestionPage>();
  return new Map(page.items.map((s) => [s.enterpriseId, s]));
}
const rulesOf = (map: Map<string, PlanSuggestion>, name: string) => map.get(ids[name] ?? '')?.rules;

beforeAll(async () => {
  t = await createTestApp();
  [city, yubei, jiangbei, ent1] = await Promise.all([signIn(t.app, 'city'), signIn(t.app, 'yubei'), signIn(t.app, 'jiangbei'), signIn(t.app, 'ent1')]);
  campaignId = (await city.send('POST', '/api/campaigns', { year: 2095, title: '测试年度工作' })).json<CampaignDetail>().id;

  // Rule 1: 双有, last accepted audit 4+ years before the plan year.
  await round(await enterprise('fourYears'), 2025, 'accepted', ['toxic'], '2026-05-01');
  await round(await enterprise('threeYears'), 2026, 'accepted', ['toxic'], '2027-05-01');
  await round(await enterprise('notToxic'), 2024, 'accepted', ['high_energy'], '2025-05-01');
  const closedId = await round(await enterprise('closedOld'), 2024, 'closed', ['toxic', 'key_industry'], '2025-06-01');
  await t.db.query(
    `INSERT INTO round_history (round_id, city_code, district_code, transition, from_state, to_state, occurred_at)
     SELECT id, city_code, district_code, 'publishResult', 'accepted', 'closed', '2025-09-01T02:00:00Z' FROM audit_rounds WHERE id = $1`,
    [closedId],
  );
  const newer = await enterprise('newerRound');
  await round(newer, 2023, 'accepted', ['toxic'], '2024-05-01');
  await round(newer, 2028, 'audit_started', ['toxic']);
  const planned = await enterprise('alreadyPlanned');
  await round(planned, 2024, 'accepted', ['toxic'], '2025-05-01');
  expect((await yubei.send('POST', '/api/plan-entries', { enterpriseId: planned, plannedYear: P, reasons: ['toxic'] })).statusCode).toBe(201);

  // Rule 2: key industry with a penalty or an exceedance in 2027–2029.
  await penalty(await enterprise('penalised'), '2028-05-01');
  await penalty(await enterprise('oldPenalty'), '2026-12-31');
  await penalty(await enterprise('notKeyIndustry', false), '2028-05-01');
  await penalty(await enterprise('openPenalty'), '2028-05-01', 'open');
  await round(await enterprise('exceeded'), 2028, 'accepted', ['dual_exceed'], '2029-04-01');
  await round(await enterprise('exceededLongAgo'), 2026, 'accepted', ['dual_exceed'], '2027-04-01');

  // Rule 3: unfinished rounds of earlier years.
  await round(await enterprise('unfinished'), 2027, 'report_submitted', ['high_energy']);
  await round(await enterprise('withdrawn'), 2027, 'withdrawn', ['toxic']);
  await round(await enterprise('rolledOver'), 2027, 'rolled_over', ['dual_exceed', 'key_industry']);
  const listed = await enterprise('listedForYear');
  await round(listed, 2027, 'audit_started', ['high_energy']);
  await round(listed, P, 'listed', ['high_energy']);
  await round(await enterprise('laterYear'), 2031, 'audit_started', ['high_energy']);
});

afterAll(async () => {
  await t.close();
});

describe('附件4 suggestion rules', () => {
  it('each rule fires where it should and nowhere else', async () => {
    const s = await suggestions(yubei);
    expect(rulesOf(s, 'fourYears')).toEqual(['fiveYear']);
    expect(rulesOf(s, 'threeYears')).toBeUndefined();
    expect(rulesOf(s, 'notToxic')).toBeUndefined();
    expect(rulesOf(s, 'closedOld')).toEqual(['fiveYear']);
    expect(rulesOf(s, 'newerRound')).toEqual(['unfinished']);
    expect(rulesOf(s, 'alreadyPlanned')).toBeUndefined();

    expect(rulesOf(s, 'penalised')).toEqual(['keyIndustryRisk']);
    expect(rulesOf(s, 'oldPenalty')).toBeUndefined();
    expect(rulesOf(s, 'notKeyIndustry')).toBeUndefined();
    expect(rulesOf(s, 'openPenalty')).toBeUndefined();
    expect(rulesOf(s, 'exceeded')).toEqual(['keyIndustryRisk']);
    expect(rulesOf(s, 'exceededLongAgo')).toBeUndefined();

    expect(rulesOf(s, 'unfinished')).toEqual(['unfinished']);
    expect(rulesOf(s, 'withdrawn')).toBeUndefined();
    expect(rulesOf(s, 'rolledOver')).toEqual(['keyIndustryRisk', 'unfinished']);
    expect(rulesOf(s, 'listedForYear')).toBeUndefined();
    expect(rulesOf(s, 'laterYear')).toBeUndefined();
  });

  it('explains each candidate and pre-fills the reasons', async () => {
    const s = await suggestions(yubei);
    const four = s.get(ids.fourYears ?? '');
    expect(four).toMatchObject({ reasons: ['toxic'], lastAcceptedOn: '2026-05-01', plannedYear: P });
    expect(four?.detail).toContain('2026');
    expect(s.get(ids.penalised ?? '')).toMatchObject({ reasons: ['key_industry'], lastPenaltyOn: '2028-05-01' });
    expect(s.get(ids.exceeded ?? '')).toMatchObject({ reasons: ['key_industry', 'dual_exceed'], lastExceedYear: 2028 });
    expect(s.get(ids.rolledOver ?? '')?.reasons.sort()).toEqual(['dual_exceed', 'key_industry']);
    const english = await yubei.get(`/api/plan-suggestions?year=${P}&pageSize=100&rule=unfinished`, { 'accept-language': 'en' });
    const unfinished = english.json<PlanSuggestionPage>().items.find((x) => x.enterpriseId === ids.unfinished);
    expect(unfinished?.detail).toContain('2027 audit unfinished');
  });

  it('filters by rule', async () => {
    const s = await suggestions(yubei, '&rule=unfinished');
    expect(rulesOf(s, 'unfinished')).toEqual(['unfinished']);
    expect(s.has(ids.fourYears ?? '')).toBe(false);
    expect(s.has(ids.rolledOver ?? '')).toBe(true);
  });

  it('accepting proposes the plan entry with the reasons pre-filled, once', async () => {
    const events = await auditEventsOf(t.db, async () => {
      const res = await yubei.send('POST', `/api/plan-suggestions/${ids.fourYears}/accept`, { year: P, remarks: '按五年周期纳入' });
      expect(res.statusCode, res.body).toBe(201);
      const entry = res.json<PlanEntry>();
      expect(entry).toMatchObject({ enterpriseId: ids.fourYears, plannedYear: P, reasons: ['toxic'], lastAuditOn: '2026-05-01', status: 'proposed', remarks: '按五年周期纳入' });
      expect(entry.reasonDetails).toContain('五年');
    });
    expect(events.map((e) => e.action)).toEqual(['planEntry.proposed', 'planSuggestion.accepted']);
    expect((await suggestions(yubei)).has(ids.fourYears ?? '')).toBe(false);
    const again = await yubei.send('POST', `/api/plan-suggestions/${ids.fourYears}/accept`, { year: P });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('SUGGESTION_NOT_AVAILABLE');
  });

  it('dismissing needs a reason, is recorded, and the enterprise is not suggested again for that year', async () => {
    const blank = await yubei.send('POST', `/api/plan-suggestions/${ids.unfinished}/dismiss`, { year: P, reason: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(Object.keys(errorOf(blank).fields ?? {})).toEqual(['reason']);
    const res = await yubei.send('POST', `/api/plan-suggestions/${ids.unfinished}/dismiss`, { year: P, reason: '企业已于2029年关停搬迁' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await suggestions(yubei)).has(ids.unfinished ?? '')).toBe(false);
    const { rows } = await t.db.query<{ decision: string; reason: string; rules: string[] }>(
      'SELECT decision, reason, rules FROM plan_suggestion_decisions WHERE enterprise_id = $1 AND planned_year = $2',
      [ids.unfinished ?? '', P],
    );
    expect(rows).toEqual([{ decision: 'dismissed', reason: '企业已于2029年关停搬迁', rules: ['unfinished'] }]);
    // Another year still suggests it.
    const next = (await yubei.get(`/api/plan-suggestions?year=${P + 1}&pageSize=100`)).json<PlanSuggestionPage>();
    expect(next.items.some((x) => x.enterpriseId === ids.unfinished)).toBe(true);
    // Not a candidate: 409.
    expect((await yubei.send('POST', `/api/plan-suggestions/${ids.threeYears}/dismiss`, { year: P, reason: '不适用' })).statusCode).toBe(409);
  });

  it('scope: a district sees and decides only its own; the city reads all and filters; other roles are refused', async () => {
    expect((await suggestions(jiangbei)).has(ids.penalised ?? '')).toBe(false);
    expect((await jiangbei.send('POST', `/api/plan-suggestions/${ids.penalised}/accept`, { year: P })).statusCode).toBe(404);
    expect((await jiangbei.send('POST', `/api/plan-suggestions/${ids.penalised}/dismiss`, { year: P, reason: 'x' })).statusCode).toBe(404);
    expect((await suggestions(city, '&districtCode=500112')).has(ids.penalised ?? '')).toBe(true);
    expect((await suggestions(city, '&districtCode=500105')).has(ids.penalised ?? '')).toBe(false);
    expect((await city.send('POST', `/api/plan-suggestions/${ids.penalised}/accept`, { year: P })).statusCode).toBe(403);
    expect((await city.send('POST', `/api/plan-suggestions/${ids.penalised}/dismiss`, { year: P, reason: 'x' })).statusCode).toBe(403);
    expect((await ent1.get(`/api/plan-suggestions?year=${P}`)).statusCode).toBe(403);
    expect((await ent1.send('POST', `/api/plan-suggestions/${ids.penalised}/accept`, { year: P })).statusCode).toBe(403);
    expect((await yubei.get('/api/plan-suggestions')).statusCode).toBe(400);
  });
});
