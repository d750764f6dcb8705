import { describe, it, expect } from 'vitest';
import { checkCreditCode } from '../../../shared/domain/creditCode';
import { CHONGQING_CODE, regions } from './regions';
import { industries } from './industries';
import { keyIndustries } from './keyIndustries';
import { demoEnterprises, demoOrgs } from '../demo/demoData';
import { demoUsers } from '../demo/demoUsers';

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

describe('regions', () => {
  const units = regions.filter((r) => r.parentCode === CHONGQING_CODE);

  it('has Chongqing as a top-level municipality', () => {
    const cq = regions.find((r) => r.code === CHONGQING_CODE);
    expect(cq).toMatchObject({ name: '重庆市', level: 'city', kind: 'municipality', parentCode: null });
  });

  it('has exactly 41 district-level units under Chongqing', () => {
    expect(units).toHaveLength(41);
    expect(regions).toHaveLength(42);
    for (const u of units) expect(u.level).toBe('district');
  });

  it('has 26 districts, 8 counties, 4 autonomous counties and 3 functional zones', () => {
    expect(countBy(units, (u) => u.kind)).toEqual({
      district: 26,
      county: 8,
      autonomous_county: 4,
      functional_zone: 3,
    });
  });

  it('has unique codes, unique sort values and six-digit codes', () => {
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
    expect(new Set(units.map((r) => r.sort)).size).toBe(units.length);
    for (const r of regions) expect(r.code).toMatch(/^[0-9]{6}$/);
  });

  it('keeps a few well-known GB/T 2260 codes', () => {
    const byName = new Map(regions.map((r) => [r.name, r.code]));
    expect(byName.get('渝中区')).toBe('500103');
    expect(byName.get('渝北区')).toBe('500112');
    expect(byName.get('江北区')).toBe('500105');
    expect(byName.get('武隆区')).toBe('500156');
    expect(byName.get('忠县')).toBe('500233');
    expect(byName.get('彭水苗族土家族自治县')).toBe('500243');
  });

  it('orders units as districts, counties, autonomous counties, zones', () => {
    const sorted = [...units].sort((a, b) => a.sort - b.sort);
    expect(sorted[0]?.name).toBe('渝中区');
    expect(sorted.map((u) => u.kind)).toEqual([
      ...Array<string>(26).fill('district'),
      ...Array<string>(8).fill('county'),
      ...Array<string>(4).fill('autonomous_county'),
      ...Array<string>(3).fill('functional_zone'),
    ]);
  });
});

describe('industries (GB/T 4754-2017)', () => {
  const sections = industries.filter((i) => i.level === 'section');
  const divisions = industries.filter((i) => i.level === 'division');

  it('has 20 sections A–T and 97 divisions 01–97', () => {
    expect(sections.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(divisions).toHaveLength(97);
    expect(divisions.map((d) => d.code)).toEqual(
      Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
  });

  it('has unique codes and every division under a section', () => {
    expect(new Set(industries.map((i) => i.code)).size).toBe(industries.length);
    const sectionCodes = new Set(sections.map((s) => s.code));
    for (const s of sections) expect(s.parentCode).toBeNull();
    for (const d of divisions) expect(sectionCodes.has(d.parentCode ?? '')).toBe(true);
  });

  it('places divisions in the right sections', () => {
    const parent = new Map(divisions.map((d) => [d.code, d.parentCode]));
    expect(parent.get('05')).toBe('A');
    expect(parent.get('12')).toBe('B');
    expect(parent.get('13')).toBe('C');
    expect(parent.get('43')).toBe('C');
    expect(parent.get('44')).toBe('D');
    expect(parent.get('70')).toBe('K');
    expect(parent.get('97')).toBe('T');
    const name = new Map(divisions.map((d) => [d.code, d.name]));
    expect(name.get('26')).toBe('化学原料和化学制品制造业');
    expect(name.get('33')).toBe('金属制品业');
    expect(name.get('44')).toBe('电力、热力生产和供应业');
  });
});

describe('key industries', () => {
  it('has the 15 key industries of the notice in order', () => {
    expect(keyIndustries.map((k) => k.name).join(' ')).toBe(
      '能源 冶金 焦化 建材 有色 化工 印染 造纸 原料药 电镀 农副食品加工 工业涂装 包装 印刷 电池',
    );
    expect(keyIndustries.map((k) => k.sort)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(new Set(keyIndustries.map((k) => k.code)).size).toBe(15);
    for (const k of keyIndustries) expect(k.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });
});

describe('demo data', () => {
  const regionCodes = new Set(regions.map((r) => r.code));
  const divisionCodes = new Set(industries.filter((i) => i.level === 'division').map((i) => i.code));
  const keyIndustryCodes = new Set(keyIndustries.map((k) => k.code));

  it('has valid, unique enterprise credit codes', () => {
    for (const e of demoEnterprises) {
      expect(checkCreditCode(e.creditCode), `${e.key} ${e.creditCode}`).toEqual({ ok: true, code: e.creditCode });
    }
    expect(new Set(demoEnterprises.map((e) => e.creditCode)).size).toBe(demoEnterprises.length);
  });

  it('has valid org credit codes where present', () => {
    for (const o of demoOrgs) {
      if (o.creditCode !== null) expect(checkCreditCode(o.creditCode).ok).toBe(true);
    }
  });

  it('has discharge permit numbers derived from the credit code', () => {
    for (const e of demoEnterprises) {
      if (e.dischargePermitNo !== null) expect(e.dischargePermitNo).toBe(`${e.creditCode}001P`);
    }
    expect(demoEnterprises.some((e) => e.dischargePermitNo === null)).toBe(true);
  });

  it('has at least 12 enterprises over at least 4 districts', () => {
    expect(demoEnterprises.length).toBeGreaterThanOrEqual(12);
    expect(new Set(demoEnterprises.map((e) => e.districtCode)).size).toBeGreaterThanOrEqual(4);
  });

  it('references existing districts, industry divisions and key industries', () => {
    for (const e of demoEnterprises) {
      expect(regionCodes.has(e.districtCode), e.key).toBe(true);
      expect(e.districtCode).not.toBe(CHONGQING_CODE);
      expect(divisionCodes.has(e.industryCode), e.key).toBe(true);
      if (e.keyIndustryCode !== null) expect(keyIndustryCodes.has(e.keyIndustryCode), e.key).toBe(true);
    }
    for (const o of demoOrgs) {
      if (o.districtCode !== null) expect(regionCodes.has(o.districtCode), o.key).toBe(true);
    }
  });

  it('has phones of 11 digits (mobile or landline with area code)', () => {
    for (const e of demoEnterprises) expect(e.contactPhone.replace('-', '')).toMatch(/^[0-9]{11}$/);
  });

  it('has unique keys and resolvable user org keys', () => {
    const orgKinds = new Map<string, string>([
      ...demoOrgs.map((o): [string, string] => [o.key, o.kind]),
      ...demoEnterprises.map((e): [string, string] => [e.key, 'enterprise']),
    ]);
    expect(orgKinds.size).toBe(demoOrgs.length + demoEnterprises.length);
    const expectedKind: Record<string, string> = {
      city_admin: 'city_bureau',
      city_staff: 'city_bureau',
      district_staff: 'district_bureau',
      enterprise_user: 'enterprise',
      agency_user: 'agency',
      expert: 'expert_library',
    };
    for (const u of demoUsers) {
      expect(orgKinds.get(u.orgKey), u.username).toBe(expectedKind[u.role]);
    }
    expect(new Set(demoUsers.map((u) => u.username)).size).toBe(demoUsers.length);
  });

  it('has all required usernames', () => {
    const names = new Set(demoUsers.map((u) => u.username));
    for (const n of ['admin', 'city', 'yubei', 'jiangbei', 'ent1', 'ent2', 'agency1', 'expert1', 'expert2', 'expert3']) {
      expect(names.has(n), n).toBe(true);
    }
  });

  it('puts ent1 in 渝北区 (first enterprise) and ent2 in 江北区', () => {
    const byKey = new Map(demoEnterprises.map((e) => [e.key, e]));
    const ent1 = demoUsers.find((u) => u.username === 'ent1');
    const ent2 = demoUsers.find((u) => u.username === 'ent2');
    expect(demoEnterprises[0]?.key).toBe(ent1?.orgKey);
    expect(byKey.get(ent1?.orgKey ?? '')?.districtCode).toBe('500112');
    expect(byKey.get(ent2?.orgKey ?? '')?.districtCode).toBe('500105');
  });

  it('has the district bureaus of 渝北区 and 江北区', () => {
    const bureaus = demoOrgs.filter((o) => o.kind === 'district_bureau').map((o) => o.districtCode);
    expect(bureaus).toEqual(expect.arrayContaining(['500112', '500105']));
  });
});
