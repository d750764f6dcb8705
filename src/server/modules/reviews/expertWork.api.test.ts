import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignmentPage, ExpertPanelWork, ExpertWorkSettings, RatingPage, RoundExpertWork } from '../../../shared/contracts/expertWork';
import type { RoundPanels } from '../../../shared/contracts/reviews';
import type { RoundDetail } from '../../../shared/contracts/rounds';
import { localIsoDate } from '../../../shared/domain/deadlines';
import { subtractWorkingDays } from '../../../shared/domain/expertWork';
import { auditEventsOf, createTestApp, errorOf, signIn, userIdOf, type Client, type TestContext } from '../../../../test/helpers/app';
import { addExperts, expertClients, fullScores, roundInState, signPanel } from '../../../../test/helpers/reviews';

let t: TestContext;
let admin: Client;
let city: Client;
let yubei: Client;
let jiangbei: Client;
let ent1: Client;
let experts: Client[];
let outsider: Client;
let ids: string[];
let outsiderId: string;
const NAMES = ['expert1', 'expert2', 'expert3'] as const;

beforeAll(async () => {
  t = await createTestApp();
  const signed = await Promise.all(['admin', 'city', 'yubei', 'jiangbei', 'ent1'].map((u) => signIn(t.app, u)));
  [admin, city, yubei, jiangbei, ent1] = signed as [Client, Client, Client, Client, Client];
  await addExperts(t.db, ['expert_w4']);
  experts = await expertClients(t, NAMES);
  outsider = await signIn(t.app, 'expert_w4');
  ids = await Promise.all(NAMES.map((n) => userIdOf(t.db, n)));
  outsiderId = await userIdOf(t.db, 'expert_w4');
});
afterAll(async () => t.close());

const today = () => localIsoDate(new Date());
function plusDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const expert = (i: number): Client => {
  const c = experts[i];
  if (!c) throw new Error(`no expert ${i}`);
  return c;
};

async function formPanel(roundId: string): Promise<string> {
  const res = await yubei.send('POST', `/api/rounds/${roundId}/panels`, { expertUserIds: ids, reason: '测试：指定专家组成员' });
  expect(res.statusCode, res.body).toBe(201);
  const panel = res.json<RoundPanels>().panels[0];
  if (!panel) throw new Error('no panel');
  return panel.id;
}

async function meeting(panelId: string, on: string | null): Promise<void> {
  const res = await yubei.send('PUT', `/api/review-panels/${panelId}/meeting`, { meetingOn: on, meetingPlace: on ? '渝北区生态环境局三楼会议室' : null });
  expect(res.statusCode, res.body).toBe(200);
}

/** Test-only SQL: the review meeting at any date (the API refuses dates before the panel's formation). */
const meetingAt = (panelId: string, on: string) => t.db.query('UPDATE review_panels SET meeting_on = $2::date WHERE id = $1', [panelId, on]);

/** Test-only SQL: the evaluation material of a round (report version and two application files) arriving at `at`. */
async function evaluationMaterial(roundId: string, at: string): Promise<void> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO files (sha256, size, media_type, original_name, city_code, district_code, created_at)
     SELECT repeat('a', 64), 10, 'application/pdf', x || '.pdf', r.city_code, r.district_code, $2::timestamptz
       FROM audit_rounds r, unnest(ARRAY['report', 'evidence', 'capacity']) AS x WHERE r.id = $1 RETURNING id`,
    [roundId, at],
  );
  const [report, evidence, capacity] = rows.map((r) => r.id) as [string, string, string];
  await t.db.query(
    `INSERT INTO round_reports (round_id, version, file_id, uploaded_at, city_code, district_code)
     SELECT id, 1, $2, $3::timestamptz, city_code, district_code FROM audit_rounds WHERE id = $1`,
    [roundId, report, at],
  );
  await t.db.query(
    `INSERT INTO round_files (round_id, file_id, purpose, city_code, district_code, created_at)
     SELECT r.id, f.id, f.purpose, r.city_code, r.district_code, $4::timestamptz
       FROM audit_rounds r, (VALUES ($2::uuid, 'evaluation_evidence'), ($3::uuid, 'capacity_proof')) AS f(id, purpose) WHERE r.id = $1`,
    [roundId, evidence, capacity, at],
  );
}

async function assignmentOf(client: Client, panelId: string) {
  const res = await client.get('/api/my-reviews/assignments?pageSize=100');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AssignmentPage>().items.find((a) => a.panelId === panelId);
}

const work = async (client: Client, panelId: string) => {
  const res = await client.get(`/api/review-panels/${panelId}/expert-work`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ExpertPanelWork>();
};

const declareAll = async (panelId: string) => {
  for (const e of experts) expect((await e.send('POST', `/api/review-panels/${panelId}/conflict`, { hasConflict: false })).statusCode).toBe(200);
};

const submitScores = async (panelId: string, totals: readonly number[]) => {
  for (const [i, e] of experts.entries()) {
    const res = await e.send('PUT', `/api/review-panels/${panelId}/scores`, { scores: fullScores('evaluation', totals[i] ?? 80), submit: true });
    expect(res.statusCode, res.body).toBe(200);
  }
};

const PRE_REVIEW = {
  overallImpression: '审核报告结构完整，数据基本可信。',
  mainProblems: '物料平衡测试数据不足。',
  questions: '电镀线漂洗水用量如何计量？',
  suggestedRevisions: '补充物料平衡测试记录。',
  preliminaryConclusion: 'pass_with_revision',
};

describe('assignments with deadlines', () => {
  it('shows the meeting, the materials deadline (3 working days), material availability and flags', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    const panel = await formPanel(round);
    let a = await assignmentOf(expert(0), panel);
    expect(a).toMatchObject({ meetingOn: null, materialsDue: null, overdue: false, dueSoon: false, preReview: 'none', signedAt: null });
    expect(a?.materials).toEqual({
      items: [
        { item: 'report', availableAt: null },
        { item: 'evaluation_evidence', availableAt: null },
        { item: 'capacity_proof', availableAt: null },
      ],
      availableAt: null,
      status: 'unscheduled',
    });

    const meetingOn = plusDays(today(), 20);
    await meeting(panel, meetingOn);
    a = await assignmentOf(expert(0), panel);
    expect(a).toMatchObject({ meetingOn, meetingPlace: '渝北区生态环境局三楼会议室', materialsDue: subtractWorkingDays(meetingOn, 3), dueSoon: false });
    expect(a?.materials.status).toBe('pending');

    // Material complete today: in time for a meeting 20 days ahead.
    await evaluationMaterial(round, new Date().toISOString());
    a = await assignmentOf(expert(0), panel);
    expect(a?.materials.status).toBe('inTime');
    expect(a?.materials.items.every((i) => i.availableAt !== null)).toBe(true);

    // Meeting tomorrow: work open → due soon; the material (today) is now late for a deadline before today.
    await meetingAt(panel, plusDays(today(), 1));
    a = await assignmentOf(expert(0), panel);
    expect(a).toMatchObject({ dueSoon: true, overdue: false });
    expect(a?.materials.status).toBe(subtractWorkingDays(plusDays(today(), 1), 3) < today() ? 'late' : 'inTime');

    // The meeting day passed with work still open: overdue.
    await meetingAt(panel, plusDays(today(), -1));
    a = await assignmentOf(expert(0), panel);
    expect(a).toMatchObject({ overdue: true, dueSoon: false });
    expect((await work(expert(0), panel)).overdue).toBe(true);
  });

  it('shows material missing once its deadline passed, and follows the city setting', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    const panel = await formPanel(round);
    await meetingAt(panel, plusDays(today(), -1));
    expect((await assignmentOf(expert(1), panel))?.materials.status).toBe('missing');

    const meetingOn = plusDays(today(), 30);
    await meetingAt(panel, meetingOn);
    const before = await admin.get('/api/expert-work/settings');
    expect(before.json<ExpertWorkSettings>()).toMatchObject({ materialsLeadWorkingDays: 3, isDefault: true });
    const bad = await admin.send('PUT', '/api/expert-work/settings', { materialsLeadWorkingDays: 25 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(errorOf(bad).fields ?? {})).toEqual(['materialsLeadWorkingDays']);
    for (const who of [city, yubei, expert(0)]) expect((await who.send('PUT', '/api/expert-work/settings', { materialsLeadWorkingDays: 5 })).statusCode).toBe(403);
    const events = await auditEventsOf(t.db, async () => {
      const res = await admin.send('PUT', '/api/expert-work/settings', { materialsLeadWorkingDays: 5 });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<ExpertWorkSettings>()).toMatchObject({ materialsLeadWorkingDays: 5, isDefault: false });
    });
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ['expertWork.settingsUpdated', { materialsLeadWorkingDays: 3 }, { materialsLeadWorkingDays: 5 }],
    ]);
    expect((await assignmentOf(expert(1), panel))?.materialsDue).toBe(subtractWorkingDays(meetingOn, 5));
    expect((await yubei.get(`/api/rounds/${round}/expert-work`)).json<RoundExpertWork>().leadDays).toBe(5);
    expect((await admin.send('PUT', '/api/expert-work/settings', { materialsLeadWorkingDays: 3 })).statusCode).toBe(200);
  });
});

describe('an expert never sees a review they are not on', () => {
  it('answers 404 to a non-member for the panel page, pre-review, scoring and signing', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    const panel = await formPanel(round);
    const o = outsider;
    expect((await o.get(`/api/review-panels/${panel}/expert-work`)).statusCode).toBe(404);
    expect((await o.send('PUT', `/api/review-panels/${panel}/pre-review`, PRE_REVIEW)).statusCode).toBe(404);
    expect((await o.get(`/api/review-panels/${panel}/scoring`)).statusCode).toBe(404);
    expect((await o.send('POST', `/api/review-panels/${panel}/signature`, { fullName: '测试专家expert_w4' })).statusCode).toBe(404);
    expect((await o.get('/api/my-reviews/assignments')).json<AssignmentPage>().items.some((a) => a.panelId === panel)).toBe(false);
    // Other roles: the expert endpoints are the experts' own (403), the bureau view is the bureau's (403).
    expect((await yubei.get(`/api/review-panels/${panel}/expert-work`)).statusCode).toBe(403);
    expect((await expert(0).get(`/api/rounds/${round}/expert-work`)).statusCode).toBe(403);
    expect((await ent1.get(`/api/rounds/${round}/expert-work`)).statusCode).toBe(403);
    expect((await jiangbei.get(`/api/rounds/${round}/expert-work`)).statusCode).toBe(404);
    expect((await city.get(`/api/rounds/${round}/expert-work`)).statusCode).toBe(200);
    // A replaced member no longer sees the panel.
    await expert(2).send('POST', `/api/review-panels/${panel}/conflict`, { hasConflict: true, note: '曾为该企业提供咨询' });
    const replaced = await yubei.send('POST', `/api/review-panels/${panel}/replacements`, { outgoingUserId: ids[2], incomingUserId: outsiderId, reason: '测试：原专家需回避' });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect((await expert(2).get(`/api/review-panels/${panel}/expert-work`)).statusCode).toBe(404);
    expect((await o.get(`/api/review-panels/${panel}/expert-work`)).statusCode).toBe(200);
  });
});

describe('pre-review form', () => {
  it('saves drafts, names missing fields on submission, is read-only once submitted, and opens to others from the meeting day', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    const panel = await formPanel(round);
    const url = `/api/review-panels/${panel}/pre-review`;
    const undeclared = await expert(0).send('PUT', url, { overallImpression: '草稿' });
    expect(undeclared.statusCode).toBe(409);
    await declareAll(panel);

    const draft = await auditEventsOf(t.db, async () => {
      const res = await expert(0).send('PUT', url, { overallImpression: '草稿', questions: '' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<ExpertPanelWork>()).toMatchObject({ canEditPreReview: true, myPreReview: { overallImpression: '草稿', questions: null, submittedAt: null } });
    });
    expect(draft.map((e) => e.action)).toEqual(['panel.preReviewSaved']);
    expect((await assignmentOf(expert(0), panel))?.preReview).toBe('draft');

    const incomplete = await expert(0).send('PUT', url, { overallImpression: '草稿', submit: true });
    expect(incomplete.statusCode).toBe(400);
    expect(Object.keys(errorOf(incomplete).fields ?? {}).sort()).toEqual(['mainProblems', 'preliminaryConclusion', 'suggestedRevisions']);
    expect(errorOf(incomplete).fields?.mainProblems).toContain('主要问题');
    const wrongKind = await expert(0).send('PUT', url, { ...PRE_REVIEW, preliminaryConclusion: 'accepted' });
    expect(Object.keys(errorOf(wrongKind).fields ?? {})).toEqual(['preliminaryConclusion']);
    const bogus = await expert(0).send('PUT', url, { ...PRE_REVIEW, preliminaryConclusion: 'excellent' });
    expect(bogus.statusCode).toBe(400);

    const submitted = await expert(0).send('PUT', url, { ...PRE_REVIEW, submit: true });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<ExpertPanelWork>()).toMatchObject({ canEditPreReview: false, myPreReview: { preliminaryConclusion: 'pass_with_revision' } });
    expect((await expert(0).send('PUT', url, { ...PRE_REVIEW, overallImpression: '改' })).statusCode).toBe(409);
    // expert2 keeps a draft: drafts are never shown to others.
    expect((await expert(1).send('PUT', url, { overallImpression: '只是草稿' })).statusCode).toBe(200);

    // Before the meeting day: each expert sees only their own; the district sees none.
    await meeting(panel, plusDays(today(), 7));
    const before = await work(expert(1), panel);
    expect(before).toMatchObject({ preReviewsVisible: false, otherPreReviews: [] });
    const bureauBefore = (await yubei.get(`/api/rounds/${round}/expert-work`)).json<RoundExpertWork>().panels[0];
    expect(bureauBefore).toMatchObject({ preReviewsVisible: false, preReviews: [] });
    expect(bureauBefore?.members.map((m) => m.preReview)).toEqual(['submitted', 'draft', 'none']);

    // From the meeting day: the other members and the bureau see the submitted pre-reviews.
    await meetingAt(panel, today());
    const after = await work(expert(1), panel);
    expect(after.preReviewsVisible).toBe(true);
    expect(after.otherPreReviews.map((p) => [p.expertUserId, p.mainProblems])).toEqual([[ids[0], PRE_REVIEW.mainProblems]]);
    expect((await work(expert(0), panel)).otherPreReviews).toEqual([]);
    for (const who of [yubei, city]) {
      const view = (await who.get(`/api/rounds/${round}/expert-work`)).json<RoundExpertWork>().panels[0];
      expect(view?.preReviews.map((p) => p.expertUserId)).toEqual([ids[0]]);
    }
  });

  it('refuses a member who declared a conflict', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    const panel = await formPanel(round);
    await expert(2).send('POST', `/api/review-panels/${panel}/conflict`, { hasConflict: true, note: '亲属在该企业任职' });
    const res = await expert(2).send('PUT', `/api/review-panels/${panel}/pre-review`, PRE_REVIEW);
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('REVIEW_CONFLICT');
  });
});

describe('signing the panel result', () => {
  const fire = (roundId: string) =>
    yubei.send('POST', `/api/rounds/${roundId}/transitions/recordEvaluation`, { expectedState: 'evaluation_review' });
  const opinion = (roundId: string) =>
    yubei.send('PUT', `/api/rounds/${roundId}/opinions/evaluation`, { opinionNo: `渝北环审〔2026〕${roundId.slice(0, 4)}号`, issuedOn: today(), body: '专家组意见' });

  it('needs own scores, every member scored and the registered name; the decision needs every signature', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    const panel = await formPanel(round);
    const sign = (i: number, fullName: string) => expert(i).send('POST', `/api/review-panels/${panel}/signature`, { fullName });
    await declareAll(panel);
    expect(errorOf(await sign(0, '测试')).code).toBe('REVIEW_CONFLICT');
    expect((await expert(0).send('PUT', `/api/review-panels/${panel}/scores`, { scores: fullScores('evaluation', 70), submit: true })).statusCode).toBe(200);
    const early = await sign(0, '测试');
    expect(early.statusCode).toBe(409);
    expect(errorOf(early).message).toContain('未提交评分');
    expect((await work(expert(0), panel)).signing).toMatchObject({ result: null, canSign: false });

    for (const [i, total] of [[1, 80], [2, 96]] as const) {
      expect((await expert(i).send('PUT', `/api/review-panels/${panel}/scores`, { scores: fullScores('evaluation', total), submit: true })).statusCode).toBe(200);
    }
    const view = await work(expert(0), panel);
    expect(view.signing).toMatchObject({ result: { score: 82, grade: 'pass_with_revision', vetoItems: [] }, canSign: true, mySignature: null });

    const wrong = await sign(0, '张三');
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(errorOf(wrong).fields ?? {})).toEqual(['fullName']);

    expect((await opinion(round)).statusCode).toBe(200);
    const guard = await fire(round);
    expect(guard.statusCode).toBe(422);
    expect(errorOf(guard).code).toBe('GUARD_NOT_MET');
    expect(Object.keys(errorOf(guard).fields ?? {})).toEqual(['guards.allMembersSigned', ...ids.map((id) => `signatures.${id}`)]);
    expect(errorOf(guard).message).toContain('尚未签字：张建华、刘思远、陈晓梅');

    const events = await auditEventsOf(t.db, async () => {
      const res = await sign(0, '  张建华 ');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<ExpertPanelWork>().signing).toMatchObject({ canSign: false, mySignature: { signedName: '张建华', panelScore: 82, current: true } });
    });
    expect(events.map((e) => [e.action, e.after?.signedName, e.after?.score])).toEqual([['panel.signed', '张建华', 82]]);
    expect((await sign(0, '张建华')).statusCode).toBe(409);
    expect((await assignmentOf(expert(0), panel))?.signedAt).not.toBeNull();

    const partial = await fire(round);
    expect(Object.keys(errorOf(partial).fields ?? {})).toEqual(['guards.allMembersSigned', `signatures.${ids[1]}`, `signatures.${ids[2]}`]);

    // A new grading rule changes the result: the signature no longer confirms it and is asked again.
    const rule = (await admin.get('/api/grading-rule')).json<Record<string, unknown>>();
    expect((await admin.send('PUT', '/api/grading-rule', { ...rule, aggregate: 'median' })).statusCode).toBe(200);
    const changed = await work(expert(0), panel);
    expect(changed.signing).toMatchObject({ result: { score: 80 }, canSign: true, mySignature: { current: false } });
    expect(Object.keys(errorOf(await fire(round)).fields ?? {})).toContain(`signatures.${ids[0]}`);
    expect((await admin.send('PUT', '/api/grading-rule', rule)).statusCode).toBe(200);

    await signPanel(panel, experts.slice(1));
    const bureau = (await yubei.get(`/api/rounds/${round}/expert-work`)).json<RoundExpertWork>().panels[0];
    expect(bureau?.members.map((m) => m.signature?.current)).toEqual([true, true, true]);
    const decided = await fire(round);
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json<RoundDetail>().state).toBe('evaluated');
    expect((await sign(1, '测试专家')).statusCode).toBe(409);
  });
});

describe('district ratings of expert work', () => {
  it('are given by the round district after the decision, edited, audited, and listed for the city', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    const panel = await formPanel(round);
    const url = (i: number) => `/api/review-panels/${panel}/ratings/${ids[i]}`;
    await declareAll(panel);
    await submitScores(panel, [92, 93, 94]);
    const early = await yubei.send('PUT', url(0), { rating: 4 });
    expect(early.statusCode).toBe(409);
    expect(errorOf(early).code).toBe('REVIEW_CONFLICT');
    await signPanel(panel, experts);
    await yubei.send('PUT', `/api/rounds/${round}/opinions/evaluation`, { opinionNo: `渝北环审〔2026〕${round.slice(0, 4)}号`, issuedOn: today(), body: '意见' });
    expect((await yubei.send('POST', `/api/rounds/${round}/transitions/recordEvaluation`, { expectedState: 'evaluation_review' })).statusCode).toBe(200);

    expect((await jiangbei.send('PUT', url(0), { rating: 4 })).statusCode).toBe(404);
    for (const who of [city, admin, ent1, expert(0)]) expect((await who.send('PUT', url(0), { rating: 4 })).statusCode).toBe(403);
    expect((await yubei.send('PUT', `/api/review-panels/${panel}/ratings/${outsiderId}`, { rating: 4 })).statusCode).toBe(404);
    const bad = await yubei.send('PUT', url(0), { rating: 6 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(errorOf(bad).fields ?? {})).toEqual(['rating']);

    const first = await auditEventsOf(t.db, async () => {
      const res = await yubei.send('PUT', url(0), { rating: 4, comment: '意见中肯' });
      expect(res.statusCode, res.body).toBe(200);
      const view = res.json<RoundExpertWork>().panels[0];
      expect(view?.canRate).toBe(true);
      expect(view?.members[0]?.rating).toMatchObject({ rating: 4, comment: '意见中肯' });
    });
    expect(first.map((e) => [e.action, e.before, e.after])).toEqual([
      ['expert.rated', null, { roundId: round, expertUserId: ids[0], rating: 4, comment: '意见中肯' }],
    ]);
    const edit = await auditEventsOf(t.db, async () => {
      expect((await yubei.send('PUT', url(0), { rating: 2, comment: '' })).statusCode).toBe(200);
    });
    expect(edit[0]?.before).toEqual({ expertUserId: ids[0], rating: 4, comment: '意见中肯' });
    expect(edit[0]?.after).toMatchObject({ rating: 2, comment: null });
    expect((await yubei.send('PUT', url(1), { rating: 5 })).statusCode).toBe(200);
    expect((await t.db.query('SELECT 1 FROM expert_ratings WHERE panel_id = $1', [panel])).rows).toHaveLength(2);

    // The city's list: one expert's ratings, paged, with the summary.
    const list = await city.get(`/api/experts/ratings?expertUserId=${ids[0]}&pageSize=1`);
    expect(list.statusCode, list.body).toBe(200);
    const page = list.json<RatingPage>();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ panelId: panel, expertUserId: ids[0], rating: 2, kind: 'evaluation', districtName: '渝北区' });
    expect(page.summary?.count).toBe(page.total);
    const all = (await admin.get('/api/experts/ratings?sort=-rating&pageSize=100')).json<RatingPage>();
    expect(all.summary).toBeNull();
    expect(all.items.map((r) => r.rating)).toEqual([...all.items.map((r) => r.rating)].sort((a, b) => b - a));
    expect((await city.get('/api/experts/ratings?sort=bogus')).statusCode).toBe(400);
    for (const who of [yubei, expert(0), ent1]) expect((await who.get('/api/experts/ratings')).statusCode).toBe(403);
  });

  it('the summary averages an expert’s ratings in the city', async () => {
    const { expertRatingSummary } = await import('./ratingService');
    const { rows } = await t.db.query<{ avg: number | null; n: number }>(
      'SELECT round(avg(rating), 1)::float8 AS avg, count(*)::int AS n FROM expert_ratings WHERE expert_user_id = $1',
      [ids[1] ?? ''],
    );
    expect(await expertRatingSummary(t.db, '500000', ids[1] ?? '')).toEqual({ average: rows[0]?.avg ?? null, count: rows[0]?.n });
    expect(await expertRatingSummary(t.db, '500000', outsiderId)).toEqual({ average: null, count: 0 });
  });
});
