import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail } from '../../../shared/contracts/campaigns';
import type { PlanEntry, Publication, Round, RoundDetail, RoundPage } from '../../../shared/contracts/rounds';
import { addMonths, localIsoDate } from '../../../shared/domain/deadlines';
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

const TABLES = ['audit_rounds', 'round_history', 'audit_events'] as const;

let t: TestContext;
let city: Client;
let yubei: Client;
let jiangbei: Client;
let ent1: Client;
let agency: Client;
let expert: Client;
let all: Round[];
beforeAll(async () => {
  t = await createTestApp();
  [city, yubei, jiangbei, ent1, agency, expert] = await Promise.all([
    signIn(t.app, 'city'), signIn(t.app, 'yubei'), signIn(t.app, 'jiangbei'), signIn(t.app, 'ent1'), signIn(t.app, 'agency1'), signIn(t.app, 'expert1'),
  ]);
  all = (await list(city)).items;
});
afterAll(async () => t.close());

async function list(client: Client, query = ''): Promise<RoundPage> {
  const res = await client.get(`/api/rounds?pageSize=100${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RoundPage>();
}

const demoRound = (enterpriseName: string, year: number): Round => {
  const found = all.find((r) => r.enterpriseName === enterpriseName && r.listingYear === year);
  if (!found) throw new Error(`no demo round ${enterpriseName} ${year}`);
  return found;
};

let nextYear = 2050;
/** A new round of a new yubei enterprise, published on `publishedOn` through the API. */
async function freshRound(publishedOn = '2050-03-01'): Promise<string> {
  const year = nextYear++;
  const campaign = (await city.send('POST', '/api/campaigns', { year, title: `${year}年度工作` })).json<CampaignDetail>();
  const enterprise = await createEnterprise(yubei);
  const entry = (
    await yubei.send('POST', '/api/plan-entries', { enterpriseId: enterprise.id, plannedYear: year, reasons: ['key_industry'] })
  ).json<PlanEntry>();
  await city.send('POST', `/api/plan-entries/${entry.id}/approve`);
  const res = await city.send('POST', `/api/campaigns/${campaign.id}/publication`, { publishedOn });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Publication>().roundIds[0] ?? '';
}

const fire = (client: Client, id: string, name: string, body: Record<string, unknown>) =>
  client.send('POST', `/api/rounds/${id}/transitions/${name}`, body);

describe('round list and detail scope', () => {
  it('shows the city every demo round with its next deadline', () => {
    expect(all.length).toBeGreaterThanOrEqual(13);
    expect(new Set(all.map((r) => r.districtCode)).size).toBeGreaterThan(3);
    const huaxin = demoRound('重庆华鑫表面处理有限公司', 2020);
    expect(huaxin).toMatchObject({
      state: 'evaluated',
      listPublishedOn: '2020-03-16',
      evaluationPassedOn: '2021-03-20',
      dueDates: { disclose: '2020-04-16', start: '2020-05-16', report: '2021-03-16', acceptance: '2022-03-20' },
      nextDeadline: { kind: 'acceptance', due: '2022-03-20' },
    });
  });

  it('keeps a district to its own rounds: yubei never sees a 江北 round', async () => {
    const page = await list(yubei);
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(new Set(page.items.map((r) => r.districtCode))).toEqual(new Set(['500112']));
    expect(await list(yubei, '&districtCode=500105')).toEqual({ items: [], total: 0 });
    expect((await list(yubei, `&keyword=${encodeURIComponent('宏达包装')}`)).total).toBe(0);
    const jiangbeiRound = demoRound('重庆宏达包装制品有限公司', 2021);
    const res = await yubei.get(`/api/rounds/${jiangbeiRound.id}`);
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
    expect((await jiangbei.get(`/api/rounds/${jiangbeiRound.id}`)).statusCode).toBe(200);
  });

  it('shows an enterprise only its own rounds', async () => {
    const page = await list(ent1);
    const own = await orgIdOf(t.db, 'ent1');
    expect(page.total).toBe(1);
    expect(page.items.every((r) => r.enterpriseId === own)).toBe(true);
    expect((await ent1.get(`/api/rounds/${demoRound('重庆宏达包装制品有限公司', 2021).id}`)).statusCode).toBe(404);
  });

  it('shows an agency only the rounds that engage it, refuses experts (403) and anonymous callers (401)', async () => {
    const engaged = await list(agency);
    expect(engaged.items.map((r) => `${r.enterpriseName} ${r.listingYear}`).sort()).toEqual(
      ['重庆瑞丰水泥有限公司 2020', '重庆长化新材料有限公司 2021'].sort(),
    );
    expect((await agency.get(`/api/rounds/${demoRound('重庆瑞丰水泥有限公司', 2020).id}`)).statusCode).toBe(200);
    expect((await agency.get(`/api/rounds/${demoRound('重庆华鑫表面处理有限公司', 2020).id}`)).statusCode).toBe(404);
    expect((await expert.get('/api/rounds')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/rounds' })).statusCode).toBe(401);
  });

  it('returns the timeline and the transitions the caller may fire', async () => {
    const huaxin = demoRound('重庆华鑫表面处理有限公司', 2020);
    const detail = (await ent1.get(`/api/rounds/${huaxin.id}`)).json<RoundDetail>();
    expect(detail.history.map((h) => h.transition)).toEqual([
      'publish', 'notify', 'disclose', 'startAudit', 'submitReport', 'applyForEvaluation', 'acceptEvaluationApplication',
      'recordEvaluation',
    ]);
    expect(detail.history.at(-1)).toMatchObject({ fromState: 'evaluation_review', toState: 'evaluated' });
    expect(detail.abilities.transitions).toEqual(['applyForAcceptance']);
    const listed = demoRound('重庆嘉美印务有限公司', 2021);
    const forDistrict = (await yubei.get(`/api/rounds/${listed.id}`)).json<RoundDetail>();
    expect(forDistrict.abilities.transitions).toEqual(['notify', 'withdraw', 'rollOver', 'referToEnforcement']);
    const forCity = (await city.get(`/api/rounds/${listed.id}`)).json<RoundDetail>();
    expect(forCity.abilities.transitions).toEqual(['withdraw', 'rollOver', 'referToEnforcement']);
  });
});

describe('round list filters', () => {
  it('filters by year, campaign, state and keyword, and sorts by next deadline', async () => {
    const y2020 = await list(city, '&listingYear=2020');
    expect(y2020.items.every((r) => r.listingYear === 2020)).toBe(true);
    expect(y2020.total).toBe(all.filter((r) => r.listingYear === 2020).length);
    const campaignId = y2020.items[0]?.campaignId ?? '';
    expect((await list(city, `&campaignId=${campaignId}`)).total).toBe(y2020.total);
    const closed = await list(city, '&state=closed');
    expect(closed.items.map((r) => r.enterpriseName)).toEqual(['重庆康达原料药有限公司']);
    expect((await list(city, `&keyword=${encodeURIComponent('华鑫')}`)).items.map((r) => r.listingYear)).toEqual([2020]);
    const dues = all.map((r) => r.nextDeadline?.due ?? null);
    const dated = dues.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort());
    expect(dues.slice(dated.length).every((d) => d === null)).toBe(true);
  });

  it('filters by overdue and by "due within N days" from today', async () => {
    const today = localIsoDate(new Date());
    const id = await freshRound(today);
    const fresh = (await city.get(`/api/rounds/${id}`)).json<RoundDetail>();
    const due = addMonths(today, 1);
    expect(fresh.nextDeadline).toMatchObject({ kind: 'disclose', due });
    const days = fresh.nextDeadline?.daysLeft ?? -1;
    expect(days).toBeGreaterThanOrEqual(28);
    expect((await list(city, `&dueWithinDays=${days}`)).items.map((r) => r.id)).toContain(id);
    expect((await list(city, `&dueWithinDays=${days - 1}`)).items.map((r) => r.id)).not.toContain(id);
    const overdue = await list(city, '&overdue=true');
    const notOverdue = await list(city, '&overdue=false');
    expect(overdue.items.every((r) => (r.nextDeadline?.daysLeft ?? 0) < 0)).toBe(true);
    expect(notOverdue.items.every((r) => r.nextDeadline === null || r.nextDeadline.daysLeft >= 0)).toBe(true);
    expect(notOverdue.items.map((r) => r.id)).toContain(id);
    expect(overdue.total + notOverdue.total).toBe((await list(city)).total);
  });

  it('refuses invalid filters with 400 on the field', async () => {
    for (const [query, field] of [['state=lost', 'state'], ['overdue=maybe', 'overdue'], ['dueWithinDays=-1', 'dueWithinDays'], ['sort=secret', 'sort'], ['campaignId=1', 'campaignId']]) {
      const res = await city.get(`/api/rounds?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(Object.keys(errorOf(res).fields ?? {}), query).toContain(field);
    }
  });
});

describe('round transitions', () => {
  it('answers the wrong role with 403, the wrong state with 409 and an unmet guard with 422, writing nothing', async () => {
    const listed = demoRound('重庆嘉美印务有限公司', 2021);
    const huaxin = demoRound('重庆华鑫表面处理有限公司', 2020);
    const before = await countRows(t.db, TABLES);
    const wrongRole = await fire(ent1, huaxin.id, 'notify', { expectedState: 'evaluated' });
    expect(wrongRole.statusCode).toBe(403);
    expect(errorOf(wrongRole).code).toBe('FORBIDDEN');
    const wrongState = await fire(yubei, listed.id, 'acceptEvaluationApplication', { expectedState: 'listed' });
    expect(wrongState.statusCode).toBe(409);
    expect(errorOf(wrongState).code).toBe('ROUND_STATE_CONFLICT');
    expect(errorOf(wrongState).message).toContain('市局核定公布');
    const stale = await fire(yubei, listed.id, 'rollOver', { expectedState: 'notified', comment: '滚动' });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('ROUND_STATE_CONFLICT');
    const notice = await fire(yubei, listed.id, 'notify', { expectedState: 'listed' });
    expect(notice.statusCode).toBe(422);
    expect(errorOf(notice).code).toBe('GUARD_NOT_MET');
    expect(errorOf(notice).fields).toEqual({ 'guards.noticeIssued': '已向企业发出书面通知（上传通知文书）' });
    expect(errorOf(notice).message).toContain('书面通知企业');
    const evidence = await fire(city, listed.id, 'withdraw', { expectedState: 'listed', comment: '企业已关停' });
    expect(Object.keys(errorOf(evidence).fields ?? {})).toEqual(['guards.evidenceAttached']);
    const noReason = await fire(yubei, listed.id, 'rollOver', { expectedState: 'listed', comment: '  ' });
    expect(noReason.statusCode).toBe(422);
    expect(Object.keys(errorOf(noReason).fields ?? {})).toEqual(['comment']);
    const enterpriseGuard = await fire(ent1, huaxin.id, 'applyForAcceptance', { expectedState: 'evaluated' });
    expect(enterpriseGuard.statusCode).toBe(422);
    // Which guard of applyForAcceptance refuses first depends on the round's reviews, options and material;
    // exactly one is named (with the items it misses).
    expect(errorOf(enterpriseGuard).code).toBe('GUARD_NOT_MET');
    expect(Object.keys(errorOf(enterpriseGuard).fields ?? {}).filter((k) => k.startsWith('guards.'))).toHaveLength(1);
    const otherDistrict = await fire(jiangbei, listed.id, 'rollOver', { expectedState: 'listed', comment: '滚动' });
    expect(otherDistrict.statusCode).toBe(404);
    expect(await countRows(t.db, TABLES)).toEqual(before);
  });

  it('refuses malformed transition requests with 400 on the field', async () => {
    const listed = demoRound('重庆嘉美印务有限公司', 2021);
    const before = await countRows(t.db, TABLES);
    const badName = await fire(yubei, listed.id, 'teleport', { expectedState: 'listed' });
    expect(badName.statusCode).toBe(400);
    expect(Object.keys(errorOf(badName).fields ?? {})).toContain('name');
    const badState = await fire(yubei, listed.id, 'rollOver', { expectedState: 'limbo', comment: 'x' });
    expect(Object.keys(errorOf(badState).fields ?? {})).toContain('expectedState');
    const missing = await fire(yubei, listed.id, 'rollOver', { comment: 'x' });
    expect(missing.statusCode).toBe(400);
    expect(await countRows(t.db, TABLES)).toEqual(before);
  });

  it('fires a transition: state, version, history row and audit event in one go', async () => {
    const id = await freshRound();
    let res: LightMyRequestResponse | undefined;
    const events = await auditEventsOf(t.db, async () => {
      res = await fire(yubei, id, 'rollOver', { expectedState: 'listed', comment: '企业停产技改' });
    });
    expect(res?.statusCode, res?.body).toBe(200);
    const detail = (res as LightMyRequestResponse).json<RoundDetail>();
    expect(detail).toMatchObject({ state: 'rolled_over', version: 2, nextDeadline: null });
    expect(detail.abilities.transitions).toEqual([]);
    expect(detail.history.at(-1)).toMatchObject({ transition: 'rollOver', fromState: 'listed', toState: 'rolled_over', comment: '企业停产技改', actorUsername: 'yubei', actorRole: 'district_staff' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity_type: 'round', entity_id: detail.id, before: { state: 'listed', version: 1 }, after: { state: 'rolled_over', version: 2, transition: 'rollOver' } });
  });

  it('publishes an accepted result only in a batch (so that it reaches the public portal), never alone', async () => {
    const accepted = demoRound('重庆钢信特钢有限公司', 2019);
    const before = await countRows(t.db, TABLES);
    const res = await fire(city, accepted.id, 'publishResult', { expectedState: 'accepted' });
    expect(res.statusCode, res.body).toBe(422);
    expect(Object.keys(errorOf(res).fields ?? {})).toEqual(['guards.publishedInBatch']);
    expect(await countRows(t.db, TABLES)).toEqual(before);
    const batch = await city.send('POST', '/api/result-batches', { title: '2020年第二批验收结果', publishedOn: '2020-12-30', roundIds: [accepted.id] });
    expect(batch.statusCode, batch.body).toBe(201);
    expect((await city.get(`/api/rounds/${accepted.id}`)).json<RoundDetail>().state).toBe('closed');
  });
});

describe('concurrent transitions', () => {
  async function historyCount(id: string): Promise<number> {
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM round_history WHERE round_id = $1', [id]);
    return rows[0]?.n ?? 0;
  }

  it.each([1, 2, 3])('lets exactly one of two conflicting transitions win (run %i)', async () => {
    const id = await freshRound();
    // Test shortcut: the steps up to the form check need uploads of later slices.
    await t.db.query(`UPDATE audit_rounds SET state = 'evaluation_applied' WHERE id = $1`, [id]);
    const historyBefore = await historyCount(id);
    const events = await auditEventsOf(t.db, async () => {
      const results = await Promise.all([
        fire(yubei, id, 'acceptEvaluationApplication', { expectedState: 'evaluation_applied' }),
        fire(yubei, id, 'returnEvaluationApplication', { expectedState: 'evaluation_applied', comment: '缺少监测报告' }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.statusCode === 409);
      expect(loser && errorOf(loser).code).toBe('ROUND_STATE_CONFLICT');
    });
    expect(await historyCount(id)).toBe(historyBefore + 1);
    expect(events.map((e) => e.action)).toEqual(['round.transitioned']);
    const { rows } = await t.db.query<{ version: number }>('SELECT version FROM audit_rounds WHERE id = $1', [id]);
    expect(rows[0]?.version).toBe(2);
  });
});
