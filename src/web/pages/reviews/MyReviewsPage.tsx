import { Card, Empty, Segmented, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import type { Assignment } from '../../../shared/contracts/expertWork';
import type { MyReview } from '../../../shared/contracts/reviews';
import { expertWorkApi } from '../../api/expertWorkEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { listPagination } from '../../components/listParts';
import { PageContainer } from '../../components/PageContainer';
import { useListState } from '../../components/urlQuery';
import { useT } from '../../i18n';
import { assignmentColumns } from './AssignmentColumns';

const FILTERS = ['open', 'submitted', 'decided'] as const;
type Filter = (typeof FILTERS)[number];
const FILTER_KEYS = ['filter'] as const;
const NO_SORTS: readonly string[] = [];

const STATUS_COLORS: Record<MyReview['status'], string> = {
  undeclared: 'warning',
  conflict: 'error',
  draft: 'processing',
  submitted: 'success',
  decided: 'default',
};

/** 我的评审: the expert's panels, filtered by open / submitted / decided, newest first. */
export default function MyReviewsPage() {
  const { t } = useT();
  const { state, setFilters, setPage } = useListState(FILTER_KEYS, NO_SORTS);
  const filter = FILTERS.includes(state.filters.filter as Filter) ? (state.filters.filter as Filter) : undefined;
  const query = { page: state.page, pageSize: state.pageSize, filter };
  const { data, error, isFetching, refetch } = useQuery({ queryKey: ['my-reviews', query], queryFn: () => expertWorkApi.assignments(query) });

  return (
    <PageContainer title={t('reviews.mine.title')} breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('reviews.menu.mine') }]}>
      <Card>
        <Segmented<string>
          style={{ marginBottom: 16 }}
          value={filter ?? 'all'}
          onChange={(v) => setFilters({ filter: v === 'all' ? undefined : v })}
          options={[{ value: 'all', label: t('reviews.mine.all') }, ...FILTERS.map((f) => ({ value: f, label: t(`reviews.mine.filters.${f}`) }))]}
        />
        {error ? (
          <ErrorResult error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<Assignment>
            rowKey="panelId"
            loading={isFetching}
            dataSource={data?.items ?? []}
            locale={{ emptyText: <Empty description={t('reviews.mine.empty')} /> }}
            pagination={listPagination(state, data?.total, t)}
            onChange={(p) => setPage(p.current ?? 1, p.pageSize ?? state.pageSize)}
            columns={[
              { title: t('reviews.mine.enterprise'), key: 'enterprise', render: (_, r) => <Link to={`/rounds/${r.roundId}`}>{r.enterpriseName}</Link> },
              { title: t('reviews.mine.year'), dataIndex: 'listingYear', width: 90 },
              { title: t('reviews.mine.district'), dataIndex: 'districtName', width: 120 },
              { title: t('reviews.mine.kind'), key: 'kind', width: 90, render: (_, r) => t(`reviews.kinds.${r.kind}`) },
              { title: t('reviews.mine.formedAt'), key: 'formedAt', width: 140, render: (_, r) => dayjs(r.formedAt).format('YYYY-MM-DD') },
              { title: t('reviews.mine.status'), key: 'status', width: 130, render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`reviews.statuses.${r.status}`)}</Tag> },
              ...assignmentColumns(t),
              { title: t('reviews.mine.actions'), key: 'actions', width: 90, render: (_, r) => <Link to={`/reviews/${r.panelId}`}>{t('reviews.mine.open')}</Link> },
            ]}
          />
        )}
      </Card>
    </PageContainer>
  );
}
