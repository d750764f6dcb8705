import { Card, Col, Empty, Form, Select, Table, Typography, type TableProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { PublicResultItem } from '../../../shared/contracts/portal';
import { portalApi } from '../../api/endpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { listPagination } from '../../components/listParts';
import { PageContainer } from '../../components/PageContainer';
import { useListState } from '../../components/urlQuery';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';
import { districtText, PortalFilterBar } from './portalParts';

const FILTER_KEYS = ['year', 'districtCode', 'keyword', 'batchId'] as const;
const NO_SORTS: readonly string[] = [];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 验收结果: published acceptance results, by year, district and batch. */
export default function PortalResultsPage() {
  const { t, locale } = useT();
  const { state, setFilters, setPage } = useListState(FILTER_KEYS, NO_SORTS);
  const f = state.filters;
  const year = f.year && /^\d{4}$/.test(f.year) ? Number(f.year) : undefined;
  const batchId = f.batchId && UUID.test(f.batchId) ? f.batchId : undefined;
  const query = { page: state.page, pageSize: state.pageSize, year, districtCode: f.districtCode, keyword: f.keyword, batchId };
  const list = useQuery({ queryKey: ['portal', 'results', query], queryFn: () => portalApi.results(query), placeholderData: keepPreviousData });
  const batches = useQuery({ queryKey: ['portal', 'batches', 'all'], queryFn: () => portalApi.batches({ pageSize: 100 }) });

  const columns: TableProps<PublicResultItem>['columns'] = [
    {
      title: t('portal.columns.no'),
      key: 'no',
      width: 64,
      render: (_: unknown, __: PublicResultItem, i: number) => (state.page - 1) * state.pageSize + i + 1,
    },
    { title: t('portal.columns.batch'), dataIndex: 'batchTitle', key: 'batch', width: 260 },
    { title: t('portal.columns.batchPublishedOn'), dataIndex: 'batchPublishedOn', key: 'batchPublishedOn', width: 120 },
    { title: label('listingYear', locale), dataIndex: 'listingYear', key: 'listingYear', width: 90 },
    { title: label('districtCode', locale), key: 'district', width: 110, render: (_: unknown, row) => districtText(locale, row) },
    {
      title: t('portal.columns.enterprise'),
      key: 'enterprise',
      width: 240,
      render: (_: unknown, row) => (
        <div className="cell-2">
          <Link to={`/portal/rounds/${row.roundId}`}>{row.enterpriseName}</Link>
          <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
            {row.creditCode}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('portal.columns.evaluationPassedOn'),
      dataIndex: 'evaluationPassedOn',
      key: 'evaluationPassedOn',
      width: 130,
      render: (d: string | null) => d ?? t('common.empty'),
    },
    {
      title: t('portal.columns.opinionNo'),
      dataIndex: 'reviewOpinionNo',
      key: 'reviewOpinionNo',
      width: 180,
      render: (n: string | null) => n ?? t('common.empty'),
    },
  ];

  const batchField = (
    <Col xs={24} md={12} xl={8}>
      <Form.Item name="batchId" label={t('portal.columns.batch')}>
        <Select
          allowClear
          aria-label={t('portal.columns.batch')}
          placeholder={t('common.all')}
          options={(batches.data?.items ?? []).map((b) => ({ value: b.id, label: b.title }))}
        />
      </Form.Item>
    </Col>
  );

  return (
    <PageContainer title={t('portal.results.title')} subTitle={t('portal.results.subtitle')}>
      <PortalFilterBar
        values={f}
        extra={batchField}
        onSubmit={(v) => setFilters({ year: v.year, districtCode: v.districtCode, keyword: v.keyword, batchId: v.batchId })}
      />
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<PublicResultItem>
            rowKey="roundId"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1100 }}
            onChange={(p, _f, _s, extra) => {
              if (extra.action === 'paginate') setPage(p.current ?? 1, p.pageSize ?? state.pageSize);
            }}
            locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('portal.results.empty')} /> }}
            pagination={listPagination(state, list.data?.total, t)}
          />
        )}
      </Card>
    </PageContainer>
  );
}
