import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyDetail, AgencyMetrics, AgencyPage, AgencyPerformance } from '../../../shared/contracts/agencies';
import type { RoundState } from '../../../shared/domain/roundStates';
import { createTestApp, signIn, type Client, type TestContext } from '../../../../test/helpers/app';
import { createEnterprise, uniqueCreditCode } from '../../../../test/helpers/factories';
import { buildAgencyInput } from '../../../../test/helpers/agencies';

/**
 * The performance record on a hand-built data set: rounds, engagements, panels and history are written with plain
 * SQL, and every figure below is computed by hand in the comments.
 *
 *   R1 (2020, agency A engaged 2020-05-01, still active; state accepted)
 *      evaluation panels: 2021-03-01 fail 65.0, 2021-06-01 pass 91.0; acceptance panel 2021-12-01 accepted 86.0
 *      history: returnEvaluationApplication 2020-01-01 (BEFORE the engagement: not counted), 2021-01-20 (counted)
 *   R2 (2020, A engaged 2020-05-01, active; state evaluated, next_due_on 2021-12-31 → overdue)
 *      evaluation panel 2021-04-01 pass_with_revision 84.0; history: returnEvaluationApplication 2021-02-01
 *   R3 (2021, A engaged 2021-05-01 until 2021-09-01, then B engaged 2021-09-01, active; state evaluated,
 *      next_due_on 2000-01-01 → overdue, but only for B whose engagement is active)
 *      evaluation panels: 2021-08-01 fail 60.0 (during A), 2022-01-10 pass 92.0 (during B)
 *      history: returnEvaluationApplication 2021-07-01 (A), returnAcceptanceApplication 2021-12-01 (B)
 *   R4 (2021, A engaged 2021-05-01, active; state audit_started, next_due_on 2999-12-31 → not overdue)
 *      an open (undecided) evaluation panel (not counted); history: startAudit 2021-05-10 (not a return)
 *   Spot checks: R1 conforming (checked 2022-06-01), R2 problems (2022-06-01), R4 pending (not counted).
 *   Enforcement: R2's enterprise, falsified, decided, opened 2022-07-01 (A, 2020); R1's enterprise, falsified but
 *      still open (not a penalty yet); R1, not_disclosed, decided (not falsification); R3's enterprise, no round,
 *      falsified, decided, opened 2021-08-15 (A was engaged on R3 then, B not yet: A, 2021).
 */
let t: TestContext;
let city: Client;
let agencyA: string;
let agencyB: string;
const ROUNDS: Record<string, string> = {};

async function round(key: string, year: number, state: RoundState, nextDueOn: string | null): Promise<string> {
  const enterprise = await createEnterprise(city, { districtCode: '500112', creditCode: uniqueCreditCode('500112') });
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO audit_rounds (enterprise_id, campaign_id, listing_year, reasons, state, list_published_on, next_due_on,
                               city_code, district_code)
     SELECT $1, c.id, $2, ARRAY['key_industry'], $3, make_date($2::int, 3, 1), $4::date, '500000', '500112'
       FROM campaigns c WHERE c.city_code = '500000' AND c.year = $2 RETURNING id`,
    [enterprise.id, year, state, nextDueOn],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error(`round ${key} not created (no ${year} campaign?)`);
  ROUNDS[key] = id;
  return id;
}

async function engage(roundId: string, agencyId: string, from: string, until: string | null = null): Promise<void> {
  await t.db.query(
    `INSERT INTO round_engagements (round_id, agency_id, engaged_at, ended_at, city_code, district_code)
     VALUES ($1, $2, $3::timestamptz, $4::timestamptz, '500000', '500112')`,
    [roundId, agencyId, `${from}T09:00:00+08:00`, until ? `${until}T09:00:00+08:00` : null],
  );
}

async function panel(roundId: string, kind: 'evaluation' | 'acceptance', decidedOn: string | null, grade?: string, score?: number) {
  await t.db.query(
    `INSERT INTO review_panels (round_id, kind, sheet_id, formed_at, panel_score, grade, decided_at, city_code, district_code)
     SELECT $1, $2, s.id, '2020-01-01T00:00:00Z', $3, $4, $5::timestamptz, '500000', '500112'
       FROM score_sheets s WHERE s.city_code = '500000' AND s.kind = $2 ORDER BY s.version DESC LIMIT 1`,
    [roundId, kind, score ?? null, grade ?? null, decidedOn ? `${decidedOn}T10:00:00+08:00` : null],
  );
}

async function spotCheckItem(spotCheckId: string, roundId: string, order: number, result: string, checkedOn: string | null) {
  await t.db.query(
    `INSERT INTO spot_check_items (spot_check_id, round_id, draw_order, city_code, district_code, result, categories, checked_on)
     VALUES ($1, $2, $3, '500000', '500112', $4, CASE WHEN $4 = 'problems' THEN ARRAY['data_not_true'] ELSE '{}'::text[] END, $5::date)`,
    [spotCheckId, roundId, order, result, checkedOn],
  );
}

async function enforcementCase(roundId: string, withRound: boolean, violation: string, status: 'open' | 'decided', openedOn: string) {
  await t.db.query(
    `INSERT INTO enforcement_cases (enterprise_id, round_id, violation_type, legal_basis, measure, facts, opened_on,
                                    decision_no, decided_on, fine_amount, status, city_code, district_code)
     SELECT r.enterprise_id, CASE WHEN $2 THEN r.id END, $3, '清洁生产审核办法第三十九条', 'fine', '测试案件', $5::date,
            CASE WHEN $4 = 'decided' THEN '渝北环罚〔2022〕' || floor(random() * 1e6)::text || '号' END,
            CASE WHEN $4 = 'decided' THEN $5::date + 30 END, CASE WHEN $4 = 'decided' THEN 50000 END, $4, '500000', '500112'
       FROM audit_rounds r WHERE r.id = $1`,
    [roundId, withRound, violation, status, openedOn],
  );
}

async function history(roundId: string, transition: string, on: string): Promise<void> {
  await t.db.query(
    `INSERT INTO round_history (round_id, city_code, district_code, transition, from_state, to_state, occurred_at)
     VALUES ($1, '500000', '500112', $2, 'evaluation_applied', 'evaluation_returned', $3::timestamptz)`,
    [roundId, transition, `${on}T11:00:00+08:00`],
  );
}

beforeAll(async () => {
  t = await createTestApp();
  city = await signIn(t.app, 'city');
  const create = async (name: string) => {
    const res = await city.send('POST', '/api/agencies', buildAgencyInput({ name }));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<AgencyDetail>().id;
  };
  agencyA = await create('指标测试咨询A有限公司');
  agencyB = await create('指标测试咨询B有限公司');

  const r1 = await round('R1', 2020, 'accepted', null);
  await engage(r1, agencyA, '2020-05-01');
  await panel(r1, 'evaluation', '2021-03-01', 'fail', 65);
  await panel(r1, 'evaluation', '2021-06-01', 'pass', 91);
  await panel(r1, 'acceptance', '2021-12-01', 'accepted', 86);
  await history(r1, 'returnEvaluationApplication', '2020-01-01');
  await history(r1, 'returnEvaluationApplication', '2021-01-20');

  const r2 = await round('R2', 2020, 'evaluated', '2021-12-31');
  await engage(r2, agencyA, '2020-05-01');
  await panel(r2, 'evaluation', '2021-04-01', 'pass_with_revision', 84);
  await history(r2, 'returnEvaluationApplication', '2021-02-01');

  const r3 = await round('R3', 2021, 'evaluated', '2000-01-01');
  await engage(r3, agencyA, '2021-05-01', '2021-09-01');
  await engage(r3, agencyB, '2021-09-01');
  await panel(r3, 'evaluation', '2021-08-01', 'fail', 60);
  await panel(r3, 'evaluation', '2022-01-10', 'pass', 92);
  await history(r3, 'returnEvaluationApplication', '2021-07-01');
  await history(r3, 'returnAcceptanceApplication', '2021-12-01');

  const r4 = await round('R4', 2021, 'audit_started', '2999-12-31');
  await engage(r4, agencyA, '2021-05-01');
  await panel(r4, 'evaluation', null);
  await history(r4, 'startAudit', '2021-05-10');

  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO spot_checks (city_code, year, title, sample_count, seed_hash, seed, allocation, status, drawn_at)
     VALUES ('500000', 2021, '指标测试抽查', 3, repeat('a', 64), 'seed', '{}'::jsonb, 'drawn', now()) RETURNING id`,
  );
  const spotCheck = rows[0]?.id ?? '';
  await spotCheckItem(spotCheck, r1, 1, 'conforming', '2022-06-01');
  await spotCheckItem(spotCheck, r2, 2, 'problems', '2022-06-01');
  await spotCheckItem(spotCheck, r4, 3, 'pending', null);
  await enforcementCase(r2, true, 'falsified', 'decided', '2022-07-01');
  await enforcementCase(r1, true, 'falsified', 'open', '2022-07-01');
  await enforcementCase(r1, true, 'not_disclosed', 'decided', '2022-07-01');
  await enforcementCase(r3, false, 'falsified', 'decided', '2021-08-15');
});
afterAll(async () => t.close());

const performance = async (id: string, query = ''): Promise<AgencyPerformance> => {
  const res = await city.get(`/api/agencies/${id}/performance${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AgencyPerformance>();
};

describe('agency performance computed from outcomes (hand-computed figures)', () => {
  it('gives agency A its totals', async () => {
    const { total } = await performance(agencyA);
    expect(total).toEqual<AgencyMetrics>({
      roundsServed: 4, // R1, R2, R3 (ended engagement), R4
      activeRounds: 3, // R1, R2, R4 (R3's engagement ended)
      firstEvaluations: 3, // R1's first panel (fail), R2's (pass_with_revision), R3's first (fail, decided during A)
      firstEvaluationsPassed: 1, // R2 only
      firstPassRate: 0.3333, // 1 / 3
      evaluationPanels: 4, // R1 ×2, R2, R3's first (R3's second was decided during B)
      averageEvaluationScore: 75, // (65 + 91 + 84 + 60) / 4 = 300 / 4
      acceptancePanels: 1,
      averageAcceptanceScore: 86, // R1
      returnsForCorrection: 3, // R1 2021-01-20, R2 2021-02-01, R3 2021-07-01 (R1 2020-01-01 was before the engagement)
      overdueRounds: 1, // R2 (2021-12-31 passed, active, open); R3 ended for A; R4 due 2999
      spotChecked: 2, // R1 conforming, R2 problems (R4 pending)
      spotCheckProblems: 1, // R2
      falsificationPenalties: 2, // R2's case, R3's enterprise case opened 2021-08-15
    });
  });

  it('gives agency A its figures per listing year, newest first', async () => {
    const { years } = await performance(agencyA);
    expect(years).toEqual([
      {
        year: 2021, // R3, R4
        roundsServed: 2,
        activeRounds: 1, // R4
        firstEvaluations: 1, // R3 (fail)
        firstEvaluationsPassed: 0,
        firstPassRate: 0, // 0 / 1
        evaluationPanels: 1,
        averageEvaluationScore: 60,
        acceptancePanels: 0,
        averageAcceptanceScore: null,
        returnsForCorrection: 1, // R3 2021-07-01
        overdueRounds: 0,
        spotChecked: 0,
        spotCheckProblems: 0,
        falsificationPenalties: 1, // R3's enterprise
      },
      {
        year: 2020, // R1, R2
        roundsServed: 2,
        activeRounds: 2,
        firstEvaluations: 2,
        firstEvaluationsPassed: 1, // R2
        firstPassRate: 0.5, // 1 / 2
        evaluationPanels: 3,
        averageEvaluationScore: 80, // (65 + 91 + 84) / 3 = 240 / 3
        acceptancePanels: 1,
        averageAcceptanceScore: 86,
        returnsForCorrection: 2,
        overdueRounds: 1, // R2
        spotChecked: 2,
        spotCheckProblems: 1,
        falsificationPenalties: 1, // R2
      },
    ]);
  });

  it('restricts the record to one listing year', async () => {
    const { total, years } = await performance(agencyA, '?year=2020');
    expect(years.map((y) => y.year)).toEqual([2020]);
    expect(total).toMatchObject({ roundsServed: 2, firstPassRate: 0.5, averageEvaluationScore: 80, returnsForCorrection: 2 });
    expect((await performance(agencyA, '?year=2019')).total.roundsServed).toBe(0);
  });

  it('charges agency B only with what happened during its engagement', async () => {
    const { total } = await performance(agencyB);
    expect(total).toEqual<AgencyMetrics>({
      roundsServed: 1, // R3
      activeRounds: 1,
      firstEvaluations: 0, // R3's first evaluation was decided before B was engaged
      firstEvaluationsPassed: 0,
      firstPassRate: null, // nothing to divide
      evaluationPanels: 1, // 2022-01-10
      averageEvaluationScore: 92,
      acceptancePanels: 0,
      averageAcceptanceScore: null,
      returnsForCorrection: 1, // 2021-12-01
      overdueRounds: 1, // R3 (2000-01-01, active for B)
      spotChecked: 0,
      spotCheckProblems: 0,
      falsificationPenalties: 0, // the case on R3's enterprise was opened before B's engagement
    });
  });

  it('shows the same totals on the agency list (one statement for the page)', async () => {
    const res = await city.get(`/api/agencies?keyword=${encodeURIComponent('指标测试咨询')}&sort=name`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<AgencyPage>();
    expect(page.items.map((a) => a.id)).toEqual([agencyA, agencyB]);
    expect(page.items[0]?.metrics).toEqual((await performance(agencyA)).total);
    expect(page.items[1]?.metrics).toEqual((await performance(agencyB)).total);
    const y2021 = (await city.get(`/api/agencies?keyword=${encodeURIComponent('指标测试咨询')}&year=2021&sort=-roundsServed`)).json<AgencyPage>();
    expect(y2021.items.map((a) => [a.id, a.metrics.roundsServed])).toEqual([[agencyA, 2], [agencyB, 1]]);
  });

  it('lists the rounds served with their engagements, ended ones included', async () => {
    const res = await city.get(`/api/agencies/${agencyA}/rounds?sort=listingYear`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ total: number; items: { roundId: string; endedAt: string | null; overdue: boolean }[] }>();
    expect(body.total).toBe(4);
    const r3 = body.items.find((r) => r.roundId === ROUNDS.R3);
    expect(r3?.endedAt).not.toBeNull();
    expect(r3?.overdue).toBe(false); // no longer the agency's to finish
    expect(body.items.find((r) => r.roundId === ROUNDS.R2)?.overdue).toBe(true);
    const active = (await city.get(`/api/agencies/${agencyA}/rounds?active=true`)).json<{ total: number }>();
    expect(active.total).toBe(3);
  });
});
