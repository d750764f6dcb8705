import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawVerification, PanelDraw, RoundDraws } from '../../../shared/contracts/experts';
import type { RoundPanels } from '../../../shared/contracts/reviews';
import { verifyDraw } from '../../../shared/domain/draw';
import { countRows, createTestApp, errorOf, orgIdOf, signIn, userIdOf, type Client, type TestContext } from '../../../../test/helpers/app';
import { roundInState } from '../../../../test/helpers/reviews';

let t: TestContext;
let city: Client;
let yubei: Client;
let jiangbei: Client;
let ent1: Client;
let agency: Client;
let expert: Record<string, Client>;
let userIds: Record<string, string>;
const EXPERTS = ['expert1', 'expert2', 'expert3', 'expert4', 'expert5', 'expert6', 'expert7', 'expert8'] as const;

beforeAll(async () => {
  t = await createTestApp();
  const signed = await Promise.all(['city', 'yubei', 'jiangbei', 'ent1', 'agency1'].map((u) => signIn(t.app, u)));
  [city, yubei, jiangbei, ent1, agency] = signed as [Client, Client, Client, Client, Client];
  const clients = await Promise.all(EXPERTS.map((u) => signIn(t.app, u)));
  expert = Object.fromEntries(EXPERTS.map((u, i) => [u, clients[i]!]));
  userIds = Object.fromEntries(await Promise.all(EXPERTS.map(async (u) => [u, await userIdOf(t.db, u)] as const)));
  // Every test draws panels, so open-panel counts grow through the file: the limit is lifted except where a test sets it.
  await city.send('PUT', '/api/expert-draw-settings', { agencyLookbackMonths: 24, maxOpenPanels: 50 });
}, 180_000);
afterAll(async () => t.close());

const nameOf = (id: string) => EXPERTS.find((u) => userIds[u] === id) ?? id;

async function draw(roundId: string, body: Record<string, unknown> = { size: 3 }, client = yubei): Promise<PanelDraw> {
  const res = await client.send('POST', `/api/rounds/${roundId}/panel-draws`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<PanelDraw>();
}

/** Engages the demo agency on a round (test-only SQL: the engagement flow is covered by the material tests). */
async function engageAgency(roundId: string): Promise<void> {
  const agencyId = await orgIdOf(t.db, 'agency1');
  await t.db.query(
    `INSERT INTO round_engagements (round_id, agency_id, city_code, district_code)
     SELECT id, $2, city_code, district_code FROM audit_rounds WHERE id = $1`,
    [roundId, agencyId],
  );
}

describe('random panel draws', () => {
  // First in the file: the open-panel counts are then known (the demo's open panel holds expert1–3).
  it('recuses same employer and declared ties of the round’s agency, and those on too many open panels', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    await engageAgency(round);
    const busy = await roundInState(t, city, yubei, 'evaluation_review');
    const manual = await yubei.send('POST', `/api/rounds/${busy}/panels`, {
      expertUserIds: [userIds.expert1, userIds.expert2, userIds.expert4],
      reason: '测试：占用在评专家组名额',
    });
    expect(manual.statusCode, manual.body).toBe(201);
    expect((await city.send('PUT', '/api/expert-draw-settings', { agencyLookbackMonths: 24, maxOpenPanels: 2 })).statusCode).toBe(200);
    try {
      const record = await draw(round, { size: 3 });
      const excluded = Object.fromEntries(record.exclusions.map((x) => [nameOf(x.id), x.reasons]));
      expect(excluded).toEqual({
        expert1: ['tooManyOpenPanels'],
        expert2: ['tooManyOpenPanels'],
        expert6: ['sameEmployerAgency'],
        expert7: ['tieAgency'],
        expert8: ['unavailable'],
      });
      expect(record.criteria).toMatchObject({ maxOpenPanels: 2, agencyLookbackMonths: 24 });
      expect(record.criteria.agencyName).toContain('绿源');
      expect(record.candidates.map((c) => nameOf(c.id)).sort()).toEqual(['expert3', 'expert4', 'expert5']);
      expect(record.drawnIds.map(nameOf).sort()).toEqual(['expert3', 'expert4', 'expert5']);
    } finally {
      await city.send('PUT', '/api/expert-draw-settings', { agencyLookbackMonths: 24, maxOpenPanels: 50 });
    }
  });

  it('a district draws a panel: commitment before execution, candidates, exclusions with reasons, reproducible result', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    const record = await draw(round, { size: 3, industries: ['33'] });
    expect(record.purpose).toBe('initial');
    expect(record.manual).toBe(false);
    expect(record.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(record.executedAt && record.createdAt < record.executedAt).toBe(true);
    expect(record.drawnIds).toHaveLength(3);
    // expert8 is unavailable (demo period 2026–2027), everyone else with industry 33 or section C is a candidate.
    const excluded = Object.fromEntries(record.exclusions.map((x) => [nameOf(x.id), x.reasons]));
    expect(excluded.expert8).toEqual(['unavailable']);
    expect(record.candidates.map((c) => nameOf(c.id)).sort()).toEqual(['expert1', 'expert2', 'expert3', 'expert4', 'expert5', 'expert6', 'expert7']);
    expect(record.candidates.map((c) => c.id)).toEqual([...record.candidates.map((c) => c.id)].sort());
    for (const id of record.drawnIds) expect(record.candidates.some((c) => c.id === id)).toBe(true);
    // The stored record recomputes to the same panel (shared algorithm), and the endpoint says so.
    const stored = (await yubei.get(`/api/panel-draws/${record.id}`)).json<PanelDraw>();
    expect(
      verifyDraw({ seed: stored.seed!, seedHash: stored.seedHash!, candidateIds: stored.candidates.map((c) => c.id), drawnIds: stored.drawnIds }),
    ).toMatchObject({ seedMatches: true, resultMatches: true });
    const verification = (await city.get(`/api/panel-draws/${record.id}/verification`)).json<DrawVerification>();
    expect(verification).toMatchObject({ verified: true, seedMatches: true, resultMatches: true, recomputed: record.drawnIds });
    // The panel is formed with the drawn experts, who are notified and see the record.
    const panels = (await yubei.get(`/api/rounds/${round}/panels`)).json<RoundPanels>();
    expect(panels.panels[0]?.id).toBe(record.panelId);
    expect(panels.panels[0]?.members.map((m) => m.expertUserId).sort()).toEqual([...record.drawnIds].sort());
    const member = nameOf(record.drawnIds[0]!);
    expect((await expert[member]!.get(`/api/panel-draws/${record.id}`)).statusCode).toBe(200);
    // A second draw while the panel is open: 409.
    expect((await yubei.send('POST', `/api/rounds/${round}/panel-draws`, { size: 3 })).statusCode).toBe(409);
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [record.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['panelDraw.committed', 'panelDraw.executed']);
  });

  it('too few eligible experts: 422 naming how many are needed, eligible, and which rule excluded how many; nothing written', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    // Open-panel counts depend on the random draws of the other tests: lift the limit so only the rules below count.
    expect((await city.send('PUT', '/api/expert-draw-settings', { agencyLookbackMonths: 24, maxOpenPanels: 50 })).statusCode).toBe(200);
    const before = await countRows(t.db, ['panel_draws', 'review_panels', 'panel_draw_exclusions']);
    const res = await yubei.send('POST', `/api/rounds/${round}/panel-draws`, { size: 3, expertise: ['monitoring'] }, { 'accept-language': 'en' });
    expect(res.statusCode, res.body).toBe(422);
    const error = errorOf(res);
    expect(error.code).toBe('DRAW_TOO_FEW_CANDIDATES');
    expect(error.message).toContain('3 needed, 2 eligible');
    expect(error.fields?.size).toBe('3 needed, 2 eligible');
    // expert3 and expert7 are monitoring experts; expert8 (industry) is also unavailable.
    expect(error.fields?.['excluded.expertiseMismatch']).toBe('expertise kind does not match: 6');
    expect(error.fields?.['excluded.unavailable']).toBe('unavailable on the review date: 1');
    const zh = errorOf(await yubei.send('POST', `/api/rounds/${round}/panel-draws`, { size: 3, expertise: ['monitoring'] }));
    expect(zh.message).toContain('需要 3 名，仅 2 名符合条件');
    expect(await countRows(t.db, ['panel_draws', 'review_panels', 'panel_draw_exclusions'])).toEqual(before);
    await city.send('PUT', '/api/expert-draw-settings', { agencyLookbackMonths: 24, maxOpenPanels: 50 });
  });

  it('checks size against the grading rule and industry codes against the reference (400)', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    expect(errorOf(await yubei.send('POST', `/api/rounds/${round}/panel-draws`, { size: 4 })).fields?.size).toContain('奇数');
    expect(errorOf(await yubei.send('POST', `/api/rounds/${round}/panel-draws`, { size: 3, industries: ['99'] })).fields?.industries).toContain('99');
    expect((await yubei.send('POST', `/api/rounds/${round}/panel-draws`, { size: 3, meetingOn: '2020-01-01' })).statusCode).toBe(400);
  });

  it('a declined member is replaced by a new draw from the remaining experts, recorded and linked to the replaced member', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    const initial = await draw(round);
    const outgoing = initial.drawnIds[0]!;
    const declined = await expert[nameOf(outgoing)]!.send('POST', `/api/review-panels/${initial.panelId}/conflict`, { hasConflict: true, note: '曾为该企业提供咨询' });
    expect(declined.statusCode, declined.body).toBe(200);
    // Wrong district: 404; other roles: 403.
    expect((await jiangbei.send('POST', `/api/review-panels/${initial.panelId}/replacement-draws`, { outgoingUserId: outgoing })).statusCode).toBe(404);
    expect((await city.send('POST', `/api/review-panels/${initial.panelId}/replacement-draws`, { outgoingUserId: outgoing })).statusCode).toBe(403);
    const res = await yubei.send('POST', `/api/review-panels/${initial.panelId}/replacement-draws`, { outgoingUserId: outgoing });
    expect(res.statusCode, res.body).toBe(201);
    const replacement = res.json<PanelDraw>();
    expect(replacement).toMatchObject({ purpose: 'replacement', replacedUserId: outgoing, panelId: initial.panelId, size: 1 });
    expect(replacement.seed).not.toBe(initial.seed);
    const incoming = replacement.drawnIds[0]!;
    expect(initial.drawnIds).not.toContain(incoming);
    const onPanel = Object.fromEntries(replacement.exclusions.map((x) => [x.id, x.reasons]));
    for (const id of initial.drawnIds) expect(onPanel[id]).toContain('alreadyOnPanel');
    expect((await yubei.get(`/api/panel-draws/${replacement.id}/verification`)).json<DrawVerification>().verified).toBe(true);
    const panel = (await yubei.get(`/api/rounds/${round}/panels`)).json<RoundPanels>().panels[0]!;
    expect(panel.members.filter((m) => !m.replacedAt).map((m) => m.expertUserId).sort()).toEqual(
      [...initial.drawnIds.slice(1), incoming].sort(),
    );
    // The replaced expert no longer sees the records of the panel; the newcomer does.
    expect((await expert[nameOf(outgoing)]!.get(`/api/panel-draws/${replacement.id}`)).statusCode).toBe(404);
    expect((await expert[nameOf(incoming)]!.get(`/api/panel-draws/${replacement.id}`)).statusCode).toBe(200);
    const list = (await yubei.get(`/api/rounds/${round}/panel-draws`)).json<RoundDraws>();
    expect(list.items.map((d) => d.purpose)).toEqual(['replacement', 'initial']);
  });

  it('manual choice needs a reason (400 without), and the reason is shown in the record', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    const ids = [userIds.expert3, userIds.expert4, userIds.expert5];
    const without = await yubei.send('POST', `/api/rounds/${round}/panels`, { expertUserIds: ids });
    expect(without.statusCode).toBe(400);
    expect(errorOf(without).fields?.reason).toBeDefined();
    expect((await yubei.send('POST', `/api/rounds/${round}/panels`, { expertUserIds: ids, reason: '太短' })).statusCode).toBe(400);
    const formed = await yubei.send('POST', `/api/rounds/${round}/panels`, { expertUserIds: ids, reason: '该行业专家不足，经局务会研究人工选定' });
    expect(formed.statusCode, formed.body).toBe(201);
    const panelId = formed.json<RoundPanels>().panels[0]!.id;
    const noReason = await yubei.send('POST', `/api/review-panels/${panelId}/replacements`, { outgoingUserId: ids[0], incomingUserId: userIds.expert1 });
    expect(noReason.statusCode).toBe(400);
    const records = (await yubei.get(`/api/rounds/${round}/panel-draws`)).json<RoundDraws>().items;
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ manual: true, manualReason: '该行业专家不足，经局务会研究人工选定', seed: null, seedHash: null });
    expect(records[0]!.drawnIds).toEqual(ids);
    expect((await yubei.get(`/api/panel-draws/${records[0]!.id}/verification`)).json<DrawVerification>()).toMatchObject({ manual: true, verified: false });
  });

  it('scopes every draw endpoint: district, city, enterprise, agency, expert', async () => {
    const round = await roundInState(t, city, yubei, 'evaluation_review');
    expect((await jiangbei.send('POST', `/api/rounds/${round}/panel-draws`, { size: 3 })).statusCode).toBe(404);
    expect((await city.send('POST', `/api/rounds/${round}/panel-draws`, { size: 3 })).statusCode).toBe(403);
    expect((await expert.expert1!.send('POST', `/api/rounds/${round}/panel-draws`, { size: 3 })).statusCode).toBe(403);
    expect((await ent1.send('POST', `/api/rounds/${round}/panel-draws`, { size: 3 })).statusCode).toBe(403);
    const record = await draw(round);
    const outsider = EXPERTS.find((u) => !record.drawnIds.includes(userIds[u]!))!;
    for (const url of [`/api/panel-draws/${record.id}`, `/api/panel-draws/${record.id}/verification`]) {
      expect((await city.get(url)).statusCode, url).toBe(200);
      expect((await yubei.get(url)).statusCode, url).toBe(200);
      expect((await jiangbei.get(url)).statusCode, url).toBe(404);
      expect((await ent1.get(url)).statusCode, url).toBe(404);
      expect((await agency.get(url)).statusCode, url).toBe(404);
      expect((await expert[outsider]!.get(url)).statusCode, url).toBe(404);
    }
    expect((await jiangbei.get(`/api/rounds/${round}/panel-draws`)).statusCode).toBe(404);
    expect((await ent1.get(`/api/rounds/${round}/panel-draws`)).statusCode).toBe(404);
    expect((await expert[outsider]!.get(`/api/rounds/${round}/panel-draws`)).statusCode).toBe(404);
    // The engaged agency sees the draws of its round.
    await engageAgency(round);
    expect((await agency.get(`/api/panel-draws/${record.id}`)).statusCode).toBe(200);
    expect((await agency.get(`/api/rounds/${round}/panel-draws`)).json<RoundDraws>().items).toHaveLength(1);
  });
});
