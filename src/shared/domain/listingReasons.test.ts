import { describe, it, expect } from 'vitest';
import {
  DISCLOSURE_ITEMS,
  DISCLOSURE_ITEMS_BY_REASON,
  LISTING_REASONS,
  LISTING_REASON_LABELS,
  disclosureItemsFor,
  isListingReason,
  missingDisclosureItems,
} from './listingReasons';

const BASE = ['enterprise_name', 'legal_representative', 'address'];

describe('listing reasons', () => {
  it('labels the four reasons', () => {
    expect(LISTING_REASONS.map((r) => LISTING_REASON_LABELS[r]['zh-CN'])).toEqual(['双超', '双有', '高耗能', '重点行业']);
    expect(isListingReason('toxic')).toBe(true);
    expect(isListingReason('TOXIC')).toBe(false);
    expect(isListingReason(3)).toBe(false);
  });

  it('requires reason-specific disclosure items on top of the base items', () => {
    expect(disclosureItemsFor(['dual_exceed'])).toEqual([
      ...BASE,
      'pollutant_names',
      'discharge_method',
      'discharge_concentrations',
      'discharge_totals',
      'exceedances',
    ]);
    expect(disclosureItemsFor(['high_energy'])).toEqual([
      ...BASE,
      'energy_consumption',
      'energy_per_output_value',
      'energy_per_product',
      'energy_quota_exceedance',
    ]);
    expect(disclosureItemsFor(['toxic'])).toEqual([
      ...BASE,
      'toxic_materials',
      'toxic_discharges',
      'hazardous_waste',
      'risk_controls',
    ]);
    expect(disclosureItemsFor(['key_industry'])).toEqual([...BASE, 'pollutant_names', 'discharge_totals']);
    expect(disclosureItemsFor([])).toEqual(BASE);
  });

  it('merges several reasons without duplicates, in form order', () => {
    const items = disclosureItemsFor(['key_industry', 'dual_exceed', 'toxic']);
    expect(new Set(items).size).toBe(items.length);
    expect(items).toEqual([...BASE, ...DISCLOSURE_ITEMS_BY_REASON.dual_exceed, ...DISCLOSURE_ITEMS_BY_REASON.toxic]);
  });

  it('labels every disclosure item and uses only known items', () => {
    for (const reason of LISTING_REASONS) {
      for (const item of DISCLOSURE_ITEMS_BY_REASON[reason]) expect(DISCLOSURE_ITEMS[item].en, item).toBeTruthy();
    }
  });

  it('finds missing or blank items', () => {
    expect(
      missingDisclosureItems(['key_industry'], {
        enterprise_name: '某化工有限公司',
        legal_representative: '张三',
        address: '  ',
        pollutant_names: 'COD、氨氮',
        discharge_totals: null,
      }),
    ).toEqual(['address', 'discharge_totals']);
  });
});
