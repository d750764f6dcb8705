import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundDetail } from '../../../shared/contracts/rounds';
import type { RoundPanels } from '../../../shared/contracts/reviews';
import { addMonths, localIsoDate } from '../../../shared/domain/deadlines';
import type { RoundState } from '../../../shared/domain/roundStates';
import { auditEventsOf, createTestApp, errorOf, signIn, userIdOf, type Client, type TestContext } from '../../../../test/helpers/app';
import { minimalPdf, multipartOf } from '../../../../test/helpers/files';
import { expertClients, fullScores, roundInState, scorePanel, signPanel } from '../../../../test/helpers/reviews';

let t: TestContext;
let city: Client;
let yubei: Client;
let experts: Client[];
let ids: string[];
const NAMES = ['expert1', 'expert2', 'expert3'] as const;

beforeAll(async () => {
  t = await createTestApp();
  [city, yubei] = await Promise.all([signIn(t.app, 'city'), signIn(t.app, 'yubei')]);
  experts = await expertClients(t, NAMES);
  ids = await Promise.all(NAMES.map((n) => userIdOf(t.db, n)));
});
afterAll(async () => t.close());

const today = () => localIsoDate(new Date());
const fire = (client: Client, id: string, name: string, expectedState: RoundState, comment?: string) =>
  client.send('POST', `/api/rounds/${id}/transitions/${name}`, { expectedState, ...(comment ? { comment } : {}) });

async function formPanel(roundId: string): Promise<string> {
  const res = await yubei.send('POST', `/api/rounds/${roundId}/panels`, { expertUserIds: ids, reason: '测试：人工组建专家组' });
  expect(res.statusCode, res.body).toBe(201);
  const panel = res.json<RoundPanels>().panels[0];
  if (!panel) throw new Error('no panel');
  return panel.id;
}

/** The district records the opinion of the current review (task B's endpoint; acceptance due: its default). */
async function recordOpinion(roundId: string, kind: 'evaluation' | 'acceptance'): Promise<void> {
  const res = await yubei.send('PUT', `/api/rounds/${roundId}/opinions/${kind}`, {
    opinionNo: `渝北环审〔2026〕${roundId.slice(0, 4)}号`,
    issuedOn: today(),
    body: '专家组意见',
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function roundRow(id: string) {
  const { rows } = await t.db.query<{ state: string; passed: string | null; due: string | null; next: string | null }>(
    `SELECT state, to_char(evaluation_passed_on, 'YYYY-MM-DD') AS passed, to_char(acceptance_due, 'YYYY-MM-DD') AS due,
            to_char(next_due_on, 'YYYY-MM-DD') AS next FROM audit_rounds WHERE id = $1`,
    [id],
  );
  return rows[0];
}

async function panelRow(id: string) {
  const { rows } = await t.db.query<{ score: number | null; grade: string | null; decided: boolean }>(
    'SELECT panel_score::float8 AS score, grade, decided_at IS NOT NULL AS decided FROM review_panels WHERE id = $1',
    [id],
  );
  return rows[0];
}

/** A round under evaluation with a scored panel and the opinion recorded; returns the round and panel ids. */
async function scoredRound(kind: 'evaluation' | 'acceptance', totals: readonly number[], vetoes: readonly string[] = []) {
  const round = await roundInState(t, city, yubei, kind === 'evaluation' ? 'evaluation_review' : 'acceptance_review');
  const panel = await formPanel(round);
  await scorePanel(panel, experts, totals, kind, vetoes);
  await recordOpinion(round, kind);
  return { round, panel };
}

describe('guards of recordEvaluation', () => {
  it('needs a complete panel, every score and the opinion', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    const guardOf = async () => {
      const res = await fire(yubei, round, 'recordEvaluation', 'evaluation_review');
      expect(res.statusCode).toBe(422);
      expect(errorOf(res).code).toBe('GUARD_NOT_MET');
      return Object.keys(errorOf(res).fields ?? {});
    };
    expect(await guardOf()).toEqual(['guards.panelComplete']);
    const panel = await formPanel(round);
    expect(await guardOf()).toEqual(['guards.panelComplete']);
    for (const expert of experts) await expert.send('POST', `/api/review-panels/${panel}/conflict`, { hasConflict: false });
    expect(await guardOf()).toEqual(['guards.allScoresIn']);
    await t.db.query('UPDATE panel_members SET has_conflict = true, conflict_note = $2 WHERE panel_id = $1 AND expert_user_id = $3', [
      panel, 'test-only: a late conflict', ids[2]!,
    ]);
    expect(await guardOf()).toEqual(['guards.panelComplete']);
    await t.db.query('UPDATE panel_members SET has_conflict = false, conflict_note = NULL WHERE panel_id = $1', [panel]);
    await scorePanelSubmitOnly(panel, [80, 80, 80]);
    // Every member signs the result (签字确认) before the decision.
    expect((await guardOf())[0]).toBe('guards.allMembersSigned');
    await signPanel(panel, experts);
    expect((await guardOf())[0]).toBe('guards.reviewOpinionAttached');
    await recordOpinion(round, 'evaluation');
    const res = await fire(yubei, round, 'recordEvaluation', 'evaluation_review');
    expect(res.statusCode, res.body).toBe(200);
    expect((await panelRow(panel))?.decided).toBe(true);
    // Decided: the panel is read-only and no longer open.
    const late = await experts[0]?.send('PUT', `/api/review-panels/${panel}/scores`, { scores: {} });
    expect(late?.statusCode).toBe(409);
  });
});

/** Submit scores for members who have already declared no conflict. */
async function scorePanelSubmitOnly(panel: string, totals: readonly number[]) {
  for (const [i, expert] of experts.entries()) {
    const res = await expert.send('PUT', `/api/review-panels/${panel}/scores`, { scores: fullScores('evaluation', totals[i] ?? 0), submit: true });
    expect(res.statusCode, res.body).toBe(200);
  }
}

describe('recordEvaluation decided by the panel', () => {
  it.each([
    { totals: [69.9, 69.9, 69.9], grade: 'fail', state: 'evaluation_failed', score: 69.9 },
    { totals: [70, 70, 70], grade: 'pass_with_revision', state: 'evaluated', score: 70 },
    { totals: [89.9, 90, 89.8], grade: 'pass_with_revision', state: 'evaluated', score: 89.9 },
    { totals: [90, 90, 90], grade: 'pass', state: 'evaluated', score: 90 },
  ])('totals $totals → $grade', async ({ totals, grade, state, score }) => {
    const { round, panel } = await scoredRound('evaluation', totals);
    const events = await auditEventsOf(t.db, async () => {
      const res = await fire(yubei, round, 'recordEvaluation', 'evaluation_review', '请按专家意见修改');
      expect(res.statusCode, res.body).toBe(200);
      const detail = res.json<RoundDetail>();
      expect(detail.state).toBe(state);
      expect(detail.history.at(-1)?.comment).toContain(`${score.toFixed(1)} 分`);
      expect(detail.history.at(-1)?.comment).toContain('请按专家意见修改');
    });
    expect(events.map((e) => e.action)).toEqual(['panel.decided', 'round.transitioned']);
    expect(events[1]?.after).toMatchObject({ state, score, grade });
    expect(await panelRow(panel)).toEqual({ score, grade, decided: true });
    const row = await roundRow(round);
    if (state === 'evaluated') {
      expect(row).toMatchObject({ passed: today(), due: addMonths(today(), 12), next: addMonths(today(), 12) });
    } else {
      expect(row).toMatchObject({ passed: null, due: null });
    }
  });

  it('fails on a veto item whatever the score', async () => {
    const { round, panel } = await scoredRound('evaluation', [95, 95, 95], ['falsification']);
    const res = await fire(yubei, round, 'recordEvaluation', 'evaluation_review');
    expect(res.json<RoundDetail>().state).toBe('evaluation_failed');
    expect(res.json<RoundDetail>().history.at(-1)?.comment).toContain('falsification');
    expect(await panelRow(panel)).toEqual({ score: 95, grade: 'fail', decided: true });
  });

  it('uses the acceptance months of the round campaign', async () => {
    const { round } = await scoredRound('evaluation', [92, 92, 92]);
    await t.db.query(
      'UPDATE campaigns SET acceptance_months_after_evaluation = 6 WHERE id = (SELECT campaign_id FROM audit_rounds WHERE id = $1)',
      [round],
    );
    // The opinion recorded above stored the 12-month default; test-only: clear it so the campaign rule decides.
    await t.db.query('UPDATE review_opinions SET acceptance_due = NULL WHERE round_id = $1', [round]);
    expect((await fire(yubei, round, 'recordEvaluation', 'evaluation_review')).statusCode).toBe(200);
    expect(await roundRow(round)).toMatchObject({ state: 'evaluated', due: addMonths(today(), 6) });
  });
});

describe('recordAcceptance decided by the panel', () => {
  it.each([
    { totals: [70, 70, 70], vetoes: [], grade: 'accepted', state: 'accepted' },
    { totals: [69.9, 70, 69.8], vetoes: [], grade: 'rejected', state: 'acceptance_rejected' },
    { totals: [96, 96, 96], vetoes: ['false_monitoring'], grade: 'rejected', state: 'acceptance_rejected' },
  ])('totals $totals, vetoes $vetoes → $grade', async ({ totals, vetoes, grade, state }) => {
    const { round, panel } = await scoredRound('acceptance', totals, vetoes);
    const res = await fire(yubei, round, 'recordAcceptance', 'acceptance_review');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<RoundDetail>().state).toBe(state);
    expect((await panelRow(panel))?.grade).toBe(grade);
    const panels = (await yubei.get(`/api/rounds/${round}/panels`)).json<RoundPanels>();
    expect(panels.panels[0]?.members.map((m) => m.total)).toEqual(totals);
  });

  it('needs the acceptance panel, not the evaluation one', async () => {
    const round = await roundInState(t, city, yubei, 'acceptance_review');
    const res = await fire(yubei, round, 'recordAcceptance', 'acceptance_review');
    expect(Object.keys(errorOf(res).fields ?? {})).toEqual(['guards.panelComplete']);
  });
});

describe('revisionConfirmed', () => {
  async function enterpriseClient(round: string): Promise<Client> {
    // Test-only SQL: a user of the round's enterprise (a copy of ent1's password).
    const username = `ent_rev_${round.slice(0, 8)}`;
    await t.db.query(
      `INSERT INTO users (username, display_name, role, org_id, password_hash)
       SELECT $1, '企业用户', 'enterprise_user', r.enterprise_id, u.password_hash
         FROM audit_rounds r, users u WHERE r.id = $2 AND u.username = 'ent1'`,
      [username, round],
    );
    return signIn(t.app, username);
  }
  async function uploadRevisedReport(ent: Client, round: string): Promise<void> {
    const { payload, headers } = multipartOf('修改后审核报告.pdf', minimalPdf('revised report'));
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/rounds/${round}/reports`,
      payload,
      headers: { ...headers, cookie: ent.cookie, 'x-csrf-token': ent.csrf },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const failingGuards = async (ent: Client, round: string) =>
    Object.keys(errorOf(await fire(ent, round, 'applyForAcceptance', 'evaluated')).fields ?? {});

  it('blocks the acceptance application after a pass after revision until the district confirms a revised report', async () => {
    const { round, panel } = await scoredRound('evaluation', [80, 80, 80]);
    expect((await fire(yubei, round, 'recordEvaluation', 'evaluation_review')).statusCode).toBe(200);
    const ent = await enterpriseClient(round);
    expect(await failingGuards(ent, round)).toEqual(['guards.revisionConfirmed']);
    expect((await yubei.get(`/api/rounds/${round}/panels`)).json<RoundPanels>().canConfirmRevision).toBe(false);
    const early = await yubei.send('POST', `/api/review-panels/${panel}/revision-confirmation`);
    expect(early.statusCode).toBe(409);
    expect(errorOf(early).code).toBe('REVIEW_CONFLICT');
    await uploadRevisedReport(ent, round);
    expect((await yubei.get(`/api/rounds/${round}/panels`)).json<RoundPanels>().canConfirmRevision).toBe(true);
    expect((await city.send('POST', `/api/review-panels/${panel}/revision-confirmation`)).statusCode).toBe(403);
    const events = await auditEventsOf(t.db, async () => {
      const res = await yubei.send('POST', `/api/review-panels/${panel}/revision-confirmation`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<RoundPanels>().panels[0]?.revisionConfirmedAt).not.toBeNull();
    });
    expect(events.map((e) => e.action)).toEqual(['panel.revisionConfirmed']);
    expect((await yubei.send('POST', `/api/review-panels/${panel}/revision-confirmation`)).statusCode).toBe(409);
    expect(await failingGuards(ent, round)).not.toContain('guards.revisionConfirmed');
  });

  it('passes after a plain pass, and refuses confirming a panel that did not grade pass after revision', async () => {
    const { round, panel } = await scoredRound('evaluation', [95, 95, 95]);
    expect((await fire(yubei, round, 'recordEvaluation', 'evaluation_review')).statusCode).toBe(200);
    const ent = await enterpriseClient(round);
    expect(await failingGuards(ent, round)).not.toContain('guards.revisionConfirmed');
    expect((await yubei.send('POST', `/api/review-panels/${panel}/revision-confirmation`)).statusCode).toBe(409);
  });
});
