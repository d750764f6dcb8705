import { randomInt } from 'node:crypto';
import type { AgencyInput } from '../../src/shared/contracts/agencies';
import { uniqueCreditCode } from './factories';

/** A valid agency registration body (Chongqing, 渝北区 registered); override what the test is about. */
export function buildAgencyInput(overrides: Partial<AgencyInput> = {}): AgencyInput {
  return {
    name: `测试清洁生产咨询有限公司${randomInt(1_000_000)}`,
    creditCode: uniqueCreditCode('500112'),
    districtCode: '500112',
    address: '重庆市渝北区测试大道8号',
    legalRepresentative: '王五',
    contactName: '赵六',
    contactPhone: '13900139000',
    contactEmail: 'contact@example.com',
    serviceDistrictCodes: ['500112', '500105'],
    ...overrides,
  };
}
