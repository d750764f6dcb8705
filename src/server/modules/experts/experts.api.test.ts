import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpertDetail, ExpertImportReport, ExpertPage, ExpertRecord } from '../../../shared/contracts/experts';
import { EXPERT_IMPORT_COLUMNS } from '../../../shared/contracts/experts';
import { countRows, createTestApp, errorOf, orgIdOf, signIn, type Client, type TestContext } from '../../../../test/helpers/app';
import { readXlsx, xlsxOf } from '../../../../test/helpers/xlsx';

let t: TestContext;
let admin: Client;
let city: Client;
let yubei: Client;
let ent1: Client;
let agency: Client;
let expert1: Client;
let expert2: Client;

beforeAll(async () => {
  t = await createTestApp();
  const signed = await Promise.all(['admin', 'city', 'yubei', 'ent1', 'agency1', 'expert1', 'expert2'].map((u) => signIn(t.app, u)));
  [admin, city, yubei, ent1, agency, expert1, expert2] = signed as [Client, Client, Client, Client, Client, Client, Client];
}, 180_000);
afterAll(async () => t.close());

const HEADERS = EXPERT_IMPORT_COLUMNS.map((c) => c.label);

describe('expert library', () => {
  it('lists the city’s experts with filters, sort and pages (demo: eight profiles)', async () => {
    const all = (await city.get('/api/experts?pageSize=100')).json<ExpertPage>();
    expect(all.total).toBe(8);
    const monitoring = (await city.get('/api/experts?expertise=monitoring&sort=-name')).json<ExpertPage>();
    expect(monitoring.items.map((e) => e.username).sort()).toEqual(['expert3', 'expert7']);
    expect((await city.get('/api/experts?industry=26')).json<ExpertPage>().items.map((e) => e.username).sort()).toEqual(['expert7', 'expert8']);
    expect((await city.get('/api/experts?q=重庆大学')).json<ExpertPage>().items.map((e) => e.username)).toEqual(['expert1']);
    const page = (await city.get('/api/experts?pageSize=3&page=3&sort=name')).json<ExpertPage>();
    expect(page).toMatchObject({ total: 8 });
    expect(page.items).toHaveLength(2);
    expect((await city.get('/api/experts?sort=phone')).statusCode).toBe(400);
  });

  it('the city creates, edits and deactivates an expert, linking an account once; audited', async () => {
    const created = await admin.send('POST', '/api/experts', {
      name: '钱志强', title: '高级工程师', employer: '重庆市计量质量检测研究院', industries: ['33', 'C'], expertise: ['monitoring'],
      districtCode: '500112', phone: '13800000001', email: 'qian@example.com',
    });
    expect(created.statusCode, created.body).toBe(201);
    const x = created.json<ExpertDetail>();
    expect(x).toMatchObject({ status: 'active', userId: null, districtName: '渝北区' });
    const bad = await city.send('POST', '/api/experts', { name: '坏数据', industries: ['99'], districtCode: '110101', phone: '12' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(errorOf(bad).fields ?? {}).sort()).toEqual(['phone']);
    const refs = await city.send('POST', '/api/experts', { name: '坏数据', industries: ['99'], districtCode: '110101' });
    expect(Object.keys(errorOf(refs).fields ?? {}).sort()).toEqual(['districtCode', 'industries.0']);
    const taken = await city.send('PUT', `/api/experts/${x.id}`, { name: '钱志强', username: 'expert1' });
    expect(taken.statusCode).toBe(400);
    expect(errorOf(taken).fields?.username).toBeDefined();
    const notExpert = await city.send('PUT', `/api/experts/${x.id}`, { name: '钱志强', username: 'yubei' });
    expect(errorOf(notExpert).fields?.username).toBeDefined();
    const off = await city.send('PUT', `/api/experts/${x.id}`, { ...x, username: null, status: 'inactive' });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json<ExpertDetail>().status).toBe('inactive');
    const events = await t.db.query<{ action: string }>('SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id', [x.id]);
    expect(events.rows.map((e) => e.action)).toEqual(['expert.created', 'expert.updated']);
  });

  it('is the city’s only: districts, enterprises, agencies and experts get 403', async () => {
    const one = (await city.get('/api/experts?pageSize=1')).json<ExpertPage>().items[0]!;
    for (const client of [yubei, ent1, agency, expert1]) {
      expect((await client.get('/api/experts')).statusCode).toBe(403);
      expect((await client.get(`/api/experts/${one.id}`)).statusCode).toBe(403);
      expect((await client.get(`/api/experts/${one.id}/record`)).statusCode).toBe(403);
      expect((await client.send('POST', '/api/experts', { name: '某专家' })).statusCode).toBe(403);
      expect((await client.get('/api/expert-draw-settings')).statusCode).toBe(403);
      expect((await client.get('/api/experts/export.xlsx')).statusCode).toBe(403);
    }
    expect((await city.get('/api/experts/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    for (const client of [city, yubei, ent1, agency]) expect((await client.get('/api/me/expert-profile')).statusCode).toBe(403);
  });

  it('an expert keeps their own profile, unavailable periods and declared ties', async () => {
    const mine = (await expert2.get('/api/me/expert-profile')).json<ExpertDetail>();
    expect(mine.username).toBe('expert2');
    const edited = await expert2.send('PUT', '/api/me/expert-profile', { ...mine, title: '正高级工程师', username: 'ignored' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<ExpertDetail>()).toMatchObject({ title: '正高级工程师', status: 'active', username: 'expert2' });
    const wrong = await expert2.send('PUT', '/api/me/expert-profile/availability', { periods: [{ fromOn: '2030-02-01', toOn: '2030-01-01' }] });
    expect(errorOf(wrong).fields?.['periods.0.toOn']).toBeDefined();
    const saved = await expert2.send('PUT', '/api/me/expert-profile/availability', { periods: [{ fromOn: '2030-01-01', toOn: '2030-01-31', note: '出差' }] });
    expect(saved.json<ExpertDetail>().availability).toMatchObject([{ fromOn: '2030-01-01', toOn: '2030-01-31', note: '出差' }]);
    const agencyId = await orgIdOf(t.db, 'agency1');
    const options = (await expert2.get('/api/expert-tie-options?kind=agency&q=绿源')).json<{ id: string }[]>();
    expect(options.map((o) => o.id)).toEqual([agencyId]);
    const badTie = await expert2.send('PUT', '/api/me/expert-profile/ties', { ties: [{ kind: 'enterprise', organizationId: agencyId }, { kind: 'employer' }] });
    expect(Object.keys(errorOf(badTie).fields ?? {}).sort()).toEqual(['ties.0.organizationId', 'ties.1.employerName']);
    const ties = await expert2.send('PUT', '/api/me/expert-profile/ties', {
      ties: [{ kind: 'agency', organizationId: agencyId, note: '兼职顾问' }, { kind: 'employer', employerName: '重庆某设计院' }],
    });
    expect(ties.statusCode, ties.body).toBe(200);
    expect(ties.json<ExpertDetail>().ties.map((x) => x.organizationName ?? x.employerName).sort()).toEqual(['重庆某设计院', '重庆绿源清洁生产技术咨询有限公司']);
    // The city sees the same profile; an expert without a profile gets 404.
    expect((await city.get(`/api/experts/${mine.id}`)).json<ExpertDetail>().ties).toHaveLength(2);
    await t.db.query(`UPDATE experts SET user_id = NULL WHERE id = $1`, [mine.id]);
    expect((await expert2.get('/api/me/expert-profile')).statusCode).toBe(404);
    await t.db.query(`UPDATE experts SET user_id = $2 WHERE id = $1`, [mine.id, expert2.userId]);
  });

  it('shows an expert’s record: reviews sat on, recusals with reasons, declines', async () => {
    const x = (await city.get('/api/experts?q=孙伟')).json<ExpertPage>().items[0]!;
    const record = (await city.get(`/api/experts/${x.id}/record`)).json<ExpertRecord>();
    expect(record.expert.name).toBe('孙伟');
    expect(record.reviews).toEqual([]);
    expect(record.ratings.count).toBe(0);
    const e1 = (await city.get('/api/experts?q=张建华')).json<ExpertPage>().items[0]!;
    const r1 = (await city.get(`/api/experts/${e1.id}/record`)).json<ExpertRecord>();
    expect(r1.reviews.length).toBeGreaterThan(0);
  });

  it('the city changes the draw settings (validated)', async () => {
    expect((await city.get('/api/expert-draw-settings')).json()).toEqual({ agencyLookbackMonths: 24, maxOpenPanels: 3 });
    expect((await city.send('PUT', '/api/expert-draw-settings', { agencyLookbackMonths: -1, maxOpenPanels: 0 })).statusCode).toBe(400);
    expect((await city.send('PUT', '/api/expert-draw-settings', { agencyLookbackMonths: 36, maxOpenPanels: 2 })).json()).toEqual({
      agencyLookbackMonths: 36,
      maxOpenPanels: 2,
    });
    await city.send('PUT', '/api/expert-draw-settings', { agencyLookbackMonths: 24, maxOpenPanels: 3 });
  });
});

describe('expert library import and export', () => {
  it('reports row errors, refuses to commit them unless asked, then writes only the valid rows', async () => {
    const file = await xlsxOf({
      title: '专家库导入模板',
      headers: HEADERS,
      rows: [
        ['李华', '', '高级工程师', '重庆某研究院', '33,C', '审核,监测', '渝北区', '13800000002', 'lihua@example.com'],
        ['', '', '', '', '', '', '', '', ''].map((v, i) => (i === 3 ? '无名单位' : v)),
        ['王五', 'expert1', '', '', '99', '化学', '海淀区', '12345', 'not-an-email'],
        ['李华', '', '', '重庆某研究院', '', '', '', '', ''],
      ],
    });
    const res = await city.upload('/api/expert-imports', '专家库.xlsx', file);
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json<ExpertImportReport>();
    expect(report).toMatchObject({ status: 'uploaded', validCount: 1, errorCount: 3 });
    const problems = Object.fromEntries(report.rows.map((r) => [r.rowNumber, r.errors.map((e) => `${e.field}:${e.problem}`).sort()]));
    expect(problems).toEqual({
      4: [],
      5: ['name:required'],
      6: ['district:districtUnknown', 'email:emailInvalid', 'expertise:expertiseUnknown', 'industries:industryUnknown', 'phone:phoneInvalid', 'username:usernameTaken'],
      7: ['name:duplicateInFile'],
    });
    expect(report.rows[1]!.errors[0]!.message).toBe('必填');
    const before = await countRows(t.db, ['experts']);
    const refused = await city.send('POST', `/api/expert-imports/${report.id}/commit`, { onlyValidRows: false });
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused).code).toBe('IMPORT_HAS_ERRORS');
    expect(await countRows(t.db, ['experts'])).toEqual(before);
    expect((await yubei.send('POST', `/api/expert-imports/${report.id}/commit`, { onlyValidRows: true })).statusCode).toBe(403);
    const committed = await city.send('POST', `/api/expert-imports/${report.id}/commit`, { onlyValidRows: true });
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json<ExpertImportReport>()).toMatchObject({ status: 'committed', createdCount: 1 });
    expect((await countRows(t.db, ['experts'])).experts).toBe(before.experts! + 1);
    const lihua = (await city.get('/api/experts?q=李华')).json<ExpertPage>().items[0]!;
    expect(lihua).toMatchObject({ industries: ['33', 'C'], expertise: ['audit', 'monitoring'], districtCode: '500112' });
    expect((await city.send('POST', `/api/expert-imports/${report.id}/commit`, { onlyValidRows: true })).statusCode).toBe(409);
  });

  it('refuses a workbook with other headers (400 naming the expected ones)', async () => {
    const res = await city.upload('/api/expert-imports', 'x.xlsx', await xlsxOf({ headers: ['姓名', '单位'], rows: [['a', 'b']] }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'IMPORT_HEADERS_INVALID' });
    expect(errorOf(res).message).toContain('工作单位');
  });

  it('exports the library and the template as .xlsx; the template imports back', async () => {
    const exported = await city.get('/api/experts/export.xlsx');
    expect(exported.statusCode).toBe(200);
    const { rows } = await readXlsx(exported.rawPayload);
    expect(rows[1]).toEqual(HEADERS);
    expect(rows.slice(2).some((r) => r[0] === '张建华' && r[1] === 'expert1')).toBe(true);
    const template = await city.get('/api/experts/export.xlsx?template=1');
    const parsed = await readXlsx(template.rawPayload);
    expect(parsed.rows).toHaveLength(2);
  });
});
