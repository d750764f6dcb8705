import { Tag } from 'antd';
import {
  BENEFIT_INDICATORS,
  BENEFIT_LABELS,
  OPTION_CATEGORY_LABELS,
  OPTION_STATUS_LABELS,
  type Benefits,
  type OptionCategory,
  type OptionStatus,
} from '../../../../shared/domain/options';
import type { Locale } from '../../../../shared/i18n/locales';

export const optionsKey = (roundId: string) => ['round', roundId, 'options'] as const;

/** A figure with thousands separators and up to 4 decimals. */
export const figure = (n: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 4 }).format(n);

/** "节能 118 吨标煤/年" for the first `max` quantified indicators (in catalogue order). */
export function benefitLines(b: Benefits, locale: Locale, max = 3): string[] {
  return BENEFIT_INDICATORS.filter((k) => typeof b[k] === 'number')
    .slice(0, max)
    .map((k) => `${BENEFIT_LABELS[k].label[locale]} ${figure(b[k] ?? 0, locale)} ${BENEFIT_LABELS[k].unit[locale]}`);
}

const STATUS_COLORS: Record<OptionStatus, string> = {
  proposed: 'default',
  implementing: 'processing',
  implemented: 'success',
  dropped: 'warning',
};

export function StatusTag({ status, locale }: { status: OptionStatus; locale: Locale }) {
  return <Tag color={STATUS_COLORS[status]}>{OPTION_STATUS_LABELS[status][locale]}</Tag>;
}

export function CategoryTag({ category, locale }: { category: OptionCategory; locale: Locale }) {
  return <Tag color={category === 'high_cost' ? 'purple' : 'cyan'}>{OPTION_CATEGORY_LABELS[category][locale]}</Tag>;
}
