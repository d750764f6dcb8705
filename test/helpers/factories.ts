import { randomInt } from 'node:crypto';
import { CREDIT_CODE_CHARSET, makeCreditCode } from '../../src/shared/domain/creditCode';
import type { EnterpriseInput } from '../../src/shared/contracts/enterprises';

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
