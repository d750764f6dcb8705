import { useState } from 'react';
import { Card, Empty, Table, type TableProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ResultBatch } from '../../../shared/contracts/resultBatches';
import { resultBatchApi } from '../../api/endpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';

/** The city's published batches, newest first, each linking to its results on the portal. */
export function PublishedBatches() {
  const { t, locale } = useT();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const list = useQuery({ queryKey: ['result-batches', page], queryFn: () => resultBatchApi.list(page), placeholderData: keepPreviousData });
  const columns: TableProps<ResultBatch>['columns'] = [
    {
      title: label('title', locale),
      dataIndex: 'title',
      key: 'title',
      render: (title: string, row) => <Link to={`/portal/results?batchId=${row.id}`}>{title}</Link>,
    },
    { title: label('publishedOn', locale), dataIndex: 'publishedOn', key: 'publishedOn', width: 140 },
    { title: t('portal.batches.roundCount'), dataIndex: 'roundCount', key: 'roundCount', width: 120 },
  ];
  return (
    <Card title={t('portal.batches.published')}>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ResultBatch>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('portal.batches.noneYet')} /> }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (count) => t('common.total', { total: count }),
            onChange: (p, size) => setPage({ page: p, pageSize: size }),
          }}
        />
      )}
    </Card>
  );
}
