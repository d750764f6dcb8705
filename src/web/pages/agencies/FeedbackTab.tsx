import { useState } from 'react';
import { Card, Empty, Rate, Space, Statistic, Table, type TableProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { Feedback } from '../../../shared/contracts/agencies';
import { agencyApi } from '../../api/agencyEndpoints';
import { useReferenceLookup } from '../../app/reference';
import { ErrorResult } from '../../components/ErrorResult';
import { useT } from '../../i18n';

/** 区县评价: every district's rating of the agency's service, with the average (editing is on the rounds tab). */
export function FeedbackTab({ agencyId }: { agencyId: string }) {
  const { t } = useT();
  const ref = useReferenceLookup();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({
    queryKey: ['agencies', agencyId, 'feedback', page],
    queryFn: () => agencyApi.feedback(agencyId, page),
    placeholderData: keepPreviousData,
  });
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  const average = list.data?.averageRating ?? null;

  const columns: TableProps<Feedback>['columns'] = [
    { title: t('agencies.feedback.round'), key: 'round', width: 240, render: (_: unknown, row) => `${row.enterpriseName} · ${row.listingYear}` },
    { title: t('agencies.feedback.district'), key: 'district', width: 100, render: (_: unknown, row) => ref.districtName(row.districtCode, row.districtName) },
    { title: t('agencies.feedback.rating'), key: 'rating', width: 160, render: (_: unknown, row) => <Rate disabled value={row.rating} style={{ fontSize: 14 }} /> },
    { title: t('agencies.feedback.comment'), dataIndex: 'comment', key: 'comment', render: (v: string | null) => v ?? t('common.empty') },
    { title: t('agencies.feedback.updatedBy'), dataIndex: 'updatedBy', key: 'updatedBy', width: 110, render: (v: string | null) => v ?? t('common.empty') },
    { title: t('agencies.feedback.updatedAt'), key: 'updatedAt', width: 150, render: (_: unknown, row) => dayjs(row.updatedAt).format('YYYY-MM-DD HH:mm') },
  ];

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space size={48}>
          <Statistic
            title={t('agencies.feedback.average')}
            value={average === null ? t('common.empty') : t('agencies.feedback.averageValue', { value: average.toFixed(1) })}
          />
          {average !== null && <Rate disabled allowHalf value={Math.round(average * 2) / 2} />}
          <Statistic title={t('agencies.feedback.count', { count: list.data?.total ?? 0 })} value={list.data?.total ?? 0} />
        </Space>
      </Card>
      <Table<Feedback>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 900 }}
        locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('agencies.feedback.empty')} /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
      />
    </>
  );
}
