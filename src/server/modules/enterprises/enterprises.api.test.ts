import { randomInt } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseDetail, EnterpriseInput, EnterprisePage } from '../../../shared/contracts/enterprises';
import {
  auditEventsOf,
  createTestApp,
  errorOf,
  signIn,
  type Client,
  type TestContext,
} from '../../../../test/helpers/app';
import { refusedWithoutWrites as refused, storedRow as stored } from '../../../../test/helpers/enterprises';
import { buildEnterpriseInput, createEnterprise, uniqueCreditCode } from '../../../../test/helpers/factories';

let t: TestContext;
let city: Client;
let yubei: Client;
let ent1: Client;
let agency1: Client;
beforeAll(async () => {
  t = await createTestApp();
  [city, yubei, ent1, agency1] = await Promise.all([
    signIn(t.app, 'city'),
    signIn(t.app, 'yubei'),
    signIn(t.app, 'ent1'),
    signIn(t.app, 'agency1'),
  ]);
});
afterAll(async () => t.close());

const refusedWithoutWrites = (request: () => Promise<LightMyRequestResponse>) => refused(t.db, request);
const storedRow = (id: string) => stored(t.db, id);

/** A tag making the names of one test's enterprises unique, so lists can be narrowed to them. */
const tag = () => `T${randomInt(1e9).toString(36).toUpperCase()}`;

describe('register an enterprise', () => {
  it('creates it (201) with names resolved, the organisation and one audit event', async () => {
    const input = buildEnterpriseInput({ industrialPark: '重庆空港工业园区', contactEmail: 'a@b.example' });
    let res: Awaited<ReturnType<Client['send']>> | undefined;
    const events = await auditEventsOf(t.db, async () => {
      res = await yubei.send('POST', '/api/enterprises', input);
    });
    expect(res?.statusCode).toBe(201);
    const body = res?.json<EnterpriseDetail>();
    expect(body).toMatchObject({
      ...input,
      districtName: '渝北区',
      industryName: '化学原料和化学制品制造业',
      keyIndustryName: '化工',
      abilities: { update: true, updateContacts: true },
    });
    const id = body?.id ?? '';
    expect(await storedRow(id)).toMatchObject({ name: input.name, credit_code: input.creditCode, district_code: '500112', city_code: '500000' });
    const { rows: orgs } = await t.db.query('SELECT kind, name, district_code, credit_code FROM organizations WHERE id = $1', [id]);
    expect(orgs).toEqual([{ kind: 'enterprise', name: input.name, district_code: '500112', credit_code: input.creditCode }]);

    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      action: 'enterprise.created',
      entity_type: 'enterprise',
      entity_id: id,
      actor_user_id: yubei.userId,
      actor_username: 'yubei',
      actor_role: 'district_staff',
      before: null,
      ip: '127.0.0.1',
    });
    expect(event?.request_id).toBeTruthy();
    expect(event?.after).toMatchObject({ id, name: input.name, creditCode: input.creditCode, districtCode: '500112' });
  });

  it('accepts a lower-case credit code and stores it upper-cased', async () => {
    const code = uniqueCreditCode();
    const res = await yubei.send('POST', '/api/enterprises', buildEnterpriseInput({ creditCode: `  ${code.toLowerCase()} ` }));
    expect(res.statusCode).toBe(201);
    const body = res.json<EnterpriseDetail>();
    expect(body.creditCode).toBe(code);
    expect((await storedRow(body.id))?.credit_code).toBe(code);
  });

  it('stores empty optional texts as null and trims required ones', async () => {
    const res = await yubei.send('POST', '/api/enterprises', {
      ...buildEnterpriseInput({ name: '  前后空格有限公司  ' }),
      industrialPark: '',
      dischargePermitNo: '  ',
      keyIndustryCode: '',
      contactEmail: '',
    });
    expect(res.statusCode).toBe(201);
    const row = await storedRow(res.json<EnterpriseDetail>().id);
    expect(row).toMatchObject({
      name: '前后空格有限公司',
      industrial_park: null,
      discharge_permit_no: null,
      key_industry_code: null,
      contact_email: null,
    });
  });

  const wrongCheck = (code: string) => code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
  const invalid: [string, () => Record<string, unknown>, string, RegExp][] = [
    ['a wrong check character', () => buildEnterpriseInput({ creditCode: wrongCheck(uniqueCreditCode()) }), 'creditCode', /无效/],
    ['a credit code of the wrong length', () => buildEnterpriseInput({ creditCode: '91500112ABC' }), 'creditCode', /无效.*18/],
    ['forbidden letters in the credit code', () => buildEnterpriseInput({ creditCode: '91500112MA5U7K2HIO' }), 'creditCode', /无效/],
    ['a missing address', () => ({ ...buildEnterpriseInput(), address: undefined }), 'address', /^必填$/],
    ['a blank name', () => buildEnterpriseInput({ name: '   ' }), 'name', /^必填$/],
    ['an unknown district', () => buildEnterpriseInput({ districtCode: '999999' }), 'districtCode', /不存在/],
    ['a city instead of a district', () => ({ ...buildEnterpriseInput(), districtCode: '500000' }), 'districtCode', /不存在/],
    ['an unknown industry', () => buildEnterpriseInput({ industryCode: 'X9' }), 'industryCode', /行业代码/],
    ['an industry section instead of a division', () => buildEnterpriseInput({ industryCode: 'C' }), 'industryCode', /行业代码/],
    ['an unknown key industry', () => buildEnterpriseInput({ keyIndustryCode: 'mining' }), 'keyIndustryCode', /重点行业/],
    ['a name of 201 characters', () => buildEnterpriseInput({ name: '企'.repeat(201) }), 'name', /200/],
    ['a number as name', () => ({ ...buildEnterpriseInput(), name: 12345 }), 'name', /类型不正确/],
    ['an object as district', () => ({ ...buildEnterpriseInput(), districtCode: { code: '500112' } }), 'districtCode', /类型不正确/],
    ['a malformed phone number', () => buildEnterpriseInput({ contactPhone: '12345' }), 'contactPhone', /电话号码/],
    ['a malformed e-mail address', () => buildEnterpriseInput({ contactEmail: 'not-an-email' }), 'contactEmail', /电子邮箱/],
  ];

  it.each(invalid)('refuses %s with 400 VALIDATION_FAILED and writes nothing', async (_label, body, field, message) => {
    const res = await refusedWithoutWrites(() => yubei.send('POST', '/api/enterprises', body()));
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields?.[field]).toMatch(message);
    expect(error.message).toContain('提交的数据有误');
  });

  it('explains an invalid credit code in English', async () => {
    const res = await refusedWithoutWrites(() =>
      yubei.send('POST', '/api/enterprises', buildEnterpriseInput({ creditCode: wrongCheck(uniqueCreditCode()) }), {
        'accept-language': 'en',
      }),
    );
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.fields?.creditCode).toContain('invalid');
    expect(error.message).toContain('Unified social credit code is invalid');
  });

  it('lists every missing required field', async () => {
    const res = await refusedWithoutWrites(() => yubei.send('POST', '/api/enterprises', {}));
    expect(res.statusCode).toBe(400);
    expect(Object.keys(errorOf(res).fields ?? {}).sort()).toEqual(
      ['address', 'contactName', 'contactPhone', 'creditCode', 'districtCode', 'industryCode', 'legalRepresentative', 'name'].sort(),
    );
  });

  it.each([
    ['malformed JSON', '{"name": "x",'],
    ['an empty JSON body', ''],
  ])('refuses %s with 400 BAD_REQUEST', async (_label, payload) => {
    const res = await refusedWithoutWrites(() =>
      t.app.inject({
        method: 'POST',
        url: '/api/enterprises',
        headers: { cookie: yubei.cookie, 'x-csrf-token': yubei.csrf, 'content-type': 'application/json' },
        payload,
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('BAD_REQUEST');
  });

  it('refuses a JSON array or null body with 400', async () => {
    for (const payload of ['[]', 'null', '"text"']) {
      const res = await refusedWithoutWrites(() =>
        t.app.inject({
          method: 'POST',
          url: '/api/enterprises',
          headers: { cookie: yubei.cookie, 'x-csrf-token': yubei.csrf, 'content-type': 'application/json' },
          payload,
        }),
      );
      expect(res.statusCode, payload).toBe(400);
    }
  });

  it('refuses a NUL character in a text with 400, not 500', async () => {
    const res = await refusedWithoutWrites(() =>
      yubei.send('POST', '/api/enterprises', buildEnterpriseInput({ name: '零字符\u0000有限公司' })),
    );
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('BAD_REQUEST');
  });

  it('refuses a duplicate credit code with 409 CREDIT_CODE_TAKEN, in any case', async () => {
    const existing = await createEnterprise(yubei);
    for (const creditCode of [existing.creditCode, existing.creditCode.toLowerCase()]) {
      const res = await refusedWithoutWrites(() => yubei.send('POST', '/api/enterprises', buildEnterpriseInput({ creditCode })));
      expect(res.statusCode).toBe(409);
      const error = errorOf(res);
      expect(error.code).toBe('CREDIT_CODE_TAKEN');
      expect(error.message).toContain(existing.creditCode);
      expect(error.fields?.creditCode).toContain(existing.creditCode);
    }
  });

  it('refuses a district user registering in another district with 403', async () => {
    const res = await refusedWithoutWrites(() =>
      yubei.send('POST', '/api/enterprises', buildEnterpriseInput({ districtCode: '500105' })),
    );
    expect(res.statusCode).toBe(403);
    const error = errorOf(res);
    expect(error.code).toBe('DISTRICT_OUT_OF_SCOPE');
    expect(error.fields).toHaveProperty('districtCode');
  });

  it('lets city staff register in any district', async () => {
    const created = await createEnterprise(city, { districtCode: '500115' });
    expect(created).toMatchObject({ districtCode: '500115', districtName: '长寿区' });
  });

  it('refuses registration by enterprise and agency users with 403 FORBIDDEN', async () => {
    for (const client of [ent1, agency1]) {
      const res = await refusedWithoutWrites(() => client.send('POST', '/api/enterprises', buildEnterpriseInput()));
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
  });
});

describe('list enterprises', () => {
  async function list(client: Client, query: string): Promise<EnterprisePage> {
    const res = await client.get(`/api/enterprises?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<EnterprisePage>();
  }

  /** Five enterprises named `<tag>-1` … `<tag>-5` in two districts and several industries. */
  async function fixture() {
    const marker = tag();
    const specs: Partial<EnterpriseInput>[] = [
      { districtCode: '500112', industryCode: '26', keyIndustryCode: 'chemicals' },
      { districtCode: '500105', industryCode: '33', keyIndustryCode: 'electroplating' },
      { districtCode: '500112', industryCode: '33', keyIndustryCode: null },
      { districtCode: '500105', industryCode: '26', keyIndustryCode: 'chemicals' },
      { districtCode: '500112', industryCode: '22', keyIndustryCode: 'papermaking' },
    ];
    const created: EnterpriseDetail[] = [];
    // Created out of name order, so sorting has something to do.
    for (const i of [3, 1, 5, 2, 4]) {
      created.push(await createEnterprise(city, { ...specs[i - 1], name: `排序测试${marker}-${i}有限公司` }));
    }
    const byName = [...created].sort((a, b) => (a.name < b.name ? -1 : 1));
    return { marker, byName };
  }

  const names = (page: EnterprisePage) => page.items.map((e) => e.name);

  it('filters by district, industry, key industry and keyword', async () => {
    const { marker, byName } = await fixture();
    const k = `keyword=${encodeURIComponent(marker)}`;
    expect((await list(city, k)).total).toBe(5);
    expect(names(await list(city, `${k}&districtCode=500105`))).toEqual([byName[1]?.name, byName[3]?.name]);
    expect(names(await list(city, `${k}&industryCode=33`))).toEqual([byName[1]?.name, byName[2]?.name]);
    expect(names(await list(city, `${k}&keyIndustryCode=chemicals`))).toEqual([byName[0]?.name, byName[3]?.name]);
    expect((await list(city, `${k}&districtCode=500112&industryCode=26`)).items.map((e) => e.id)).toEqual([byName[0]?.id]);
    // Keyword on the credit code: a prefix matches (in any case), a middle part does not.
    const code = byName[4]?.creditCode ?? '';
    expect((await list(city, `keyword=${code.slice(0, 14).toLowerCase()}`)).items.map((e) => e.id)).toEqual([byName[4]?.id]);
    expect((await list(city, `keyword=${code.slice(4, 16)}`)).total).toBe(0);
    // LIKE wildcards are taken literally.
    expect((await list(city, 'keyword=%25')).total).toBe(0);
    expect((await list(city, 'keyword=_')).total).toBe(0);
    // Empty filters mean no filter.
    expect((await list(city, `${k}&districtCode=&industryCode=&keyIndustryCode=`)).total).toBe(5);
  });

  it('sorts by name both ways and by last update', async () => {
    const { marker, byName } = await fixture();
    const k = `keyword=${encodeURIComponent(marker)}`;
    const ascending = byName.map((e) => e.name);
    expect(names(await list(city, `${k}&sort=name`))).toEqual(ascending);
    expect(names(await list(city, k))).toEqual(ascending);
    expect(names(await list(city, `${k}&sort=-name`))).toEqual([...ascending].reverse());

    const touched = byName[2];
    const patch = await city.send('PATCH', `/api/enterprises/${touched?.id}`, { contactName: '更新者' });
    expect(patch.statusCode).toBe(200);
    const recent = await list(city, `${k}&sort=-updatedAt`);
    expect(recent.items[0]?.id).toBe(touched?.id);
    const updated = recent.items.map((e) => e.updatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
  });

  it('pages with a constant total', async () => {
    const { marker, byName } = await fixture();
    const k = `keyword=${encodeURIComponent(marker)}&pageSize=2`;
    const pages = [await list(city, `${k}&page=1`), await list(city, `${k}&page=2`), await list(city, `${k}&page=3`)];
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages[1]?.items.map((e) => e.id)).toEqual([byName[2]?.id, byName[3]?.id]);
    expect(pages.flatMap((p) => p.items.map((e) => e.id))).toEqual(byName.map((e) => e.id));
    const beyond = await list(city, `${k}&page=4`);
    expect(beyond).toEqual({ items: [], total: 5 });
  });

  it.each([
    ['pageSize=0', 'pageSize'],
    ['pageSize=1000', 'pageSize'],
    ['pageSize=x', 'pageSize'],
    ['pageSize=2.5', 'pageSize'],
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['sort=bogus', 'sort'],
    ['sort=password_hash', 'sort'],
    [`keyword=${'k'.repeat(101)}`, 'keyword'],
  ])('refuses %s with 400 VALIDATION_FAILED', async (query, field) => {
    const res = await city.get(`/api/enterprises?${query}`);
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
  });

  it('refuses a NUL character in the keyword with 400, not 500', async () => {
    const res = await city.get('/api/enterprises?keyword=a%00b');
    expect(res.statusCode).toBe(400);
  });
});
