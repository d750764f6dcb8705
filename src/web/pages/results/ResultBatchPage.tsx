import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Form, Input, Row, Select, Space, Table, Typography, type TableProps } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { resultBatchBody } from '../../../shared/contracts/resultBatches';
import type { Round } from '../../../shared/contracts/rounds';
import { isApiError } from '../../api/client';
import { roundApi } from '../../api/endpoints';
import { useReferenceLookup } from '../../app/reference';
import { ErrorResult } from '../../components/ErrorResult';
import { FilterButtons } from '../../components/listParts';
import { applyServerFieldErrors, zodRule } from '../../components/form';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';
import { ReasonTags } from '../rounds/roundUi';
import { PublishedBatches } from './PublishedBatches';
import { publishBatch } from './publishBatch';

type Filters = { listingYear?: string; districtCode?: string; keyword?: string };
type BatchForm = { title?: string; publishedOn?: Dayjs };

/** 验收结果发布: the city picks accepted rounds and publishes them as one batch on the public portal. */
export default function ResultBatchPage() {
  const { t, locale } = useT();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const ref = useReferenceLookup();
  const [filterForm] = Form.useForm<Filters>();
  const [form] = Form.useForm<BatchForm>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const year = filters.listingYear && /^\d{4}$/.test(filters.listingYear) ? Number(filters.listingYear) : undefined;
  const query = {
    ...page,
    state: 'accepted' as const,
    listingYear: year,
    districtCode: filters.districtCode,
    keyword: filters.keyword,
    sort: 'enterpriseName' as const,
  };
  const accepted = useQuery({ queryKey: ['rounds', 'accepted', query], queryFn: () => roundApi.list(query), placeholderData: keepPreviousData });

  const columns: TableProps<Round>['columns'] = [
    {
      title: t('round.enterprise'),
      key: 'enterprise',
      width: 260,
      render: (_: unknown, row) => (
        <div className="cell-2">
          <Link to={`/rounds/${row.id}`}>{row.enterpriseName}</Link>
          <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
            {row.creditCode}
          </Typography.Text>
        </div>
      ),
    },
    { title: label('districtCode', locale), key: 'district', width: 110, render: (_: unknown, row) => ref.districtName(row.districtCode, row.districtName) },
    { title: label('listingYear', locale), dataIndex: 'listingYear', key: 'listingYear', width: 100 },
    { title: label('reasons', locale), key: 'reasons', width: 180, render: (_: unknown, row) => <ReasonTags reasons={row.reasons} /> },
    { title: t('portal.columns.evaluationPassedOn'), dataIndex: 'evaluationPassedOn', key: 'evaluationPassedOn', width: 130, render: (d: string | null) => d ?? t('common.empty') },
  ];

  const publish = async () => {
    let values: BatchForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!values.title || !values.publishedOn) return;
    if (selected.length === 0) {
      setError(t('portal.batches.noneSelected'));
      return;
    }
    const body = { title: values.title.trim(), publishedOn: values.publishedOn.format('YYYY-MM-DD'), roundIds: selected };
    const ok = await modal.confirm({
      title: t('portal.batches.confirmTitle'),
      content: t('portal.batches.confirmText', { count: selected.length, title: body.title, date: body.publishedOn }),
      okText: t('portal.batches.publish'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    setBusy(true);
    setError(null);
    try {
      const created = await publishBatch(queryClient, body);
      void message.success(t('portal.batches.done', { count: created.roundIds.length, title: created.title }));
      setSelected([]);
      form.resetFields();
    } catch (e) {
      if (isApiError(e) && applyServerFieldErrors(form, e, ['title', 'publishedOn'])) setError(null);
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageContainer title={t('portal.batches.title')} breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('portal.batches.title') }]}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('portal.batches.pick')}>
          <Form<Filters> form={filterForm} name="acceptedFilter" onFinish={(v) => { setFilters({ ...v, keyword: v.keyword?.trim() || undefined }); setPage((p) => ({ ...p, page: 1 })); }}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="listingYear" label={label('listingYear', locale)}>
                  <Input allowClear inputMode="numeric" maxLength={4} aria-label={label('listingYear', locale)} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="districtCode" label={label('districtCode', locale)}>
                  <Select allowClear showSearch optionFilterProp="label" aria-label={label('districtCode', locale)} placeholder={t('common.all')} options={ref.districts} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="keyword" label={label('keyword', locale)}>
                  <Input allowClear aria-label={label('keyword', locale)} placeholder={t('round.keywordPlaceholder')} />
                </Form.Item>
              </Col>
              <Col xs={24} style={{ textAlign: 'right', marginBottom: 16 }}>
                <FilterButtons onReset={() => { filterForm.resetFields(); setFilters({}); }} />
              </Col>
            </Row>
          </Form>
          {accepted.isError ? (
            <ErrorResult error={accepted.error} onRetry={() => void accepted.refetch()} />
          ) : (
            <Table<Round>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={accepted.data?.items ?? []}
              loading={accepted.isFetching}
              scroll={{ x: 800 }}
              rowSelection={{ selectedRowKeys: selected, preserveSelectedRowKeys: true, onChange: (keys) => setSelected(keys.map(String)) }}
              locale={{ emptyText: accepted.isPending ? ' ' : <Empty description={t('portal.batches.noAccepted')} /> }}
              pagination={{
                current: page.page,
                pageSize: page.pageSize,
                total: accepted.data?.total ?? 0,
                showTotal: (count) => t('common.total', { total: count }),
                onChange: (p, size) => setPage({ page: size === page.pageSize ? p : 1, pageSize: size }),
              }}
            />
          )}
        </Card>
        <Card title={t('portal.batches.publishTitle')}>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form<BatchForm> form={form} name="resultBatch" layout="vertical" initialValues={{ publishedOn: dayjs() }}>
            <Row gutter={16}>
              <Col xs={24} md={14}>
                <Form.Item name="title" label={label('title', locale)} required rules={[zodRule(resultBatchBody.shape.title, locale, true)]}>
                  <Input maxLength={200} placeholder={t('portal.batches.titlePlaceholder')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item name="publishedOn" label={label('publishedOn', locale)} rules={[{ required: true, message: t('common.required') }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Space wrap>
              <Typography.Text>{t('portal.batches.selected', { count: selected.length })}</Typography.Text>
              <Button type="primary" icon={<SendOutlined />} loading={busy} disabled={selected.length === 0} onClick={() => void publish()} data-testid="publish-batch">
                {t('portal.batches.publish')}
              </Button>
            </Space>
          </Form>
        </Card>
        <PublishedBatches />
      </Space>
    </PageContainer>
  );
}
