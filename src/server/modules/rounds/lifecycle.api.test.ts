import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundDetail } from '../../../shared/contracts/rounds';
import { createTestApp, errorOf, orgIdOf, signIn, type Client, type TestContext } from '../../../../test/helpers/app';
import { createEnterprise, createUser } from '../../../../test/helpers/factories';
import { minimalDocx } from '../../../../test/helpers/files';
import {
  actors,
  applyForAcceptance as applyForAcceptanceOf,
  applyForEvaluation as applyForEvaluationOf,
  attach,
  fire as fireAs,
  listedAndAudited as listedAndAuditedOf,
  ok,
  opinion as opinionOf,
  panelScores as panelScoresOf,
  stateOf,
  upload,
  type Actors,
} from '../../../../test/helpers/lifecycle';

/**
 * The whole life of one round of the 2021 campaign through the API only, every step by the role that
 * does it in practice: plan entry → city approval → publication → written notice → disclosure → agency
 * engaged → audit → report → options → evaluation application → form check returned and resubmitted →
 * panel scores → pass after revision → revised report confirmed → options implemented → acceptance →
 * accepted → published in a batch → on the public portal. Then the failing paths: evaluation failed →
 * audit again; acceptance rejected → rectification → re-application.
 */

let t: TestContext;
let a: Actors;
let ent1: Client;
let huaxinId: string;

beforeAll(async () => {
  t = await createTestApp();
  a = await actors((u) => signIn(t.app, u));
  ent1 = await signIn(t.app, 'ent1');
  huaxinId = await orgIdOf(t.db, 'ent1');
});
afterAll(async () => t.close());

const fire = (client: Client, id: string, name: Parameters<typeof fireAs>[3], extra: Record<string, unknown> = {}) =>
  fireAs(a, client, id, name, extra);
const state = (id: string) => stateOf(a, id);
const listedAndAudited = (_year: number, enterpriseId: string, user: Client) => listedAndAuditedOf(a, enterpriseId, user);
const applyForEvaluation = (id: string) => applyForEvaluationOf(a, id);
const applyForAcceptance = (id: string) => applyForAcceptanceOf(a, id);
const panelScores = (id: string, kind: 'evaluation' | 'acceptance', totals: number[], vetoes: string[] = []) =>
  panelScoresOf(a, id, kind, totals, vetoes);
const opinion = (id: string, kind: 'evaluation' | 'acceptance', no: string) => opinionOf(a, id, kind, no);

describe('the 2021 campaign, one round from plan entry to the public portal', () => {
  it('walks every step through the API, each by its own role', async () => {
    expect(a.campaign2021).not.toBe('');
    const id = await listedAndAudited(2021, huaxinId, ent1);

    // Evaluation application; the district's form check returns it, the agency resubmits.
    await applyForEvaluation(id);
    const returned = ok(
      await a.yubei.send('POST', `/api/rounds/${id}/transitions/returnEvaluationApplication`, { expectedState: 'evaluation_applied', comment: '  ' }),
      422,
    );
    expect(errorOf(returned).fields).toHaveProperty('comment');
    await fire(a.yubei, id, 'returnEvaluationApplication', { comment: '缺少物料平衡测试原始记录，请补正。' });
    await fire(a.agency, id, 'resubmitEvaluation');
    await fire(a.yubei, id, 'acceptEvaluationApplication');

    // Panel of three; scores 85/86/84 → 85.0 → pass after revision.
    const evaluationPanel = await panelScores(id, 'evaluation', [85, 86, 84]);
    ok(await opinion(id, 'evaluation', '渝北环评审〔2021〕12号'));
    const evaluated = await fire(a.yubei, id, 'recordEvaluation');
    expect(evaluated.state).toBe('evaluated');
    expect(evaluated.evaluationPassedOn).not.toBeNull();
    expect(evaluated.dueDates.acceptance).not.toBeNull();
    const recorded = evaluated.history.find((h) => h.transition === 'recordEvaluation');
    expect(recorded?.comment).toContain('85');

    // Passed with revision: the acceptance application waits for the revised report to be confirmed.
    await attach(a.agency, id, 'acceptance_report', '清洁生产审核验收报告.pdf');
    const early = ok(
      await a.agency.send('POST', `/api/rounds/${id}/transitions/applyForAcceptance`, { expectedState: 'evaluated' }),
      422,
    );
    expect(errorOf(early).code).toBe('GUARD_NOT_MET');
    await upload(a.agency, `/api/rounds/${id}/reports`, '清洁生产审核报告（修改稿）.docx', minimalDocx('审核报告 v2'));
    ok(await a.yubei.send('POST', `/api/review-panels/${evaluationPanel}/revision-confirmation`, {}));

    // The medium/high-cost option is implemented; acceptance.
    await applyForAcceptance(id);
    await fire(a.yubei, id, 'acceptAcceptanceApplication');
    await panelScores(id, 'acceptance', [88, 90, 86]);
    ok(await opinion(id, 'acceptance', '渝北环验〔2022〕3号'));
    expect((await fire(a.yubei, id, 'recordAcceptance')).state).toBe('accepted');

    // Documents exist for both opinions.
    const opinions = ok(await a.city.get(`/api/rounds/${id}/opinions`)).json<{ items: { id: string; kind: string }[] }>();
    expect(opinions.items.map((o) => o.kind).sort()).toEqual(['acceptance', 'evaluation']);
    for (const o of opinions.items) {
      const doc = ok(await a.city.get(`/api/rounds/${id}/opinions/${o.id}/document`));
      expect(doc.headers['content-type']).toContain('officedocument.wordprocessingml');
    }

    // Not on the portal's results before the batch; published in a batch; then on the portal.
    const before = ok(await t.app.inject({ method: 'GET', url: '/api/public/results?q=华鑫&pageSize=100' })).json<{ items: { roundId?: string; id?: string }[] }>();
    expect(JSON.stringify(before.items)).not.toContain(id);
    ok(
      await a.city.send('POST', '/api/result-batches', { title: '2022年第一批清洁生产审核验收结果', publishedOn: '2022-09-01', roundIds: [id] }),
      201,
    );
    expect(await state(id)).toBe('closed');
    const results = ok(await t.app.inject({ method: 'GET', url: '/api/public/results?q=华鑫&pageSize=100' })).body;
    expect(results).toContain(id);
    const page = ok(await t.app.inject({ method: 'GET', url: `/api/public/rounds/${id}` })).body;
    expect(page).toContain('2022年第一批清洁生产审核验收结果');
    expect(page).toContain('渝北环评审〔2021〕12号');
    expect(page).not.toContain('王晓燕'); // no user or contact data on the portal

    // The timeline holds every step in order.
    const detail = ok(await a.city.get(`/api/rounds/${id}`)).json<RoundDetail>();
    const steps = [...detail.history].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || Number(a.id) - Number(b.id)).map((h) => h.transition);
    expect(steps).toEqual([
      'publish', 'notify', 'disclose', 'startAudit', 'submitReport', 'applyForEvaluation', 'returnEvaluationApplication',
      'resubmitEvaluation', 'acceptEvaluationApplication', 'recordEvaluation', 'applyForAcceptance',
      'acceptAcceptanceApplication', 'recordAcceptance', 'publishResult',
    ]);
  });

  it('failing paths: an evaluation below 70 sends the audit back; a vetoed acceptance is rectified and re-applied', async () => {
    // A second enterprise of 渝北 with its own user, listed in the same 2021 campaign.
    const enterprise = await createEnterprise(a.yubei);
    const admin = await signIn(t.app, 'admin');
    const user = await createUser(admin, { orgId: enterprise.id, role: 'enterprise_user' });
    const id = await listedAndAudited(2021, enterprise.id, await signIn(t.app, user.username, 'Start2024pass'));

    await applyForEvaluation(id);
    await fire(a.yubei, id, 'acceptEvaluationApplication');
    await panelScores(id, 'evaluation', [70, 69.9, 69.6]);
    ok(await opinion(id, 'evaluation', '渝北环评审〔2021〕13号'));
    expect((await fire(a.yubei, id, 'recordEvaluation')).state).toBe('evaluation_failed');
    expect((await fire(a.agency, id, 'restartAudit')).state).toBe('audit_started');
    await upload(a.agency, `/api/rounds/${id}/reports`, '清洁生产审核报告（重新审核）.docx', minimalDocx('v2'));
    await fire(a.agency, id, 'submitReport');
    await fire(a.agency, id, 'applyForEvaluation');
    await fire(a.yubei, id, 'acceptEvaluationApplication');
    await panelScores(id, 'evaluation', [92, 91, 93]);
    ok(await opinion(id, 'evaluation', '渝北环评审〔2021〕14号'));
    expect((await fire(a.yubei, id, 'recordEvaluation')).state).toBe('evaluated');

    await applyForAcceptance(id);
    await fire(a.yubei, id, 'acceptAcceptanceApplication');
    await panelScores(id, 'acceptance', [95, 92, 94], ['false_monitoring']);
    ok(await opinion(id, 'acceptance', '渝北环验〔2022〕4号'));
    expect((await fire(a.yubei, id, 'recordAcceptance')).state).toBe('acceptance_rejected');

    const refused = ok(
      await a.agency.send('POST', `/api/rounds/${id}/transitions/reapplyForAcceptance`, { expectedState: 'acceptance_rejected' }),
      422,
    );
    expect(errorOf(refused).code).toBe('GUARD_NOT_MET');
    await attach(a.agency, id, 'rectification', '整改情况说明.pdf');
    await fire(a.agency, id, 'reapplyForAcceptance');
    await fire(a.yubei, id, 'acceptAcceptanceApplication');
    await panelScores(id, 'acceptance', [80, 82, 81]);
    ok(await opinion(id, 'acceptance', '渝北环验〔2022〕5号'));
    expect((await fire(a.yubei, id, 'recordAcceptance')).state).toBe('accepted');
  });
});

