import { Alert, Button, Card, Empty, Form, InputNumber, Rate, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import type { ExpertWorkSettingsInput, RatingRow } from '../../../shared/contracts/expertWork';
import { MATERIALS_LEAD_DAYS_LIMITS } from '../../../shared/domain/expertWork';
import { expertWorkApi } from '../../api/expertWorkEndpoints';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { listPagination } from '../../components/listParts';
import { PageContainer } from '../../components/PageContainer';
import { useSettingsForm } from '../../components/settingsForm';
import { useListState } from '../../components/urlQuery';
import { useT } from '../../i18n';

const FILTER_KEYS = ['expertUserId'] as const;
const SORTS = ['ratedAt', '-ratedAt', 'rating', '-rating'] as const;
const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/** The city administrator's materials lead time (working days before the review meeting). */
function LeadTimeCard() {
  const { t } = useT();
  const { form, query, busy, error, clearError, save } = useSettingsForm<ExpertWorkSettingsInput, Awaited<ReturnType<typeof expertWorkApi.settings>>>({
    key: ['expert-work-settings'],
    load: expertWorkApi.settings,
    save: expertWorkApi.saveSettings,
    savedMessage: t('expertWork.settings.saved'),
  });
  const { data, error: loadError, refetch } = query;
  if (loadError) return <ErrorResult error={loadError} onRetry={() => void refetch()} />;
  if (!data) return null;
  return (
    <Card title={t('expertWork.settings.title')} size="small" data-testid="lead-time">
      <Typography.Paragraph type="secondary">{t('expertWork.settings.hint')}</Typography.Paragraph>
      {error && <Alert style={{ marginBottom: 12 }} type="error" showIcon message={error} closable onClose={clearError} />}
      <Form form={form} layout="inline" name="leadTime" initialValues={{ materialsLeadWorkingDays: data.materialsLeadWorkingDays }}>
        <Form.Item
          name="materialsLeadWorkingDays"
          label={t('expertWork.settings.days')}
          rules={[{ required: true, type: 'integer', min: MATERIALS_LEAD_DAYS_LIMITS.min, max: MATERIALS_LEAD_DAYS_LIMITS.max, message: t('expertWork.settings.daysRange') }]}
        >
          <InputNumber min={MATERIALS_LEAD_DAYS_LIMITS.min} max={MATERIALS_LEAD_DAYS_LIMITS.max} precision={0} />
        </Form.Item>
        <Button type="primary" loading={busy} onClick={() => void save()}>
          {t('expertWork.settings.save')}
        </Button>
        <Typography.Text type="secondary" style={{ marginLeft: 12, alignSelf: 'center' }}>
          {data.isDefault ? t('expertWork.settings.isDefault') : data.updatedAt ? t('expertWork.settings.updated', { at: when(data.updatedAt) }) : ''}
        </Typography.Text>
      </Form>
    </Card>
  );
}

/** 专家评审工作评价: the districts' ratings of expert work in the city, newest first; click an expert to filter. */
export default function ExpertRatingsPage() {
  const { t } = useT();
  const { can } = useSignedIn();
  const { state, setFilters, setPage, setSort } = useListState(FILTER_KEYS, SORTS);
  const query = { page: state.page, pageSize: state.pageSize, expertUserId: state.filters.expertUserId, sort: (state.sort ?? '-ratedAt') as (typeof SORTS)[number] };
  const { data, error, isFetching, refetch } = useQuery({ queryKey: ['expert-ratings', query], queryFn: () => expertWorkApi.ratings(query) });
  const filteredName = data?.items[0]?.expertName ?? '';
  const sortOrder = (key: string) => (state.sort === key ? 'ascend' : state.sort === `-${key}` ? 'descend' : key === 'ratedAt' && !state.sort ? 'descend' : null);

  return (
    <PageContainer title={t('expertWork.ratings.title')} breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('expertWork.menu') }]}>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {can('expertWork.configure') && <LeadTimeCard />}
        <Card>
          {state.filters.expertUserId && data?.summary && (
            <Alert
              style={{ marginBottom: 12 }}
              type="info"
              showIcon
              data-testid="rating-summary"
              message={
                data.summary.average === null
                  ? t('expertWork.ratings.summaryNone', { name: filteredName })
                  : t('expertWork.ratings.summary', { name: filteredName, average: data.summary.average.toFixed(1), count: data.summary.count })
              }
              action={
                <Button size="small" onClick={() => setFilters({ expertUserId: undefined })}>
                  {t('common.reset')}
                </Button>
              }
            />
          )}
          {error ? (
            <ErrorResult error={error} onRetry={() => void refetch()} />
          ) : (
            <Table<RatingRow>
              rowKey={(r) => `${r.panelId}:${r.expertUserId}`}
              loading={isFetching}
              dataSource={data?.items ?? []}
              locale={{ emptyText: <Empty description={t('expertWork.ratings.empty')} /> }}
              pagination={listPagination(state, data?.total, t)}
              onChange={(p, _f, sorter) => {
                const s = Array.isArray(sorter) ? sorter[0] : sorter;
                const key = s?.order && s.columnKey ? `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` : '-ratedAt';
                if (key !== (state.sort ?? '-ratedAt')) setSort(key === '-ratedAt' ? undefined : key);
                else setPage(p.current ?? 1, p.pageSize ?? state.pageSize);
              }}
              columns={[
                {
                  title: t('expertWork.ratings.expert'),
                  key: 'expert',
                  render: (_, r) => (
                    <Typography.Link onClick={() => setFilters({ expertUserId: r.expertUserId })}>{r.expertName}</Typography.Link>
                  ),
                },
                { title: t('expertWork.ratings.enterprise'), key: 'enterprise', render: (_, r) => <Link to={`/rounds/${r.roundId}`}>{r.enterpriseName}</Link> },
                { title: t('expertWork.ratings.year'), dataIndex: 'listingYear', width: 80 },
                { title: t('expertWork.ratings.district'), dataIndex: 'districtName', width: 100 },
                { title: t('expertWork.ratings.kind'), key: 'kind', width: 90, render: (_, r) => <Tag>{t(`reviews.kinds.${r.kind}`)}</Tag> },
                {
                  title: t('expertWork.ratings.rating'),
                  key: 'rating',
                  width: 150,
                  sorter: true,
                  sortOrder: sortOrder('rating'),
                  render: (_, r) => <Rate disabled value={r.rating} style={{ fontSize: 14 }} />,
                },
                { title: t('expertWork.ratings.comment'), dataIndex: 'comment', render: (c: string | null) => c ?? '—' },
                { title: t('expertWork.ratings.ratedBy'), dataIndex: 'ratedByName', width: 100, render: (n: string | null) => n ?? '—' },
                {
                  title: t('expertWork.ratings.ratedAt'),
                  key: 'ratedAt',
                  width: 150,
                  sorter: true,
                  sortOrder: sortOrder('ratedAt'),
                  render: (_, r) => when(r.ratedAt),
                },
              ]}
            />
          )}
        </Card>
      </Space>
    </PageContainer>
  );
}
