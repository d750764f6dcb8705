import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Industry, Reference } from '../../shared/contracts/reference';
import type { Locale } from '../../shared/i18n/locales';
import { referenceApi } from '../api/endpoints';
import { useLocale } from '../i18n';

export interface Option {
  value: string;
  label: string;
}
export interface OptionGroup {
  label: string;
  title: string;
  options: Option[];
}

export interface ReferenceLookup {
  ready: boolean;
  districts: Option[];
  /** GB/T 4754 divisions grouped by their section, labelled "33 金属制品业". */
  industryGroups: OptionGroup[];
  keyIndustries: Option[];
  districtName: (code: string | null | undefined, fallback?: string | null) => string;
  industryName: (code: string | null | undefined, fallback?: string | null) => string;
  keyIndustryName: (code: string | null | undefined, fallback?: string | null) => string;
}

export function useReference() {
  return useQuery({ queryKey: ['reference'], queryFn: referenceApi.get, staleTime: Infinity, gcTime: Infinity });
}

const nameIn = (item: { name: string; nameEn: string }, locale: Locale) => (locale === 'zh-CN' ? item.name : item.nameEn);

function build(data: Reference | undefined, locale: Locale): ReferenceLookup {
  const regions = new Map((data?.regions ?? []).map((r) => [r.code, r]));
  const industries = new Map((data?.industries ?? []).map((i) => [i.code, i]));
  const keys = new Map((data?.keyIndustries ?? []).map((k) => [k.code, k]));
  const lookup =
    <T extends { name: string; nameEn: string }>(map: Map<string, T>) =>
    (code: string | null | undefined, fallback?: string | null) => {
      if (!code) return fallback ?? '';
      const found = map.get(code);
      return found ? nameIn(found, locale) : (fallback ?? code);
    };

  const divisionsBySection = new Map<string, Industry[]>();
  for (const industry of data?.industries ?? []) {
    if (industry.level !== 'division' || !industry.parentCode) continue;
    const list = divisionsBySection.get(industry.parentCode) ?? [];
    list.push(industry);
    divisionsBySection.set(industry.parentCode, list);
  }
  const industryGroups = (data?.industries ?? [])
    .filter((i) => i.level === 'section')
    .map((section) => ({
      label: `${section.code} ${nameIn(section, locale)}`,
      title: section.code,
      options: (divisionsBySection.get(section.code) ?? []).map((d) => ({
        value: d.code,
        label: `${d.code} ${nameIn(d, locale)}`,
      })),
    }))
    .filter((group) => group.options.length > 0);

  return {
    ready: Boolean(data),
    districts: (data?.regions ?? [])
      .filter((r) => r.level === 'district')
      .map((r) => ({ value: r.code, label: nameIn(r, locale) })),
    industryGroups,
    keyIndustries: (data?.keyIndustries ?? []).map((k) => ({ value: k.code, label: nameIn(k, locale) })),
    districtName: lookup(regions),
    industryName: lookup(industries),
    keyIndustryName: lookup(keys),
  };
}

/** Reference data with names in the UI language. */
export function useReferenceLookup(): ReferenceLookup {
  const { data } = useReference();
  const locale = useLocale();
  return useMemo(() => build(data, locale), [data, locale]);
}
