import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationPage } from '../../../shared/contracts/notifications';
import type { DrillPage, SubmissionDto, SubmissionOverview, SummaryDto } from '../../../shared/contracts/statistics';
import { SUMMARY_COLUMNS, type SummaryValues } from '../../../shared/domain/summaryColumns';
import { auditEventsOf, createTestApp, errorOf, signIn, type Client, type TestContext } from '../../../../test/helpers/app';
import { createEnterprise } from '../../../../test/helpers/factories';
import { computeSummary } from './summaryRepository';

/**
 * The 附件3 table on a hand-built data set (year 2040, nothing of the demo data set happens in 2040 except its
 * unfinished rounds, measured first as a baseline): every figure below is worked out by hand from the rows inserted.
 */
const Y = 2040;
const CITY = '500000';
const A = '500112'; // 渝北区
const B = '500105'; // 江北区
const C = '500103'; // 渝中区: no data

let t: TestContext;
let city: Client;
let yubei: Client;
let jiangbei: Client;
let ent1: Client;
let baseline: Map<string | null, SummaryValues>;
const campaigns = new Map<number, string>();
let r1 = '';

async function campaign(year: number): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO campaigns (city_code, year, title, disclose_months, start_months, report_months,
       acceptance_months_after_evaluation, toxic_interval_years)
     VALUES ($1, $2, $3, 1, 2, 12, 12, 5) RETURNING id`,
    [CITY, year, `统计测试${year}年度工作`],
  );
  const id = rows[0]?.id ?? '';
  campaigns.set(year, id);
  return id;
}

async function round(district: string, year: number, state: string, history: [string, string][], voluntary = false): Promise<string> {
  const ent = await createEnterprise(city, { districtCode: district, name: `统计测试企业${district}-${year}-${state}-${Math.random().toString(36).slice(2, 8)}` });
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO audit_rounds (enterprise_id, campaign_id, listing_year, reasons, state, list_published_on, city_code, district_code, voluntary)
     VALUES ($1, $2, $3, ARRAY['toxic'], $4, make_date($3, 3, 1), $5, $6, $7) RETURNING id`,
    [ent.id, campaigns.get(year) ?? '', year, state, CITY, district, voluntary],
  );
  const id = rows[0]?.id ?? '';
  for (const [toState, at] of history) {
    await t.db.query(
      `INSERT INTO round_history (round_id, city_code, district_code, transition, to_state, occurred_at)
       VALUES ($1, $2, $3, 'test', $4, $5::timestamptz)`,
      [id, CITY, district, toState, at],
    );
  }
  return id;
}

let seq = 0;
async function option(
  roundId: string,
  district: string,
  o: { category: 'low_cost' | 'high_cost'; status: string; investment?: number | null; effectiveOn?: string | null; benefits?: Record<string, [number | null, number | null]> },
): Promise<string> {
  seq += 1;
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO round_options (round_id, seq, category, direction, name, investment, status, drop_reason, actual_effective_on, city_code, district_code)
     VALUES ($1, $2, $3, 'management', $4, $5, $6, $7, $8::date, $9, $10) RETURNING id`,
    [roundId, seq, o.category, `测试方案${seq}`, o.investment ?? null, o.status, o.status === 'dropped' ? '不可行' : null, o.effectiveOn ?? null, CITY, district],
  );
  const id = rows[0]?.id ?? '';
  for (const [indicator, [predicted, actual]] of Object.entries(o.benefits ?? {})) {
    await t.db.query(
      'INSERT INTO round_option_benefits (option_id, round_id, indicator, predicted, actual) VALUES ($1, $2, $3, $4, $5)',
      [id, roundId, indicator, predicted, actual],
    );
  }
  return id;
}

const cellText = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

const zero = (): SummaryValues => Object.fromEntries(SUMMARY_COLUMNS.map((c) => [c.key, 0]));

/** Hand-computed figures of the data set (see beforeAll), before the demo baseline is added. */
const EXPECTED_A: SummaryValues = {
  ...zero(),
  listed: 2, // R1, R3 (R4 withdrawn)
  started: 2, // R1 2040-03-01, R3 2040-01-01 00:10 China time (still 2039 in UTC)
  reportSubmitted: 1, // R1
  evaluated: 2, // R1 2040-12-20, R2 (listed 2039) 2040-04-01
  accepted: 1, // R2
  unfinished: 2, // R1, R3 (R2 accepted)
  voluntary: 1, // R3
  lowCostProposed: 3, // O1, O2, O6 (O4 dropped; O5 belongs to a 2039 round)
  highCostProposed: 1, // O3
  lowCostImplemented: 2, // O1 (2040-05-01), O6 (2040-12-31)
  highCostImplemented: 1, // O5 (2040-08-15, round listed 2039); O3 is effective 2041-02-01
  investment: 82.5, // O1 2.5 + O5 80 + O6 none
  economic: 40, // O1 10 + O5 30 (O2 predicted only; O7 withdrawn round)
  energy: 5.5, // O1 (O3's 50 falls in 2041)
  electricity: 12.5, // O5
  water: 0, // O5's water is predicted only
  cod: 0.3, // O1
  so2: 1.2, // O5
  vocs: 0.8, // O6
  heavyMetals: 3, // O5 (kg)
  co2: 20, // O6
};
const EXPECTED_B: SummaryValues = {
  ...zero(),
  listed: 1, // R5
  unfinished: 2, // R5, R6 (R7 accepted 2039, R8 rolled over)
  highCostImplemented: 1, // O8
  investment: 40,
  nox: 2,
  particulates: 0.5,
  hazardousWaste: 3.25,
  nh3n: 0.05,
};

const plus = (a: SummaryValues, b: SummaryValues | undefined): SummaryValues =>
  Object.fromEntries(SUMMARY_COLUMNS.map((c) => [c.key, Math.round(((a[c.key] ?? 0) + (b?.[c.key] ?? 0)) * 10_000) / 10_000]));

beforeAll(async () => {
  t = await createTestApp();
  [city, yubei, jiangbei, ent1] = await Promise.all([signIn(t.app, 'admin'), signIn(t.app, 'yubei'), signIn(t.app, 'jiangbei'), signIn(t.app, 'ent1')]);
  baseline = new Map((await computeSummary(t.db, CITY, Y)).map((r) => [r.districtCode, r.values]));
  for (const year of [2038, 2039, 2040]) await campaign(year);
  await t.db.query(
    `INSERT INTO campaign_milestones (campaign_id, city_code, name, due_on, actor_role) VALUES ($1, $2, '报送本年度工作总结（附件3）', '2040-11-30', 'district_staff')`,
    [campaigns.get(2040) ?? '', CITY],
  );

  // District A.
  r1 = await round(A, 2040, 'evaluated', [['audit_started', '2040-03-01T10:00:00+08:00'], ['report_submitted', '2040-10-10T10:00:00+08:00'], ['evaluated', '2040-12-20T10:00:00+08:00']]);
  await option(r1, A, { category: 'low_cost', status: 'implemented', investment: 2.5, effectiveOn: '2040-05-01', benefits: { economic: [12, 10], energy: [6, 5.5], cod: [0.4, 0.3] } }); // O1
  await option(r1, A, { category: 'low_cost', status: 'proposed', investment: 1, benefits: { economic: [8, null] } }); // O2
  await option(r1, A, { category: 'high_cost', status: 'implemented', investment: 100, effectiveOn: '2041-02-01', benefits: { energy: [60, 50] } }); // O3
  await option(r1, A, { category: 'low_cost', status: 'dropped', investment: 3 }); // O4
  const r2 = await round(A, 2039, 'accepted', [['audit_started', '2039-05-01T10:00:00+08:00'], ['report_submitted', '2039-12-01T10:00:00+08:00'], ['evaluated', '2040-04-01T10:00:00+08:00'], ['accepted', '2040-11-30T10:00:00+08:00']]);
  await option(r2, A, { category: 'high_cost', status: 'implemented', investment: 80, effectiveOn: '2040-08-15', benefits: { economic: [35, 30], electricity: [15, 12.5], so2: [1.5, 1.2], heavyMetals: [4, 3], water: [1000, null] } }); // O5
  const r3 = await round(A, 2040, 'audit_started', [['audit_started', '2040-01-01T00:10:00+08:00']], true);
  await option(r3, A, { category: 'low_cost', status: 'implemented', effectiveOn: '2040-12-31', benefits: { vocs: [1, 0.8], co2: [25, 20] } }); // O6
  const r4 = await round(A, 2040, 'withdrawn', [['audit_started', '2040-02-01T10:00:00+08:00'], ['withdrawn', '2040-06-01T10:00:00+08:00']]);
  await option(r4, A, { category: 'low_cost', status: 'implemented', investment: 5, effectiveOn: '2040-06-01', benefits: { economic: [99, 99] } }); // O7

  // District B.
  await round(B, 2040, 'listed', []); // R5
  const r6 = await round(B, 2038, 'acceptance_review', [['audit_started', '2038-05-01T10:00:00+08:00'], ['evaluated', '2039-06-01T10:00:00+08:00']]);
  await option(r6, B, { category: 'high_cost', status: 'implemented', investment: 40, effectiveOn: '2040-03-01', benefits: { nox: [2.5, 2], particulates: [0.5, 0.5], hazardousWaste: [3, 3.25], nh3n: [0.1, 0.05] } }); // O8
  await round(B, 2039, 'closed', [['accepted', '2039-12-31T20:00:00+08:00'], ['closed', '2040-02-01T10:00:00+08:00']]); // R7
  await round(B, 2039, 'rolled_over', [['rolled_over', '2040-05-01T10:00:00+08:00']]); // R8
});
afterAll(async () => t.close());

const summaryOf = async (client: Client, query = '') => {
  const res = await client.get(`/api/statistics/summary?year=${Y}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SummaryDto>();
};

describe('the 附件3 table', () => {
  it('is computed from rounds and options: effective dates, withdrawn rounds, China-time years', async () => {
    // The demo data set does nothing in 2040 but leave rounds unfinished.
    for (const values of baseline.values()) {
      for (const c of SUMMARY_COLUMNS) if (c.key !== 'unfinished') expect(values[c.key], c.key).toBe(0);
    }
    const s = await summaryOf(city);
    expect(s.rows).toHaveLength(41);
    const row = (code: string) => s.rows.find((r) => r.districtCode === code);
    expect(row(A)?.values).toEqual(plus(EXPECTED_A, baseline.get(A)));
    expect(row(B)?.values).toEqual(plus(EXPECTED_B, baseline.get(B)));
    expect(row(C)?.values).toEqual(plus(zero(), baseline.get(C)));
    expect(row(A)?.districtName).toBe('渝北区');
    expect(s.total?.districtCode).toBeNull();
    expect(s.total?.values).toEqual(plus(plus(EXPECTED_A, EXPECTED_B), baseline.get(null)));
    expect(s.abilities).toEqual({ submit: false, review: true, export: true });
  });

  it('gives a district only its own row and no total; other roles are refused', async () => {
    const s = await summaryOf(yubei);
    expect(s.rows.map((r) => r.districtCode)).toEqual([A]);
    expect(s.total).toBeNull();
    expect(s.rows[0]?.values).toEqual(plus(EXPECTED_A, baseline.get(A)));
    expect(s.abilities).toEqual({ submit: true, review: false, export: true });
    expect((await yubei.get(`/api/statistics/summary?year=${Y}&districtCode=${B}`)).statusCode).toBe(404);
    expect((await yubei.get(`/api/statistics/summary/drill?year=${Y}&district=${B}&column=listed`)).statusCode).toBe(404);
    expect((await ent1.get(`/api/statistics/summary?year=${Y}`)).statusCode).toBe(403);
    expect((await ent1.get(`/api/statistics/summary/export.xlsx?year=${Y}`)).statusCode).toBe(403);
    const bad = await city.get('/api/statistics/summary?year=abc');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toHaveProperty('year');
    expect((await city.get(`/api/statistics/summary/drill?year=${Y}&column=nope`)).statusCode).toBe(400);
  });

  it('drills every figure down to the rounds or options behind it, with the same sums', async () => {
    const s = await summaryOf(city);
    for (const [district, values] of [[A, s.rows.find((r) => r.districtCode === A)?.values], [null, s.total?.values]] as const) {
      for (const c of SUMMARY_COLUMNS) {
        const res = await city.get(`/api/statistics/summary/drill?year=${Y}&column=${c.key}&pageSize=100${district ? `&district=${district}` : ''}`);
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json<DrillPage>();
        expect(page.sum, `${district} ${c.key}`).toBeCloseTo(values?.[c.key] ?? -1, 4);
        if (c.source === 'round') expect(page.total).toBe(values?.[c.key]);
        expect(page.items.reduce((a, i) => a + i.value, 0)).toBeCloseTo(page.sum, 4);
      }
    }
    const options = (await city.get(`/api/statistics/summary/drill?year=${Y}&column=economic&district=${A}`)).json<DrillPage>();
    expect(options.source).toBe('option');
    expect(options.items.map((i) => [i.optionName !== null, i.value, i.actualEffectiveOn]).sort()).toEqual([[true, 10, '2040-05-01'], [true, 30, '2040-08-15']]);
    const started = (await yubei.get(`/api/statistics/summary/drill?year=${Y}&column=started`)).json<DrillPage>();
    expect(started.items.every((i) => i.districtCode === A && i.optionId === null)).toBe(true);
    const p1 = (await city.get(`/api/statistics/summary/drill?year=${Y}&column=listed&district=${A}&pageSize=1`)).json<DrillPage>();
    expect([p1.items.length, p1.total]).toEqual([1, 2]);
  });
});

describe('district submission', () => {
  let id = '';

  it('needs the narrative before submitting, and only the district submits', async () => {
    const res = await yubei.send('POST', '/api/statistics/submission/submit', { year: Y });
    expect(res.statusCode, res.body).toBe(422);
    expect(errorOf(res)).toMatchObject({ code: 'SUMMARY_INCOMPLETE' });
    expect(Object.keys(errorOf(res).fields ?? {}).sort()).toEqual(['mainPractices', 'nextSteps', 'problems']);
    expect((await city.send('POST', '/api/statistics/submission/submit', { year: Y })).statusCode).toBe(403);
    const saved = await yubei.send('PUT', '/api/statistics/submission/narrative', { year: Y, mainPractices: '推行无/低费方案', problems: '', nextSteps: '督促验收' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<SubmissionDto>()).toMatchObject({ state: 'draft', problems: null, abilities: { edit: true, submit: true, review: false } });
    const again = await yubei.send('POST', '/api/statistics/submission/submit', { year: Y });
    expect(again.statusCode).toBe(422);
    expect(Object.keys(errorOf(again).fields ?? {})).toEqual(['problems']);
  });

  it('freezes a snapshot that later data changes do not alter, and shows the difference', async () => {
    await yubei.send('PUT', '/api/statistics/submission/narrative', { year: Y, mainPractices: '推行无/低费方案', problems: '个别企业进度滞后', nextSteps: '督促验收' });
    const events = await auditEventsOf(t.db, async () => {
      const res = await yubei.send('POST', '/api/statistics/submission/submit', { year: Y });
      expect(res.statusCode, res.body).toBe(200);
      const sub = res.json<SubmissionDto>();
      id = sub.id ?? '';
      expect(sub.state).toBe('submitted');
      expect(sub.snapshot?.values).toEqual(plus(EXPECTED_A, baseline.get(A)));
      expect(sub.abilities.edit).toBe(false);
    });
    expect(events.map((e) => e.action)).toEqual(['summary.submitted']);
    const inbox = (await city.get('/api/notifications?kind=summary.submitted')).json<NotificationPage>();
    expect(inbox.items[0]?.title).toContain('渝北区');

    // A new option of R1 effective in 2040 changes the live row, not the snapshot.
    await option(r1, A, { category: 'low_cost', status: 'implemented', investment: 1, effectiveOn: '2040-07-01', benefits: { economic: [6, 5] } });
    const sub = (await city.get(`/api/statistics/submission?year=${Y}&district=${A}`)).json<SubmissionDto>();
    expect(sub.snapshot?.values.economic).toBe(40);
    expect(sub.live.economic).toBe(45);
    expect(sub.diff).toMatchObject({ economic: 5, investment: 1, lowCostImplemented: 1, lowCostProposed: 1, listed: 0 });
    expect(sub.abilities.review).toBe(true);
    expect((await yubei.send('PUT', '/api/statistics/submission/narrative', { year: Y, mainPractices: 'x' })).statusCode).toBe(409);
  });

  it('is returned with a comment and resubmitted with a new snapshot, history kept', async () => {
    const noComment = await city.send('POST', `/api/statistics/submissions/${id}/return`, { comment: ' ' });
    expect(noComment.statusCode).toBe(400);
    expect(errorOf(noComment).fields).toHaveProperty('comment');
    expect((await yubei.send('POST', `/api/statistics/submissions/${id}/return`, { comment: 'x' })).statusCode).toBe(403);
    const returned = await city.send('POST', `/api/statistics/submissions/${id}/return`, { comment: '请补充存在问题的分析' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json<SubmissionDto>()).toMatchObject({ state: 'returned', reviewComment: '请补充存在问题的分析' });
    expect((await city.send('POST', `/api/statistics/submissions/${id}/accept`, {})).statusCode).toBe(409);
    const inbox = (await yubei.get('/api/notifications?kind=summary.reviewed')).json<NotificationPage>();
    expect(inbox.items[0]?.body).toBe('请补充存在问题的分析');

    await yubei.send('PUT', '/api/statistics/submission/narrative', { year: Y, mainPractices: '推行无/低费方案', problems: '两家企业验收滞后，原因已分析', nextSteps: '督促验收' });
    const resubmitted = await yubei.send('POST', '/api/statistics/submission/submit', { year: Y });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    const sub = resubmitted.json<SubmissionDto>();
    expect(sub.snapshot?.values.economic).toBe(45);
    expect(sub.diff?.economic).toBe(0);
    const accepted = await city.send('POST', `/api/statistics/submissions/${id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    const final = accepted.json<SubmissionDto>();
    expect(final.state).toBe('accepted');
    expect(final.history.map((h) => [h.action, h.fromState, h.toState])).toEqual([
      ['submit', 'draft', 'submitted'],
      ['return', 'submitted', 'returned'],
      ['resubmit', 'returned', 'submitted'],
      ['accept', 'submitted', 'accepted'],
    ]);
    expect((await yubei.send('POST', '/api/statistics/submission/submit', { year: Y })).statusCode).toBe(409);
    // Another city's reviewer would not find it; a district never sees another's submission.
    expect((await jiangbei.get(`/api/statistics/submission?year=${Y}&district=${A}`)).statusCode).toBe(404);
  });

  it('shows who has not submitted by the summary milestone', async () => {
    const now = (await city.get(`/api/statistics/submissions?year=${Y}`)).json<SubmissionOverview>();
    expect(now.milestone).toEqual({ name: '报送本年度工作总结（附件3）', dueOn: '2040-11-30' });
    expect(now.items).toHaveLength(41);
    expect(now.items.find((i) => i.districtCode === A)).toMatchObject({ state: 'accepted', overdue: false, late: false });
    expect(now.counts).toMatchObject({ accepted: 1, overdue: 0, total: 41 });
    // The demo campaign of 2021: its summary milestone (2021-11-30) has passed and nobody submitted.
    const past = (await city.get('/api/statistics/submissions?year=2021')).json<SubmissionOverview>();
    expect(past.milestone?.dueOn).toBe('2021-11-30');
    expect(past.counts.overdue).toBe(41);
    const mine = (await jiangbei.get('/api/statistics/submissions?year=2021')).json<SubmissionOverview>();
    expect(mine.items.map((i) => [i.districtCode, i.overdue])).toEqual([[B, true]]);
  });
});

describe('exports', () => {
  it('writes the official .xlsx: merged multi-level headers with units, snapshot or live per row, total', async () => {
    const res = await city.get(`/api/statistics/summary/export.xlsx?year=${Y}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const text = (r: number, c: number) => cellText(sheet.getRow(r).getCell(c).value);
    expect(text(1, 1)).toContain(`${Y}年度强制性清洁生产审核工作总结表`);
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    const last = 2 + SUMMARY_COLUMNS.length + 3 + 1;
    const col = (n: number) => sheet.getColumn(n).letter;
    expect(merges).toEqual(expect.arrayContaining(['A3:A5', 'B3:B5', `${col(last)}3:${col(last)}5`, `C3:${col(2 + 7)}3`]));
    expect([text(3, 1), text(3, 2), text(3, 3), text(4, 3), text(5, 3)]).toEqual(['序号', '区县', '审核企业数（家）', '纳入名单', '（家）']);
    const inv = 3 + SUMMARY_COLUMNS.findIndex((c) => c.key === 'investment');
    expect([text(3, inv), text(4, inv), text(5, inv)]).toEqual(['投资与经济效益', '方案投资', '（万元）']);
    const hm = 3 + SUMMARY_COLUMNS.findIndex((c) => c.key === 'heavyMetals');
    expect(text(5, hm)).toBe('（千克/年）');
    expect(text(3, last - 3)).toBe('文字说明');
    expect(text(4, last - 3)).toBe('主要做法');

    const rowOf = (name: string) => {
      for (let r = 6; r <= sheet.rowCount; r += 1) if (text(r, 2) === name) return r;
      throw new Error(`no row ${name}`);
    };
    const eco = 3 + SUMMARY_COLUMNS.findIndex((c) => c.key === 'economic');
    const a = rowOf('渝北区');
    expect(Number(sheet.getRow(a).getCell(eco).value)).toBe(45);
    expect(text(a, last)).toBe('报送快照（市局已确认）');
    expect(text(a, last - 3)).toBe('推行无/低费方案');
    const b = rowOf('江北区');
    expect(Number(sheet.getRow(b).getCell(inv).value)).toBe(40);
    expect(text(b, last)).toBe('实时数据（未报送）');
    const total = rowOf('合计');
    expect(total).toBe(6 + 41);
    const live = await summaryOf(city);
    for (const c of SUMMARY_COLUMNS) {
      expect(Number(sheet.getRow(total).getCell(3 + SUMMARY_COLUMNS.indexOf(c)).value), c.key).toBeCloseTo(live.total?.values[c.key] ?? -1, 4);
    }
  });

  it('writes the .docx, and a district exports its own row only', async () => {
    const doc = await city.get(`/api/statistics/summary/export.docx?year=${Y}`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    expect(doc.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const res = await jiangbei.get(`/api/statistics/summary/export.xlsx?year=${Y}&lang=en`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(6);
    expect(cellText(sheet?.getRow(6).getCell(2).value)).toBe('江北区');
  });
});
