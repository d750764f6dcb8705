import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationPage } from '../../../shared/contracts/notifications';
import type { RoundPanels } from '../../../shared/contracts/reviews';
import { createTestApp, orgIdOf, signIn, userIdOf, type Client, type TestContext } from '../../../../test/helpers/app';
import { createEnterprise } from '../../../../test/helpers/factories';
import {
  actors,
  applyForAcceptance,
  applyForEvaluation,
  fire,
  listed,
  listedAndAudited,
  ok,
  opinion,
  panelScores,
  type Actors,
} from '../../../../test/helpers/lifecycle';
import { addExperts, roundInState } from '../../../../test/helpers/reviews';

/**
 * Notifications written by transitions that hand work to someone: exactly the intended organisations
 * (or, for panels, expert users) receive them, and nobody else.
 */

let t: TestContext;
let a: Actors;
let ent1: Client;
let org: { ent1: string; agency: string; yubei: string; jiangbei: string; city: string };
const seen = new Set<string>();

interface Row {
  id: string;
  org: string | null;
  user: string | null;
  kind: string;
  roundId: string | null;
  titleZh: string;
  titleEn: string;
  bodyZh: string | null;
  bodyEn: string | null;
  link: string | null;
}

/** The notifications written since the last call. */
async function fresh(): Promise<Row[]> {
  const { rows } = await t.db.query<Row>(
    `SELECT id, recipient_org_id AS org, recipient_user_id AS user, kind, round_id AS "roundId", title_zh AS "titleZh",
            title_en AS "titleEn", body_zh AS "bodyZh", body_en AS "bodyEn", link
       FROM notifications ORDER BY created_at, id`,
  );
  const out = rows.filter((r) => !seen.has(r.id));
  for (const r of out) seen.add(r.id);
  return out;
}

/** Recipients as sorted "kind → org" strings. */
const recipients = (rows: Row[]) => rows.map((r) => `${r.kind} → ${r.org ?? `user:${r.user ?? ''}`}`).sort();

beforeAll(async () => {
  t = await createTestApp();
  a = await actors((u) => signIn(t.app, u));
  ent1 = await signIn(t.app, 'ent1');
  const [ent1Org, yubei, jiangbei, city] = await Promise.all(['ent1', 'yubei', 'jiangbei', 'city'].map((u) => orgIdOf(t.db, u)));
  org = { ent1: ent1Org ?? '', agency: a.agencyId, yubei: yubei ?? '', jiangbei: jiangbei ?? '', city: city ?? '' };
  await fresh();
});
afterAll(async () => t.close());

describe('notifications of the round transitions', () => {
  it('reach exactly the audience of each step, from the written notice to the acceptance result', async () => {
    const step = async (fn: () => Promise<unknown>) => {
      await fn();
      return fresh();
    };
    const { rows: names } = await t.db.query<{ name: string }>('SELECT name FROM enterprises WHERE id = $1', [org.ent1]);
    const name = names[0]?.name ?? '';
    let id = '';

    // Listing, written notice (no agency yet), then the agency's own steps up to the report: the report reaches the district.
    let rows = await step(async () => {
      id = await listedAndAudited(a, org.ent1, ent1);
    });
    expect(recipients(rows)).toEqual(
      [`list.published → ${org.ent1}`, `round.noticeIssued → ${org.ent1}`, `round.submitted → ${org.yubei}`].sort(),
    );
    const notice = rows.find((r) => r.kind === 'round.noticeIssued');
    expect(notice).toMatchObject({ roundId: id, link: `/rounds/${id}` });
    expect(notice?.titleZh).toBe(`${name}已收到2021年度清洁生产审核书面通知`);
    expect(notice?.bodyZh).toContain('当前状态：已书面通知。下一步：企业完成信息公开，期限：2021-04-25。');
    expect(notice?.bodyEn).toContain('State: Notified in writing. Next: the enterprise discloses its information, due 2021-04-25.');
    expect(rows.find((r) => r.kind === 'round.submitted')?.bodyZh).toContain('当前状态：审核报告已提交');

    expect(recipients(await step(() => applyForEvaluation(a, id)))).toEqual([`round.submitted → ${org.yubei}`]);
    rows = await step(() => fire(a, a.yubei, id, 'returnEvaluationApplication', { comment: '缺少物料平衡测试原始记录' }));
    expect(recipients(rows)).toEqual([`round.returned → ${org.agency}`, `round.returned → ${org.ent1}`].sort());
    expect(rows[0]?.bodyZh).toContain('理由：缺少物料平衡测试原始记录');
    expect(recipients(await step(() => fire(a, a.agency, id, 'resubmitEvaluation')))).toEqual([`round.submitted → ${org.yubei}`]);
    expect(recipients(await step(() => fire(a, a.yubei, id, 'acceptEvaluationApplication')))).toEqual(
      [`round.reviewStarted → ${org.agency}`, `round.reviewStarted → ${org.ent1}`].sort(),
    );
    expect(recipients(await step(() => panelScores(a, id, 'evaluation', [92, 91, 93])))).toEqual(
      a.expertIds.map((e) => `panel.assigned → user:${e}`).sort(),
    );
    rows = await step(async () => {
      ok(await opinion(a, id, 'evaluation', '渝北环评审〔2021〕31号'));
      await fire(a, a.yubei, id, 'recordEvaluation');
    });
    expect(recipients(rows)).toEqual([`round.evaluationRecorded → ${org.agency}`, `round.evaluationRecorded → ${org.ent1}`].sort());
    expect(rows[0]?.titleZh).toBe(`${name}清洁生产审核评估结论：通过`);
    expect(rows[0]?.bodyZh).toContain('专家组评分 92.0 分');
    expect(rows[0]?.titleEn).toBe(`Evaluation result of ${name}: Pass`);

    expect(recipients(await step(() => applyForAcceptance(a, id)))).toEqual([`round.submitted → ${org.yubei}`]);
    expect(recipients(await step(() => fire(a, a.yubei, id, 'acceptAcceptanceApplication')))).toHaveLength(2);
    expect(await step(() => panelScores(a, id, 'acceptance', [95, 92, 94]))).toHaveLength(3);
    rows = await step(async () => {
      ok(await opinion(a, id, 'acceptance', '渝北环验〔2022〕31号'));
      await fire(a, a.yubei, id, 'recordAcceptance');
    });
    expect(recipients(rows)).toEqual(
      [`round.acceptanceRecorded → ${org.agency}`, `round.acceptanceRecorded → ${org.city}`, `round.acceptanceRecorded → ${org.ent1}`].sort(),
    );
    expect(rows[0]?.bodyZh).toContain('验收结论：验收合格');
    expect(rows[0]?.bodyZh).toContain('下一步：市局分批公示验收结果');

    // Nobody outside the round's scope was told anything.
    const { rows: others } = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notifications WHERE round_id = $1 AND recipient_org_id = $2',
      [id, org.jiangbei],
    );
    expect(others[0]?.n).toBe(0);
    // The enterprise reads its notices in English when it asks for English.
    const inbox = ok(await ent1.get('/api/notifications?kind=round.evaluationRecorded', { 'accept-language': 'en' })).json<NotificationPage>();
    expect(inbox.items.map((n) => n.title)).toEqual([`Evaluation result of ${name}: Pass`]);
  });

  it('tells the enterprise of a side transition, with the reason', async () => {
    const enterprise = await createEnterprise(a.yubei);
    const id = await listed(a, enterprise.id);
    await fresh();
    await fire(a, a.yubei, id, 'rollOver', { comment: '停产检修，滚动纳入下一年度' });
    const rows = await fresh();
    expect(recipients(rows)).toEqual([`round.sideChange → ${enterprise.id}`]);
    expect(rows[0]?.bodyZh).toContain('理由：停产检修，滚动纳入下一年度');
    expect(rows[0]?.bodyEn).toContain("rolled over into next year's list");
  });
});

describe('panel assignment', () => {
  it('tells each expert of a formed panel, and the incoming expert of a replacement, personally', async () => {
    const roundId = await roundInState(t, a.city, a.yubei, 'evaluation_review');
    await fresh();
    const formed = ok(await a.yubei.send('POST', `/api/rounds/${roundId}/panels`, { expertUserIds: a.expertIds, reason: '测试：人工组建专家组' }), 201).json<RoundPanels>();
    const panelId = formed.panels[0]?.id ?? '';
    const rows = await fresh();
    expect(recipients(rows)).toEqual(a.expertIds.map((e) => `panel.assigned → user:${e}`).sort());
    expect(rows.every((r) => r.org === null && r.link === `/reviews/${panelId}` && r.roundId === roundId)).toBe(true);
    expect(rows[0]?.titleZh).toContain('评估专家组');

    // expert1 declares a conflict and is replaced by a new expert: only the newcomer is told.
    await addExperts(t.db, ['expert_calendar4']);
    const newcomer = await userIdOf(t.db, 'expert_calendar4');
    const [expert1] = a.experts;
    ok(await (expert1 as Client).send('POST', `/api/review-panels/${panelId}/conflict`, { hasConflict: true, note: '曾为该企业提供咨询' }));
    ok(await a.yubei.send('POST', `/api/review-panels/${panelId}/replacements`, { outgoingUserId: a.expertIds[0], incomingUserId: newcomer, reason: '测试：人工更换专家' }));
    expect(recipients(await fresh())).toEqual([`panel.assigned → user:${newcomer}`]);
    const inbox = ok(await (await signIn(t.app, 'expert_calendar4')).get('/api/notifications', { 'accept-language': 'en' })).json<NotificationPage>();
    expect(inbox.items.map((n) => [n.kind, n.link])).toEqual([['panel.assigned', `/reviews/${panelId}`]]);
    expect(inbox.items[0]?.title).toContain('evaluation panel');
  });
});

