import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CasePage, CreditPage, DisclosureScopePage, EnforcementCase, StepSuggestionPage } from '../../../shared/contracts/enforcement';
import { CREDIT_FEED_COLUMNS } from '../../../shared/domain/enforcement';
import { auditEventsOf, countRows, createTestApp, errorOf, signIn, type Client, type TestContext } from '../../../../test/helpers/app';
import { createEnterprise } from '../../../../test/helpers/factories';
import { roundInState } from '../../../../test/helpers/reviews';
import { readXlsx } from '../../../../test/helpers/xlsx';
import { today } from '../rounds/service';
import { recordResultCredit } from './creditService';

let t: TestContext;
let city: Client;
let yubei: Client;
let jiangbei: Client;
let outsiders: Client[];
const Y = Number(today().slice(0, 4));
const TABLES = ['enforcement_cases', 'credit_records', 'disclosure_scope_marks', 'enforcement_suggestion_dismissals', 'audit_events'];

const caseBody = (enterpriseId: string, overrides: Record<string, unknown> = {}) => ({
  enterpriseId,
  violationType: 'not_audited',
  legalBasis: 'measures_art37',
  measure: 'order_correction',
  facts: '未按期启动强制性清洁生产审核',
  openedOn: `${Y - 1}-01-10`,
  correctionDue: `${Y - 1}-02-10`,
  ...overrides,
});

async function created(client: Client, body: unknown): Promise<EnforcementCase> {
  const res = await client.send('POST', '/api/enforcement-cases', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<EnforcementCase>();
}

async function decided(client: Client, c: EnforcementCase, decisionNo: string, decidedOn: string): Promise<EnforcementCase> {
  const res = await client.send('POST', `/api/enforcement-cases/${c.id}/decision`, { decisionNo, decidedOn, expectedVersion: c.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<EnforcementCase>();
}

beforeAll(async () => {
  t = await createTestApp();
  [city, yubei, jiangbei] = await Promise.all([signIn(t.app, 'city'), signIn(t.app, 'yubei'), signIn(t.app, 'jiangbei')]);
  outsiders = await Promise.all(['ent1', 'agency1', 'expert1'].map((u) => signIn(t.app, u)));
});

afterAll(async () => {
  await t.close();
});

describe('enforcement cases and credit records', () => {
  it('an order, then a penalty: the decision writes the credit record and the disclosure mark, and the feed exports it', async () => {
    const enterprise = await createEnterprise(yubei);
    const order = await created(yubei, caseBody(enterprise.id));
    expect(order.status).toBe('open');
    expect(order.abilities).toEqual({ edit: true, decide: true, close: false });

    const events = await auditEventsOf(t.db, () => decided(yubei, order, `渝北环责改〔${Y - 1}〕1号`, `${Y - 1}-01-15`));
    expect(events.map((e) => e.action)).toEqual(['enforcement.caseDecided', 'credit.recorded']);

    const penalty = await created(yubei, caseBody(enterprise.id, { measure: 'fine', fineAmount: 80000, openedOn: `${Y - 1}-03-01`, correctionDue: null }));
    const penaltyEvents = await auditEventsOf(t.db, () => decided(yubei, penalty, `渝北环罚〔${Y - 1}〕7号`, `${Y - 1}-03-10`));
    expect(penaltyEvents.map((e) => e.action)).toEqual(['enforcement.caseDecided', 'credit.recorded', 'disclosureScope.updated']);

    const records = (await yubei.get(`/api/credit-records?keyword=${encodeURIComponent(enterprise.creditCode)}`)).json<CreditPage>();
    expect(records.total).toBe(2);
    const fine = records.items.find((r) => r.caseId === penalty.id);
    expect(fine).toMatchObject({ kind: 'negative', source: 'enforcement_case', recordedOn: `${Y - 1}-03-10`, periodYear: Y - 1 });
    expect(fine?.descriptionZh).toContain('罚款 80,000 元');
    expect(fine?.descriptionEn).toContain('fine ¥80,000');

    const marks = (await city.get(`/api/disclosure-scope?inScope=true&keyword=${encodeURIComponent(enterprise.creditCode)}`)).json<DisclosureScopePage>();
    expect(marks.items).toEqual([expect.objectContaining({ enterpriseId: enterprise.id, inScope: true, since: `${Y - 1}-03-10`, source: 'penalty', caseId: penalty.id })]);

    const period = `from=${Y - 1}-03-01&to=${Y - 1}-03-31`;
    const xlsx = await city.get(`/api/credit-records/feed.xlsx?${period}`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const { rows } = await readXlsx(xlsx.rawPayload);
    expect(rows[1]).toEqual([...CREDIT_FEED_COLUMNS]);
    const col = (name: string) => CREDIT_FEED_COLUMNS.indexOf(name as (typeof CREDIT_FEED_COLUMNS)[number]);
    const row = rows.slice(2).find((r) => r[col('decision_no')] === `渝北环罚〔${Y - 1}〕7号`);
    expect(row?.[col('credit_code')]).toBe(enterprise.creditCode);
    expect(row?.[col('kind')]).toBe('negative');
    expect(row?.[col('fine_amount_yuan')]).toBe('80000');
    expect(row?.[col('violation_type')]).toBe('not_audited');
    expect(row?.[col('legal_basis')]).toBe('measures_art37');
    // The order of January is outside the period.
    expect(rows.slice(2).some((r) => r[col('decision_no')] === `渝北环责改〔${Y - 1}〕1号`)).toBe(false);

    const csv = await city.get(`/api/credit-records/feed.csv?${period}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe(CREDIT_FEED_COLUMNS.join(','));
    const line = lines.find((l) => l.includes(`渝北环罚〔${Y - 1}〕7号`));
    expect(line?.split(',')[col('fine_amount_yuan')]).toBe('80000');
  });

  it('refuses a fine outside the legal range with 400 naming fineAmount, and writes nothing', async () => {
    const enterprise = await createEnterprise(yubei);
    const order = await created(yubei, caseBody(enterprise.id));
    await decided(yubei, order, `渝北环责改〔${Y - 1}〕2号`, `${Y - 1}-01-15`);
    const before = await countRows(t.db, TABLES);
    const low = await yubei.send('POST', '/api/enforcement-cases', caseBody(enterprise.id, { measure: 'fine', fineAmount: 10000, correctionDue: null }));
    expect(low.statusCode).toBe(400);
    expect(errorOf(low).fields?.fineAmount).toContain('50,000');
    const disclosure = await yubei.send(
      'POST',
      '/api/enforcement-cases',
      caseBody(enterprise.id, { violationType: 'not_disclosed', legalBasis: 'measures_art36', measure: 'fine', fineAmount: 200000, correctionDue: null }),
    );
    expect(disclosure.statusCode).toBe(400);
    expect(errorOf(disclosure).fields?.fineAmount).toContain('100,000');
    const english = await yubei.send('POST', '/api/enforcement-cases', caseBody(enterprise.id, { measure: 'fine', fineAmount: 600000, correctionDue: null }), { 'accept-language': 'en' });
    expect(errorOf(english).message).toContain('Fine (CNY)');
    const wrongBasis = await yubei.send('POST', '/api/enforcement-cases', caseBody(enterprise.id, { legalBasis: 'measures_art36' }));
    expect(Object.keys(errorOf(wrongBasis).fields ?? {})).toEqual(['legalBasis']);
    const fineWithOrder = await yubei.send('POST', '/api/enforcement-cases', caseBody(enterprise.id, { fineAmount: 60000 }));
    expect(Object.keys(errorOf(fineWithOrder).fields ?? {})).toEqual(['fineAmount']);
    expect(await countRows(t.db, TABLES)).toEqual(before);
  });

  it('a fine under Measures Art. 37 needs a decided order to correct first (422), and a draft penalty needs its amount to be decided', async () => {
    const enterprise = await createEnterprise(yubei);
    const res = await yubei.send('POST', '/api/enforcement-cases', caseBody(enterprise.id, { measure: 'fine', fineAmount: 60000, correctionDue: null }));
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).code).toBe('ENFORCEMENT_FINE_NEEDS_ORDER');
    // Not disclosing: a fine of up to ¥100,000 may come with the order.
    const draft = await created(
      yubei,
      caseBody(enterprise.id, { violationType: 'not_disclosed', legalBasis: 'law_art36', measure: 'order_correction_fine', fineAmount: null }),
    );
    const noAmount = await yubei.send('POST', `/api/enforcement-cases/${draft.id}/decision`, { decisionNo: 'X-1', decidedOn: `${Y - 1}-02-01`, expectedVersion: draft.version });
    expect(noAmount.statusCode).toBe(400);
    expect(Object.keys(errorOf(noAmount).fields ?? {})).toEqual(['fineAmount']);
    const { enterpriseId, violationType, legalBasis, measure, facts, openedOn, correctionDue } = draft;
    const edited = await yubei.send('PUT', `/api/enforcement-cases/${draft.id}`, {
      enterpriseId, violationType, legalBasis, measure, facts, openedOn, correctionDue, fineAmount: 20000, expectedVersion: draft.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const done = await decided(yubei, edited.json<EnforcementCase>(), 'X-1', `${Y - 1}-02-01`);
    expect(done).toMatchObject({ status: 'decided', fineAmount: 20000, abilities: { edit: false, decide: false, close: true } });
    const stale = await yubei.send('PUT', `/api/enforcement-cases/${draft.id}`, { enterpriseId, violationType, legalBasis, measure, facts, openedOn, correctionDue, fineAmount: 1, expectedVersion: done.version });
    expect(stale.statusCode).toBe(409);
    const duplicateNo = await created(yubei, caseBody(enterprise.id));
    const dup = await yubei.send('POST', `/api/enforcement-cases/${duplicateNo.id}/decision`, { decisionNo: 'X-1', decidedOn: `${Y - 1}-02-01`, expectedVersion: 1 });
    expect(dup.statusCode).toBe(409);
    expect(errorOf(dup).code).toBe('ENFORCEMENT_DECISION_NO_TAKEN');
    const closed = await yubei.send('POST', `/api/enforcement-cases/${done.id}/closure`, { closedOn: `${Y - 1}-06-01`, note: '已缴纳罚款', expectedVersion: done.version });
    expect(closed.json<EnforcementCase>().status).toBe('closed');
  });

  it('a positive credit record for an acceptance with a top panel score, none below it', async () => {
    const high = await roundInState(t, city, yubei, 'accepted');
    const low = await roundInState(t, city, yubei, 'accepted');
    const actor = { userId: yubei.userId, username: 'yubei', role: 'district_staff' as const, orgId: '', scope: { kind: 'district' as const, cityCode: '500000', districtCode: '500112' }, locale: 'zh-CN' as const };
    const meta = { ip: null, requestId: null };
    await t.db.transaction(async (tx) => {
      await recordResultCredit(tx, actor, meta, { roundId: high, score: 92.5, acceptedOn: `${Y}-01-05` });
      await recordResultCredit(tx, actor, meta, { roundId: low, score: 85, acceptedOn: `${Y}-01-05` });
    });
    const { rows } = await t.db.query<{ round_id: string; kind: string; description_zh: string }>(
      'SELECT round_id, kind, description_zh FROM credit_records WHERE round_id = ANY($1::uuid[])',
      [[high, low]],
    );
    expect(rows).toEqual([expect.objectContaining({ round_id: high, kind: 'positive' })]);
    expect(rows[0]?.description_zh).toContain('92.5');
  });
});

describe('scope', () => {
  it('a district sees and records only its own; the city reads all; other roles are refused', async () => {
    const enterprise = await createEnterprise(yubei);
    const c = await created(yubei, caseBody(enterprise.id));
    expect((await jiangbei.get(`/api/enforcement-cases/${c.id}`)).statusCode).toBe(404);
    expect((await jiangbei.send('POST', '/api/enforcement-cases', caseBody(enterprise.id))).statusCode).toBe(404);
    expect((await jiangbei.send('POST', `/api/enforcement-cases/${c.id}/decision`, { decisionNo: 'J-1', decidedOn: `${Y - 1}-02-01`, expectedVersion: 1 })).statusCode).toBe(404);
    const jiangbeiList = (await jiangbei.get('/api/enforcement-cases?pageSize=100')).json<CasePage>();
    expect(jiangbeiList.items.every((x) => x.districtCode !== '500112')).toBe(true);
    const cityList = (await city.get(`/api/enforcement-cases?districtCode=500112&status=open&year=${Y - 1}&pageSize=100`)).json<CasePage>();
    expect(cityList.items.map((x) => x.id)).toContain(c.id);
    expect(cityList.items.every((x) => x.abilities.edit === false)).toBe(true);
    expect((await city.get('/api/enforcement-cases?year=2001')).json<CasePage>().total).toBe(0);
    const jiangbeiCredit = (await jiangbei.get('/api/credit-records?pageSize=100')).json<CreditPage>();
    expect(jiangbeiCredit.items.every((x) => x.districtCode !== '500112')).toBe(true);
  });

  it('every endpoint declares who may call it', async () => {
    const enterprise = await createEnterprise(yubei);
    const c = await created(yubei, caseBody(enterprise.id));
    const round = await roundInState(t, city, yubei, 'disclosed');
    const body = caseBody(enterprise.id);
    const period = `from=${Y - 1}-01-01&to=${Y}-12-31`;
    const endpoints: { method: 'GET' | 'POST' | 'PUT'; url: string; body?: unknown; allowed: string[] }[] = [
      { method: 'GET', url: '/api/enforcement-cases', allowed: ['city', 'yubei'] },
      { method: 'GET', url: `/api/enforcement-cases/${c.id}`, allowed: ['city', 'yubei'] },
      { method: 'POST', url: '/api/enforcement-cases', body: { ...body, facts: '' }, allowed: ['yubei'] },
      { method: 'PUT', url: `/api/enforcement-cases/${c.id}`, body: { ...body, facts: '', expectedVersion: 1 }, allowed: ['yubei'] },
      { method: 'POST', url: `/api/enforcement-cases/${c.id}/decision`, body: { decisionNo: '', decidedOn: `${Y}-01-01`, expectedVersion: 1 }, allowed: ['yubei'] },
      { method: 'POST', url: `/api/enforcement-cases/${c.id}/closure`, body: { closedOn: 'x', expectedVersion: 1 }, allowed: ['yubei'] },
      { method: 'GET', url: '/api/enforcement-suggestions', allowed: ['city', 'yubei'] },
      { method: 'POST', url: `/api/enforcement-suggestions/${round}/bogus/confirm`, allowed: ['yubei'] },
      { method: 'POST', url: `/api/enforcement-suggestions/${round}/orderCorrection/dismiss`, body: { reason: '' }, allowed: ['yubei'] },
      { method: 'GET', url: '/api/credit-records', allowed: ['city', 'yubei'] },
      { method: 'GET', url: `/api/credit-records/feed.xlsx?${period}`, allowed: ['city'] },
      { method: 'GET', url: `/api/credit-records/feed.csv?${period}`, allowed: ['city'] },
      { method: 'GET', url: '/api/disclosure-scope', allowed: ['city', 'yubei'] },
      { method: 'PUT', url: `/api/disclosure-scope/${enterprise.id}`, body: { inScope: true, since: 'x', reason: '' }, allowed: ['city'] },
    ];
    const clients: Record<string, Client> = { city, yubei, ent1: outsiders[0] as Client, agency1: outsiders[1] as Client, expert1: outsiders[2] as Client };
    for (const e of endpoints) {
      for (const [name, client] of Object.entries(clients)) {
        const res = e.method === 'GET' ? await client.get(e.url) : await client.send(e.method, e.url, e.body ?? {});
        if (e.allowed.includes(name)) expect(res.statusCode, `${name} ${e.method} ${e.url}`).not.toBe(403);
        else expect(res.statusCode, `${name} ${e.method} ${e.url}`).toBe(403);
      }
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/enforcement-cases' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('the city marks an enterprise in the disclosure scope and clears it; a reason is required', async () => {
    const enterprise = await createEnterprise(yubei);
    const missing = await city.send('PUT', `/api/disclosure-scope/${enterprise.id}`, { inScope: true, since: `${Y}-01-02`, reason: ' ' });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(errorOf(missing).fields ?? {})).toEqual(['reason']);
    const set = await city.send('PUT', `/api/disclosure-scope/${enterprise.id}`, { inScope: true, since: `${Y}-01-02`, reason: '重点排污单位' });
    expect(set.statusCode, set.body).toBe(200);
    const cleared = await city.send('PUT', `/api/disclosure-scope/${enterprise.id}`, { inScope: false, since: `${Y}-02-01`, reason: '不再属于重点排污单位' });
    expect(cleared.json()).toMatchObject({ inScope: false, source: 'manual' });
    const list = (await yubei.get(`/api/disclosure-scope?inScope=false&keyword=${encodeURIComponent(enterprise.creditCode)}`)).json<DisclosureScopePage>();
    expect(list.total).toBe(1);
    expect((await jiangbei.get(`/api/disclosure-scope?keyword=${encodeURIComponent(enterprise.creditCode)}`)).json<DisclosureScopePage>().total).toBe(0);
  });
});

describe('suggested enforcement steps on an overdue round', () => {
  async function overdueRound(): Promise<string> {
    const id = await roundInState(t, city, yubei, 'disclosed');
    // Test-only: the audit start was due at the beginning of last year.
    await t.db.query(`UPDATE audit_rounds SET next_due_on = $2::date, start_due = $2::date WHERE id = $1`, [id, `${Y - 1}-01-05`]);
    return id;
  }
  const stepOf = async (client: Client, roundId: string) =>
    (await client.get('/api/enforcement-suggestions?pageSize=100')).json<StepSuggestionPage>().items.find((s) => s.roundId === roundId);

  it('order to correct → penalty → rollover, each confirmed by the district', async () => {
    const roundId = await overdueRound();
    expect(await stepOf(yubei, roundId)).toMatchObject({ step: 'orderCorrection', deadlineKind: 'start', dueOn: `${Y - 1}-01-05` });
    expect(await stepOf(jiangbei, roundId)).toBeUndefined();
    expect((await stepOf(city, roundId))?.step).toBe('orderCorrection');

    const confirm = await yubei.send('POST', `/api/enforcement-suggestions/${roundId}/orderCorrection/confirm`);
    expect(confirm.statusCode, confirm.body).toBe(200);
    const orderId = confirm.json<{ caseId: string }>().caseId;
    const order = (await yubei.get(`/api/enforcement-cases/${orderId}`)).json<EnforcementCase>();
    expect(order).toMatchObject({ roundId, status: 'open', measure: 'order_correction', violationType: 'not_audited', legalBasis: 'measures_art37', suggestedStep: 'orderCorrection' });
    expect(order.facts).toContain('审核启动期限');
    // An open order: nothing to suggest, and a second confirmation is refused.
    expect(await stepOf(yubei, roundId)).toBeUndefined();
    expect((await yubei.send('POST', `/api/enforcement-suggestions/${roundId}/orderCorrection/confirm`)).statusCode).toBe(409);

    // The order is decided with a correction period that has passed.
    const { enterpriseId, violationType, legalBasis, measure, facts } = order;
    const edited = await yubei.send('PUT', `/api/enforcement-cases/${orderId}`, {
      enterpriseId, roundId, violationType, legalBasis, measure, facts, openedOn: `${Y - 1}-02-01`, correctionDue: `${Y - 1}-03-01`, fineAmount: null, expectedVersion: order.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await decided(yubei, edited.json<EnforcementCase>(), `渝北环责改〔${Y - 1}〕9号`, `${Y - 1}-02-05`);
    expect(await stepOf(yubei, roundId)).toMatchObject({ step: 'penalty', basedOnCaseId: orderId, basedOnDecisionNo: `渝北环责改〔${Y - 1}〕9号` });

    const penaltyConfirm = await yubei.send('POST', `/api/enforcement-suggestions/${roundId}/penalty/confirm`);
    const penaltyId = penaltyConfirm.json<{ caseId: string }>().caseId;
    const penalty = (await yubei.get(`/api/enforcement-cases/${penaltyId}`)).json<EnforcementCase>();
    expect(penalty).toMatchObject({ measure: 'fine', fineAmount: null, suggestedStep: 'penalty', roundId });
    expect(await stepOf(yubei, roundId)).toBeUndefined();
    const withFine = await yubei.send('PUT', `/api/enforcement-cases/${penaltyId}`, {
      enterpriseId, roundId, violationType, legalBasis, measure: 'fine', facts: penalty.facts, openedOn: `${Y - 1}-04-01`, correctionDue: null, fineAmount: 50000, expectedVersion: penalty.version,
    });
    expect(withFine.statusCode, withFine.body).toBe(200);
    await decided(yubei, withFine.json<EnforcementCase>(), `渝北环罚〔${Y - 1}〕9号`, `${Y - 1}-04-10`);
    // Decided last year and the round is still unfinished: roll it over into the next list.
    expect(await stepOf(yubei, roundId)).toMatchObject({ step: 'rollover', basedOnCaseId: penaltyId });

    const rollover = await yubei.send('POST', `/api/enforcement-suggestions/${roundId}/rollover/confirm`);
    expect(rollover.statusCode, rollover.body).toBe(200);
    const { rows } = await t.db.query<{ state: string; comment: string }>(
      `SELECT r.state, h.comment FROM audit_rounds r JOIN round_history h ON h.round_id = r.id AND h.to_state = 'rolled_over' WHERE r.id = $1`,
      [roundId],
    );
    expect(rows[0]?.state).toBe('rolled_over');
    expect(rows[0]?.comment).toContain(`渝北环罚〔${Y - 1}〕9号`);
    expect(await stepOf(yubei, roundId)).toBeUndefined();
  });

  it('a dismissed step is recorded with its reason and not suggested again; the step must be current', async () => {
    const roundId = await overdueRound();
    expect((await yubei.send('POST', `/api/enforcement-suggestions/${roundId}/penalty/dismiss`, { reason: '不适用' })).statusCode).toBe(409);
    const blank = await yubei.send('POST', `/api/enforcement-suggestions/${roundId}/orderCorrection/dismiss`, { reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect((await jiangbei.send('POST', `/api/enforcement-suggestions/${roundId}/orderCorrection/dismiss`, { reason: '企业已补办' })).statusCode).toBe(404);
    const events = await auditEventsOf(t.db, async () => {
      const res = await yubei.send('POST', `/api/enforcement-suggestions/${roundId}/orderCorrection/dismiss`, { reason: '企业已提交延期申请并获批准' });
      expect(res.statusCode, res.body).toBe(200);
    });
    expect(events.map((e) => [e.action, e.entity_id])).toEqual([['enforcement.suggestionDismissed', roundId]]);
    expect(await stepOf(yubei, roundId)).toBeUndefined();
    const { rows } = await t.db.query<{ reason: string }>('SELECT reason FROM enforcement_suggestion_dismissals WHERE round_id = $1', [roundId]);
    expect(rows).toEqual([{ reason: '企业已提交延期申请并获批准' }]);
    expect((await yubei.send('POST', `/api/enforcement-suggestions/${roundId}/orderCorrection/confirm`)).statusCode).toBe(409);
  });

  it('a round that is not overdue, or whose late work is not the enterprise’s, is not suggested', async () => {
    const onTime = await roundInState(t, city, yubei, 'disclosed');
    await t.db.query(`UPDATE audit_rounds SET next_due_on = $2::date WHERE id = $1`, [onTime, `${Y + 1}-01-05`]);
    const districtWork = await roundInState(t, city, yubei, 'evaluation_applied');
    await t.db.query(`UPDATE audit_rounds SET next_due_on = $2::date WHERE id = $1`, [districtWork, `${Y - 1}-01-05`]);
    expect(await stepOf(yubei, onTime)).toBeUndefined();
    expect(await stepOf(yubei, districtWork)).toBeUndefined();
  });
});
