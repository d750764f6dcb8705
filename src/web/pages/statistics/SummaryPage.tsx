import { useState } from 'react';
import { Button, Card, InputNumber, Space, Table, Tabs, Tooltip, Typography, type TableColumnsType } from 'antd';
import { FileExcelOutlined, FileWordOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { SummaryRowDto } from '../../../shared/contracts/statistics';
import { SUMMARY_COLUMNS, SUMMARY_GROUP_LABELS, SUMMARY_GROUPS, type SummaryColumn } from '../../../shared/domain/summaryColumns';
import { statisticsApi } from '../../api/statisticsEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { DrillDrawer, type DrillTarget } from './DrillDrawer';
import { SubmissionPanel } from './SubmissionPanel';
import { SubmissionsOverview } from './SubmissionsOverview';
import { formatFigure, SubmissionTag } from './summaryUi';

const thisYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
type Tab = 'table' | 'submission' | 'submissions';
type Row = SummaryRowDto & { key: string };

/** 统计汇总（附件3）: the table with grouped headers and definitions, drill-down, submission and review. */
export default function SummaryPage() {
  const { t, locale } = useT();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const summary = useQuery({ queryKey: ['statistics', 'summary', year], queryFn: () => statisticsApi.summary(year) });
  const s = summary.data;
  const requestedTab = params.get('tab') as Tab | null;
  const tab: Tab = requestedTab === 'submission' && s?.abilities.submit ? 'submission' : requestedTab === 'submissions' && s?.abilities.review ? 'submissions' : 'table';
  const set = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) if (v === null) next.delete(k); else next.set(k, v);
      return next;
    });

  const leaf = (c: SummaryColumn) => ({
    key: c.key,
    align: 'right' as const,
    width: c.source === 'round' ? 84 : 104,
    title: (
      <Tooltip title={<div style={{ maxWidth: 360 }}>{c.definition[locale]}</div>}>
        <span className="summary-head" data-testid={`head-${c.key}`}>
          {c.label[locale]}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 11 }}>
            （{c.unit[locale]}）
          </Typography.Text>{' '}
          <QuestionCircleOutlined style={{ fontSize: 11, color: '#999' }} />
        </span>
      </Tooltip>
    ),
    render: (_: unknown, r: Row) => {
      const value = r.values[c.key] ?? 0;
      return (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, fontWeight: r.districtCode === null ? 600 : undefined, color: value === 0 ? '#bbb' : undefined }}
          onClick={() => setDrill({ year, district: r.districtCode, districtName: r.districtName, column: c.key })}
          data-testid={`cell-${r.districtCode ?? 'total'}-${c.key}`}
        >
          {formatFigure(value, c, locale)}
        </Button>
      );
    },
  });
  const columns: TableColumnsType<Row> = [
    {
      title: t('statistics.district'),
      key: 'district',
      fixed: 'left',
      width: 130,
      render: (_: unknown, r) => (r.districtCode === null ? <strong>{t('statistics.total')}</strong> : r.districtName),
    },
    {
      title: t('statistics.status'),
      key: 'status',
      fixed: 'left',
      width: 110,
      render: (_: unknown, r) => (r.districtCode === null ? null : <SubmissionTag state={r.submissionState} locale={locale} none={t('statistics.notSaved')} />),
    },
    ...SUMMARY_GROUPS.map((g) => ({
      key: g,
      title: SUMMARY_GROUP_LABELS[g][locale],
      children: SUMMARY_COLUMNS.filter((c) => c.group === g).map(leaf),
    })),
  ];
  // The city total first, so it stays in view above the 41 districts (the exports keep it last, as the notice does).
  const rows: Row[] = s ? [...(s.total ? [s.total] : []), ...s.rows].map((r) => ({ ...r, key: r.districtCode ?? 'total' })) : [];

  const table = (
    <Table<Row>
      bordered
      size="small"
      rowKey="key"
      loading={summary.isLoading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content', y: 560 }}
      locale={{ emptyText: t('statistics.empty') }}
      onRow={(r) => (r.districtCode === null ? { style: { background: '#fafafa' } } : {})}
      data-testid="summary-table"
    />
  );

  return (
    <PageContainer
      title={t('statistics.title')}
      subTitle={t('statistics.subTitle')}
      extra={
        <Space wrap>
          <span>{t('statistics.year')}</span>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && set({ year: String(v) })}
            data-testid="summary-year"
          />
          {s?.abilities.export && (
            <Tooltip title={t('statistics.exportHint')}>
              <Space>
                <Button icon={<FileExcelOutlined />} href={statisticsApi.xlsxUrl(year)} data-testid="export-xlsx">
                  {t('statistics.exportXlsx')}
                </Button>
                <Button icon={<FileWordOutlined />} href={statisticsApi.docxUrl(year)} data-testid="export-docx">
                  {t('statistics.exportDocx')}
                </Button>
              </Space>
            </Tooltip>
          )}
        </Space>
      }
    >
      {summary.isError ? (
        <ErrorResult error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Card size="small">
          <Tabs
            activeKey={tab}
            onChange={(key) => set({ tab: key === 'table' ? null : key, district: null })}
            items={[
              { key: 'table', label: t('statistics.tabs.table'), children: table },
              ...(s?.abilities.submit ? [{ key: 'submission', label: t('statistics.tabs.submission'), children: <SubmissionPanel year={year} /> }] : []),
              ...(s?.abilities.review
                ? [
                    {
                      key: 'submissions',
                      label: t('statistics.tabs.submissions'),
                      children: <SubmissionsOverview year={year} open={params.get('district')} onOpen={(d) => set({ district: d })} />,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
      <DrillDrawer target={drill} onClose={() => setDrill(null)} />
    </PageContainer>
  );
}
