import { randomInt } from 'node:crypto';
import { CREDIT_CODE_CHARSET, makeCreditCode } from '../../src/shared/domain/creditCode';
import type { EnterpriseDetail, EnterpriseInput } from '../../src/shared/contracts/enterprises';
import type { User, UserCreateBody } from '../../src/shared/contracts/users';
import type { Client } from './app';

/** A valid, random unified social credit code for a district (collisions are practically impossible). */
export function uniqueCreditCode(districtCode = '500112'): string {
  const chars = CREDIT_CODE_CHARSET.replace(/[IOZSV]/g, '');
  let body = '';
  for (let i = 0; i < 9; i += 1) body += chars[randomInt(chars.length)];
  return makeCreditCode(`91${districtCode}${body}`);
}

/** A valid enterprise registration body; override what the test is about. */
export function buildEnterpriseInput(overrides: Partial<EnterpriseInput> = {}): EnterpriseInput {
  const districtCode = overrides.districtCode ?? '500112';
  return {
    name: `测试化工有限公司${randomInt(1_000_000)}`,
    creditCode: uniqueCreditCode(districtCode),
    districtCode,
    address: '重庆市渝北区测试路1号',
    legalRepresentative: '张三',
    industryCode: '26',
    keyIndustryCode: 'chemicals',
    industrialPark: null,
    dischargePermitNo: null,
    contactName: '李四',
    contactPhone: '13800138000',
    contactEmail: null,
    ...overrides,
  };
}

/** Register an enterprise through the API as `client` and return the created record. */
export async function createEnterprise(
  client: Client,
  overrides: Partial<EnterpriseInput> = {},
): Promise<EnterpriseDetail> {
  const res = await client.send('POST', '/api/enterprises', buildEnterpriseInput(overrides));
  if (res.statusCode !== 201) throw new Error(`enterprise not created: ${res.statusCode} ${res.body}`);
  return res.json<EnterpriseDetail>();
}

/** A unique username (letters, digits and underscores only). */
export function uniqueUsername(prefix = 'user'): string {
  return `${prefix}_${randomInt(1_000_000_000).toString(36)}`;
}

/** A valid user creation body; override what the test is about (orgId is required). */
export function buildUserInput(overrides: Partial<UserCreateBody> & { orgId: string }): UserCreateBody {
  return {
    username: uniqueUsername(),
    displayName: '测试用户',
    role: 'city_staff',
    email: null,
    phone: null,
    password: 'Start2024pass',
    ...overrides,
  };
}

/** Create a user through the API as an administrator and return it. */
export async function createUser(admin: Client, overrides: Partial<UserCreateBody> & { orgId: string }): Promise<User> {
  const res = await admin.send('POST', '/api/users', buildUserInput(overrides));
  if (res.statusCode !== 201) throw new Error(`user not created: ${res.statusCode} ${res.body}`);
  return res.json<User>();
}
