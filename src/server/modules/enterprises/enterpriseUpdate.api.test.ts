import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseDetail } from '../../../shared/contracts/enterprises';
import {
  auditEventsOf,
  createTestApp,
  errorOf,
  orgIdOf,
  signIn,
  type Client,
  type TestContext,
} from '../../../../test/helpers/app';
import { refusedWithoutWrites as refused, storedRow as stored } from '../../../../test/helpers/enterprises';
import { createEnterprise } from '../../../../test/helpers/factories';

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

describe('update an enterprise', () => {
  it('records only the changed fields in the audit trail', async () => {
    const e = await createEnterprise(yubei);
    let res: Awaited<ReturnType<Client['send']>> | undefined;
    const events = await auditEventsOf(t.db, async () => {
      res = await yubei.send('PATCH', `/api/enterprises/${e.id}`, {
        name: `${e.name}（更名）`,
        contactPhone: '023-61234567',
        address: e.address,
      });
    });
    expect(res?.statusCode).toBe(200);
    expect(res?.json()).toMatchObject({ id: e.id, name: `${e.name}（更名）`, contactPhone: '023-61234567', address: e.address });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'enterprise.updated', entity_id: e.id, actor_username: 'yubei' });
    expect(events[0]?.before).toEqual({ name: e.name, contactPhone: e.contactPhone });
    expect(events[0]?.after).toEqual({ name: `${e.name}（更名）`, contactPhone: '023-61234567' });
    expect(await storedRow(e.id)).toMatchObject({ name: `${e.name}（更名）`, contact_phone: '023-61234567' });
    const { rows } = await t.db.query<{ name: string }>('SELECT name FROM organizations WHERE id = $1', [e.id]);
    expect(rows[0]?.name).toBe(`${e.name}（更名）`);
  });

  it('writes no event for a change that changes nothing', async () => {
    const e = await createEnterprise(yubei);
    const events = await auditEventsOf(t.db, async () => {
      const res = await yubei.send('PATCH', `/api/enterprises/${e.id}`, { name: e.name, contactName: e.contactName });
      expect(res.statusCode).toBe(200);
    });
    expect(events).toEqual([]);
  });

  it('clears an optional field with null or an empty string', async () => {
    const e = await createEnterprise(yubei, { industrialPark: '某工业园', keyIndustryCode: 'chemicals' });
    const res = await yubei.send('PATCH', `/api/enterprises/${e.id}`, { industrialPark: '', keyIndustryCode: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ industrialPark: null, keyIndustryCode: null, keyIndustryName: null });
  });

  it('refuses unknown fields (strict) and changes nothing', async () => {
    const e = await createEnterprise(yubei);
    const res = await refusedWithoutWrites(() =>
      yubei.send('PATCH', `/api/enterprises/${e.id}`, { name: '新名称有限公司', cityCode: '110000' }),
    );
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields?._).toContain('cityCode');
    expect((await storedRow(e.id))?.name).toBe(e.name);
  });

  it('validates patched values like new ones', async () => {
    const e = await createEnterprise(yubei);
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ creditCode: 'ABC' }, 400, 'VALIDATION_FAILED', 'creditCode'],
      [{ name: '' }, 400, 'VALIDATION_FAILED', 'name'],
      [{ industryCode: 'X9' }, 400, 'VALIDATION_FAILED', 'industryCode'],
      [{ districtCode: '999999' }, 400, 'VALIDATION_FAILED', 'districtCode'],
      [{ districtCode: '500105' }, 403, 'DISTRICT_OUT_OF_SCOPE', 'districtCode'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await refusedWithoutWrites(() => yubei.send('PATCH', `/api/enterprises/${e.id}`, body));
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      const error = errorOf(res);
      expect(error.code).toBe(code);
      expect(error.fields).toHaveProperty(field);
    }
    expect(await storedRow(e.id)).toMatchObject({ name: e.name, district_code: '500112', industry_code: e.industryCode });
  });

  it("refuses another enterprise's credit code with 409", async () => {
    const [a, b] = [await createEnterprise(yubei), await createEnterprise(yubei)];
    const res = await refusedWithoutWrites(() => yubei.send('PATCH', `/api/enterprises/${a.id}`, { creditCode: b.creditCode }));
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('CREDIT_CODE_TAKEN');
    // Its own code is not a conflict.
    expect((await yubei.send('PATCH', `/api/enterprises/${a.id}`, { creditCode: a.creditCode.toLowerCase() })).statusCode).toBe(200);
  });

  it('lets an enterprise user change its contacts but nothing else', async () => {
    const id = await orgIdOf(t.db, 'ent1');
    const before = await storedRow(id);
    const events = await auditEventsOf(t.db, async () => {
      const res = await ent1.send('PATCH', `/api/enterprises/${id}`, { contactName: '钱七', contactEmail: 'qian@huaxin.example' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ contactName: '钱七', contactEmail: 'qian@huaxin.example', abilities: { update: false, updateContacts: true } });
    });
    expect(events.map((e) => [e.action, e.entity_id, e.actor_username])).toEqual([['enterprise.updated', id, 'ent1']]);
    expect(events[0]?.after).toEqual({ contactName: '钱七', contactEmail: 'qian@huaxin.example' });

    for (const body of [{ name: '冒名有限公司' }, { name: '冒名有限公司', contactName: '钱七' }, { districtCode: '500105' }]) {
      const res = await refusedWithoutWrites(() => ent1.send('PATCH', `/api/enterprises/${id}`, body));
      expect(res.statusCode, JSON.stringify(body)).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
    expect(await storedRow(id)).toMatchObject({ name: before?.name, district_code: before?.district_code, contact_name: '钱七' });
  });

  it('answers an unknown or malformed id with 404 / 400', async () => {
    const missing = await yubei.send('PATCH', '/api/enterprises/3f0c1f52-9a7e-4f55-8a43-1d2b3c4d5e6f', { contactName: 'x' });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing)).toMatchObject({ code: 'NOT_FOUND', message: '企业不存在或无权访问' });
    const malformed = await yubei.get('/api/enterprises/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(errorOf(malformed).fields).toHaveProperty('id');
  });
});

describe('enterprise detail', () => {
  it('tells each role what it may do with the record', async () => {
    const id = await orgIdOf(t.db, 'ent1');
    const admin = await signIn(t.app, 'admin');
    const expected: [Client, { update: boolean; updateContacts: boolean }][] = [
      [admin, { update: true, updateContacts: true }],
      [city, { update: true, updateContacts: true }],
      [yubei, { update: true, updateContacts: true }],
      [ent1, { update: false, updateContacts: true }],
    ];
    for (const [client, abilities] of expected) {
      const res = await client.get(`/api/enterprises/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json<EnterpriseDetail>()).toMatchObject({ id, districtCode: '500112', abilities });
    }
    const agency = await agency1.get(`/api/enterprises/${id}`);
    expect(agency.statusCode).toBe(403);
  });
});
