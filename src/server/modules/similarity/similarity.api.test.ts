import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundOption } from '../../../shared/contracts/options';
import type { AgencyQuality, SimilarTexts } from '../../../shared/contracts/similarity';
import { countRows, createTestApp, errorOf, orgIdOf, signIn, type Client, type TestContext } from '../../../../test/helpers/app';
import { setState } from '../../../../test/helpers/reviews';
import { engage, roundAt } from '../../../../test/helpers/supervision';
import { backfillSignatures } from './signatures';

const YUBEI = '500112';
const JIANGBEI = '500105';

const ORIGINAL =
  '对电镀生产线的漂洗工序进行改造，将单级漂洗改为三级逆流漂洗，并增设镀液回收槽，回收带出的镀液，' +
  '预计每年减少含铬废水排放约3200吨，节约新鲜水3500吨，减少铬酸酐消耗1.2吨。';
const EDITED =
  '对电镀生产线的漂洗工序实施改造，将单级漂洗改为三级逆流漂洗，并增设镀液回收槽，回收带出的镀液，' +
  '预计每年减少含镍废水排放约3000吨，节约新鲜水3500吨，减少硫酸镍消耗1.2吨。';
const UNRELATED =
  '加强员工清洁生产培训，建立能源计量管理制度，对空压机房实施变频改造，降低空载运行时间，年节电约十二万千瓦时，' +
  '同时将锅炉燃料由燃煤改为天然气，减少二氧化硫和颗粒物排放。';

const option = (optionName: string, description: string) => ({
  category: 'low_cost',
  direction: 'technology',
  optionName,
  description,
  status: 'proposed',
  predictedBenefits: { water: 100 },
});

describe('report-quality detection (near-duplicate texts across rounds)', () => {
  let t: TestContext;
  let city: Client;
  let yubei: Client;
  let jiangbei: Client;
  let ent1: Client;
  let agency1: Client;
  let expert1: Client;
  let agencyId = '';
  let otherAgencyId = '';
  const r: Record<'r1' | 'r2' | 'r3' | 'r4', { roundId: string; enterpriseName: string }> = {} as never;
  let editedOption: RoundOption;
  let before: AgencyQuality;

  const addOption = async (roundId: string, name: string, text: string) => {
    const res = await agency1.send('POST', `/api/rounds/${roundId}/options`, option(name, text));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<RoundOption>();
  };
  const similar = async (client: Client, roundId: string) => {
    const res = await client.get(`/api/rounds/${roundId}/similar-texts`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SimilarTexts>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    [city, yubei, jiangbei, ent1, agency1, expert1] = await Promise.all([
      signIn(t.app, 'city'),
      signIn(t.app, 'yubei'),
      signIn(t.app, 'jiangbei'),
      signIn(t.app, 'ent1'),
      signIn(t.app, 'agency1'),
      signIn(t.app, 'expert1'),
    ]);
    agencyId = await orgIdOf(t.db, 'agency1');
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO organizations (kind, name, city_code) VALUES ('agency', '测试另一咨询公司', '500000') RETURNING id`,
    );
    otherAgencyId = rows[0]!.id;
    before = (await city.get(`/api/agencies/${agencyId}/quality`)).json<AgencyQuality>();
    const at = '2030-01-01T00:00:00Z';
    r.r1 = await roundAt(t.db, yubei, YUBEI, 'audit_started', at);
    r.r2 = await roundAt(t.db, yubei, YUBEI, 'audit_started', at);
    r.r3 = await roundAt(t.db, jiangbei, JIANGBEI, 'audit_started', at);
    r.r4 = await roundAt(t.db, yubei, YUBEI, 'audit_started', at);
    for (const k of ['r1', 'r2', 'r3', 'r4'] as const) await engage(t.db, r[k].roundId, agencyId);
    await addOption(r.r1.roundId, '漂洗工序改造', ORIGINAL);
    editedOption = await addOption(r.r2.roundId, '漂洗工艺改造', EDITED);
    await addOption(r.r2.roundId, '空压机变频与锅炉改造', UNRELATED);
    await addOption(r.r3.roundId, '漂洗工艺改造', EDITED);
    await addOption(r.r4.roundId, '空压机变频与锅炉改造', `${UNRELATED.slice(0, 20)}另行设计的余热回收系统用于车间供暖，减少天然气消耗`);
    // r3 is then served by another agency.
    await t.db.query('UPDATE round_engagements SET ended_at = now() WHERE round_id = $1', [r.r3.roundId]);
    await engage(t.db, r.r3.roundId, otherAgencyId);
  });
  afterAll(() => t.close());

  it('reports the copied option with its score, flags the same agency, and leaves unrelated rounds out', async () => {
    const body = await similar(yubei, r.r1.roundId);
    expect(body.agencyName).toBeTruthy();
    const byRound = new Map(body.pairs.map((p) => [p.other.enterpriseName, p]));
    expect([...byRound.keys()].sort()).toEqual([r.r2.enterpriseName, r.r3.enterpriseName].sort());
    expect(byRound.has(r.r4.enterpriseName)).toBe(false);
    const same = byRound.get(r.r2.enterpriseName)!;
    expect(same).toMatchObject({ kind: 'option', sameAgency: true, sameEnterprise: false, label: '1|漂洗工序改造', otherLabel: '1|漂洗工艺改造' });
    expect(same.score).toBeGreaterThan(0.7);
    expect(same.score).toBeLessThan(1);
    expect(same.other.roundId).toBe(r.r2.roundId);
    expect(same.segments.map((s) => s.text).join('')).toBe(`漂洗工序改造 ${ORIGINAL}`);
    expect(same.segments.some((s) => s.common && s.text.includes('三级逆流漂洗'))).toBe(true);
    expect(same.otherSegments.map((s) => s.text).join('')).toBe(`漂洗工艺改造 ${EDITED}`);
    // Another agency's round in another district: named, but yubei cannot open it.
    const other = byRound.get(r.r3.enterpriseName)!;
    expect(other).toMatchObject({ sameAgency: false, other: { roundId: null, districtName: '江北区', agencyName: '测试另一咨询公司' } });
    // The city can open both.
    const cityView = await similar(city, r.r1.roundId);
    expect(cityView.pairs.find((p) => p.other.enterpriseName === r.r3.enterpriseName)?.other.roundId).toBe(r.r3.roundId);
    // Identical texts score 1.
    expect((await similar(city, r.r2.roundId)).pairs.find((p) => p.other.enterpriseName === r.r3.enterpriseName)?.score).toBe(1);
  });

  it('keeps signatures current when options change or go, and rebuilds them by the backfill', async () => {
    const changed = await agency1.send('PUT', `/api/rounds/${r.r2.roundId}/options/${editedOption.id}`, option('漂洗工艺改造', UNRELATED));
    expect(changed.statusCode, changed.body).toBe(200);
    const now = await similar(city, r.r1.roundId);
    expect(now.pairs.map((p) => p.other.enterpriseName)).toEqual([r.r3.enterpriseName]);
    const before = await countRows(t.db, ['text_signatures']);
    expect((await agency1.send('DELETE', `/api/rounds/${r.r2.roundId}/options/${editedOption.id}`)).statusCode).toBe(200);
    expect((await countRows(t.db, ['text_signatures'])).text_signatures).toBe((before.text_signatures ?? 0) - 1);
    editedOption = await addOption(r.r2.roundId, '漂洗工艺改造', EDITED);

    const stored = (await countRows(t.db, ['text_signatures'])).text_signatures;
    await t.db.query('DELETE FROM text_signatures');
    const counts = await backfillSignatures(t.db);
    expect(counts.option).toBe(stored);
    expect((await similar(city, r.r1.roundId)).pairs).toHaveLength(2);
  });

  it('compares report summaries entered by the enterprise side, only while the audit is worked on', async () => {
    const summary = `本轮审核以漂洗废水和含铬废水为审核重点，${ORIGINAL}`;
    const put = (roundId: string, text: string) => agency1.send('PUT', `/api/rounds/${roundId}/report-summary`, { summary: text });
    expect((await put(r.r1.roundId, summary)).statusCode).toBe(200);
    expect((await put(r.r4.roundId, summary.replace('含铬', '含镍'))).statusCode).toBe(200);
    const pairs = (await similar(yubei, r.r1.roundId)).pairs.filter((p) => p.kind === 'report_summary');
    expect(pairs.map((p) => p.other.enterpriseName)).toEqual([r.r4.enterpriseName]);
    expect(pairs[0]?.sameAgency).toBe(true);
    expect((await yubei.send('PUT', `/api/rounds/${r.r1.roundId}/report-summary`, { summary })).statusCode).toBe(403);
    const blank = await put(r.r1.roundId, '   ');
    expect(blank.statusCode).toBe(400);
    expect(Object.keys(errorOf(blank).fields ?? {})).toEqual(['summary']);
    await setState(t.db, r.r4.roundId, 'evaluation_review');
    const locked = await put(r.r4.roundId, '修改');
    expect(locked.statusCode).toBe(409);
    expect(errorOf(locked).code).toBe('ROUND_MATERIAL_LOCKED');
    expect((await yubei.get(`/api/rounds/${r.r4.roundId}/report-summary`)).json()).toMatchObject({ summary: summary.replace('含铬', '含镍') });
  });

  it('applies scope and roles to the similarity view', async () => {
    expect((await jiangbei.get(`/api/rounds/${r.r1.roundId}/similar-texts`)).statusCode).toBe(404);
    expect((await expert1.get(`/api/rounds/${r.r1.roundId}/similar-texts`)).statusCode).toBe(404);
    expect((await ent1.get(`/api/rounds/${r.r1.roundId}/similar-texts`)).statusCode).toBe(403);
    expect((await agency1.get(`/api/rounds/${r.r1.roundId}/similar-texts`)).statusCode).toBe(403);
    expect((await ent1.get(`/api/rounds/${r.r1.roundId}/report-summary`)).statusCode).toBe(404);
  });

  it('aggregates option warnings and similar pairs per agency, in the bureau’s scope', async () => {
    const res = await city.get(`/api/agencies/${agencyId}/quality`);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<AgencyQuality>();
    // r1–r4 were all served by agency1 (r3 moved to another agency later; its ended engagement still counts).
    expect(after.roundCount - before.roundCount).toBe(4);
    expect(after.warnings.tooFewOptions - before.warnings.tooFewOptions).toBe(4);
    expect(after.warnings.lowCostNoBenefit - before.warnings.lowCostNoBenefit).toBe(0);
    // Options: r1–r2 (same agency), r1–r3, r2–r3 (r3 also counts as served); summaries: r1–r4 (same agency).
    expect(after.similarPairs - before.similarPairs).toBe(4);
    expect(after.sameAgencyPairs - before.sameAgencyPairs).toBe(2);

    const district = (await jiangbei.get(`/api/agencies/${agencyId}/quality`)).json<AgencyQuality>();
    const yubeiView = (await yubei.get(`/api/agencies/${agencyId}/quality`)).json<AgencyQuality>();
    expect(district.roundCount + yubeiView.roundCount).toBeLessThanOrEqual(after.roundCount);
    expect(yubeiView.roundCount).toBeGreaterThanOrEqual(3);

    expect((await city.get(`/api/agencies/${await orgIdOf(t.db, 'yubei')}/quality`)).statusCode).toBe(404);
    expect((await city.get('/api/agencies/00000000-0000-4000-8000-000000000000/quality')).statusCode).toBe(404);
    for (const other of [ent1, agency1, expert1]) expect((await other.get(`/api/agencies/${agencyId}/quality`)).statusCode).toBe(403);
  });
});
