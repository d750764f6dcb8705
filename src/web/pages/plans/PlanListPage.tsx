import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { CheckOutlined, CloseOutlined, DownloadOutlined, ImportOutlined, NotificationOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { PLAN_ENTRY_STATUSES, type PlanEntry, type PlanEntryListQuery, type PlanEntryStatus } from '../../../shared/contracts/rounds';
import { planApi, planImportApi } from '../../api/endpoints';
import { useReferenceLookup } from '../../app/reference';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { PageContainer } from '../../components/PageContainer';
import { useListState } from '../../components/urlQuery';
import { FilterButtons, listPagination } from '../../components/listParts';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';
import { PublishListModal } from '../campaigns/PublishListModal';
import { ReasonTags } from '../rounds/roundUi';
import { ProposeEntryModal } from './ProposeEntryModal';
import { PlanSuggestionsPanel } from './PlanSuggestionsPanel';

const FILTER_KEYS = ['plannedYear', 'districtCode', 'status', 'keyword'] as const;
type Filters = { plannedYear?: number; districtCode?: string; status?: string; keyword?: string };
const STATUS_COLOR = { proposed: 'processing', approved: 'success', rejected: 'error' } as const;
const isStatus = (v: string | undefined): v is PlanEntryStatus => (PLAN_ENTRY_STATUSES as readonly (string | undefined)[]).includes(v);

function RejectModal({ entry, onClose }: { entry: PlanEntry | null; onClose: () => void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!entry) return;
    let v: { reason: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await planApi.reject(entry.id, v.reason.trim());
      await queryClient.invalidateQueries({ queryKey: ['plan-entries'] });
      void message.success(t('plan.rejected'));
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={Boolean(entry)}
      title={entry ? t('plan.rejectTitle', { name: entry.enterpriseName }) : ''}
      okText={t('plan.reject')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} name="rejectEntry" layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('plan.rejectReason')}
          required
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount aria-label={t('plan.rejectReason')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 审核计划 (附件4): districts propose, the city approves or rejects and publishes the annual list. */
export default function PlanListPage() {
  const { t, locale } = useT();
  const { user, can } = useSignedIn();
  const { message } = App.useApp();
  const ref = useReferenceLookup();
  const queryClient = useQueryClient();
  const { state, setFilters, setPage } = useListState(FILTER_KEYS, []);
  const [form] = Form.useForm<Filters>();
  const [proposing, setProposing] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [rejecting, setRejecting] = useState<PlanEntry | null>(null);
  const isCity = user.role === 'city_admin' || user.role === 'city_staff';
  const f = state.filters;
  const year = f.plannedYear && /^\d{4}$/.test(f.plannedYear) ? Number(f.plannedYear) : undefined;

  const query: Partial<PlanEntryListQuery> = {
    page: state.page,
    pageSize: state.pageSize,
    plannedYear: year,
    districtCode: isCity ? f.districtCode : undefined,
    status: isStatus(f.status) ? f.status : undefined,
    keyword: f.keyword,
    sort: '-proposedAt',
  };
  const list = useQuery({ queryKey: ['plan-entries', query], queryFn: () => planApi.list(query), placeholderData: keepPreviousData });

  useEffect(() => {
    form.setFieldsValue({ plannedYear: year, districtCode: f.districtCode, status: f.status, keyword: f.keyword });
  }, [form, year, f.districtCode, f.status, f.keyword]);

  const approve = async (entry: PlanEntry) => {
    try {
      await planApi.approve(entry.id);
      await queryClient.invalidateQueries({ queryKey: ['plan-entries'] });
      void message.success(t('plan.approved'));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: TableProps<PlanEntry>['columns'] = [
    {
      title: t('round.enterprise'),
      key: 'enterpriseName',
      width: 240,
      render: (_: unknown, row) => (
        <div className="cell-2">
          <span>{row.enterpriseName}</span>
          <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
            {row.creditCode}
          </Typography.Text>
        </div>
      ),
    },
    { title: label('districtCode', locale), key: 'district', width: 96, render: (_: unknown, row) => ref.districtName(row.districtCode, row.districtName) },
    { title: label('plannedYear', locale), dataIndex: 'plannedYear', key: 'plannedYear', width: 110 },
    {
      title: label('reasons', locale),
      key: 'reasons',
      width: 200,
      render: (_: unknown, row) => (
        <div className="cell-2">
          <ReasonTags reasons={row.reasons} />
          {row.reasonDetails && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: row.reasonDetails }}>
              {row.reasonDetails}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('plan.status'),
      key: 'status',
      width: 130,
      render: (_: unknown, row) =>
        row.roundId ? (
          <Space direction="vertical" size={0}>
            <Tag color="green">{t('plan.statuses.published')}</Tag>
            <Link to={`/rounds/${row.roundId}`}>{t('plan.openRound')}</Link>
          </Space>
        ) : (
          <Space direction="vertical" size={0}>
            <Tag color={STATUS_COLOR[row.status]}>{t(`plan.statuses.${row.status}`)}</Tag>
            {row.rejectReason && (
              <Typography.Text type="danger" style={{ fontSize: 12 }} ellipsis={{ tooltip: row.rejectReason }}>
                {row.rejectReason}
              </Typography.Text>
            )}
          </Space>
        ),
    },
    {
      title: t('plan.contact'),
      key: 'contact',
      width: 130,
      render: (_: unknown, row) => (
        <div className="cell-2">
          <span>{row.contactName ?? t('common.empty')}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.contactPhone}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('plan.proposedAt'), key: 'proposedAt', width: 110, render: (_: unknown, row) => dayjs(row.proposedAt).format('YYYY-MM-DD') },
    ...(can('planEntry.review')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 180,
            fixed: 'right' as const,
            render: (_: unknown, row: PlanEntry) =>
              row.roundId ? null : (
                <Space size={4}>
                  {row.status === 'proposed' && (
                    <Popconfirm
                      title={t('plan.approveConfirm', { name: row.enterpriseName, year: row.plannedYear })}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => approve(row)}
                    >
                      <Button type="link" size="small" icon={<CheckOutlined />}>
                        {t('plan.approve')}
                      </Button>
                    </Popconfirm>
                  )}
                  {row.status !== 'rejected' && (
                    <Button type="link" size="small" danger icon={<CloseOutlined />} onClick={() => setRejecting(row)}>
                      {t('plan.reject')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]
      : []),
  ];

  const submit = (v: Filters) =>
    setFilters({
      plannedYear: v.plannedYear ? String(v.plannedYear) : undefined,
      districtCode: isCity ? v.districtCode : undefined,
      status: v.status,
      keyword: v.keyword?.trim() || undefined,
    });

  return (
    <PageContainer
      title={t('plan.title')}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('plan.title') }]}
      extra={
        <>
          {can('planEntry.propose') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setProposing(true)}>
              {t('plan.propose')}
            </Button>
          )}
          {can('list.publish') && (
            <Button type="primary" icon={<NotificationOutlined />} onClick={() => setPublishing(true)}>
              {t('campaign.publish')}
            </Button>
          )}
          {can('planEntry.import') && (
            <Link to="/plan-entries/import">
              <Button icon={<ImportOutlined />}>{t('material.import.link')}</Button>
            </Link>
          )}
          {can('planEntry.export') && (
            <Button
              icon={<DownloadOutlined />}
              href={planImportApi.exportUrl({ plannedYear: year, districtCode: isCity ? f.districtCode : undefined, status: query.status, keyword: f.keyword })}
            >
              {t('material.import.export')}
            </Button>
          )}
        </>
      }
    >
      <Card className="filter-card">
        <Form<Filters>
          form={form}
          name="planFilter"
          onFinish={submit}
          labelCol={{ flex: locale === 'zh-CN' ? '96px' : '130px' }}
          wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="plannedYear" label={label('plannedYear', locale)}>
                <InputNumber style={{ width: '100%' }} min={2000} max={2100} precision={0} placeholder={t('plan.yearPlaceholder')} aria-label={label('plannedYear', locale)} />
              </Form.Item>
            </Col>
            {isCity && (
              <Col xs={24} md={12} xl={6}>
                <Form.Item name="districtCode" label={label('districtCode', locale)}>
                  <Select allowClear showSearch optionFilterProp="label" options={ref.districts} placeholder={t('enterprise.districtPlaceholder')} aria-label={label('districtCode', locale)} />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="status" label={t('plan.status')}>
                <Select
                  allowClear
                  aria-label={t('plan.status')}
                  placeholder={t('plan.statusPlaceholder')}
                  options={PLAN_ENTRY_STATUSES.map((s) => ({ value: s, label: t(`plan.statuses.${s}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="keyword" label={label('keyword', locale)}>
                <Input allowClear placeholder={t('round.keywordPlaceholder')} aria-label={label('keyword', locale)} />
              </Form.Item>
            </Col>
            <Col span={24} style={{ textAlign: 'right', marginBottom: 16 }}>
              <FilterButtons onReset={() => { form.resetFields(); setFilters({}); }} />
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<PlanEntry>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1100 }}
            onChange={(p, _f, _s, extra) => extra.action === 'paginate' && setPage(p.current ?? 1, p.pageSize ?? state.pageSize)}
            locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('plan.empty')} /> }}
            pagination={listPagination(state, list.data?.total, t)}
          />
        )}
      </Card>
      {can('planSuggestion.list') && <PlanSuggestionsPanel />}
      <ProposeEntryModal open={proposing} onClose={() => setProposing(false)} />
      <RejectModal entry={rejecting} onClose={() => setRejecting(null)} />
      <PublishListModal open={publishing} onClose={() => setPublishing(false)} />
    </PageContainer>
  );
}
