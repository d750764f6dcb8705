import { Card, Empty, Table, Typography, type TableProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { PublicListItem } from '../../../shared/contracts/portal';
import { portalApi } from '../../api/endpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { listPagination } from '../../components/listParts';
import { PageContainer } from '../../components/PageContainer';
import { useListState } from '../../components/urlQuery';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';
import { ReasonTags } from '../rounds/roundUi';
import { districtText, PortalFilterBar } from './portalParts';

const FILTER_KEYS = ['year', 'districtCode', 'keyword'] as const;
const NO_SORTS: readonly string[] = [];

/** 审核名单: the published annual lists (附件1 columns), by year and district, searchable. */
export default function PortalListsPage() {
  const { t, locale } = useT();
  const { state, setFilters, setPage } = useListState(FILTER_KEYS, NO_SORTS);
  const f = state.filters;
  const year = f.year && /^\d{4}$/.test(f.year) ? Number(f.year) : undefined;
  const query = { page: state.page, pageSize: state.pageSize, year, districtCode: f.districtCode, keyword: f.keyword };
  const list = useQuery({ queryKey: ['portal', 'lists', query], queryFn: () => portalApi.lists(query), placeholderData: keepPreviousData });

  const columns: TableProps<PublicListItem>['columns'] = [
    {
      title: t('portal.columns.no'),
      key: 'no',
      width: 64,
      render: (_: unknown, __: PublicListItem, i: number) => (state.page - 1) * state.pageSize + i + 1,
    },
    { title: label('listingYear', locale), dataIndex: 'listingYear', key: 'listingYear', width: 90 },
    { title: label('districtCode', locale), key: 'district', width: 110, render: (_: unknown, row) => districtText(locale, row) },
    {
      title: t('portal.columns.enterprise'),
      key: 'enterprise',
      width: 220,
      render: (_: unknown, row) => <Link to={`/portal/rounds/${row.roundId}`}>{row.enterpriseName}</Link>,
    },
    {
      title: label('creditCode', locale),
      dataIndex: 'creditCode',
      key: 'creditCode',
      width: 190,
      render: (code: string) => <span className="mono">{code}</span>,
    },
    {
      title: label('industryCode', locale),
      key: 'industry',
      width: 160,
      render: (_: unknown, row) => `${row.industryCode} ${locale === 'zh-CN' ? row.industryName : row.industryNameEn}`,
    },
    { title: label('reasons', locale), key: 'reasons', width: 170, render: (_: unknown, row) => <ReasonTags reasons={row.reasons} /> },
    {
      title: label('reasonDetails', locale),
      dataIndex: 'reasonDetails',
      key: 'reasonDetails',
      width: 220,
      render: (text: string | null) => text ?? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>,
    },
  ];

  return (
    <PageContainer title={t('portal.lists.title')} subTitle={t('portal.lists.subtitle')}>
      <PortalFilterBar values={f} onSubmit={(v) => setFilters({ year: v.year, districtCode: v.districtCode, keyword: v.keyword })} />
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<PublicListItem>
            rowKey="roundId"
            size="middle"
            scroll={{ x: 1200 }}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            onChange={(p, _f, _s, extra) => {
              if (extra.action === 'paginate') setPage(p.current ?? 1, p.pageSize ?? state.pageSize);
            }}
            locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('portal.lists.empty')} /> }}
            pagination={listPagination(state, list.data?.total, t)}
          />
        )}
      </Card>
    </PageContainer>
  );
}
