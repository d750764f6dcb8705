import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptionList, OptionRulesDto, RoundOption } from '../../../shared/contracts/options';
import type { Round, RoundPage } from '../../../shared/contracts/rounds';
import { DEFAULT_OPTION_RULES } from '../../../shared/domain/options';
import {
  auditEventsOf,
  countRows,
  createTestApp,
  errorOf,
  signIn,
  type Client,
  type TestContext,
} from '../../../../test/helpers/app';
import { minimalPdf, multipartOf } from '../../../../test/helpers/files';

const TABLES = ['round_options', 'round_option_benefits', 'round_baselines', 'option_quality_rules', 'audit_events'] as const;

let t: TestContext;
let admin: Client;
let city: Client;
let yubei: Client;
let jiangbei: Client;
let ent1: Client;
let ent2: Client;
let agency: Client;
/** 重庆华鑫表面处理有限公司 2020 (渝北, ent1): evaluated, 8 demo options, self-audit. */
let huaxin: Round;
/** 重庆宏达包装制品有限公司 2021 (江北, ent2): notified — the audit has not started. */
let hongda: Round;
/** 重庆瑞丰水泥有限公司 2020 (綦江): audit started with agency1 engaged; 3 demo options with quality problems. */
let ruifeng: Round;

beforeAll(async () => {
  t = await createTestApp();
  [admin, city, yubei, jiangbei, ent1, ent2, agency] = await Promise.all(
    ['admin', 'city', 'yubei', 'jiangbei', 'ent1', 'ent2', 'agency1'].map((u) => signIn(t.app, u)),
  ) as [Client, Client, Client, Client, Client, Client, Client];
  const all = (await city.get('/api/rounds?pageSize=100')).json<RoundPage>().items;
  const find = (name: string, year: number) => {
    const r = all.find((x) => x.enterpriseName === name && x.listingYear === year);
    if (!r) throw new Error(`demo round ${name} ${year} missing`);
    return r;
  };
  huaxin = find('重庆华鑫表面处理有限公司', 2020);
  hongda = find('重庆宏达包装制品有限公司', 2021);
  ruifeng = find('重庆瑞丰水泥有限公司', 2020);
});
afterAll(async () => t.close());

const url = (round: Round, rest = '') => `/api/rounds/${round.id}/options${rest}`;
const list = async (client: Client, round: Round, query = '') => {
  const res = await client.get(url(round, query));
  expect(res.statusCode, res.body).toBe(200);
  return res.json<OptionList>();
};
const codes = (l: OptionList) => l.warnings.map((w) => w.code).sort();

const validOption = {
  category: 'low_cost',
  direction: 'equipment',
  optionName: '空压机余热回收用于职工浴室热水',
  description: '两台螺杆空压机加装板式换热器',
  investment: 6.5,
  predictedBenefits: { energy: 42, economic: 5.2 },
};

async function expectNothingWritten(fn: () => Promise<void>): Promise<void> {
  const before = await countRows(t.db, TABLES);
  await fn();
  expect(await countRows(t.db, TABLES)).toEqual(before);
}

describe('reading the register', () => {
  it('lists the options with totals, baseline and no warnings for a complete register', async () => {
    const l = await list(ent1, huaxin);
    expect(l.total).toBe(8);
    expect(l.items.map((o) => o.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(l.summary.low_cost).toEqual({ total: 6, implemented: 6, dropped: 0 });
    expect(l.summary.high_cost).toEqual({ total: 2, implemented: 2, dropped: 0 });
    expect(l.summary.predicted.water).toBe(50600);
    expect(l.summary.actual.heavyMetals).toBeCloseTo((85 + 210) * 0.92, 6);
    expect(l.summary.investment).toBeCloseTo(523.8, 6);
    expect(l.baseline).toMatchObject({ energyTce: 2850, electricity10kKwh: 1260, waterTonnes: 185000 });
    expect(l.warnings).toEqual([]);
    expect(l.abilities.edit).toBe(true);
  });

  it('filters and sorts in SQL and pages', async () => {
    const high = await list(ent1, huaxin, '?category=high_cost&sort=-investment');
    expect(high.total).toBe(2);
    expect(high.items.map((o) => o.investment)).toEqual([380, 126]);
    const page = await list(ent1, huaxin, '?pageSize=3&page=3');
    expect(page.items.map((o) => o.seq)).toEqual([7, 8]);
    const bad = await ent1.get(url(huaxin, '?status=done'));
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(errorOf(bad).fields ?? {})).toEqual(['status']);
  });

  it('shows every warning with figures to the enterprise side and the bureaus', async () => {
    const l = await list(agency, ruifeng);
    expect(codes(l)).toEqual(['highCostIncomplete', 'lowCostNoBenefit', 'similarTexts', 'tooFewOptions']);
    expect(l.warnings.find((w) => w.code === 'tooFewOptions')?.message).toBe('本轮仅有 3 项方案（不含已放弃），少于规定的 5 项');
    const en = await agency.get(url(ruifeng), { 'accept-language': 'en' });
    expect(en.json<OptionList>().warnings.find((w) => w.code === 'similarTexts')?.message).toMatch(/^Option 2 .* \(similarity 82%\)$/);
    const district = await city.get(url(ruifeng));
    expect(codes(district.json<OptionList>())).toEqual(codes(l));
  });

  it('is read-only for bureaus and answers 404 outside the caller scope', async () => {
    expect((await list(yubei, huaxin)).abilities.edit).toBe(false);
    expect((await list(city, huaxin)).abilities.edit).toBe(false);
    for (const client of [jiangbei, ent2, agency]) expect((await client.get(url(huaxin))).statusCode).toBe(404);
    const option = (await list(ent1, huaxin)).items[0] as RoundOption;
    expect((await ent2.get(url(huaxin, `/${option.id}`))).statusCode).toBe(404);
    expect((await ent1.get(url(huaxin, `/${option.id}`))).json<RoundOption>().optionName).toBe(option.optionName);
    expect((await ent1.get(url(huaxin, '/00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
  });
});

describe('changing options', () => {
  let created: RoundOption;

  it('refuses bad input with 400 naming the fields, in the caller language, writing nothing', async () => {
    await expectNothingWritten(async () => {
      const missing = await ent1.send('POST', url(huaxin), { ...validOption, optionName: '  ' }, { 'accept-language': 'en' });
      expect(missing.statusCode).toBe(400);
      expect(errorOf(missing).fields).toEqual({ optionName: 'is required' });
      expect(errorOf(missing).message).toContain('Option name is required');
      const negative = await ent1.send('POST', url(huaxin), { ...validOption, predictedBenefits: { energy: -1 }, investment: -2 });
      expect(Object.keys(errorOf(negative).fields ?? {}).sort()).toEqual(['investment', 'predictedBenefits.energy']);
      expect(errorOf(negative).message).toContain('预期效益');
      const unknown = await ent1.send('POST', url(huaxin), { ...validOption, category: 'cheap', predictedBenefits: { gold: 1 } });
      expect(Object.keys(errorOf(unknown).fields ?? {}).sort()).toEqual(['category', 'predictedBenefits']);
      const text = await ent1.send('POST', url(huaxin), { ...validOption, investment: '6.5' });
      expect(Object.keys(errorOf(text).fields ?? {})).toEqual(['investment']);
      const huge = await ent1.send('POST', url(huaxin), { ...validOption, investment: 1e11, actualBenefits: { co2: 1e300 } });
      expect(huge.statusCode).toBe(400);
      expect(Object.keys(errorOf(huge).fields ?? {}).sort()).toEqual(['actualBenefits.co2', 'investment']);
      const drop = await ent1.send('POST', url(huaxin), { ...validOption, status: 'dropped', feasibility: 'feasible' });
      expect(drop.statusCode).toBe(400);
      expect(errorOf(drop).fields).toEqual({ dropReason: '放弃方案须说明理由', feasibility: '仅适用于中/高费方案' });
      const date = await ent1.send('POST', url(huaxin), { ...validOption, plannedEffectiveOn: '2021-02-30' });
      expect(Object.keys(errorOf(date).fields ?? {})).toEqual(['plannedEffectiveOn']);
    });
  });

  it('creates an option numbered after the last, with its benefits and an audit event', async () => {
    let res: LightMyRequestResponse | undefined;
    const events = await auditEventsOf(t.db, async () => {
      res = await ent1.send('POST', url(huaxin), validOption);
    });
    expect(res?.statusCode, res?.body).toBe(201);
    created = res?.json<RoundOption>() as RoundOption;
    expect(created).toMatchObject({ seq: 9, status: 'proposed', investment: 6.5, predictedBenefits: { energy: 42, economic: 5.2 }, actualBenefits: {} });
    expect(events.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([['option.created', 'option', created.id]]);
    expect(events[0]?.after).toMatchObject({ roundId: huaxin.id, optionName: validOption.optionName });
    const l = await list(ent1, huaxin);
    expect(l.summary.predicted.energy).toBe(38 + 118 + 42);
    expect(l.summary.low_cost.total).toBe(7);
  });

  it('updates all fields, refuses a status jump, and records the diff', async () => {
    const body = { ...validOption, optionName: '空压机余热回收', predictedBenefits: { energy: 40 }, status: 'implemented', actualBenefits: { energy: 37.5 } };
    const events = await auditEventsOf(t.db, async () => {
      const res = await ent1.send('PUT', url(huaxin, `/${created.id}`), body);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<RoundOption>()).toMatchObject({ optionName: '空压机余热回收', actualBenefits: { energy: 37.5 }, predictedBenefits: { energy: 40 }, version: 2 });
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'option.updated', before: { optionName: validOption.optionName, status: 'proposed' } });
    await expectNothingWritten(async () => {
      const jump = await ent1.send('PUT', url(huaxin, `/${created.id}`), { ...body, status: 'proposed' });
      expect(jump.statusCode).toBe(400);
      expect(errorOf(jump).fields).toEqual({ status: '不能从“已实施”改为“已提出”' });
    });
  });

  it('records progress: dropping needs a reason; actual figures replace the old ones', async () => {
    const back = await ent1.send('PATCH', url(huaxin, `/${created.id}/progress`), { status: 'implementing' });
    expect(back.json<RoundOption>()).toMatchObject({ status: 'implementing', actualBenefits: {}, actualEffectiveOn: null });
    const noReason = await ent1.send('PATCH', url(huaxin, `/${created.id}/progress`), { status: 'dropped' });
    expect(noReason.statusCode).toBe(400);
    expect(Object.keys(errorOf(noReason).fields ?? {})).toEqual(['dropReason']);
    const events = await auditEventsOf(t.db, async () => {
      const res = await ent1.send('PATCH', url(huaxin, `/${created.id}/progress`), {
        status: 'implemented',
        actualEffectiveOn: '2021-06-01',
        actualBenefits: { energy: 39, economic: 4 },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<RoundOption>()).toMatchObject({ status: 'implemented', dropReason: null, actualEffectiveOn: '2021-06-01', actualBenefits: { energy: 39, economic: 4 }, predictedBenefits: { energy: 40 } });
    });
    expect(events.map((e) => e.action)).toEqual(['option.progressRecorded']);
  });

  it('deletes an option with its benefits and an audit event', async () => {
    const events = await auditEventsOf(t.db, async () => {
      const res = await ent1.send('DELETE', url(huaxin, `/${created.id}`));
      expect(res.statusCode, res.body).toBe(200);
    });
    expect(events.map((e) => [e.action, e.entity_id])).toEqual([['option.deleted', created.id]]);
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM round_option_benefits WHERE option_id = $1', [created.id]);
    expect(rows[0]?.n).toBe(0);
    expect((await ent1.send('DELETE', url(huaxin, `/${created.id}`))).statusCode).toBe(404);
    expect((await list(ent1, huaxin)).total).toBe(8);
  });

  it('refuses changes outside the audit and implementation states with 409, writing nothing', async () => {
    await expectNothingWritten(async () => {
      const res = await ent2.send('POST', url(hongda), validOption);
      expect(res.statusCode).toBe(409);
      expect(errorOf(res).code).toBe('ROUND_MATERIAL_LOCKED');
      expect(errorOf(res).message).toBe('审核轮次当前状态为“已书面通知”，不能修改清洁生产方案');
      const baseline = await ent2.send('PUT', `/api/rounds/${hongda.id}/baseline`, { energyTce: 10 });
      expect(baseline.statusCode).toBe(409);
      expect((await list(ent2, hongda)).abilities.edit).toBe(false);
    });
  });

  it('answers 403 to bureaus and 404 to other enterprises and agencies not engaged, writing nothing', async () => {
    const option = (await list(ent1, huaxin)).items[0] as RoundOption;
    await expectNothingWritten(async () => {
      expect((await yubei.send('POST', url(huaxin), validOption)).statusCode).toBe(403);
      expect((await city.send('DELETE', url(huaxin, `/${option.id}`))).statusCode).toBe(403);
      expect((await ent2.send('POST', url(huaxin), validOption)).statusCode).toBe(404);
      expect((await agency.send('POST', url(huaxin), validOption)).statusCode).toBe(404);
      expect((await ent2.send('PUT', url(huaxin, `/${option.id}`), validOption)).statusCode).toBe(404);
      expect((await ent1.send('DELETE', url(ruifeng, `/${option.id}`))).statusCode).toBe(404);
    });
  });

  it('lets the engaged agency edit its client round', async () => {
    const res = await agency.send('POST', url(ruifeng), { ...validOption, optionName: '水泥磨系统节能改造', category: 'low_cost' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await list(agency, ruifeng)).total).toBe(4);
  });
});

describe('baseline and plausibility', () => {
  it('saves the baseline (400 naming a bad field), and the plausibility rule uses it', async () => {
    await expectNothingWritten(async () => {
      const bad = await ent1.send('PUT', `/api/rounds/${huaxin.id}/baseline`, { energyTce: -5, waterTonnes: 'a lot' });
      expect(bad.statusCode).toBe(400);
      expect(Object.keys(errorOf(bad).fields ?? {}).sort()).toEqual(['energyTce', 'waterTonnes']);
    });
    const events = await auditEventsOf(t.db, async () => {
      const res = await ent1.send('PUT', `/api/rounds/${huaxin.id}/baseline`, { energyTce: 100, electricity10kKwh: 1260, waterTonnes: 185000 });
      expect(res.statusCode, res.body).toBe(200);
    });
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([['round.baselineSaved', { energyTce: 2850 }, { energyTce: 100 }]]);
    const l = await list(ent1, huaxin);
    expect(codes(l)).toEqual(['implausibleBenefit']);
    expect(l.warnings[0]?.message).toBe('第8项方案“整流器更换为高频开关电源”的节能 118 吨标煤/年，超过本轮申报的年综合能耗 100 吨标煤');
    await ent1.send('PUT', `/api/rounds/${huaxin.id}/baseline`, { energyTce: 2850, electricity10kKwh: 1260, waterTonnes: 185000 });
    expect((await list(ent1, huaxin)).warnings).toEqual([]);
  });
});

describe('quality rules of the city', () => {
  const rulesBody = () => structuredClone(DEFAULT_OPTION_RULES);

  it('reads the defaults; district staff may read; enterprises, agencies and city staff may not edit', async () => {
    const res = await yubei.get('/api/option-rules');
    expect(res.statusCode).toBe(200);
    expect(res.json<OptionRulesDto>()).toMatchObject({ cityCode: '500000', rules: DEFAULT_OPTION_RULES, updatedAt: null, abilities: { manage: false } });
    expect((await admin.get('/api/option-rules')).json<OptionRulesDto>().abilities.manage).toBe(true);
    expect((await ent1.get('/api/option-rules')).statusCode).toBe(403);
    expect((await agency.get('/api/option-rules')).statusCode).toBe(403);
    await expectNothingWritten(async () => {
      expect((await city.send('PUT', '/api/option-rules', rulesBody())).statusCode).toBe(403);
      expect((await yubei.send('PUT', '/api/option-rules', rulesBody())).statusCode).toBe(403);
    });
  });

  it('refuses bad parameters with 400 naming each, writing nothing', async () => {
    await expectNothingWritten(async () => {
      const body = rulesBody() as unknown as Record<string, { enabled: unknown; params: Record<string, unknown> }>;
      (body.similarTexts as { params: Record<string, unknown> }).params = { threshold: 1.5, shingleSize: 0 };
      (body.tooFewOptions as { params: Record<string, unknown> }).params = { minOptions: 2.5 };
      (body.lowCostNoBenefit as { enabled: unknown }).enabled = 'yes';
      const res = await admin.send('PUT', '/api/option-rules', body);
      expect(res.statusCode).toBe(400);
      expect(Object.keys(errorOf(res).fields ?? {}).sort()).toEqual([
        'lowCostNoBenefit.enabled',
        'similarTexts.params.shingleSize',
        'similarTexts.params.threshold',
        'tooFewOptions.params.minOptions',
      ]);
      expect(errorOf(res).message).toContain('规则：方案内容雷同');
    });
  });

  it('changes the warnings once the city edits them, with an audit event', async () => {
    const body = rulesBody();
    body.tooFewOptions.params.minOptions = 9;
    body.similarTexts.enabled = false;
    const events = await auditEventsOf(t.db, async () => {
      const res = await admin.send('PUT', '/api/option-rules', body);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<OptionRulesDto>()).toMatchObject({ rules: body, updatedBy: 'admin' });
    });
    expect(events.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([['optionRules.updated', 'optionRules', '500000']]);
    expect(events[0]?.after).toMatchObject({ similarTexts: { enabled: false }, tooFewOptions: { params: { minOptions: 9 } } });
    expect(await countRows(t.db, ['option_quality_rules'])).toEqual({ option_quality_rules: 5 });
    const l = await list(ent1, huaxin);
    expect(codes(l)).toEqual(['tooFewOptions']);
    expect(l.warnings[0]?.message).toContain('仅有 8 项');
    expect(codes(await list(agency, ruifeng))).toEqual(['highCostIncomplete', 'lowCostNoBenefit', 'tooFewOptions']);
    expect((await yubei.get('/api/option-rules')).json<OptionRulesDto>().rules.tooFewOptions.params.minOptions).toBe(9);
    // Back to the defaults for the guard tests.
    expect((await admin.send('PUT', '/api/option-rules', rulesBody())).statusCode).toBe(200);
  });
});

describe('guards of the round state machine', () => {
  /** Test-only: put a round in a state directly (the path there needs other slices' panels and scores). */
  async function forceState(round: Round, state: string): Promise<void> {
    await t.db.query('UPDATE audit_rounds SET state = $2, version = version + 1 WHERE id = $1', [round.id, state]);
  }
  const fire = (name: string, expectedState: string) =>
    ent1.send('POST', `/api/rounds/${huaxin.id}/transitions/${name}`, { expectedState });
  const fieldsOf = (res: LightMyRequestResponse) => Object.keys(errorOf(res).fields ?? {}).sort();
  const bySeq = async (seq: number) => (await list(ent1, huaxin)).items.find((o) => o.seq === seq) as RoundOption;
  const progress = async (seq: number, body: Record<string, unknown>) => {
    const res = await ent1.send('PATCH', url(huaxin, `/${(await bySeq(seq)).id}/progress`), body);
    expect(res.statusCode, res.body).toBe(200);
  };
  function uploadTo(path: string, name: string) {
    const { payload, headers } = multipartOf(name, minimalPdf(name));
    return t.app.inject({ method: 'POST', url: path, payload, headers: { ...headers, cookie: ent1.cookie, 'x-csrf-token': ent1.csrf } });
  }

  it('highCostOptionsSettled names the unsettled option, and passes once it is dropped with a reason', async () => {
    await forceState(huaxin, 'evaluated');
    // Test-only: confirm a pass-with-revision of the demo panels (guard revisionConfirmed of another slice runs first).
    const panels = await t.db.query<{ t: string | null }>("SELECT to_regclass('review_panels')::text AS t");
    if (panels.rows[0]?.t) await t.db.query('UPDATE review_panels SET revision_confirmed_at = now() WHERE round_id = $1', [huaxin.id]);
    await progress(7, { status: 'implementing' });
    const before = await countRows(t.db, ['round_history', 'audit_events']);
    const refused = await fire('applyForAcceptance', 'evaluated');
    expect(refused.statusCode).toBe(422);
    expect(fieldsOf(refused)).toEqual(['guards.highCostOptionsSettled', 'options.7.status']);
    expect(errorOf(refused).message).toContain('第7项方案“电镀废水分质分流及膜处理回用改造”为“实施中”，须已实施或说明放弃理由');
    expect(await countRows(t.db, ['round_history', 'audit_events'])).toEqual(before);
    await progress(7, { status: 'dropped', dropReason: '园区集中污水处理厂提标，企业改为纳管排放' });
    const next = await fire('applyForAcceptance', 'evaluated');
    // The acceptance material (another slice) is checked after this guard: either it is the one refused, or all pass.
    if (next.statusCode === 200) expect(next.json<Round>().state).toBe('acceptance_applied');
    else expect(fieldsOf(next)).not.toContain('guards.highCostOptionsSettled');
  });

  it('optionsReadyForEvaluation names what is missing (rules included) and lets the application through once ready', async () => {
    await forceState(huaxin, 'audit_started');
    expect((await uploadTo(`/api/rounds/${huaxin.id}/reports`, '审核报告.pdf')).statusCode).toBe(201);
    for (const purpose of ['evaluation_evidence', 'capacity_proof']) {
      const res = await uploadTo(`/api/rounds/${huaxin.id}/application-files?purpose=${purpose}`, `${purpose}.pdf`);
      expect(res.statusCode, res.body).toBe(201);
    }
    await forceState(huaxin, 'report_submitted');
    await progress(1, { status: 'implementing' });
    const rules = structuredClone(DEFAULT_OPTION_RULES);
    rules.tooFewOptions.params.minOptions = 8;
    expect((await admin.send('PUT', '/api/option-rules', rules)).statusCode).toBe(200);
    const refused = await fire('applyForEvaluation', 'report_submitted');
    expect(refused.statusCode).toBe(422);
    expect(fieldsOf(refused)).toEqual(['guards.optionsReadyForEvaluation', 'options.1.status', 'options.count']);
    expect(errorOf(refused).message).toContain('方案数 7 项，少于 8 项');
    expect(errorOf(refused).message).toContain('第1项方案“镀槽加盖及液位自动控制”尚未实施');
    rules.tooFewOptions.enabled = false;
    expect((await admin.send('PUT', '/api/option-rules', rules)).statusCode).toBe(200);
    expect(fieldsOf(await fire('applyForEvaluation', 'report_submitted'))).toEqual(['guards.optionsReadyForEvaluation', 'options.1.status']);
    await progress(1, { status: 'implemented', actualBenefits: { water: 3000 } });
    const ok = await fire('applyForEvaluation', 'report_submitted');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<Round>().state).toBe('evaluation_applied');
    // During the form check the register is read-only.
    expect((await ent1.send('POST', url(huaxin), validOption)).statusCode).toBe(409);
  });
});
