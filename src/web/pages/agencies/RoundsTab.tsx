import { useEffect, useState } from 'react';
import { App, Button, Empty, Form, Input, Modal, Rate, Space, Switch, Table, Tag, Typography, type TableProps } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { AgencyRound, FeedbackInput } from '../../../shared/contracts/agencies';
import { agencyApi } from '../../api/agencyEndpoints';
import { isApiError } from '../../api/client';
import { useReferenceLookup } from '../../app/reference';
import { ErrorResult } from '../../components/ErrorResult';
import { applyServerFieldErrors } from '../../components/form';
import { useT } from '../../i18n';
import { StateTag } from '../rounds/roundUi';

/** 服务轮次: the rounds that engaged the agency (in the caller's scope); a district rates the service on its rounds. */
export function RoundsTab({ agencyId }: { agencyId: string }) {
  const { t } = useT();
  const { message } = App.useApp();
  const ref = useReferenceLookup();
  const queryClient = useQueryClient();
  const [activeOnly, setActiveOnly] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [rating, setRating] = useState<AgencyRound | null>(null);
  const [form] = Form.useForm<FeedbackInput>();
  const query = { ...page, active: activeOnly ? ('true' as const) : undefined };
  const list = useQuery({
    queryKey: ['agencies', agencyId, 'rounds', query],
    queryFn: () => agencyApi.rounds(agencyId, query),
    placeholderData: keepPreviousData,
  });
  const existing = useQuery({
    queryKey: ['agencies', agencyId, 'feedback', 'all'],
    queryFn: () => agencyApi.feedback(agencyId, { pageSize: 100 }),
    enabled: rating !== null,
  });

  useEffect(() => {
    if (!rating) return;
    const mine = existing.data?.items.find((f) => f.roundId === rating.roundId);
    form.setFieldsValue({ rating: mine?.rating ?? rating.rating ?? undefined, comment: mine?.comment ?? undefined });
  }, [rating, existing.data, form]);

  const save = useMutation({
    mutationFn: (values: FeedbackInput) => {
      if (!rating) throw new Error('no round chosen');
      return agencyApi.saveFeedback(agencyId, rating.roundId, values);
    },
    onSuccess: async () => {
      setRating(null);
      await queryClient.invalidateQueries({ queryKey: ['agencies'] });
      void message.success(t('agencies.feedback.saved'));
    },
    onError: (error) => {
      if (isApiError(error) && applyServerFieldErrors(form, error, ['rating', 'comment'])) return;
      void message.error(error instanceof Error ? error.message : String(error));
    },
  });

  const columns: TableProps<AgencyRound>['columns'] = [
    {
      title: t('agencies.rounds.enterprise'),
      key: 'enterprise',
      width: 240,
      render: (_: unknown, row) => (row.canOpen ? <Link to={`/rounds/${row.roundId}`}>{row.enterpriseName}</Link> : row.enterpriseName),
    },
    { title: t('agencies.rounds.year'), dataIndex: 'listingYear', key: 'year', width: 90 },
    { title: t('agencies.rounds.district'), key: 'district', width: 100, render: (_: unknown, row) => ref.districtName(row.districtCode, row.districtName) },
    { title: t('agencies.rounds.state'), key: 'state', width: 170, render: (_: unknown, row) => <StateTag state={row.state} /> },
    { title: t('agencies.rounds.engagedAt'), key: 'engagedAt', width: 110, render: (_: unknown, row) => dayjs(row.engagedAt).format('YYYY-MM-DD') },
    {
      title: t('agencies.rounds.endedAt'),
      key: 'endedAt',
      width: 110,
      render: (_: unknown, row) => (row.endedAt ? dayjs(row.endedAt).format('YYYY-MM-DD') : <Tag color="blue">{t('agencies.rounds.ongoing')}</Tag>),
    },
    {
      title: t('agencies.rounds.nextDueOn'),
      key: 'nextDueOn',
      width: 140,
      render: (_: unknown, row) =>
        row.nextDueOn ? (
          <Space size={4}>
            {row.nextDueOn}
            {row.overdue && <Tag color="red">{t('agencies.rounds.overdue')}</Tag>}
          </Space>
        ) : (
          t('common.empty')
        ),
    },
    {
      title: t('agencies.rounds.rating'),
      key: 'rating',
      width: 190,
      render: (_: unknown, row) => (
        <Space size={4}>
          {row.rating !== null ? <Rate disabled value={row.rating} style={{ fontSize: 14 }} /> : <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>}
          {row.canRate && (
            <Button type="link" size="small" onClick={() => setRating(row)} data-testid="agency-rate">
              {row.rating !== null ? t('agencies.rounds.rateEdit') : t('agencies.rounds.rate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Switch
          checked={activeOnly}
          onChange={(v) => {
            setActiveOnly(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          aria-label={t('agencies.rounds.activeOnly')}
        />
        {t('agencies.rounds.activeOnly')}
      </Space>
      <Table<AgencyRound>
        rowKey={(r) => `${r.roundId}:${r.engagedAt}`}
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1150 }}
        locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('agencies.rounds.empty')} /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
      />
      <Modal
        open={rating !== null}
        title={rating ? t('agencies.feedback.title', { enterprise: rating.enterpriseName, year: rating.listingYear }) : ''}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onCancel={() => setRating(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('agencies.feedback.hint')}</Typography.Paragraph>
        <Form<FeedbackInput> form={form} layout="vertical" name="feedbackForm" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="rating" label={t('agencies.feedback.rating')} rules={[{ required: true, message: t('common.required') }]}>
            <Rate />
          </Form.Item>
          <Form.Item name="comment" label={t('agencies.feedback.comment')}>
            <Input.TextArea rows={4} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
