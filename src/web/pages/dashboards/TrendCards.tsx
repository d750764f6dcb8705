import { useMemo, useState } from 'react';
import { Select, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Dashboard } from '../../../shared/contracts/dashboards';
import { BENEFIT_INDICATORS, BENEFIT_LABELS, type BenefitIndicator } from '../../../shared/domain/options';
import type { Locale } from '../../../shared/i18n/locales';
import { useT } from '../../i18n';
import { ChartCard } from './ChartCard';
import { barOption, lineOption } from './chartOptions';
import { roundsLink, type Drill } from './drill';
import { EChart } from './EChart';

/** The dashboard's cards across years: listed/accepted trend, realised benefits by year and by industry. */

const number = (locale: Locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
const unitOf = (i: BenefitIndicator, locale: Locale) => BENEFIT_LABELS[i].unit[locale];
const indicatorText = (i: BenefitIndicator, locale: Locale) =>
  locale === 'zh-CN' ? `${BENEFIT_LABELS[i].label[locale]}（${unitOf(i, locale)}）` : `${BENEFIT_LABELS[i].label[locale]} (${unitOf(i, locale)})`;

/** The indicators present in the rows, in catalogue order; energy first when present (the notice's headline figure). */
function presentIndicators(rows: readonly { indicator: BenefitIndicator }[]): BenefitIndicator[] {
  const present = new Set(rows.map((r) => r.indicator));
  return BENEFIT_INDICATORS.filter((i) => present.has(i));
}

function IndicatorSelect({ value, options, onChange }: { value: BenefitIndicator; options: BenefitIndicator[]; onChange: (v: BenefitIndicator) => void }) {
  const { t, locale } = useT();
  return (
    <Select<BenefitIndicator>
      size="small"
      value={value}
      onChange={onChange}
      aria-label={t('dashboards.benefits.indicator')}
      style={{ width: 190 }}
      popupMatchSelectWidth={false}
      options={options.map((i) => ({ value: i, label: indicatorText(i, locale) }))}
    />
  );
}

/** The chosen indicator, falling back to the first present one when the data changes. */
function useIndicator(rows: readonly { indicator: BenefitIndicator }[]) {
  const options = presentIndicators(rows);
  const [chosen, setChosen] = useState<BenefitIndicator | null>(null);
  const value = chosen && options.includes(chosen) ? chosen : (options[0] ?? 'energy');
  return { options, value, setChosen };
}

interface CardProps {
  data: Dashboard;
  /** The district the dashboard is narrowed to (the listing year does not apply to these cards). */
  district: Drill;
}

export function TrendCard({ data, district }: CardProps) {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const option = useMemo(
    () =>
      lineOption(
        data.trend.map((r) => r.year),
        [
          { id: 'listed', name: t('dashboards.trend.listed'), values: data.trend.map((r) => r.listed) },
          { id: 'accepted', name: t('dashboards.trend.accepted'), values: data.trend.map((r) => r.accepted) },
        ],
        locale,
      ),
    [data.trend, locale, t],
  );
  return (
    <ChartCard
      name="trend"
      title={t('dashboards.trend.title')}
      empty={data.trend.length === 0}
      chart={
        <EChart
          name="trend"
          height={280}
          option={option}
          ariaLabel={t('dashboards.trend.title')}
          onClick={(e) => {
            const year = Number(e.name);
            void navigate(roundsLink(e.seriesId === 'accepted' ? { ...district, acceptedYear: year } : { ...district, listingYear: year }));
          }}
        />
      }
      table={
        <Table<Dashboard['trend'][number]>
          size="small"
          rowKey="year"
          pagination={false}
          dataSource={data.trend}
          columns={[
            { title: t('dashboards.trend.year'), dataIndex: 'year', key: 'year' },
            { title: t('dashboards.trend.listed'), key: 'listed', align: 'right', render: (_: unknown, r) => (r.listed ? <Link to={roundsLink({ ...district, listingYear: r.year })}>{r.listed}</Link> : 0) },
            { title: t('dashboards.trend.accepted'), key: 'accepted', align: 'right', render: (_: unknown, r) => (r.accepted ? <Link to={roundsLink({ ...district, acceptedYear: r.year })}>{r.accepted}</Link> : 0) },
          ]}
        />
      }
    />
  );
}

export function BenefitsByYearCard({ data, district }: CardProps) {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const { options, value, setChosen } = useIndicator(data.benefitsByYear);
  const rows = data.benefitsByYear.filter((r) => r.indicator === value);
  const option = useMemo(
    () =>
      barOption(
        rows.map((r) => ({ id: String(r.year), label: String(r.year) })),
        [{ id: value, name: BENEFIT_LABELS[value].label[locale], values: rows.map((r) => r.total), color: '#52c41a' }],
        { locale, unit: unitOf(value, locale) },
      ),
    [rows, value, locale],
  );
  const f = number(locale);
  return (
    <ChartCard
      name="benefits-year"
      title={t('dashboards.benefits.titleByYear')}
      empty={rows.length === 0}
      extra={options.length > 0 && <IndicatorSelect value={value} options={options} onChange={setChosen} />}
      footer={<Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>{t('dashboards.benefits.hint')}</Typography.Paragraph>}
      chart={
        <EChart
          name="benefits-year"
          height={280}
          option={option}
          ariaLabel={t('dashboards.benefits.titleByYear')}
          onClick={(e) => void navigate(roundsLink({ ...district, benefitYear: Number(e.name), benefitIndicator: value }))}
        />
      }
      table={
        <Table<Dashboard['benefitsByYear'][number]>
          size="small"
          rowKey={(r) => `${r.year}-${r.indicator}`}
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('dashboards.benefits.year'), dataIndex: 'year', key: 'year' },
            { title: t('dashboards.benefits.total'), key: 'total', align: 'right', render: (_: unknown, r) => `${f.format(r.total)} ${unitOf(r.indicator, locale)}` },
            { title: t('dashboards.benefits.rounds'), key: 'rounds', align: 'right', render: (_: unknown, r) => <Link to={roundsLink({ ...district, benefitYear: r.year, benefitIndicator: r.indicator })}>{r.rounds}</Link> },
          ]}
        />
      }
    />
  );
}

export function BenefitsByIndustryCard({ data, district }: CardProps) {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const { options, value, setChosen } = useIndicator(data.benefitsByIndustry);
  const rows = data.benefitsByIndustry.filter((r) => r.indicator === value).sort((a, b) => b.total - a.total);
  const industry = (r: (typeof rows)[number]) => `${r.industryCode} ${locale === 'zh-CN' ? r.industryName : r.industryNameEn}`;
  const benefitYear = data.year ?? 'any';
  const option = useMemo(
    () =>
      barOption(
        rows.map((r) => ({ id: r.industryCode, label: industry(r) })),
        [{ id: value, name: BENEFIT_LABELS[value].label[locale], values: rows.map((r) => r.total), color: '#13c2c2' }],
        { horizontal: true, locale, unit: unitOf(value, locale) },
      ),
    [rows, value, locale],
  );
  const f = number(locale);
  return (
    <ChartCard
      name="benefits-industry"
      title={
        <>
          {t('dashboards.benefits.titleByIndustry')}
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 8 }}>
            {data.year === null ? t('dashboards.benefits.industryAllYears') : t('dashboards.benefits.industryYear', { year: data.year })}
          </Typography.Text>
        </>
      }
      empty={rows.length === 0}
      extra={options.length > 0 && <IndicatorSelect value={value} options={options} onChange={setChosen} />}
      chart={
        <EChart
          name="benefits-industry"
          height={Math.max(220, 40 + rows.length * 32)}
          option={option}
          ariaLabel={t('dashboards.benefits.titleByIndustry')}
          onClick={(e) => void navigate(roundsLink({ ...district, industryCode: e.name, benefitYear, benefitIndicator: value }))}
        />
      }
      table={
        <Table<(typeof rows)[number]>
          size="small"
          rowKey={(r) => `${r.industryCode}-${r.indicator}`}
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('dashboards.benefits.industry'), key: 'industry', render: (_: unknown, r) => industry(r) },
            { title: t('dashboards.benefits.total'), key: 'total', align: 'right', render: (_: unknown, r) => `${f.format(r.total)} ${unitOf(r.indicator, locale)}` },
            { title: t('dashboards.benefits.rounds'), key: 'rounds', align: 'right', render: (_: unknown, r) => <Link to={roundsLink({ ...district, industryCode: r.industryCode, benefitYear, benefitIndicator: r.indicator })}>{r.rounds}</Link> },
          ]}
        />
      }
    />
  );
}
