import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationFileList, OpinionList, ReviewOpinion } from '../../../shared/contracts/applications';
import type { StoredFileInfo } from '../../../shared/contracts/roundMaterial';
import type { Round, RoundDetail, RoundPage } from '../../../shared/contracts/rounds';
import type { RoundState } from '../../../shared/domain/roundStates';
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
import { syncAcceptanceDue } from './applicationRepository';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const TABLES = ['files', 'round_files', 'review_opinions', 'round_history', 'audit_events'] as const;

let t: TestContext;
let city: Client;
let yubei: Client;
let jiangbei: Client;
let ent1: Client;
let ent2: Client;
/** 重庆嘉美印务有限公司 2021 (渝北): listed. */
let jiamei: Round;
/** 重庆华鑫表面处理有限公司 2020 (渝北, ent1's round): evaluated; driven through the later states below. */
let huaxin: Round;

beforeAll(async () => {
  t = await createTestApp();
  [city, yubei, jiangbei, ent1, ent2] = await Promise.all(
    ['city', 'yubei', 'jiangbei', 'ent1', 'ent2'].map((u) => signIn(t.app, u)),
  ) as [Client, Client, Client, Client, Client];
  const all = (await city.get('/api/rounds?pageSize=100')).json<RoundPage>().items;
  const find = (name: string, year: number) => {
    const round = all.find((r) => r.enterpriseName === name && r.listingYear === year);
    if (!round) throw new Error(`demo round ${name} ${year} missing`);
    return round;
  };
  jiamei = find('重庆嘉美印务有限公司', 2021);
  huaxin = find('重庆华鑫表面处理有限公司', 2020);
});
afterAll(async () => t.close());

/**
 * TEST-ONLY: puts a round into a state the API cannot reach yet (panels, scores and options come from
 * other slices), writing the history row the state machine would have written.
 */
async function forceState(id: string, state: RoundState, extra = ''): Promise<void> {
  await t.db.query(`UPDATE audit_rounds SET state = $2, version = version + 1${extra} WHERE id = $1`, [id, state]);
  await t.db.query(
    `INSERT INTO round_history (round_id, city_code, district_code, transition, from_state, to_state, actor_username, comment)
     SELECT id, city_code, district_code, 'test', NULL, state, 'test', 'test-only state change' FROM audit_rounds WHERE id = $1`,
    [id],
  );
}

function upload(client: Client, id: string, purpose: string, name = 'doc.pdf', content = minimalPdf(name)) {
  const { payload, headers } = multipartOf(name, content);
  return t.app.inject({
    method: 'POST',
    url: `/api/rounds/${id}/application-files?purpose=${purpose}`,
    payload,
    headers: { ...headers, cookie: client.cookie, 'x-csrf-token': client.csrf },
  });
}

async function uploaded(client: Client, id: string, purpose: string, name?: string): Promise<StoredFileInfo> {
  const res = await upload(client, id, purpose, name);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<StoredFileInfo>();
}

const fire = (client: Client, id: string, name: string, body: Record<string, unknown>) =>
  client.send('POST', `/api/rounds/${id}/transitions/${name}`, body);
const fieldsOf = (res: LightMyRequestResponse) => Object.keys(errorOf(res).fields ?? {}).sort();
const saveOpinion = (client: Client, id: string, kind: string, body: Record<string, unknown>) =>
  client.send('PUT', `/api/rounds/${id}/opinions/${kind}`, body);

describe('uploads per purpose', () => {
  it('stores a transition attachment of the district and records the upload', async () => {
    let res: LightMyRequestResponse | undefined;
    const events = await auditEventsOf(t.db, async () => {
      res = await upload(yubei, jiamei.id, 'transition', '书面通知.pdf');
    });
    expect(res?.statusCode, res?.body).toBe(201);
    const file = res?.json<StoredFileInfo>();
    expect(file?.originalName).toBe('书面通知.pdf');
    expect(events.map((e) => [e.action, e.entity_id, e.after?.purpose])).toEqual([['round.fileUploaded', jiamei.id, 'transition']]);
    const list = (await yubei.get(`/api/rounds/${jiamei.id}/application-files`)).json<ApplicationFileList>();
    expect(list.items.map((i) => [i.purpose, i.file.id, i.uploadedBy])).toEqual([['transition', file?.id, 'yubei']]);
    expect(list.uploadable).toEqual(['transition']);
  });

  it('refuses a wrong kind and a wrong purpose (400), other scopes (404) and the wrong role (403), writing nothing', async () => {
    const before = await countRows(t.db, TABLES);
    const text = await upload(yubei, jiamei.id, 'transition', 'notice.pdf', Buffer.from('plain text, not a PDF'));
    expect(text.statusCode).toBe(400);
    expect(errorOf(text).code).toBe('FILE_TYPE_NOT_ALLOWED');
    const purpose = await upload(yubei, jiamei.id, 'holiday_photos');
    expect(purpose.statusCode).toBe(400);
    expect(fieldsOf(purpose)).toEqual(['purpose']);
    expect((await upload(jiangbei, jiamei.id, 'transition')).statusCode).toBe(404);
    expect((await upload(ent2, huaxin.id, 'evaluation_evidence')).statusCode).toBe(404);
    const role = await upload(ent1, huaxin.id, 'transition');
    expect(role.statusCode).toBe(403);
    expect(errorOf(role).code).toBe('FORBIDDEN');
    // Enterprise material in a state where it cannot change: 409.
    const locked = await upload(ent1, huaxin.id, 'evaluation_evidence');
    expect(locked.statusCode).toBe(409);
    expect(errorOf(locked).code).toBe('ROUND_MATERIAL_LOCKED');
    expect(errorOf(locked).message).toContain('技术佐证材料');
    expect((await jiangbei.get(`/api/rounds/${jiamei.id}/application-files`)).statusCode).toBe(404);
    expect(await countRows(t.db, TABLES)).toEqual(before);
  });
});

describe('transition attachments', () => {
  it('refuses notify without an attachment (422 naming it) and with unknown or foreign files (400)', async () => {
    const none = await fire(yubei, jiamei.id, 'notify', { expectedState: 'listed' });
    expect(none.statusCode).toBe(422);
    expect(fieldsOf(none)).toEqual(['guards.noticeIssued']);
    expect(errorOf(none).message).toContain('尚缺：本次操作的附件');
    const unknown = await fire(yubei, jiamei.id, 'notify', {
      expectedState: 'listed',
      attachmentIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown)).toEqual(['attachmentIds.0']);
    // A file of another round (a transition attachment of 华鑫) is foreign here.
    await forceState(huaxin.id, 'referred');
    const foreign = await uploaded(yubei, huaxin.id, 'transition', 'other.pdf');
    const mine = (await yubei.get(`/api/rounds/${jiamei.id}/application-files`)).json<ApplicationFileList>().items[0];
    const mixed = await fire(yubei, jiamei.id, 'notify', { expectedState: 'listed', attachmentIds: [mine?.file.id, foreign.id] });
    expect(mixed.statusCode).toBe(400);
    expect(fieldsOf(mixed)).toEqual(['attachmentIds.1']);
    const tooMany = await fire(yubei, jiamei.id, 'notify', { expectedState: 'listed', attachmentIds: Array(11).fill(foreign.id) });
    expect(tooMany.statusCode).toBe(400);
    expect(fieldsOf(tooMany)).toEqual(['attachmentIds']);
  });

  it('fires notify with the attachment, stores it on the history row and shows it in the detail', async () => {
    const file = (await yubei.get(`/api/rounds/${jiamei.id}/application-files`)).json<ApplicationFileList>().items[0]?.file;
    if (!file) throw new Error('attachment missing');
    const res = await fire(yubei, jiamei.id, 'notify', { expectedState: 'listed', attachmentIds: [file.id, file.id] });
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json<RoundDetail>();
    expect(detail.state).toBe('notified');
    expect(detail.history.at(-1)).toMatchObject({
      transition: 'notify',
      attachments: [{ id: file.id, originalName: '书面通知.pdf', size: file.size }],
    });
    const { rows } = await t.db.query<{ ids: string[] }>(
      `SELECT attachment_ids AS ids FROM round_history WHERE round_id = $1 AND transition = 'notify'`,
      [jiamei.id],
    );
    expect(rows).toEqual([{ ids: [file.id] }]);
    // Everyone who reads the round sees the attachment and can download it; others get 404.
    const seen = (await city.get(`/api/rounds/${jiamei.id}`)).json<RoundDetail>().history.at(-1)?.attachments;
    expect(seen?.map((a) => a.id)).toEqual([file.id]);
    expect((await city.get(`/api/rounds/${jiamei.id}/files/${file.id}`)).statusCode).toBe(200);
    expect((await jiangbei.get(`/api/rounds/${jiamei.id}/files/${file.id}`)).statusCode).toBe(404);
  });

  it('refuses a withdrawal without evidence (422) and fires it with evidence', async () => {
    const bare = await fire(yubei, huaxin.id, 'withdraw', { expectedState: 'referred', comment: '企业已注销' });
    expect(bare.statusCode).toBe(422);
    expect(fieldsOf(bare)).toEqual(['guards.evidenceAttached']);
    const files = (await yubei.get(`/api/rounds/${huaxin.id}/application-files`)).json<ApplicationFileList>().items;
    const ok = await fire(yubei, huaxin.id, 'withdraw', {
      expectedState: 'referred',
      comment: '企业已注销',
      attachmentIds: files.map((f) => f.file.id),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<RoundDetail>().history.at(-1)?.attachments).toHaveLength(1);
  });
});

describe('evaluation material', () => {
  it('names the missing evaluation material and passes the guard once report, evidence and capacity proof exist', async () => {
    await forceState(huaxin.id, 'audit_started');
    const report = await t.app.inject({
      method: 'POST',
      url: `/api/rounds/${huaxin.id}/reports`,
      ...(() => {
        const { payload, headers } = multipartOf('审核报告.pdf', minimalPdf('report'));
        return { payload, headers: { ...headers, cookie: ent1.cookie, 'x-csrf-token': ent1.csrf } };
      })(),
    });
    expect(report.statusCode, report.body).toBe(201);
    await uploaded(ent1, huaxin.id, 'evaluation_evidence', '物料平衡测试记录.pdf');
    expect((await upload(yubei, huaxin.id, 'evaluation_evidence')).statusCode).toBe(403);
    await forceState(huaxin.id, 'report_submitted');
    const missing = await fire(ent1, huaxin.id, 'applyForEvaluation', { expectedState: 'report_submitted' });
    expect(missing.statusCode).toBe(422);
    expect(fieldsOf(missing)).toEqual(['files.capacity_proof', 'guards.evaluationMaterialsAttached']);
    expect(errorOf(missing).message).toContain('尚缺：审核能力证明');
    await uploaded(ent1, huaxin.id, 'capacity_proof', '咨询机构能力证明.pdf');
    const next = await fire(ent1, huaxin.id, 'applyForEvaluation', { expectedState: 'report_submitted' });
    // The options register decides the next guard (another slice): either it passes too, or it is the one refused.
    if (next.statusCode !== 200) {
      expect(next.statusCode).toBe(422);
      expect(fieldsOf(next)).toContain('guards.optionsReadyForEvaluation');
      expect(fieldsOf(next).filter((f) => f.startsWith('files.') || f === 'guards.evaluationMaterialsAttached')).toEqual([]);
    }
  });
});

let evaluationOpinion: ReviewOpinion;

describe('review opinions', () => {
  const valid = { opinionNo: '渝北环函〔2021〕88号', issuedOn: '2021-11-10', body: '报告编制规范，审核重点明确。\n同意通过评估。' };

  it('validates the opinion (400 naming fields), the state (409), the role (403) and the scope (404), writing nothing', async () => {
    await forceState(huaxin.id, 'evaluation_review');
    const before = await countRows(t.db, TABLES);
    const empty = await saveOpinion(yubei, huaxin.id, 'evaluation', { opinionNo: ' ', body: '' });
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty)).toEqual(['body', 'issuedOn', 'opinionNo']);
    expect(errorOf(empty).message).toContain('意见文号');
    const early = await saveOpinion(yubei, huaxin.id, 'evaluation', { ...valid, acceptanceDue: '2021-01-01' });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual(['acceptanceDue']);
    const wrongKind = await saveOpinion(yubei, huaxin.id, 'acceptance', valid);
    expect(wrongKind.statusCode).toBe(409);
    expect(errorOf(wrongKind).code).toBe('ROUND_MATERIAL_LOCKED');
    expect((await saveOpinion(ent1, huaxin.id, 'evaluation', valid)).statusCode).toBe(403);
    expect((await saveOpinion(city, huaxin.id, 'evaluation', valid)).statusCode).toBe(403);
    expect((await saveOpinion(jiangbei, huaxin.id, 'evaluation', valid)).statusCode).toBe(404);
    expect(await countRows(t.db, TABLES)).toEqual(before);
  });

  it('records the evaluation opinion with the default acceptance deadline, then edits it in place', async () => {
    // The demo data holds the opinion of the round's earlier (seeded) evaluation: history now, not current.
    const list = (await yubei.get(`/api/rounds/${huaxin.id}/opinions`)).json<OpinionList>();
    expect(list.editable).toEqual({ evaluation: true, acceptance: false });
    expect(list.items.map((o) => [o.kind, o.current, o.issuedOn])).toEqual([['evaluation', false, '2021-03-20']]);
    const opinionsBefore = await countRows(t.db, ['review_opinions']);
    expect((await ent1.get(`/api/rounds/${huaxin.id}/opinions`)).json<OpinionList>().editable.evaluation).toBe(false);
    let res: LightMyRequestResponse | undefined;
    const created = await auditEventsOf(t.db, async () => {
      res = await saveOpinion(yubei, huaxin.id, 'evaluation', { ...valid, optionsToImplement: '电镀漂洗水逆流回用改造' });
    });
    expect(res?.statusCode, res?.body).toBe(200);
    evaluationOpinion = res?.json<ReviewOpinion>() ?? evaluationOpinion;
    expect(evaluationOpinion).toMatchObject({ ...valid, kind: 'evaluation', acceptanceDue: '2022-11-10', current: true, createdBy: 'yubei' });
    expect(created.map((e) => [e.action, e.entity_id, e.after?.opinionNo])).toEqual([['round.opinionRecorded', huaxin.id, valid.opinionNo]]);

    const updated = await auditEventsOf(t.db, async () => {
      res = await saveOpinion(yubei, huaxin.id, 'evaluation', { ...valid, optionsToImplement: '电镀漂洗水逆流回用改造', acceptanceDue: '2022-06-30' });
    });
    expect(res?.statusCode).toBe(200);
    expect(res?.json<ReviewOpinion>()).toMatchObject({ id: evaluationOpinion.id, acceptanceDue: '2022-06-30' });
    expect(updated.map((e) => [e.action, e.before, e.after])).toEqual([
      ['round.opinionUpdated', { acceptanceDue: '2022-11-10' }, { acceptanceDue: '2022-06-30' }],
    ]);
    expect(await countRows(t.db, ['review_opinions'])).toEqual({ review_opinions: (opinionsBefore.review_opinions ?? 0) + 1 });
  });

  it('passes reviewOpinionAttached only for an opinion of the current review', async () => {
    const { rows } = await t.db.query<{ ok: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM review_opinions o WHERE o.round_id = $1 AND o.kind = 'evaluation'
          AND o.created_at >= (SELECT max(occurred_at) FROM round_history WHERE round_id = $1 AND to_state = 'evaluation_review')) AS ok`,
      [huaxin.id],
    );
    expect(rows[0]?.ok).toBe(true);
    const { failingGuard, loadRoundFacts } = await import('./transitions');
    const ctx = async () => ({
      role: 'district_staff' as const,
      round: { listPublishedOn: huaxin.listPublishedOn },
      comment: null,
      facts: await loadRoundFacts(t.db, huaxin.id, huaxin.reasons),
    });
    const { applicationGaps } = await import('./applicationGuards');
    expect(applicationGaps('reviewOpinionAttached', (await ctx()).facts, 0)).toEqual([]);
    // Entering the review again (a later evaluation) makes the old opinion history: the guard fails.
    await forceState(huaxin.id, 'evaluation_review');
    expect(applicationGaps('reviewOpinionAttached', (await ctx()).facts, 0).map((g) => g.field)).toEqual(['opinions.evaluation']);
    expect(failingGuard('recordEvaluation', await ctx())).not.toBeNull();
    const again = await saveOpinion(yubei, huaxin.id, 'evaluation', { ...valid, acceptanceDue: '2022-06-30' });
    expect(again.statusCode).toBe(200);
    expect(again.json<ReviewOpinion>().id).not.toBe(evaluationOpinion.id);
    evaluationOpinion = again.json<ReviewOpinion>();
    expect(applicationGaps('reviewOpinionAttached', (await ctx()).facts, 0)).toEqual([]);
  });

  it('makes the explicit acceptance deadline the round’s once it passed evaluation, and locks the opinion', async () => {
    // TEST-ONLY: the evaluation result (panels and scores) comes from another slice; it sets a default deadline.
    await forceState(huaxin.id, 'evaluated', `, evaluation_passed_on = '2021-11-12', acceptance_due = '2022-11-12', next_due_on = '2022-11-12'`);
    expect(await syncAcceptanceDue(t.db, huaxin.id)).toBe(true);
    const round = (await ent1.get(`/api/rounds/${huaxin.id}`)).json<RoundDetail>();
    expect(round.dueDates.acceptance).toBe('2022-06-30');
    expect(round.nextDeadline).toMatchObject({ kind: 'acceptance', due: '2022-06-30' });
    expect(await syncAcceptanceDue(t.db, huaxin.id)).toBe(false);
    const locked = await saveOpinion(yubei, huaxin.id, 'evaluation', valid);
    expect(locked.statusCode).toBe(409);
    expect(errorOf(locked).code).toBe('ROUND_MATERIAL_LOCKED');
  });

  it('generates the evaluation letter as a .docx holding the opinion number, the enterprise and the panel result', async () => {
    // TEST-ONLY: the panel's decided result (panels and scoring are another slice's routes).
    await t.db.query(
      `INSERT INTO review_panels (round_id, kind, sheet_id, panel_score, grade, decided_at, city_code, district_code)
       SELECT r.id, 'evaluation', (SELECT id FROM score_sheets WHERE kind = 'evaluation' ORDER BY version LIMIT 1),
              86.5, 'pass_with_revision', now(), r.city_code, r.district_code
         FROM audit_rounds r WHERE r.id = $1`,
      [huaxin.id],
    );
    const url = `/api/rounds/${huaxin.id}/opinions/${evaluationOpinion.id}/document`;
    const res = await ent1.get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX_TYPE);
    const name = `重庆华鑫表面处理有限公司-技术审查意见-${evaluationOpinion.opinionNo}.docx`;
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('渝北环函〔2021〕88号');
    expect(xml).toContain('关于重庆华鑫表面处理有限公司清洁生产审核报告通过评估的函');
    expect(xml).toContain('2022年6月30日');
    expect(xml).toContain('专家组评分：86.5分；评审结论：修改后通过');
    expect(xml).toContain(`统一社会信用代码：${huaxin.creditCode}`);
    expect((await jiangbei.get(url)).statusCode).toBe(404);
    expect((await ent2.get(url)).statusCode).toBe(404);
    expect((await ent1.get(`/api/rounds/${huaxin.id}/opinions/00000000-0000-4000-8000-000000000000/document`)).statusCode).toBe(404);
  });
});

describe('acceptance material, opinion and rectification', () => {
  it('names the missing acceptance material and resubmits once it is complete', async () => {
    await forceState(huaxin.id, 'acceptance_returned');
    await uploaded(ent1, huaxin.id, 'acceptance_report', '验收报告.pdf');
    await uploaded(ent1, huaxin.id, 'monitoring_before', '实施前监测.pdf');
    const missing = await fire(ent1, huaxin.id, 'resubmitAcceptance', { expectedState: 'acceptance_returned' });
    expect(missing.statusCode).toBe(422);
    expect(fieldsOf(missing)).toEqual(['files.monitoring_after', 'guards.acceptanceMaterialsAttached']);
    expect(errorOf(missing).message).toContain('实施后监测报告');
    await uploaded(ent1, huaxin.id, 'monitoring_after', '实施后监测.pdf');
    const ok = await fire(ent1, huaxin.id, 'resubmitAcceptance', { expectedState: 'acceptance_returned' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<RoundDetail>().state).toBe('acceptance_applied');
  });

  it('records the acceptance opinion (evaluation-only fields refused) and generates its .docx', async () => {
    await forceState(huaxin.id, 'acceptance_review');
    const body = { opinionNo: '渝北环验〔2022〕5号', issuedOn: '2022-06-20', body: '方案均已实施，目标达成，同意通过验收。' };
    const extra = await saveOpinion(yubei, huaxin.id, 'acceptance', { ...body, optionsToImplement: 'x', acceptanceDue: '2023-01-01' });
    expect(extra.statusCode).toBe(400);
    expect(fieldsOf(extra)).toEqual(['acceptanceDue', 'optionsToImplement']);
    const res = await saveOpinion(yubei, huaxin.id, 'acceptance', body);
    expect(res.statusCode, res.body).toBe(200);
    const opinion = res.json<ReviewOpinion>();
    expect(opinion).toMatchObject({ kind: 'acceptance', acceptanceDue: null, optionsToImplement: null, current: true });
    const { loadRoundFacts } = await import('./transitions');
    const { applicationGaps } = await import('./applicationGuards');
    expect(applicationGaps('acceptanceOpinionAttached', await loadRoundFacts(t.db, huaxin.id, huaxin.reasons), 0)).toEqual([]);
    const doc = await city.get(`/api/rounds/${huaxin.id}/opinions/${opinion.id}/document`);
    expect(doc.statusCode).toBe(200);
    const xml = (await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('渝北环验〔2022〕5号');
    expect(xml).toContain('重庆华鑫表面处理有限公司清洁生产审核验收意见');
  });

  it('requires rectification evidence uploaded after the latest rejection to re-apply', async () => {
    await forceState(huaxin.id, 'acceptance_rejected');
    const none = await fire(ent1, huaxin.id, 'reapplyForAcceptance', { expectedState: 'acceptance_rejected' });
    expect(none.statusCode).toBe(422);
    expect(fieldsOf(none)).toEqual(['files.rectification', 'guards.rectificationEvidenceAttached']);
    await uploaded(ent1, huaxin.id, 'rectification', '整改情况说明.pdf');
    // Rejected again: the earlier rectification no longer counts.
    await forceState(huaxin.id, 'acceptance_rejected');
    const stale = await fire(ent1, huaxin.id, 'reapplyForAcceptance', { expectedState: 'acceptance_rejected' });
    expect(fieldsOf(stale)).toEqual(['files.rectification', 'guards.rectificationEvidenceAttached']);
    await uploaded(ent1, huaxin.id, 'rectification', '第二次整改说明.pdf');
    const ok = await fire(ent1, huaxin.id, 'reapplyForAcceptance', { expectedState: 'acceptance_rejected' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<RoundDetail>().state).toBe('acceptance_applied');
    const list = (await ent1.get(`/api/rounds/${huaxin.id}/opinions`)).json<OpinionList>();
    expect(list.items.map((o) => [o.kind, o.current])).toEqual([
      ['acceptance', true],
      ['evaluation', true],
      ['evaluation', false],
      ['evaluation', false],
    ]);
  });
});
