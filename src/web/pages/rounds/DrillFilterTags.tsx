import { Button, Space, Tag, Typography } from 'antd';
import type { RoundListQuery } from '../../../shared/contracts/rounds';
import { PROGRESS_STAGE_LABELS, PROGRESS_STAGES, type ProgressStage } from '../../../shared/domain/dashboards';
import { BENEFIT_INDICATORS, BENEFIT_LABELS, type BenefitIndicator } from '../../../shared/domain/options';
import { useReferenceLookup } from '../../app/reference';
import { useT } from '../../i18n';

/**
 * The round list's dashboard drill-down filters: kept in the URL like the others, not in the filter
 * form; shown as closable tags so the reader sees why the list is narrowed.
 */
export const DRILL_KEYS = ['listingYear', 'progress', 'industryCode', 'benefitYear', 'benefitIndicator', 'acceptedYear'] as const;
type DrillKey = (typeof DRILL_KEYS)[number];
type Filters = Partial<Record<string, string | undefined>>;

const YEAR = /^\d{4}$/;
const isStage = (v: string | undefined): v is ProgressStage => (PROGRESS_STAGES as readonly (string | undefined)[]).includes(v);
const isIndicator = (v: string | undefined): v is BenefitIndicator => (BENEFIT_INDICATORS as readonly (string | undefined)[]).includes(v);
const year = (v: string | undefined) => (v && YEAR.test(v) ? Number(v) : undefined);

/** The URL's drill filters → the API query (values the API would refuse are dropped). */
export function drillQueryOf(filters: Filters): Partial<RoundListQuery> {
  return {
    listingYear: year(filters.listingYear),
    progress: isStage(filters.progress) ? filters.progress : undefined,
    industryCode: filters.industryCode && /^[A-Z0-9]{1,8}$/.test(filters.industryCode) ? filters.industryCode : undefined,
    benefitYear: filters.benefitYear === 'any' ? 'any' : year(filters.benefitYear),
    benefitIndicator: isIndicator(filters.benefitIndicator) ? filters.benefitIndicator : undefined,
    acceptedYear: year(filters.acceptedYear),
  };
}

/** The drill filters of the URL, to keep them when the filter form is submitted. */
export function drillFiltersOf(filters: Filters): Partial<Record<DrillKey, string>> {
  const query = drillQueryOf(filters);
  return Object.fromEntries(DRILL_KEYS.filter((k) => query[k] !== undefined).map((k) => [k, String(query[k])]));
}

export function DrillFilterTags({ filters, onChange }: { filters: Filters; onChange: (next: Partial<Record<DrillKey, string>>) => void }) {
  const { t, locale } = useT();
  const ref = useReferenceLookup();
  const active = drillFiltersOf(filters);
  const keys = DRILL_KEYS.filter((k) => active[k] !== undefined);
  if (keys.length === 0) return null;
  const text = (key: DrillKey, value: string): string => {
    switch (key) {
      case 'listingYear':
        return t('dashboards.drill.listingYear', { value });
      case 'progress':
        return t('dashboards.drill.progress', { value: isStage(value) ? PROGRESS_STAGE_LABELS[value][locale] : value });
      case 'industryCode':
        return t('dashboards.drill.industryCode', { value: `${value} ${ref.industryName(value)}` });
      case 'benefitYear':
        return value === 'any' ? t('dashboards.drill.benefitYearAny') : t('dashboards.drill.benefitYear', { value });
      case 'benefitIndicator':
        return t('dashboards.drill.benefitIndicator', { value: isIndicator(value) ? BENEFIT_LABELS[value].label[locale] : value });
      case 'acceptedYear':
        return t('dashboards.drill.acceptedYear', { value });
    }
  };
  return (
    <Space wrap size={[4, 8]} data-testid="drill-filters" style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{t('dashboards.drill.title')}</Typography.Text>
      {keys.map((key) => (
        <Tag
          key={key}
          color="blue"
          closable
          onClose={(e) => {
            e.preventDefault();
            onChange(Object.fromEntries(keys.filter((k) => k !== key).map((k) => [k, active[k]])));
          }}
        >
          {text(key, active[key] ?? '')}
        </Tag>
      ))}
      <Button size="small" type="link" onClick={() => onChange({})}>
        {t('dashboards.drill.clearAll')}
      </Button>
    </Space>
  );
}
