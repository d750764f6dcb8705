import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyReviewPage, RoundPanels, ScoreSheetVersions, ScoreSheetView, ScoringView } from '../../../shared/contracts/reviews';
import { DEFAULT_EVALUATION_SHEET, DEFAULT_GRADING_RULE } from '../../../shared/domain/scoring';
import { auditEventsOf, countRows, createTestApp, errorOf, signIn, userIdOf, type Client, type TestContext } from '../../../../test/helpers/app';
import { addExperts, expertClients, fullScores, roundInState } from '../../../../test/helpers/reviews';

let t: TestContext;
let admin: Client;
let city: Client;
let yubei: Client;
let jiangbei: Client;
let ent1: Client;
let experts: Client[];
let ids: string[];
const NAMES = ['expert1', 'expert2', 'expert3', 'expert_r4', 'expert_r5'] as const;

beforeAll(async () => {
  t = await createTestApp();
  await addExperts(t.db, ['expert_r4', 'expert_r5']);
  [admin, city, yubei, jiangbei, ent1] = await Promise.all([
    signIn(t.app, 'admin'), signIn(t.app, 'city'), signIn(t.app, 'yubei'), signIn(t.app, 'jiangbei'), signIn(t.app, 'ent1'),
  ]);
  experts = await expertClients(t, NAMES);
  ids = await Promise.all(NAMES.map((n) => userIdOf(t.db, n)));
});
afterAll(async () => t.close());

const expert = (i: number): Client => {
  const c = experts[i];
  if (!c) throw new Error(`no expert ${i}`);
  return c;
};
const formPanel = (roundId: string, expertIds: readonly (string | undefined)[], client = yubei) =>
  client.send('POST', `/api/rounds/${roundId}/panels`, { expertUserIds: expertIds, reason: '测试：人工组建专家组' });
async function newPanel(roundId: string, members = ids.slice(0, 3)): Promise<RoundPanels['panels'][number]> {
  const res = await formPanel(roundId, members);
  expect(res.statusCode, res.body).toBe(201);
  const panel = res.json<RoundPanels>().panels[0];
  if (!panel) throw new Error('no panel');
  return panel;
}

describe('score sheets and the grading rule', () => {
  it('has the default sheets as version 1 on a fresh database, for the city administrator only', async () => {
    const res = await admin.get('/api/score-sheets/evaluation');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ScoreSheetVersions>();
    expect(body.current.version).toBe(1);
    expect(body.current.items).toEqual(DEFAULT_EVALUATION_SHEET.items);
    expect((await admin.get('/api/score-sheets/acceptance')).json<ScoreSheetVersions>().current.version).toBe(1);
    expect((await yubei.get('/api/score-sheets/evaluation')).statusCode).toBe(403);
    expect((await expert(0).get('/api/score-sheets/evaluation')).statusCode).toBe(403);
    expect((await admin.get('/api/score-sheets/other')).statusCode).toBe(400);
  });

  it('refuses an invalid sheet naming the problem and writes nothing', async () => {
    const before = await countRows(t.db, ['score_sheets', 'audit_events']);
    const items = DEFAULT_EVALUATION_SHEET.items.map((i) => ({ ...i }));
    const short = await admin.send('POST', '/api/score-sheets/evaluation/versions', { items: items.slice(1) });
    expect(short.statusCode).toBe(400);
    expect(errorOf(short).fields?.items).toContain('100');
    const dup = await admin.send('POST', '/api/score-sheets/evaluation/versions', { items: [...items, { ...items[0] }] });
    expect(dup.statusCode).toBe(400);
    expect(Object.keys(errorOf(dup).fields ?? {})).toContain(`items.${items.length}.code`);
    const veto = items.map((i) => (i.code === 'falsification' ? { ...i, maxPoints: 5 } : i));
    const vetoRes = await admin.send('POST', '/api/score-sheets/evaluation/versions', { items: veto });
    expect(errorOf(vetoRes).fields?.['items.7.maxPoints']).toContain('falsification');
    const badCode = await admin.send('POST', '/api/score-sheets/evaluation/versions', { items: [{ ...items[0], code: 'Bad Code' }] });
    expect(Object.keys(errorOf(badCode).fields ?? {})).toEqual(['items.0.code']);
    expect(await countRows(t.db, ['score_sheets', 'audit_events'])).toEqual(before);
  });

  it('makes an edit a new version; panels formed earlier keep their version', async () => {
    const early = await roundInState(t, city, yubei, 'evaluation_review');
    const earlyPanel = await newPanel(early);
    expect(earlyPanel.sheetVersion).toBe(1);

    const items = DEFAULT_EVALUATION_SHEET.items.map((i) =>
      i.code === 'process_authenticity' ? { ...i, maxPoints: 20, label: { 'zh-CN': '审核过程真实性（修订）', en: 'Authenticity (revised)' } }
      : i.code === 'report_quality' ? { ...i, maxPoints: 10 } : i,
    );
    const events = await auditEventsOf(t.db, async () => {
      const res = await admin.send('POST', '/api/score-sheets/evaluation/versions', { items });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<ScoreSheetView>().version).toBe(2);
    });
    expect(events.map((e) => e.action)).toEqual(['scoreSheet.versionCreated']);
    const sheets = (await admin.get('/api/score-sheets/evaluation')).json<ScoreSheetVersions>();
    expect(sheets.versions.map((v) => [v.version, v.panelCount])).toEqual([[2, 0], [1, expect.any(Number)]]);
    expect((await admin.get('/api/score-sheets/evaluation/versions/1')).json<ScoreSheetView>().items).toEqual(DEFAULT_EVALUATION_SHEET.items);

    const late = await roundInState(t, city, yubei, 'evaluation_review');
    const latePanel = await newPanel(late);
    expect(latePanel.sheetVersion).toBe(2);
    const earlyView = (await expert(0).get(`/api/review-panels/${earlyPanel.id}/scoring`)).json<ScoringView>();
    expect(earlyView.sheet.version).toBe(1);
    expect(earlyView.sheet.items.find((i) => i.code === 'report_quality')?.maxPoints).toBe(15);
    // Scores are checked against the panel's own version: 14 points on report_quality fit v1 but not v2.
    await expert(0).send('POST', `/api/review-panels/${earlyPanel.id}/conflict`, { hasConflict: false });
    await expert(0).send('POST', `/api/review-panels/${latePanel.id}/conflict`, { hasConflict: false });
    const onV1 = await expert(0).send('PUT', `/api/review-panels/${earlyPanel.id}/scores`, { scores: { report_quality: 14 } });
    expect(onV1.statusCode, onV1.body).toBe(200);
    const onV2 = await expert(0).send('PUT', `/api/review-panels/${latePanel.id}/scores`, { scores: { report_quality: 14 } });
    expect(onV2.statusCode).toBe(400);
    expect(errorOf(onV2).fields?.['scores.report_quality']).toContain('10');

    // Restore the default items (version 3) for the rest of the file.
    const restore = await admin.send('POST', '/api/score-sheets/evaluation/versions', { items: DEFAULT_EVALUATION_SHEET.items });
    expect(restore.json<ScoreSheetView>().version).toBe(3);
  });

  it('edits the grading rule (validated, audited) and applies it to panel sizes', async () => {
    expect((await admin.get('/api/grading-rule')).json()).toEqual(DEFAULT_GRADING_RULE);
    const bad = await admin.send('PUT', '/api/grading-rule', { ...DEFAULT_GRADING_RULE, evaluation: { failBelow: 95, passAtOrAbove: 90 } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(errorOf(bad).fields ?? {})).toEqual(['evaluation.passAtOrAbove']);
    const tooBig = await admin.send('PUT', '/api/grading-rule', { ...DEFAULT_GRADING_RULE, minPanelSize: 40 });
    expect(Object.keys(errorOf(tooBig).fields ?? {})).toEqual(['minPanelSize']);
    expect((await city.send('PUT', '/api/grading-rule', DEFAULT_GRADING_RULE)).statusCode).toBe(403);

    const events = await auditEventsOf(t.db, async () => {
      const res = await admin.send('PUT', '/api/grading-rule', { ...DEFAULT_GRADING_RULE, minPanelSize: 5 });
      expect(res.statusCode, res.body).toBe(200);
    });
    expect(events.map((e) => [e.action, e.after?.minPanelSize])).toEqual([['gradingRule.updated', 5]]);
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    const three = await formPanel(round, ids.slice(0, 3));
    expect(three.statusCode).toBe(400);
    expect(errorOf(three).fields?.expertUserIds).toContain('5');
    expect((await formPanel(round, ids)).statusCode).toBe(201);
    expect((await admin.send('PUT', '/api/grading-rule', DEFAULT_GRADING_RULE)).statusCode).toBe(200);
  });
});

describe('panels', () => {
  it('refuses wrong sizes, duplicates, non-experts, wrong states, other districts and roles', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    const listed = await roundInState(t, city, yubei, 'report_submitted');
    const before = await countRows(t.db, ['review_panels', 'panel_members', 'audit_events']);
    const two = await formPanel(round, ids.slice(0, 2));
    expect(two.statusCode).toBe(400);
    expect(errorOf(two).fields?.expertUserIds).toContain('3');
    const four = await formPanel(round, ids.slice(0, 4));
    expect(errorOf(four).fields?.expertUserIds).toContain('奇数');
    const dup = await formPanel(round, [ids[0], ids[1], ids[0]]);
    expect(Object.keys(errorOf(dup).fields ?? {})).toEqual(['expertUserIds.2']);
    const notExpert = await formPanel(round, [yubei.userId, ids[1], ids[2]]);
    expect(Object.keys(errorOf(notExpert).fields ?? {})).toEqual(['expertUserIds.0']);
    expect((await formPanel(round, ids.slice(0, 3), jiangbei)).statusCode).toBe(404);
    expect((await formPanel(round, ids.slice(0, 3), ent1)).statusCode).toBe(403);
    expect((await formPanel(round, ids.slice(0, 3), expert(0))).statusCode).toBe(403);
    const wrongState = await formPanel(listed, ids.slice(0, 3));
    expect(wrongState.statusCode).toBe(409);
    expect(errorOf(wrongState).code).toBe('REVIEW_CONFLICT');
    expect(await countRows(t.db, ['review_panels', 'panel_members', 'audit_events'])).toEqual(before);

    const events = await auditEventsOf(t.db, async () => expect((await formPanel(round, ids.slice(0, 3))).statusCode).toBe(201));
    // A manual choice is also recorded as a draw record with its reason (expert library).
    expect(events.map((e) => e.action)).toEqual(['panelDraw.manualChoice', 'panel.formed']);
    const again = await formPanel(round, ids.slice(2, 5));
    expect(again.statusCode).toBe(409);
    const after = await countRows(t.db, ['review_panels', 'panel_members']);
    expect(after).toEqual({ review_panels: before.review_panels! + 1, panel_members: before.panel_members! + 3 });
  });

  it('lets only panel members see the round (others 404) and read but not edit it', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    expect((await expert(0).get(`/api/rounds/${round}`)).statusCode).toBe(404);
    const panel = await newPanel(round);
    expect((await expert(0).get(`/api/rounds/${round}`)).statusCode).toBe(200);
    expect((await expert(3).get(`/api/rounds/${round}`)).statusCode).toBe(404);
    expect((await expert(3).get(`/api/rounds/${round}/panels`)).statusCode).toBe(404);
    expect((await expert(3).get(`/api/review-panels/${panel.id}/scoring`)).statusCode).toBe(404);
    expect((await expert(3).send('PUT', `/api/review-panels/${panel.id}/scores`, { scores: {} })).statusCode).toBe(404);
    const view = (await expert(0).get(`/api/rounds/${round}/panels`)).json<RoundPanels>();
    expect(view.myPanelIds).toEqual([panel.id]);
    expect(view.canManage).toBe(false);
    // Enterprises learn the result from the timeline, not who sits on the panel.
    expect((await ent1.get(`/api/rounds/${round}/panels`)).statusCode).toBe(403);
    expect((await city.get(`/api/rounds/${round}/panels`)).json<RoundPanels>().canManage).toBe(false);
    expect((await expert(0).get('/api/rounds')).statusCode).toBe(403);
    const fire = await expert(0).send('POST', `/api/rounds/${round}/transitions/recordEvaluation`, { expectedState: 'evaluation_review' });
    expect(fire.statusCode).toBe(403);
    expect((await expert(0).send('PUT', `/api/rounds/${round}/disclosure`, { items: {} })).statusCode).toBe(403);
  });

  it('makes a member with a conflict unable to score and lets the district replace them', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    const panel = await newPanel(round);
    const url = `/api/review-panels/${panel.id}`;
    const noNote = await expert(1).send('POST', `${url}/conflict`, { hasConflict: true });
    expect(noNote.statusCode).toBe(400);
    expect(Object.keys(errorOf(noNote).fields ?? {})).toEqual(['note']);
    const events = await auditEventsOf(t.db, async () => {
      const res = await expert(1).send('POST', `${url}/conflict`, { hasConflict: true, note: '曾为该企业提供咨询服务' });
      expect(res.json<ScoringView>().status).toBe('conflict');
    });
    expect(events.map((e) => e.action)).toEqual(['panel.conflictDeclared']);
    expect((await expert(1).send('POST', `${url}/conflict`, { hasConflict: false })).statusCode).toBe(409);
    const blocked = await expert(1).send('PUT', `${url}/scores`, { scores: fullScores('evaluation', 80), submit: true });
    expect(blocked.statusCode).toBe(409);
    expect(errorOf(blocked).code).toBe('REVIEW_CONFLICT');
    const undeclared = await expert(2).send('PUT', `${url}/scores`, { scores: {} });
    expect(undeclared.statusCode).toBe(409);

    const panels = (await yubei.get(`/api/rounds/${round}/panels`)).json<RoundPanels>();
    expect(panels.panels[0]?.members.map((m) => m.conflict)).toEqual(['undeclared', 'conflict', 'undeclared']);
    expect(panels.panels[0]?.members[1]?.conflictNote).toBe('曾为该企业提供咨询服务');

    // A submitted member cannot be replaced; a member with a conflict can.
    await expert(0).send('POST', `${url}/conflict`, { hasConflict: false });
    expect((await expert(0).send('PUT', `${url}/scores`, { scores: fullScores('evaluation', 80), submit: true })).statusCode).toBe(200);
    const submitted = await yubei.send('POST', `${url}/replacements`, { outgoingUserId: ids[0], incomingUserId: ids[3], reason: '测试：人工更换专家' });
    expect(submitted.statusCode).toBe(409);
    const member = await yubei.send('POST', `${url}/replacements`, { outgoingUserId: ids[1], incomingUserId: ids[2], reason: '测试：人工更换专家' });
    expect(Object.keys(errorOf(member).fields ?? {})).toEqual(['incomingUserId']);
    const stranger = await yubei.send('POST', `${url}/replacements`, { outgoingUserId: ids[4], incomingUserId: ids[3], reason: '测试：人工更换专家' });
    expect(Object.keys(errorOf(stranger).fields ?? {})).toEqual(['outgoingUserId']);
    expect((await jiangbei.send('POST', `${url}/replacements`, { outgoingUserId: ids[1], incomingUserId: ids[3], reason: '测试：人工更换专家' })).statusCode).toBe(404);
    const replaced = await yubei.send('POST', `${url}/replacements`, { outgoingUserId: ids[1], incomingUserId: ids[3], reason: '测试：人工更换专家' });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const members = replaced.json<RoundPanels>().panels[0]?.members ?? [];
    expect(members.map((m) => [m.expertUserId, m.replacedAt === null])).toEqual([
      [ids[0], true], [ids[2], true], [ids[3], true], [ids[1], false],
    ]);
    expect((await expert(1).get(`${url}/scoring`)).statusCode).toBe(404);
    expect((await expert(1).get(`/api/rounds/${round}`)).statusCode).toBe(404);
    expect((await expert(3).get(`${url}/scoring`)).json<ScoringView>().status).toBe('undeclared');
  });
});

describe('scoring', () => {
  it('validates scores naming the item, saves drafts, and makes submitted scores read-only', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    const panel = await newPanel(round);
    const url = `/api/review-panels/${panel.id}`;
    await expert(0).send('POST', `${url}/conflict`, { hasConflict: false });
    const before = await countRows(t.db, ['audit_events']);
    const missing = { ...fullScores('evaluation', 80) };
    delete missing.report_quality;
    const cases: [Record<string, unknown>, string, string][] = [
      [missing, 'scores.report_quality', '未评分'],
      [{ ...fullScores('evaluation', 80), balances: 16 }, 'scores.balances', '0 至 15'],
      [{ ...fullScores('evaluation', 80), balances: 10.25 }, 'scores.balances', '一位小数'],
      [{ ...fullScores('evaluation', 80), bogus: 1 }, 'scores.bogus', '不是评分表中的项目'],
      [{ ...fullScores('evaluation', 80), falsification: 1 }, 'scores.falsification', '否决项'],
    ];
    for (const [scores, field, text] of cases) {
      const res = await expert(0).send('PUT', `${url}/scores`, { scores, submit: true });
      expect(res.statusCode, field).toBe(400);
      expect(Object.keys(errorOf(res).fields ?? {})).toEqual([field]);
      expect(errorOf(res).fields?.[field]).toContain(text);
    }
    expect(await countRows(t.db, ['audit_events'])).toEqual(before);

    const draft = await expert(0).send('PUT', `${url}/scores`, { scores: { balances: 12.5 } });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json<ScoringView>()).toMatchObject({ status: 'draft', scores: { balances: 12.5 }, submittedAt: null });
    expect((await expert(0).send('PUT', `${url}/scores`, { scores: { balances: 99 } })).statusCode).toBe(400);

    const events = await auditEventsOf(t.db, async () => {
      const res = await expert(0).send('PUT', `${url}/scores`, { scores: fullScores('evaluation', 80), submit: true });
      expect(res.json<ScoringView>().status).toBe('submitted');
    });
    expect(events.map((e) => e.action)).toEqual(['panel.scoresSubmitted']);
    const locked = await expert(0).send('PUT', `${url}/scores`, { scores: fullScores('evaluation', 85) });
    expect(locked.statusCode).toBe(409);
    const { rows } = await t.db.query<{ scores: Record<string, number> }>(
      'SELECT scores FROM panel_members WHERE panel_id = $1 AND expert_user_id = $2',
      [panel.id, ids[0]!],
    );
    expect(rows[0]?.scores).toEqual(fullScores('evaluation', 80));
  });

  it("lists the expert's reviews by status", async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    const panel = await newPanel(round, [ids[4]!, ids[1]!, ids[2]!]);
    const mine = async (filter: string) =>
      (await expert(4).get(`/api/my-reviews?filter=${filter}`)).json<MyReviewPage>().items.map((r) => [r.panelId, r.status]);
    expect(await mine('open')).toContainEqual([panel.id, 'undeclared']);
    await expert(4).send('POST', `/api/review-panels/${panel.id}/conflict`, { hasConflict: false });
    await expert(4).send('PUT', `/api/review-panels/${panel.id}/scores`, { scores: fullScores('evaluation', 88), submit: true });
    expect(await mine('open')).not.toContainEqual([panel.id, expect.anything()]);
    expect(await mine('submitted')).toContainEqual([panel.id, 'submitted']);
    expect(await mine('decided')).toEqual([]);
    const page = (await expert(4).get('/api/my-reviews?pageSize=1')).json<MyReviewPage>();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect((await yubei.get('/api/my-reviews')).statusCode).toBe(403);
    expect((await expert(4).get('/api/my-reviews?filter=nope')).statusCode).toBe(400);
  });
});

describe('demo panels', () => {
  it('gives the demo rounds past evaluation a decided panel and expert1 an open draft', async () => {
    const rounds = (await yubei.get('/api/rounds?pageSize=100')).json<{ items: { id: string; enterpriseName: string; listingYear: number }[] }>().items;
    const huaxin = rounds.find((r) => r.enterpriseName === '重庆华鑫表面处理有限公司' && r.listingYear === 2020);
    if (!huaxin) throw new Error('demo round missing');
    const panels = (await yubei.get(`/api/rounds/${huaxin.id}/panels`)).json<RoundPanels>();
    expect(panels.panels.map((p) => [p.kind, p.grade, p.panelScore, p.members.map((m) => m.total)])).toEqual([
      ['evaluation', 'pass_with_revision', 84.2, [83, 84, 85.5]],
    ]);
    const decided = (await expert(0).get('/api/my-reviews?filter=decided&pageSize=100')).json<MyReviewPage>();
    expect(decided.items.map((r) => `${r.enterpriseName} ${r.listingYear} ${r.kind}`)).toContain('重庆华鑫表面处理有限公司 2020 evaluation');
    const open = (await expert(0).get('/api/my-reviews?filter=open&pageSize=100')).json<MyReviewPage>();
    const draft = open.items.find((r) => r.listingYear === 2020 && r.status === 'draft');
    expect(draft).toBeDefined();
    const view = (await expert(0).get(`/api/review-panels/${draft?.panelId}/scoring`)).json<ScoringView>();
    expect(Object.keys(view.scores).sort()).toEqual(['balances', 'process_authenticity']);
  });
});
