import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StageProgressInfo } from '../../../shared/contracts/auditStages';
import type { Round, RoundPage } from '../../../shared/contracts/rounds';
import { AUDIT_STAGES } from '../../../shared/domain/auditStages';
import { localIsoDate } from '../../../shared/domain/deadlines';
import {
  auditEventsOf,
  countRows,
  createTestApp,
  errorOf,
  signIn,
  type Client,
  type TestContext,
} from '../../../../test/helpers/app';

const TABLES = ['round_stages', 'audit_events', 'audit_rounds'] as const;

let t: TestContext;
let city: Client;
let yubei: Client;
let jiangbei: Client;
let ent1: Client;
let ent2: Client;
let agency: Client;
/** ent1's 2020 round (渝北, evaluated): stages may be recorded. */
let huaxin: Round;
/** ent2's 2021 round (江北, notified): the audit has not started. */
let hongda: Round;
/** agency1's client round (綦江, audit started). */
let ruifeng: Round;

const today = () => localIsoDate(new Date());
const stagesUrl = (id: string) => `/api/rounds/${id}/stages`;
const complete = (client: Client, id: string, stage: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  client.send('POST', `${stagesUrl(id)}/${stage}`, body, headers);

function roundOf(rounds: Round[], name: string, year: number): Round {
  const found = rounds.find((r) => r.enterpriseName === name && r.listingYear === year);
  if (!found) throw new Error(`demo round missing: ${name} ${year}`);
  return found;
}

beforeAll(async () => {
  t = await createTestApp();
  [city, yubei, jiangbei, ent1, ent2, agency] = await Promise.all(
    ['city', 'yubei', 'jiangbei', 'ent1', 'ent2', 'agency1'].map((u) => signIn(t.app, u)),
  ) as [Client, Client, Client, Client, Client, Client];
  const all = (await city.get('/api/rounds?pageSize=100')).json<RoundPage>().items;
  huaxin = roundOf(all, '重庆华鑫表面处理有限公司', 2020);
  hongda = roundOf(all, '重庆宏达包装制品有限公司', 2021);
  ruifeng = all.find((r) => r.listingYear === 2020 && r.state === 'audit_started' && r.enterpriseName.includes('水泥')) as Round;
  if (!ruifeng) throw new Error('demo round missing: cement 2020');
});
afterAll(async () => t.close());

async function expectNothingWritten(fn: () => Promise<void>): Promise<void> {
  const before = await countRows(t.db, TABLES);
  await fn();
  expect(await countRows(t.db, TABLES)).toEqual(before);
}

describe('audit stages: reading', () => {
  it('lists the seven stages in order, none complete, the first one next', async () => {
    const res = await ent1.get(stagesUrl(huaxin.id));
    expect(res.statusCode).toBe(200);
    const body = res.json<StageProgressInfo>();
    expect(body.stages.map((s) => s.stage)).toEqual([...AUDIT_STAGES]);
    expect(body.stages.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(body.stages.every((s) => s.completedOn === null)).toBe(true);
    expect(body.nextStage).toBe('preparation');
    expect(body.open).toBe(true);
  });

  it('is read in scope: the district and the city yes, another district and another enterprise 404', async () => {
    expect((await yubei.get(stagesUrl(huaxin.id))).statusCode).toBe(200);
    expect((await city.get(stagesUrl(huaxin.id))).statusCode).toBe(200);
    const other = await jiangbei.get(stagesUrl(huaxin.id));
    expect(other.statusCode).toBe(404);
    expect(errorOf(other).code).toBe('NOT_FOUND');
    expect((await ent2.get(stagesUrl(huaxin.id))).statusCode).toBe(404);
    expect((await agency.get(stagesUrl(huaxin.id))).statusCode).toBe(404);
    const closed = (await ent2.get(stagesUrl(hongda.id))).json<StageProgressInfo>();
    expect(closed.open).toBe(false);
  });
});

describe('audit stages: recording', () => {
  it('records the next stage with an audit event', async () => {
    const before = await countRows(t.db, TABLES);
    const events = await auditEventsOf(t.db, async () => {
      const res = await complete(ent1, huaxin.id, 'preparation', { completedOn: '2020-05-20', note: '成立审核小组' });
      expect(res.statusCode).toBe(200);
      const body = res.json<StageProgressInfo>();
      expect(body.stages[0]).toMatchObject({ stage: 'preparation', completedOn: '2020-05-20', note: '成立审核小组', recordedBy: 'ent1' });
      expect(body.nextStage).toBe('pre_audit');
    });
    expect(events.map((e) => e.action)).toEqual(['round.stageCompleted']);
    expect(events[0]).toMatchObject({ entity_type: 'round', entity_id: huaxin.id, actor_username: 'ent1' });
    expect(events[0]?.after).toEqual({ stage: 'preparation', position: 1, completedOn: '2020-05-20', note: '成立审核小组' });
    expect(await countRows(t.db, TABLES)).toEqual({ ...before, round_stages: (before.round_stages ?? 0) + 1, audit_events: (before.audit_events ?? 0) + 1 });
  });

  it('refuses skipping a stage with 409 naming the stage to complete next', async () => {
    await expectNothingWritten(async () => {
      const res = await complete(ent1, huaxin.id, 'audit', { completedOn: '2020-06-01' });
      expect(res.statusCode).toBe(409);
      const error = errorOf(res);
      expect(error.code).toBe('AUDIT_STAGE_OUT_OF_ORDER');
      expect(error.message).toContain('预审核');
      expect(error.message).toContain('“审核”');
      expect(error.fields).toEqual({ stage: '预审核' });
      const en = await complete(ent1, huaxin.id, 'continuous', { completedOn: '2020-06-01' }, { 'accept-language': 'en' });
      expect(en.statusCode).toBe(409);
      expect(errorOf(en).message).toBe('Audit stages are completed in order: the next stage is "Pre-audit", not "Continuous cleaner production"');
    });
  });

  it('refuses a stage already completed with 409', async () => {
    await expectNothingWritten(async () => {
      const res = await complete(ent1, huaxin.id, 'preparation', { completedOn: '2020-05-21' });
      expect(res.statusCode).toBe(409);
      expect(errorOf(res).code).toBe('AUDIT_STAGE_COMPLETED');
      expect(errorOf(res).message).toContain('2020-05-20');
    });
  });

  it('refuses bad dates and unknown stages with 400 naming the field', async () => {
    await expectNothingWritten(async () => {
      const future = new Date(Date.now() + 3 * 86_400_000);
      const res = await complete(ent1, huaxin.id, 'pre_audit', { completedOn: localIsoDate(future) });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).code).toBe('VALIDATION_FAILED');
      expect(Object.keys(errorOf(res).fields ?? {})).toEqual(['completedOn']);
      expect(errorOf(res).message).toContain('完成日期');

      const early = await complete(ent1, huaxin.id, 'pre_audit', { completedOn: '2020-05-19' });
      expect(early.statusCode).toBe(400);
      expect(errorOf(early).fields?.completedOn).toContain('2020-05-20');

      const malformed = await complete(ent1, huaxin.id, 'pre_audit', { completedOn: '20-5-2020' });
      expect(malformed.statusCode).toBe(400);
      expect(Object.keys(errorOf(malformed).fields ?? {})).toContain('completedOn');

      const unknown = await complete(ent1, huaxin.id, 'brainstorm', { completedOn: '2020-06-01' });
      expect(unknown.statusCode).toBe(400);
      expect(errorOf(unknown).code).toBe('VALIDATION_FAILED');

      const longNote = await complete(ent1, huaxin.id, 'pre_audit', { completedOn: '2020-06-01', note: 'x'.repeat(1001) });
      expect(longNote.statusCode).toBe(400);
      expect(Object.keys(errorOf(longNote).fields ?? {})).toEqual(['note']);
    });
  });

  it('is refused to the district (403), outside scope (404) and before the audit starts (409)', async () => {
    await expectNothingWritten(async () => {
      const district = await complete(yubei, huaxin.id, 'pre_audit', { completedOn: '2020-06-01' });
      expect(district.statusCode).toBe(403);
      expect(errorOf(district).code).toBe('FORBIDDEN');
      const city403 = await complete(city, huaxin.id, 'pre_audit', { completedOn: '2020-06-01' });
      expect(city403.statusCode).toBe(403);
      expect((await complete(ent2, huaxin.id, 'pre_audit', { completedOn: '2020-06-01' })).statusCode).toBe(404);
      expect((await complete(agency, huaxin.id, 'pre_audit', { completedOn: '2020-06-01' })).statusCode).toBe(404);
      const locked = await complete(ent2, hongda.id, 'preparation', { completedOn: today() });
      expect(locked.statusCode).toBe(409);
      expect(errorOf(locked).code).toBe('ROUND_MATERIAL_LOCKED');
      expect(errorOf(locked).message).toContain('已书面通知');
      const anonymous = await t.app.inject({ method: 'POST', url: `${stagesUrl(huaxin.id)}/pre_audit`, payload: { completedOn: '2020-06-01' } });
      expect(anonymous.statusCode).toBe(401);
    });
  });

  it('lets the engaged agency record its client round', async () => {
    const res = await complete(agency, ruifeng.id, 'preparation', { completedOn: '2020-05-15' });
    expect(res.statusCode).toBe(200);
    expect(res.json<StageProgressInfo>().nextStage).toBe('pre_audit');
  });

  it('lets exactly one of two simultaneous completions of the same stage through', async () => {
    const before = await countRows(t.db, ['round_stages']);
    const [a, b] = await Promise.all([
      complete(ent1, huaxin.id, 'pre_audit', { completedOn: '2020-06-10' }),
      complete(ent1, huaxin.id, 'pre_audit', { completedOn: '2020-06-11' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(errorOf(a.statusCode === 409 ? a : b).code).toBe('AUDIT_STAGE_COMPLETED');
    expect(await countRows(t.db, ['round_stages'])).toEqual({ round_stages: (before.round_stages ?? 0) + 1 });
  });

  it('walks all seven stages in order, then nothing is next', async () => {
    const rest = AUDIT_STAGES.slice(2);
    for (const [i, stage] of rest.entries()) {
      const res = await complete(ent1, huaxin.id, stage, { completedOn: `2020-0${7 + Math.floor(i / 2)}-1${i}` });
      expect(res.statusCode).toBe(200);
    }
    const body = (await yubei.get(stagesUrl(huaxin.id))).json<StageProgressInfo>();
    expect(body.nextStage).toBeNull();
    expect(body.stages.every((s) => s.completedOn !== null)).toBe(true);
    const again = await complete(ent1, huaxin.id, 'continuous', { completedOn: today() });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('AUDIT_STAGE_COMPLETED');
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM round_stages WHERE round_id = $1', [huaxin.id]);
    expect(rows[0]?.n).toBe(7);
  });
});
