import { expect } from 'vitest';
import type { CampaignDetail } from '../../src/shared/contracts/campaigns';
import type { PlanEntry } from '../../src/shared/contracts/rounds';
import type { RoundState } from '../../src/shared/domain/roundStates';
import { DEFAULT_ACCEPTANCE_SHEET, DEFAULT_EVALUATION_SHEET, type ScoreSheetKind } from '../../src/shared/domain/scoring';
import { scoresForTotal } from '../../src/server/seed/demo/loadPanels';
import type { Db } from '../../src/server/db/types';
import { signIn, type Client, type TestContext } from './app';
import { createEnterprise } from './factories';

let nextYear = 2060;

/**
 * A new round of a new 渝北区 enterprise, published through the API, then put into `state` by test-only SQL
 * (the steps before expert review need uploads and material other suites cover), with the matching history row.
 */
export async function roundInState(t: TestContext, city: Client, yubei: Client, state: RoundState): Promise<string> {
  const year = nextYear++;
  const campaign = (await city.send('POST', '/api/campaigns', { year, title: `${year}年度工作` })).json<CampaignDetail>();
  const enterprise = await createEnterprise(yubei);
  const entry = (
    await yubei.send('POST', '/api/plan-entries', { enterpriseId: enterprise.id, plannedYear: year, reasons: ['key_industry'] })
  ).json<PlanEntry>();
  await city.send('POST', `/api/plan-entries/${entry.id}/approve`);
  const res = await city.send('POST', `/api/campaigns/${campaign.id}/publication`, { publishedOn: `${year}-03-01` });
  expect(res.statusCode, res.body).toBe(200);
  const { rows } = await t.db.query<{ id: string }>('SELECT id FROM audit_rounds WHERE enterprise_id = $1', [enterprise.id]);
  const id = rows[0]?.id;
  if (!id) throw new Error('round not published');
  await setState(t.db, id, state);
  return id;
}

/** Test-only shortcut: move a round to `state`, with the history row a transition would write. */
export async function setState(db: Db, id: string, state: RoundState): Promise<void> {
  const { rows } = await db.query<{ state: string }>('SELECT state FROM audit_rounds WHERE id = $1', [id]);
  await db.query('UPDATE audit_rounds SET state = $2, version = version + 1 WHERE id = $1', [id, state]);
  await db.query(
    `INSERT INTO round_history (round_id, city_code, district_code, transition, from_state, to_state, comment)
     SELECT id, city_code, district_code, 'testShortcut', $2, $3, 'test-only state change' FROM audit_rounds WHERE id = $1`,
    [id, rows[0]?.state ?? null, state],
  );
}

/** Extra expert users (test-only SQL: a copy of expert1's organisation and password). */
export async function addExperts(db: Db, names: readonly string[]): Promise<void> {
  await db.query(
    `INSERT INTO users (username, display_name, role, org_id, password_hash)
     SELECT x, '测试专家' || x, 'expert', u.org_id, u.password_hash FROM users u, unnest($1::text[]) AS x WHERE u.username = 'expert1'`,
    [[...names]],
  );
}

export async function expertClients(t: TestContext, names: readonly string[]): Promise<Client[]> {
  return Promise.all(names.map((n) => signIn(t.app, n)));
}

export function sheetOf(kind: ScoreSheetKind) {
  return kind === 'evaluation' ? DEFAULT_EVALUATION_SHEET : DEFAULT_ACCEPTANCE_SHEET;
}

/** Full scores reaching `total` on the default sheet of `kind`, with the given veto items marked. */
export function fullScores(kind: ScoreSheetKind, total: number, vetoes: readonly string[] = []): Record<string, number | boolean> {
  const scores = { ...scoresForTotal(sheetOf(kind), total) };
  for (const code of vetoes) scores[code] = true;
  return scores;
}

/** Each expert declares no conflict and submits the scores reaching its total; then every one signs the result. */
export async function scorePanel(panelId: string, experts: readonly Client[], totals: readonly number[], kind: ScoreSheetKind, vetoes: readonly string[] = []) {
  for (const [i, expert] of experts.entries()) {
    const declared = await expert.send('POST', `/api/review-panels/${panelId}/conflict`, { hasConflict: false });
    expect(declared.statusCode, declared.body).toBe(200);
    const total = totals[i] ?? 0;
    const submitted = await expert.send('PUT', `/api/review-panels/${panelId}/scores`, {
      scores: fullScores(kind, total, i === 0 ? vetoes : []),
      submit: true,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
  }
  await signPanel(panelId, experts);
}

/** Each expert signs the panel result (签字确认) with their own display name. */
export async function signPanel(panelId: string, experts: readonly Client[]) {
  for (const expert of experts) {
    const me = await expert.get('/api/auth/me');
    expect(me.statusCode, me.body).toBe(200);
    const fullName = me.json<{ user: { displayName: string } }>().user.displayName;
    const signed = await expert.send('POST', `/api/review-panels/${panelId}/signature`, { fullName });
    expect(signed.statusCode, signed.body).toBe(200);
  }
}
