import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail } from '../../../shared/contracts/campaigns';
import type { OpenDataCatalog } from '../../../shared/contracts/dashboards';
import type { EnterpriseDetail } from '../../../shared/contracts/enterprises';
import { createTestApp, errorOf, signIn, type Client, type TestContext } from '../../../../test/helpers/app';
import { createEnterprise } from '../../../../test/helpers/factories';

/**
 * Open data on a hand-built set (years no demo data uses):
 *   2064 list: P1 (渝北, published, closed in a batch published 2065-03-01), P2 (江北, published, accepted, no batch),
 *              U (渝北, approved but not published) — U never appears.
 *   2066 list: 520 published rounds, more than one keyset page (500).
 */
const LIST_HEADER =
  'listing_year,list_published_on,district_code,district_name,enterprise_name,credit_code,industry_code,industry_name,' +
  'listing_reasons,listing_reasons_label,reason_details,round_id';
const RESULT_HEADER =
  'batch_published_on,batch_title,listing_year,district_code,district_name,enterprise_name,credit_code,industry_code,' +
  'industry_name,evaluation_passed_on,review_opinion_no,result,round_id';

let t: TestContext;
let city: Client;
let p1: EnterpriseDetail;
let p2: EnterpriseDetail;
let unpublished: EnterpriseDetail;
const rounds = { p1: '', p2: '', u: '' };

const anon = (url: string) => t.app.inject({ method: 'GET', url });

/** Parse our CSV (RFC 4180 quoting) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  city = await signIn(t.app, 'city');
  const yubei = await signIn(t.app, 'yubei');
  const jiangbei = await signIn(t.app, 'jiangbei');
  const campaign = await city.send('POST', '/api/campaigns', { year: 2064, title: '2064年度工作' });
  expect(campaign.statusCode, campaign.body).toBe(201);
  const campaignId = campaign.json<CampaignDetail>().id;
  p1 = await createEnterprise(yubei, { name: '开放数据甲电镀有限公司', industryCode: '33' });
  p2 = await createEnterprise(jiangbei, { districtCode: '500105', name: '开放数据乙包装有限公司', industryCode: '22' });
  unpublished = await createEnterprise(yubei, { name: '开放数据未公布有限公司' });
  const insert = async (e: EnterpriseDetail, state: string, publishedOn: string | null, details: string | null) => {
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO audit_rounds (enterprise_id, campaign_id, listing_year, reasons, reason_details, state, list_published_on,
                                 evaluation_passed_on, city_code, district_code)
       VALUES ($1, $2, 2064, ARRAY['toxic', 'key_industry'], $3, $4, $5::date, DATE '2064-10-20', '500000', $6) RETURNING id`,
      [e.id, campaignId, details, state, publishedOn, e.districtCode],
    );
    return rows[0]?.id ?? '';
  };
  rounds.p1 = await insert(p1, 'accepted', '2064-01-31', '使用含铬原料,"六价铬"超标');
  rounds.p2 = await insert(p2, 'accepted', '2064-01-31', '=HYPERLINK("x")');
  rounds.u = await insert(unpublished, 'plan_approved', null, null);
  // The result batch publishes P1 only (P2 stays accepted, unpublished).
  const batch = await t.db.query<{ id: string }>(
    `INSERT INTO result_batches (city_code, title, published_on) VALUES ('500000', '2065年第一批验收结果', DATE '2065-03-01') RETURNING id`,
  );
  await t.db.query(`UPDATE audit_rounds SET state = 'closed', result_batch_id = $2 WHERE id = $1`, [rounds.p1, batch.rows[0]?.id ?? null]);
  await t.db.query(
    `INSERT INTO review_opinions (round_id, kind, opinion_no, issued_on, body, city_code, district_code, created_by)
     SELECT r.id, 'evaluation', '渝北环审〔2064〕7号', DATE '2064-10-20', '通过评估', r.city_code, r.district_code, u.id
       FROM audit_rounds r, users u WHERE r.id = $1 AND u.username = 'yubei'`,
    [rounds.p1],
  );
  // 520 published rounds of 2066 (test-only SQL: organisations, enterprises and rounds in three statements).
  await t.db.query(
    `INSERT INTO organizations (id, kind, name, city_code, district_code)
     SELECT md5('od' || g)::uuid, 'enterprise', '开放数据批量企业' || g, '500000', '500112' FROM generate_series(1, 520) g`,
  );
  await t.db.query(
    `INSERT INTO enterprises (id, name, credit_code, city_code, district_code, address, legal_representative, industry_code,
                              contact_name, contact_phone)
     SELECT md5('od' || g)::uuid, '开放数据批量企业' || g, 'T' || lpad(g::text, 17, '0'), '500000', '500112', '地址', '法人', '26',
            '联系人', '13800138000'
       FROM generate_series(1, 520) g`,
  );
  await t.db.query(
    `INSERT INTO audit_rounds (enterprise_id, campaign_id, listing_year, reasons, state, list_published_on, city_code, district_code)
     SELECT md5('od' || g)::uuid, $1, 2066, ARRAY['dual_exceed'], 'listed', DATE '2066-02-01', '500000', '500112'
       FROM generate_series(1, 520) g`,
    [campaignId],
  );
});
afterAll(async () => t.close());

describe('open data catalogue', () => {
  it('lists the published datasets per year with row counts, download addresses and the stable columns', async () => {
    const res = await anon('/api/public/open-data');
    expect(res.statusCode, res.body).toBe(200);
    const catalog = res.json<OpenDataCatalog>();
    expect(catalog.datasets).toEqual(
      expect.arrayContaining([
        { dataset: 'lists', year: 2064, rows: 2, csv: '/api/public/open-data/lists/2064.csv', json: '/api/public/open-data/lists/2064.json' },
        { dataset: 'lists', year: 2066, rows: 520, csv: '/api/public/open-data/lists/2066.csv', json: '/api/public/open-data/lists/2066.json' },
        { dataset: 'results', year: 2065, rows: 1, csv: '/api/public/open-data/results/2065.csv', json: '/api/public/open-data/results/2065.json' },
      ]),
    );
    expect(catalog.columns.lists.join(',')).toBe(LIST_HEADER);
    expect(catalog.columns.results.join(',')).toBe(RESULT_HEADER);
  });
});

describe('published lists', () => {
  it('CSV: UTF-8 with BOM, the stable header, published rows only, quoted and formula-safe', async () => {
    const res = await anon('/api/public/open-data/lists/2064.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('cpaudit-lists-2064.csv');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.rawPayload.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(LIST_HEADER);
    const rows = parseCsv(text).slice(1);
    expect(rows).toHaveLength(2);
    const byName = new Map(rows.map((r) => [r[4], r]));
    expect(byName.get('开放数据甲电镀有限公司')).toEqual([
      '2064', '2064-01-31', '500112', '渝北区', '开放数据甲电镀有限公司', p1.creditCode, '33', '金属制品业',
      'toxic;key_industry', '双有、重点行业', '使用含铬原料,"六价铬"超标', rounds.p1,
    ]);
    // A value a spreadsheet would run as a formula is neutralised.
    expect(byName.get('开放数据乙包装有限公司')?.[10]).toBe(`'=HYPERLINK("x")`);
    expect(text).not.toContain('开放数据未公布');
    // No contact data is ever exported.
    for (const secret of ['13800138000', '李四', '张三']) expect(text).not.toContain(secret);
  });

  it('JSON: the same records under the same keys, arrays as arrays', async () => {
    const res = await anon('/api/public/open-data/lists/2064.json');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = res.json<{ dataset: string; year: number; columns: string[]; records: Record<string, unknown>[] }>();
    expect(body.dataset).toBe('lists');
    expect(body.year).toBe(2064);
    expect(body.columns.join(',')).toBe(LIST_HEADER);
    expect(body.records).toHaveLength(2);
    for (const r of body.records) expect(Object.keys(r).join(',')).toBe(LIST_HEADER);
    expect(body.records.find((r) => r.round_id === rounds.p1)).toMatchObject({
      listing_year: 2064,
      listing_reasons: ['toxic', 'key_industry'],
      reason_details: '使用含铬原料,"六价铬"超标',
    });
    expect(body.records.some((r) => r.round_id === rounds.u)).toBe(false);
  });

  it('streams more than one page without losing or repeating rows', async () => {
    const csv = parseCsv((await anon('/api/public/open-data/lists/2066.csv')).rawPayload.toString('utf8').slice(1)).slice(1);
    expect(csv).toHaveLength(520);
    expect(new Set(csv.map((r) => r[11])).size).toBe(520);
    const json = (await anon('/api/public/open-data/lists/2066.json')).json<{ records: { round_id: string }[] }>();
    expect(json.records).toHaveLength(520);
    expect(new Set(json.records.map((r) => r.round_id)).size).toBe(520);
  });

  it('answers an empty file with the header for a year without a published list', async () => {
    const res = await anon('/api/public/open-data/lists/2099.csv');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.toString('utf8')).toBe(`\uFEFF${LIST_HEADER}\r\n`);
    expect((await anon('/api/public/open-data/lists/2099.json')).json()).toEqual({
      dataset: 'lists', year: 2099, columns: LIST_HEADER.split(','), records: [],
    });
  });
});

describe('published acceptance results', () => {
  it('holds the rounds of the batches published in the year, never an accepted round not yet published', async () => {
    const csv = (await anon('/api/public/open-data/results/2065.csv')).rawPayload.toString('utf8');
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]?.join(',')).toBe(RESULT_HEADER);
    expect(rows.slice(1)).toEqual([
      [
        '2065-03-01', '2065年第一批验收结果', '2064', '500112', '渝北区', '开放数据甲电镀有限公司', p1.creditCode, '33',
        '金属制品业', '2064-10-20', '渝北环审〔2064〕7号', 'accepted', rounds.p1,
      ],
    ]);
    expect(csv).not.toContain('开放数据乙包装');
    const json = (await anon('/api/public/open-data/results/2064.json')).json<{ records: unknown[] }>();
    expect(json.records).toEqual([]);
  });
});

describe('input', () => {
  it('refuses a bad file name or dataset with 400 naming the field', async () => {
    for (const [url, field] of [
      ['/api/public/open-data/lists/2064.xml', 'file'],
      ['/api/public/open-data/lists/0000.csv', 'file'],
      ['/api/public/open-data/lists/2064', 'file'],
      ['/api/public/open-data/people/2064.csv', 'dataset'],
    ] as const) {
      const res = await anon(url);
      expect(res.statusCode, url).toBe(400);
      expect(errorOf(res).fields, url).toHaveProperty(field);
    }
  });
});
