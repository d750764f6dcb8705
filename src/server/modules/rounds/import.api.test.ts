import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignPage } from '../../../shared/contracts/campaigns';
import type { PlanImportReport } from '../../../shared/contracts/planImports';
import type { PlanEntry, PlanEntryPage } from '../../../shared/contracts/rounds';
import { ANNEX2_COLUMNS } from '../../../shared/domain/excelLayouts';
import {
  auditEventsOf,
  countRows,
  createTestApp,
  errorOf,
  signIn,
  type Client,
  type TestContext,
} from '../../../../test/helpers/app';
import { createEnterprise, uniqueCreditCode } from '../../../../test/helpers/factories';
import { multipartOf, zipOf } from '../../../../test/helpers/files';
import { ANNEX1_HEADERS, ANNEX4_HEADERS, annex4Row, readXlsx, xlsxOf } from '../../../../test/helpers/xlsx';

const TABLES = ['plan_entries', 'plan_imports', 'audit_events'] as const;

let t: TestContext;
let city: Client;
let yubei: Client;
let jiangbei: Client;
beforeAll(async () => {
  t = await createTestApp();
  [city, yubei, jiangbei] = await Promise.all([signIn(t.app, 'city'), signIn(t.app, 'yubei'), signIn(t.app, 'jiangbei')]);
});
afterAll(async () => t.close());

function upload(client: Client, file: Buffer, name = '审核计划.xlsx', query = '', headers: Record<string, string> = {}) {
  const form = multipartOf(name, file);
  return t.app.inject({
    method: 'POST',
    url: `/api/plan-imports${query}`,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, ...form.headers, ...headers },
    payload: form.payload,
  });
}

async function uploaded(client: Client, file: Buffer, query = ''): Promise<PlanImportReport> {
  const res = await upload(client, file, '审核计划.xlsx', query);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<PlanImportReport>();
}

const commit = (client: Client, id: string, onlyValidRows: boolean, extra: Record<string, unknown> = {}) =>
  client.send('POST', `/api/plan-imports/${id}/commit`, { onlyValidRows, ...extra });

async function entriesOf(client: Client, year: number): Promise<PlanEntry[]> {
  const res = await client.get(`/api/plan-entries?plannedYear=${year}&pageSize=100`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PlanEntryPage>().items;
}

describe('Excel import of a 附件4 plan list', () => {
  it('imports a valid file: row report, one transaction on commit, audit events, a second commit refused', async () => {
    const [a, b] = [await createEnterprise(yubei), await createEnterprise(yubei)];
    const file = await xlsxOf({
      title: '渝北区2031—2032年清洁生产审核计划表',
      headers: ANNEX4_HEADERS,
      rows: [
        annex4Row({ seq: 1, district: '渝北区', name: a.name, creditCode: a.creditCode, reasons: '双有、重点行业', year: 2031, lastAudit: new Date(Date.UTC(2016, 4, 20)), contact: '王五/13912345678', remarks: '电镀' }),
        annex4Row({ seq: 2, district: '500112', name: b.name, creditCode: b.creditCode.toLowerCase(), reasons: '高耗能', year: '2031年' }),
      ],
    });
    let report: PlanImportReport | undefined;
    const uploadEvents = await auditEventsOf(t.db, async () => {
      report = await uploaded(yubei, file);
    });
    expect(report).toMatchObject({ layout: 'annex4', status: 'uploaded', validCount: 2, errorCount: 0, createdCount: null });
    expect(report?.rows.map((r) => [r.rowNumber, r.errors])).toEqual([[4, []], [5, []]]);
    expect(report?.rows[0]?.values).toMatchObject({ district: '渝北区', lastAuditOn: '2016-05-20', contact: '王五/13912345678' });
    expect(uploadEvents.map((e) => [e.action, e.entity_id])).toEqual([['planImport.uploaded', report?.id]]);

    const id = report?.id ?? '';
    const events = await auditEventsOf(t.db, async () => {
      const res = await commit(yubei, id, false);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<PlanImportReport>()).toMatchObject({ status: 'committed', createdCount: 2 });
    });
    expect(events.map((e) => e.action)).toEqual(['planImport.committed', 'planEntry.proposed', 'planEntry.proposed']);

    const entries = await entriesOf(yubei, 2031);
    const first = entries.find((e) => e.enterpriseId === a.id);
    expect(first).toMatchObject({
      status: 'proposed', reasons: ['toxic', 'key_industry'], lastAuditOn: '2016-05-20', contactName: '王五',
      contactPhone: '13912345678', remarks: '电镀', districtCode: '500112',
    });
    // No contact in the file: the registry's contact is used, as for a proposal through the form.
    expect(entries.find((e) => e.enterpriseId === b.id)).toMatchObject({ reasons: ['high_energy'], contactName: '李四' });

    const again = await commit(yubei, id, false);
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('IMPORT_STATE_CONFLICT');
    expect((await yubei.get(`/api/plan-imports/${id}`)).json<PlanImportReport>().status).toBe('committed');
  });

  it('refuses wrong headers with 400 naming the expected and the found headers', async () => {
    const file = await xlsxOf({ headers: ['序号', '企业', '信用代码', '原因'], rows: [[1, '某公司', 'X', '双超']] });
    const before = await countRows(t.db, TABLES);
    const res = await upload(yubei, file);
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('IMPORT_HEADERS_INVALID');
    expect(error.message).toContain('计划审核年度');
    expect(error.message).toContain('序号 | 企业 | 信用代码 | 原因');
    expect(await countRows(t.db, TABLES)).toEqual(before);
  });

  it('refuses a non-Excel file renamed .xlsx, and a damaged workbook, with a clear 400', async () => {
    const text = await upload(yubei, Buffer.from('序号,区县,企业名称\n1,渝北区,某公司\n', 'utf8'), '计划.xlsx');
    expect(text.statusCode).toBe(400);
    expect(errorOf(text)).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    expect(errorOf(text).message).toContain('Excel (.xlsx)');

    const damaged = await upload(yubei, zipOf({ '[Content_Types].xml': 'x', 'xl/workbook.xml': '<not-a-workbook' }), '计划.xlsx');
    expect(damaged.statusCode, damaged.body).toBe(400);
    expect(['IMPORT_FILE_UNREADABLE', 'IMPORT_EMPTY']).toContain(errorOf(damaged).code);
  });

  it('names every row error with its row number; commit writes nothing, or only the valid rows', async () => {
    const good = await createEnterprise(yubei);
    const other = await createEnterprise(yubei);
    const third = await createEnterprise(yubei);
    const invalidCode = `${good.creditCode.slice(0, 17)}${good.creditCode.endsWith('0') ? '1' : '0'}`;
    const file = await xlsxOf({
      headers: ANNEX4_HEADERS,
      rows: [
        annex4Row({ seq: 1, district: '渝北区', name: good.name, creditCode: good.creditCode, reasons: '重点行业', year: 2032 }),
        annex4Row({ seq: 2, district: '渝北区', name: '坏代码', creditCode: invalidCode, reasons: '双超', year: 2032 }),
        annex4Row({ seq: 3, district: '不存在区', name: other.name, creditCode: other.creditCode, reasons: '双超', year: 2032 }),
        annex4Row({ seq: 4, district: '渝北区', name: good.name, creditCode: good.creditCode, reasons: '双有', year: 2032 }),
        annex4Row({ seq: 5, district: '渝北区', name: third.name, creditCode: third.creditCode, reasons: '', year: 2032 }),
        annex4Row({ seq: 6, district: '渝北区', name: '未登记', creditCode: uniqueCreditCode(), reasons: '双超', year: 2032 }),
      ],
    });
    const report = await uploaded(yubei, file);
    expect(report).toMatchObject({ validCount: 1, errorCount: 5 });
    const errorsOf = (row: number) => report.rows.find((r) => r.rowNumber === row)?.errors ?? [];
    expect(errorsOf(2)).toEqual([]);
    expect(errorsOf(3)).toEqual([{ field: 'creditCode', message: expect.stringContaining('校验码错误') as string }]);
    expect(errorsOf(4)).toEqual([{ field: 'district', message: '区县“不存在区”不存在' }]);
    expect(errorsOf(5)).toEqual([{ field: 'creditCode', message: '与第 2 行重复（同一企业、同一年度）' }]);
    expect(errorsOf(6)).toEqual([{ field: 'reasons', message: '纳入原因未填写' }]);
    expect(errorsOf(7)[0]).toMatchObject({ field: 'creditCode', message: expect.stringContaining('不在企业名录中') as string });

    // The same report in English.
    const en = (await yubei.get(`/api/plan-imports/${report.id}`, { 'accept-language': 'en' })).json<PlanImportReport>();
    expect(en.rows.find((r) => r.rowNumber === 4)?.errors).toEqual([{ field: 'district', message: 'unknown district "不存在区"' }]);

    const before = await countRows(t.db, TABLES);
    const refused = await commit(yubei, report.id, false);
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused).code).toBe('IMPORT_HAS_ERRORS');
    expect(await countRows(t.db, TABLES)).toEqual(before);

    const res = await commit(yubei, report.id, true);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<PlanImportReport>().createdCount).toBe(1);
    const entries = await entriesOf(yubei, 2032);
    expect(entries.map((e) => e.enterpriseId)).toEqual([good.id]);

    // Planned now: importing the same enterprise and year again is a row error.
    const again = await uploaded(yubei, await xlsxOf({
      headers: ANNEX4_HEADERS,
      rows: [annex4Row({ district: '渝北区', name: good.name, creditCode: good.creditCode, reasons: '双超', year: 2032 })],
    }));
    expect(again.rows[0]?.errors).toEqual([{ field: 'plannedYear', message: '该企业已在 2032 年度审核计划或名单中' }]);
  });

  it("keeps a district's import and enterprises to that district", async () => {
    const mine = await createEnterprise(yubei);
    const theirs = await createEnterprise(jiangbei, { districtCode: '500105' });
    const report = await uploaded(yubei, await xlsxOf({
      headers: ANNEX4_HEADERS,
      rows: [
        annex4Row({ seq: 1, district: '渝北区', name: mine.name, creditCode: mine.creditCode, reasons: '双超', year: 2033 }),
        annex4Row({ seq: 2, district: '江北区', name: theirs.name, creditCode: theirs.creditCode, reasons: '双超', year: 2033 }),
      ],
    }));
    expect(report.rows[1]?.errors.map((e) => e.field)).toEqual(['district', 'creditCode']);

    const read = await jiangbei.get(`/api/plan-imports/${report.id}`);
    expect(read.statusCode).toBe(404);
    const before = await countRows(t.db, TABLES);
    const commitByOther = await commit(jiangbei, report.id, true);
    expect(commitByOther.statusCode).toBe(404);
    expect(await countRows(t.db, TABLES)).toEqual(before);
    expect((await city.get(`/api/plan-imports/${report.id}`)).statusCode).toBe(200);
    expect((await jiangbei.send('POST', `/api/plan-imports/${report.id}/discard`)).statusCode).toBe(404);

    const discarded = await yubei.send('POST', `/api/plan-imports/${report.id}/discard`);
    expect(discarded.statusCode, discarded.body).toBe(200);
    expect(discarded.json<PlanImportReport>().status).toBe('discarded');
    const late = await commit(yubei, report.id, true);
    expect(late.statusCode).toBe(409);
    expect(errorOf(late).code).toBe('IMPORT_STATE_CONFLICT');
  });

  it('imports a 附件1 list by the city as approved entries, the year taken from the title', async () => {
    const a = await createEnterprise(yubei);
    const b = await createEnterprise(jiangbei, { districtCode: '500105' });
    const file = await xlsxOf({
      title: '2034年度清洁生产强制性审核企业名单',
      headers: ANNEX1_HEADERS,
      rows: [
        [1, '渝北区', a.name, a.creditCode, '化工', '双超, 双有', '排放超标', 'P-1', null],
        [2, '江北区', b.name, b.creditCode, '涂装', '重点行业', null, null, '新增'],
      ],
    });
    const report = await uploaded(city, file);
    expect(report).toMatchObject({ layout: 'annex1', validCount: 2, errorCount: 0 });
    const forbidden = await commit(yubei, report.id, false, { approve: true });
    expect(forbidden.statusCode).toBe(404);
    const res = await commit(city, report.id, false, { approve: true });
    expect(res.statusCode, res.body).toBe(200);
    const entries = await entriesOf(city, 2034);
    expect(entries.map((e) => [e.enterpriseId, e.status, e.reasons]).sort()).toEqual(
      [[a.id, 'approved', ['dual_exceed', 'toxic']], [b.id, 'approved', ['key_industry']]].sort(),
    );
    expect(entries.find((e) => e.enterpriseId === a.id)?.reasonDetails).toBe('排放超标');
  });
});

describe('Excel exports', () => {
  it('exports plan entries as 附件4 in the caller scope', async () => {
    const y = await createEnterprise(yubei);
    const j = await createEnterprise(jiangbei, { districtCode: '500105' });
    for (const [client, e] of [[yubei, y], [jiangbei, j]] as const) {
      const res = await client.send('POST', '/api/plan-entries', { enterpriseId: e.id, plannedYear: 2035, reasons: ['toxic'] });
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await yubei.get('/api/plan-entries/export.xlsx?plannedYear=2035');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const { rows, sheet } = await readXlsx(res.rawPayload);
    expect(rows[0]?.[0]).toContain('附件4');
    expect(rows[1]).toEqual(ANNEX4_HEADERS);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(rows.slice(2)).toEqual([['1', '渝北区', y.name, y.creditCode, expect.any(String) as string, '双有', '2035', '', '李四/13800138000', '']]);

    const all = await readXlsx((await city.get('/api/plan-entries/export.xlsx?plannedYear=2035')).rawPayload);
    expect(all.rows.slice(2).map((r) => r[1]).sort()).toEqual(['江北区', '渝北区']);
  });

  it('exports the published list of a campaign as 附件1, scope-filtered', async () => {
    const campaigns = (await city.get('/api/campaigns')).json<CampaignPage>().items;
    const c2020 = campaigns.find((c) => c.year === 2020)?.id ?? '';
    const cityRes = await city.get(`/api/campaigns/${c2020}/list.xlsx`);
    expect(cityRes.statusCode, cityRes.body).toBe(200);
    const cityRows = (await readXlsx(cityRes.rawPayload)).rows;
    expect(cityRows[1]).toEqual(ANNEX1_HEADERS);
    expect(cityRows.slice(2).map((r) => r[1])).toContain('江北区');

    const { rows } = await readXlsx((await yubei.get(`/api/campaigns/${c2020}/list.xlsx`)).rawPayload);
    expect(rows[1]).toEqual(ANNEX1_HEADERS);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.slice(2).every((r) => r[1] === '渝北区')).toBe(true);
    expect((await yubei.get('/api/campaigns/00000000-0000-4000-8000-000000000000/list.xlsx')).statusCode).toBe(404);
  });

  it('exports the backlog as 附件2: earlier years, not accepted, scope-filtered', async () => {
    const cityRows = (await readXlsx((await city.get('/api/rounds/backlog.xlsx')).rawPayload)).rows;
    expect(cityRows[1]).toEqual(ANNEX2_COLUMNS.map((c) => c.label));
    const data = cityRows.slice(2);
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((r) => Number(r[4]) < new Date().getFullYear())).toBe(true);
    expect(data.map((r) => r[1])).toContain('江北区');
    // A round past evaluation carries its opinion number, its medium/high-cost options and why it is unfinished.
    const huaxin = data.find((r) => r[2] === '重庆华鑫表面处理有限公司' && Number(r[4]) === 2020);
    expect(huaxin?.[6]).toBe('2021-03-20');
    expect(String(huaxin?.[7])).toMatch(/〔2021〕/);
    expect(String(huaxin?.[8])).toMatch(/^[1-9]\d* \(\d+\)$/);
    expect(String(huaxin?.[9])).toContain('已超过验收期限');

    const res = await yubei.get('/api/rounds/backlog.xlsx');
    expect(res.statusCode).toBe(200);
    const yubeiRows = (await readXlsx(res.rawPayload)).rows.slice(2);
    expect(yubeiRows.some((r) => r[1] === '江北区')).toBe(false);
    expect(yubeiRows.length).toBeLessThan(data.length);
  });
});
