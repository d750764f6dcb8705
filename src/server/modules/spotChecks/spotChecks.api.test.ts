import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Population, PublicSpotCheckDetail, PublicSpotCheckPage, SpotCheckDetail, SpotCheckPage, Verification } from '../../../shared/contracts/spotChecks';
import { seedCommitment } from '../../../shared/domain/draw';
import { drawSpotCheck, strataOf } from '../../../shared/domain/spotChecks';
import { auditEventsOf, countRows, createTestApp, errorOf, signIn, userIdOf, type Client, type TestContext } from '../../../../test/helpers/app';
import { roundAt } from '../../../../test/helpers/supervision';

const YUBEI = '500112';
const JIANGBEI = '500105';
const YEAR = 2045;

describe('spot checks (抽查)', () => {
  let t: TestContext;
  let city: Client;
  let admin: Client;
  let yubei: Client;
  let jiangbei: Client;
  let ent1: Client;
  let agency1: Client;
  let expert1: Client;
  const population: { roundId: string; districtCode: string; enterpriseName: string }[] = [];
  let excludedName = '';
  let spotCheck: SpotCheckDetail;
  let draftId = '';

  beforeAll(async () => {
    t = await createTestApp();
    [admin, city, yubei, jiangbei, ent1, agency1, expert1] = await Promise.all([
      signIn(t.app, 'admin'),
      signIn(t.app, 'city'),
      signIn(t.app, 'yubei'),
      signIn(t.app, 'jiangbei'),
      signIn(t.app, 'ent1'),
      signIn(t.app, 'agency1'),
      signIn(t.app, 'expert1'),
    ]);
    const add = async (bureau: Client, district: string, at: string) => {
      const r = await roundAt(t.db, bureau, district, 'accepted', at);
      population.push({ ...r, districtCode: district });
    };
    for (let i = 0; i < 4; i += 1) await add(yubei, YUBEI, `${YEAR}-06-0${i + 1}T02:00:00Z`);
    for (let i = 0; i < 2; i += 1) await add(jiangbei, JIANGBEI, `${YEAR}-07-0${i + 1}T02:00:00Z`);
    // 2045-01-01 01:00 in China: accepted in 2045.
    await add(jiangbei, JIANGBEI, `${YEAR - 1}-12-31T17:00:00Z`);
    // 2046-01-01 00:30 in China: not in 2045.
    excludedName = (await roundAt(t.db, yubei, YUBEI, 'accepted', `${YEAR}-12-31T16:30:00Z`)).enterpriseName;
    // Accepted in 2045 but later evaluated again is impossible; a round still under review with an old history row is not counted.
    await roundAt(t.db, yubei, YUBEI, 'acceptance_review', `${YEAR}-05-01T02:00:00Z`);
  });
  afterAll(() => t.close());

  it('previews the population: rounds accepted in the year (China time), per district', async () => {
    const res = await city.get(`/api/spot-checks/population?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Population>();
    expect(body.total).toBe(7);
    expect(Object.fromEntries(body.districts.map((d) => [d.districtCode, d.count]))).toEqual({ [YUBEI]: 4, [JIANGBEI]: 3 });
    expect((await yubei.get(`/api/spot-checks/population?year=${YEAR}`)).statusCode).toBe(403);
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const before = await countRows(t.db, ['spot_checks', 'spot_check_items', 'audit_events']);
    const both = await city.send('POST', '/api/spot-checks', { year: YEAR, title: 'x', sampleRatio: 0.2, sampleCount: 2, stratified: true });
    expect(both.statusCode).toBe(400);
    expect(errorOf(both).fields?.sampleCount).toContain('只填写其中一项');
    const tooMany = await city.send('POST', '/api/spot-checks', { year: YEAR, title: 'x', sampleCount: 8, stratified: false });
    expect(tooMany.statusCode).toBe(400);
    expect(errorOf(tooMany).fields?.sampleCount).toContain('7');
    const empty = await city.send('POST', '/api/spot-checks', { year: 2099, title: 'x', sampleCount: 1, stratified: false }, { 'accept-language': 'en' });
    expect(empty.statusCode).toBe(422);
    expect(errorOf(empty)).toMatchObject({ code: 'SPOT_CHECK_NOT_READY', fields: { year: 'has no accepted rounds' } });
    expect(await countRows(t.db, ['spot_checks', 'spot_check_items', 'audit_events'])).toEqual(before);
  });

  it('creates the record with the seed commitment, then draws the stratified sample everyone can recompute', async () => {
    const events = await auditEventsOf(t.db, async () => {
      const res = await city.send('POST', '/api/spot-checks', { year: YEAR, title: `${YEAR}年度清洁生产审核抽查`, sampleRatio: 0.5, stratified: true });
      expect(res.statusCode, res.body).toBe(201);
      spotCheck = res.json<SpotCheckDetail>();
    });
    expect(spotCheck).toMatchObject({ status: 'draft', seed: null, populationSize: 7, items: [], allocation: null });
    expect(spotCheck.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(spotCheck.candidateCounts).toEqual({ [YUBEI]: 4, [JIANGBEI]: 3 });
    expect(events.map((e) => e.action)).toEqual(['spotCheck.created']);
    expect(events[0]?.after).toMatchObject({ seedHash: spotCheck.seedHash });
    expect(JSON.stringify(events[0]?.after)).not.toContain('"seed"');

    const dup = await city.send('POST', '/api/spot-checks', { year: YEAR, title: `${YEAR}年度清洁生产审核抽查`, sampleCount: 1, stratified: false });
    expect(dup.statusCode).toBe(400);
    expect(errorOf(dup).fields?.title).toBeDefined();

    const drawn = await city.send('POST', `/api/spot-checks/${spotCheck.id}/draw`);
    expect(drawn.statusCode, drawn.body).toBe(200);
    spotCheck = drawn.json<SpotCheckDetail>();
    expect(spotCheck.status).toBe('drawn');
    expect(spotCheck.seed).not.toBeNull();
    expect(seedCommitment(spotCheck.seed!)).toBe(spotCheck.seedHash);
    // ceil(0.5 × 7) = 4: one per district, the other two in proportion to the rest (3 : 2) → 2 + 2.
    expect(spotCheck.allocation).toEqual({ [YUBEI]: 2, [JIANGBEI]: 2 });
    // Recomputed here from the population this test built and the revealed seed.
    const expected = drawSpotCheck(strataOf(population, true), { ratio: 0.5 }, spotCheck.seed!);
    expect(spotCheck.items.map((i) => i.roundId)).toEqual(expected.sampled.map((s) => s.roundId));
    expect(spotCheck.items.map((i) => i.enterpriseName)).not.toContain(excludedName);
    expect(spotCheck.districts.map((d) => [d.districtCode, d.population, d.sampled])).toEqual(
      expect.arrayContaining([
        [YUBEI, 4, 2],
        [JIANGBEI, 3, 2],
      ]),
    );

    const again = await city.send('POST', `/api/spot-checks/${spotCheck.id}/draw`);
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('SPOT_CHECK_CONFLICT');
  });

  it('verifies the recorded draw and detects a tampered sample', async () => {
    const res = await yubei.get(`/api/spot-checks/${spotCheck.id}/verification`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Verification>()).toMatchObject({ seedMatches: true, allocationMatches: true, resultMatches: true });
    const item = spotCheck.items.find((i) => i.districtCode === YUBEI)!;
    const spare = population.find((r) => r.districtCode === YUBEI && !spotCheck.items.some((i) => i.roundId === r.roundId))!;
    await t.db.query('UPDATE spot_check_items SET round_id = $2 WHERE id = $1', [item.id, spare.roundId]);
    const tampered = (await city.get(`/api/spot-checks/${spotCheck.id}/verification`)).json<Verification>();
    expect(tampered).toMatchObject({ seedMatches: true, resultMatches: false });
    await t.db.query('UPDATE spot_check_items SET round_id = $2 WHERE id = $1', [item.id, item.roundId]);
  });

  it('shows a district only its items, hides drafts, and refuses other roles', async () => {
    const draft = await city.send('POST', '/api/spot-checks', { year: YEAR, title: '草稿抽查', sampleCount: 1, stratified: false });
    expect(draft.statusCode).toBe(201);
    draftId = draft.json<SpotCheckDetail>().id;

    const list = (await yubei.get('/api/spot-checks')).json<SpotCheckPage>();
    expect(list.items.map((s) => s.id)).toEqual([spotCheck.id]);
    expect(list.items[0]?.itemCount).toBe(2);
    const detail = (await yubei.get(`/api/spot-checks/${spotCheck.id}`)).json<SpotCheckDetail>();
    expect(detail.items.map((i) => i.districtCode)).toEqual([YUBEI, YUBEI]);
    expect(detail.districts.map((d) => d.districtCode)).toEqual([YUBEI]);
    expect(detail.abilities).toEqual({ draw: false, assign: false, publish: false, record: true });
    expect((await yubei.get(`/api/spot-checks/${draftId}`)).statusCode).toBe(404);
    expect((await city.get('/api/spot-checks')).json<SpotCheckPage>().total).toBe(2);
    expect((await admin.get(`/api/spot-checks/${draftId}`)).json<SpotCheckDetail>().seed).toBeNull();

    for (const other of [ent1, agency1, expert1]) {
      expect((await other.get('/api/spot-checks')).statusCode).toBe(403);
      expect((await other.get(`/api/spot-checks/${spotCheck.id}`)).statusCode).toBe(403);
      expect((await other.get(`/api/spot-checks/${spotCheck.id}/verification`)).statusCode).toBe(403);
      expect((await other.get(`/api/spot-checks/${spotCheck.id}/notice`)).statusCode).toBe(403);
      const item = spotCheck.items[0]!;
      expect((await other.send('PUT', `/api/spot-checks/${spotCheck.id}/items/${item.id}/finding`, { result: 'conforming', categories: [], checkedOn: '2046-03-01' })).statusCode).toBe(403);
    }
    for (const district of [yubei, jiangbei]) {
      expect((await district.send('POST', `/api/spot-checks/${draftId}/draw`)).statusCode).toBe(403);
      expect((await district.send('POST', '/api/spot-checks', { year: YEAR, title: 'y', sampleCount: 1, stratified: false })).statusCode).toBe(403);
      expect((await district.send('POST', `/api/spot-checks/${spotCheck.id}/publication`, { noticeNo: 'x' })).statusCode).toBe(403);
      expect((await district.send('PUT', `/api/spot-checks/${spotCheck.id}/items/${spotCheck.items[0]!.id}/checkers`, { checkerUserIds: [], checkerNames: [] })).statusCode).toBe(403);
    }
  });

  it('assigns checkers from the city bureau and the item’s district bureau, or by name', async () => {
    const item = spotCheck.items.find((i) => i.districtCode === YUBEI)!;
    const url = `/api/spot-checks/${spotCheck.id}/items/${item.id}/checkers`;
    const ids = [await userIdOf(t.db, 'yubei'), await userIdOf(t.db, 'city')];
    const wrong = await city.send('PUT', url, { checkerUserIds: [await userIdOf(t.db, 'jiangbei')], checkerNames: [] });
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(errorOf(wrong).fields ?? {})).toEqual(['checkerUserIds.0']);
    const res = await city.send('PUT', url, { checkerUserIds: ids, checkerNames: ['外聘专家王工'] });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json<SpotCheckDetail>().items.find((i) => i.id === item.id)!;
    expect(saved.checkers.map((c) => c.id)).toEqual(ids);
    expect(saved.checkerNames).toEqual(['外聘专家王工']);
  });

  it('records findings: the district for its items only, with categories when problems were found', async () => {
    const mine = spotCheck.items.filter((i) => i.districtCode === YUBEI);
    const theirs = spotCheck.items.filter((i) => i.districtCode === JIANGBEI);
    const url = (id: string) => `/api/spot-checks/${spotCheck.id}/items/${id}/finding`;
    expect((await jiangbei.send('PUT', url(mine[0]!.id), { result: 'conforming', categories: [], checkedOn: '2046-03-01' })).statusCode).toBe(404);
    const noCategory = await yubei.send('PUT', url(mine[0]!.id), { result: 'problems', categories: [], description: '台账缺失', checkedOn: '2046-03-01' });
    expect(noCategory.statusCode).toBe(400);
    expect(errorOf(noCategory).fields?.categories).toContain('至少选择一个');
    const extra = await yubei.send('PUT', url(mine[0]!.id), { result: 'conforming', categories: ['other'], checkedOn: '2046-03-01' });
    expect(extra.statusCode).toBe(400);

    const events = await auditEventsOf(t.db, async () => {
      const ok = await yubei.send('PUT', url(mine[0]!.id), {
        result: 'problems',
        categories: ['data_not_true', 'options_not_implemented'],
        description: '中/高费方案“电镀槽液回收”未实施，节水数据与台账不符',
        checkedOn: '2046-03-02',
      });
      expect(ok.statusCode, ok.body).toBe(200);
    });
    expect(events.map((e) => e.action)).toEqual(['spotCheck.findingRecorded']);
    expect(events[0]?.after).toMatchObject({ roundId: mine[0]!.roundId, result: 'problems' });
    expect((await yubei.send('PUT', url(mine[1]!.id), { result: 'conforming', categories: [], checkedOn: '2046-03-03' })).statusCode).toBe(200);
    expect((await jiangbei.send('PUT', url(theirs[0]!.id), { result: 'conforming', categories: [], checkedOn: '2046-03-04' })).statusCode).toBe(200);
  });

  it('opens an enforcement case from a problem finding (district bureau), once', async () => {
    const [problem, conforming] = spotCheck.items.filter((i) => i.districtCode === YUBEI);
    const url = (id: string) => `/api/spot-checks/${spotCheck.id}/items/${id}/enforcement-case`;
    const body = { violationType: 'falsified', openedOn: '2046-03-10' };
    expect((await city.send('POST', url(problem!.id), body)).statusCode).toBe(403);
    expect((await jiangbei.send('POST', url(problem!.id), body)).statusCode).toBe(404);
    expect((await yubei.send('POST', url(conforming!.id), body)).statusCode).toBe(409);
    const before = (await yubei.get(`/api/spot-checks/${spotCheck.id}`)).json<SpotCheckDetail>();
    expect(before.items.find((i) => i.id === problem!.id)?.abilities.openCase).toBe(true);
    const res = await yubei.send('POST', url(problem!.id), body);
    expect(res.statusCode, res.body).toBe(201);
    const { caseId, detail } = res.json<{ caseId: string; detail: SpotCheckDetail }>();
    expect(detail.items.find((i) => i.id === problem!.id)).toMatchObject({ enforcementCaseId: caseId, abilities: { openCase: false } });
    const { rows } = await t.db.query<{ round_id: string; violation_type: string; status: string; facts: string }>(
      'SELECT round_id, violation_type, status, facts FROM enforcement_cases WHERE id = $1',
      [caseId],
    );
    expect(rows[0]).toMatchObject({ round_id: problem!.roundId, violation_type: 'falsified', status: 'open' });
    expect(rows[0]?.facts).toContain('数据不真实');
    expect((await yubei.send('POST', url(problem!.id), body)).statusCode).toBe(409);
  });

  it('publishes once every sampled round has a finding; then the notice (.docx) and the portal show it', async () => {
    const pendingItem = spotCheck.items.filter((i) => i.districtCode === JIANGBEI)[1]!;
    expect((await city.get(`/api/spot-checks/${spotCheck.id}/notice`)).statusCode).toBe(409);
    const early = await city.send('POST', `/api/spot-checks/${spotCheck.id}/publication`, { noticeNo: '渝环〔2046〕12号' });
    expect(early.statusCode).toBe(422);
    expect(errorOf(early).message).toContain(pendingItem.enterpriseName);

    await city.send('PUT', `/api/spot-checks/${spotCheck.id}/items/${pendingItem.id}/finding`, { result: 'conforming', categories: [], checkedOn: '2046-03-05' });
    const res = await city.send('POST', `/api/spot-checks/${spotCheck.id}/publication`, {
      noticeNo: '渝环〔2046〕12号',
      summary: '请各区县督促问题企业于30日内完成整改。',
    });
    expect(res.statusCode, res.body).toBe(200);
    const published = res.json<SpotCheckDetail>();
    expect(published).toMatchObject({ status: 'published', noticeNo: '渝环〔2046〕12号', problemCount: 1, pendingCount: 0 });
    expect(published.categoryCounts).toEqual({ report_inconsistent_with_site: 0, options_not_implemented: 1, data_not_true: 1, other: 0 });
    const late = await yubei.send('PUT', `/api/spot-checks/${spotCheck.id}/items/${spotCheck.items[0]!.id}/finding`, { result: 'conforming', categories: [], checkedOn: '2046-03-01' });
    expect(late.statusCode).toBe(409);

    const problem = spotCheck.items.filter((i) => i.districtCode === YUBEI)[0]!;
    const doc = await yubei.get(`/api/spot-checks/${spotCheck.id}/notice`);
    expect(doc.statusCode, doc.body).toBe(200);
    expect(doc.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = (await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain(`关于${YEAR}年度通过验收的清洁生产审核抽查情况的通报`);
    expect(xml).toContain('渝环〔2046〕12号');
    expect(xml).toContain('本次共随机抽取4家企业，其中符合要求3家，发现问题1家');
    expect(xml).toContain('渝北区');
    expect(xml).toContain('江北区');
    expect(xml).toContain(problem.enterpriseName);
    expect(xml).toContain('数据不真实');
    expect(xml).toContain('方案未落实');
    expect(xml).toContain('请各区县督促问题企业于30日内完成整改。');
    expect(xml).toContain('重庆市生态环境局');

    const portal = await t.app.inject({ method: 'GET', url: '/api/public/spot-checks' });
    expect(portal.statusCode).toBe(200);
    const page = portal.json<PublicSpotCheckPage>();
    expect(page.items.map((s) => s.id)).toEqual([spotCheck.id]);
    expect(page.items[0]).toMatchObject({ sampled: 4, conforming: 3, problems: 1 });
    const detail = await t.app.inject({ method: 'GET', url: `/api/public/spot-checks/${spotCheck.id}` });
    expect(detail.statusCode).toBe(200);
    const body = detail.json<PublicSpotCheckDetail>();
    expect(body.problemRounds.map((p) => p.enterpriseName)).toEqual([problem.enterpriseName]);
    expect(detail.body).not.toContain('外聘专家王工');
    expect(detail.body).not.toContain(spotCheck.seed!);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/spot-checks/${draftId}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/spot-checks/${draftId}/notice` })).statusCode).toBe(404);
    const publicDoc = await t.app.inject({ method: 'GET', url: `/api/public/spot-checks/${spotCheck.id}/notice` });
    expect(publicDoc.statusCode).toBe(200);
  });
});
