import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseOverview } from '../../../shared/contracts/enterpriseOverview';
import { createTestApp, orgIdOf, signIn, type Client, type TestContext } from '../../../../test/helpers/app';

let t: TestContext;
let city: Client;
let yubei: Client;
let ent1Id: string;
let ent2Id: string;
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  [city, yubei] = await Promise.all([signIn(t.app, 'city'), signIn(t.app, 'yubei')]);
  ent1Id = await orgIdOf(t.db, 'ent1');
  ent2Id = await orgIdOf(t.db, 'ent2');
  const { rows } = await t.db.query<{ id: string }>(
    'SELECT id FROM audit_rounds WHERE enterprise_id = $1 ORDER BY listing_year LIMIT 1',
    [ent1Id],
  );
  roundId = rows[0]!.id;
  // A decided case with its credit record, a spot check with a finding and the disclosure-scope mark.
  const { rows: cases } = await t.db.query<{ id: string }>(
    `INSERT INTO enforcement_cases (enterprise_id, round_id, violation_type, legal_basis, measure, facts, opened_on,
                                    decision_no, decided_on, fine_amount, status, city_code, district_code)
     VALUES ($1, $2, 'not_disclosed', 'law_art36', 'fine', '未按规定公布信息', '2022-03-01',
             '渝北环罚〔2022〕7号', '2022-03-20', 30000, 'decided', '500000', '500112') RETURNING id`,
    [ent1Id, roundId],
  );
  await t.db.query(
    `INSERT INTO credit_records (enterprise_id, kind, source, case_id, round_id, recorded_on, period_year, description_zh,
                                 description_en, city_code, district_code)
     VALUES ($1, 'negative', 'enforcement_case', $2, $3, '2022-03-20', 2022, '未公布审核信息被处罚', 'Fined for not disclosing',
             '500000', '500112')`,
    [ent1Id, cases[0]!.id, roundId],
  );
  const { rows: checks } = await t.db.query<{ id: string }>(
    `INSERT INTO spot_checks (city_code, year, title, sample_count, seed_hash, seed)
     VALUES ('500000', 2022, '2022年度清洁生产审核抽查', 1, repeat('a', 64), 'seed') RETURNING id`,
  );
  await t.db.query(
    `INSERT INTO spot_check_items (spot_check_id, round_id, draw_order, city_code, district_code, result, categories, checked_on)
     VALUES ($1, $2, 1, '500000', '500112', 'problems', ARRAY['options_not_implemented'], '2022-06-01')`,
    [checks[0]!.id, roundId],
  );
  await t.db.query(
    `INSERT INTO disclosure_scope_marks (enterprise_id, in_scope, since, reason, source, case_id, city_code, district_code)
     VALUES ($1, TRUE, '2022-03-20', '受到处罚', 'penalty', $2, '500000', '500112')`,
    [ent1Id, cases[0]!.id],
  );
});
afterAll(async () => t.close());

async function overviewOf(client: Client, id: string): Promise<EnterpriseOverview> {
  const res = await client.get(`/api/enterprises/${id}/overview`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<EnterpriseOverview>();
}

describe('enterprise 360° view', () => {
  it('gathers rounds with scores, options, cases, credit records, spot-check findings and the disclosure mark', async () => {
    const view = await overviewOf(yubei, ent1Id);
    const { rows: rounds } = await t.db.query<{ id: string }>('SELECT id FROM audit_rounds WHERE enterprise_id = $1', [ent1Id]);
    expect(view.rounds.map((r) => r.id).sort()).toEqual(rounds.map((r) => r.id).sort());
    const { rows: options } = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM round_options o JOIN audit_rounds r ON r.id = o.round_id WHERE r.enterprise_id = $1',
      [ent1Id],
    );
    expect(view.options).toHaveLength(options[0]!.n);
    expect(view.rounds.reduce((sum, r) => sum + r.optionCount, 0)).toBe(options[0]!.n);
    // Each round's decided panels carry their stored panel score.
    const { rows: panels } = await t.db.query<{ roundId: string; kind: string; score: number }>(
      `SELECT DISTINCT ON (round_id, kind) round_id AS "roundId", kind, panel_score::float8 AS score
         FROM review_panels p JOIN audit_rounds r ON r.id = p.round_id
        WHERE r.enterprise_id = $1 AND p.decided_at IS NOT NULL ORDER BY round_id, kind, decided_at DESC`,
      [ent1Id],
    );
    expect(panels.length).toBeGreaterThan(0);
    for (const p of panels) {
      const round = view.rounds.find((r) => r.id === p.roundId)!;
      expect((p.kind === 'evaluation' ? round.evaluation : round.acceptance)?.score).toBe(p.score);
    }
    // Every record of the enterprise (the demo data may hold some), the ones inserted above among them.
    const idsOf = async (table: string) =>
      (await t.db.query<{ id: string }>(`SELECT id FROM ${table} WHERE enterprise_id = $1`, [ent1Id])).rows.map((r) => r.id).sort();
    expect(view.cases.map((c) => c.id).sort()).toEqual(await idsOf('enforcement_cases'));
    expect(view.cases).toContainEqual(
      expect.objectContaining({ roundId, violationType: 'not_disclosed', decisionNo: '渝北环罚〔2022〕7号', fineAmount: 30000, status: 'decided' }),
    );
    expect(view.creditRecords.map((c) => c.id).sort()).toEqual(await idsOf('credit_records'));
    expect(view.creditRecords).toContainEqual(
      expect.objectContaining({ kind: 'negative', recordedOn: '2022-03-20', descriptionZh: '未公布审核信息被处罚' }),
    );
    expect(view.spotChecks).toContainEqual(
      expect.objectContaining({ roundId, result: 'problems', categories: ['options_not_implemented'], published: false, year: 2022 }),
    );
    expect(view.disclosureScope).toEqual({ inScope: true, since: '2022-03-20', reason: '受到处罚', source: 'penalty' });
    expect(view.truncated).toEqual([]);
  });

  it('is the same for the city, empty sections for an enterprise without records', async () => {
    expect(await overviewOf(city, ent1Id)).toEqual(await overviewOf(yubei, ent1Id));
    const other = await overviewOf(city, ent2Id);
    expect(other.cases).toEqual([]);
    expect(other.creditRecords).toEqual([]);
    expect(other.spotChecks).toEqual([]);
    expect(other.disclosureScope).toBeNull();
  });

  it('answers 404 outside the registry scope and 403 to roles without the view', async () => {
    const jiangbei = await signIn(t.app, 'jiangbei');
    expect((await jiangbei.get(`/api/enterprises/${ent1Id}/overview`)).statusCode).toBe(404);
    expect((await yubei.get('/api/enterprises/00000000-0000-4000-8000-000000000000/overview')).statusCode).toBe(404);
    for (const username of ['ent1', 'agency1', 'expert1']) {
      const client = await signIn(t.app, username);
      expect((await client.get(`/api/enterprises/${ent1Id}/overview`)).statusCode, username).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/enterprises/${ent1Id}/overview` })).statusCode).toBe(401);
  });
});
