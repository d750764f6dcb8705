import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography, type TableProps } from 'antd';
import { CheckOutlined, StopOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { StepSuggestion, StepSuggestionQuery } from '../../../shared/contracts/enforcement';
import { DEADLINE_KIND_LABELS } from '../../../shared/domain/deadlines';
import { ENFORCEMENT_STEP_LABELS, ENFORCEMENT_STEPS, type EnforcementStep } from '../../../shared/domain/enforcement';
import { stepApi } from '../../api/enforcementEndpoints';
import { useReferenceLookup } from '../../app/reference';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { listPagination } from '../../components/listParts';
import { useListState } from '../../components/urlQuery';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';
import { StateTag } from '../rounds/roundUi';
import { EnforcementFrame, errorText, isCityRole, StepTag } from './enforcementParts';

const FILTER_KEYS = ['districtCode', 'step'] as const;
const isStep = (v: string | undefined): v is EnforcementStep => (ENFORCEMENT_STEPS as readonly (string | undefined)[]).includes(v);

function DismissModal({ target, onClose }: { target: StepSuggestion | null; onClose: () => void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!target) return;
    let v: { reason: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await stepApi.dismiss(target.roundId, target.step, v.reason.trim());
      await queryClient.invalidateQueries({ queryKey: ['enforcement'] });
      void message.success(t('enforcement.steps.dismissed'));
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={Boolean(target)}
      title={target ? t('enforcement.steps.dismissTitle', { name: target.enterpriseName, step: ENFORCEMENT_STEP_LABELS[target.step][locale] }) : ''}
      okText={t('enforcement.steps.dismiss')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} name="dismissStep" layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('enforcement.steps.dismissReason')} required rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount aria-label={t('enforcement.steps.dismissReason')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 建议执法措施: overdue rounds with the statutory next step, confirmed or dismissed by the district. */
export default function StepSuggestionsPage() {
  const { t, locale } = useT();
  const { user, can } = useSignedIn();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const ref = useReferenceLookup();
  const queryClient = useQueryClient();
  const { state, setFilters, setPage } = useListState(FILTER_KEYS, []);
  const [dismissing, setDismissing] = useState<StepSuggestion | null>(null);
  const isCity = isCityRole(user.role);
  const f = state.filters;
  const query: Partial<StepSuggestionQuery> = {
    page: state.page,
    pageSize: state.pageSize,
    districtCode: isCity ? f.districtCode : undefined,
    step: isStep(f.step) ? f.step : undefined,
  };
  const list = useQuery({ queryKey: ['enforcement', 'steps', query], queryFn: () => stepApi.list(query), placeholderData: keepPreviousData });

  const confirm = async (row: StepSuggestion) => {
    try {
      const result = await stepApi.confirm(row.roundId, row.step);
      await queryClient.invalidateQueries({ queryKey: ['enforcement'] });
      if (result.caseId) {
        void message.success(t('enforcement.steps.confirmedCase'));
        void navigate(`/enforcement/cases?status=open&keyword=${encodeURIComponent(row.creditCode)}`);
      } else {
        void message.success(t('enforcement.steps.confirmedRollover'));
      }
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const columns: TableProps<StepSuggestion>['columns'] = [
    {
      title: t('enforcement.cases.enterprise'),
      key: 'enterprise',
      width: 230,
      render: (_: unknown, row) => (
        <div className="cell-2">
          <Link to={`/rounds/${row.roundId}`}>{row.enterpriseName}</Link>
          <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
            {row.creditCode}
          </Typography.Text>
        </div>
      ),
    },
    { title: label('districtCode', locale), key: 'district', width: 90, render: (_: unknown, row) => ref.districtName(row.districtCode, row.districtName) },
    { title: t('enforcement.steps.listingYear'), dataIndex: 'listingYear', key: 'listingYear', width: 90 },
    { title: t('enforcement.steps.state'), key: 'state', width: 130, render: (_: unknown, row) => <StateTag state={row.state} /> },
    {
      title: t('enforcement.steps.deadline'),
      key: 'deadline',
      width: 170,
      render: (_: unknown, row) => (
        <div className="cell-2">
          <span>
            {DEADLINE_KIND_LABELS[row.deadlineKind][locale]} {row.dueOn}
          </span>
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {t('enforcement.steps.overdue', { n: row.daysOverdue })}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('enforcement.steps.step'), key: 'step', width: 150, render: (_: unknown, row) => <StepTag step={row.step} locale={locale} /> },
    {
      title: t('enforcement.steps.basedOn'),
      key: 'basedOn',
      width: 170,
      render: (_: unknown, row) =>
        row.basedOnDecisionNo ? (
          <div className="cell-2">
            <span>{row.basedOnDecisionNo}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.basedOnDate}
            </Typography.Text>
          </div>
        ) : (
          t('common.empty')
        ),
    },
    ...(can('enforcement.manage')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            fixed: 'right' as const,
            render: (_: unknown, row: StepSuggestion) => (
              <Space size={0}>
                <Popconfirm
                  title={
                    row.step === 'rollover'
                      ? t('enforcement.steps.confirmRollover')
                      : t('enforcement.steps.confirmCase', { step: ENFORCEMENT_STEP_LABELS[row.step][locale] })
                  }
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => confirm(row)}
                >
                  <Button type="link" size="small" icon={<CheckOutlined />}>
                    {t('enforcement.steps.confirm')}
                  </Button>
                </Popconfirm>
                <Button type="link" size="small" danger icon={<StopOutlined />} onClick={() => setDismissing(row)}>
                  {t('enforcement.steps.dismiss')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <EnforcementFrame>
      <Alert type="info" showIcon message={t('enforcement.steps.hint')} style={{ marginBottom: 16 }} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          {isCity && (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 200 }}
              value={f.districtCode}
              options={ref.districts}
              placeholder={label('districtCode', locale)}
              aria-label={label('districtCode', locale)}
              onChange={(v: string | undefined) => setFilters({ ...f, districtCode: v })}
            />
          )}
          <Select
            allowClear
            style={{ width: 220 }}
            value={isStep(f.step) ? f.step : undefined}
            placeholder={t('enforcement.steps.step')}
            aria-label={t('enforcement.steps.step')}
            options={ENFORCEMENT_STEPS.map((s) => ({ value: s, label: ENFORCEMENT_STEP_LABELS[s][locale] }))}
            onChange={(v: string | undefined) => setFilters({ ...f, step: v })}
          />
        </Space>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<StepSuggestion>
            rowKey={(row) => `${row.roundId}-${row.step}`}
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1250 }}
            onChange={(p, _f, _s, extra) => extra.action === 'paginate' && setPage(p.current ?? 1, p.pageSize ?? state.pageSize)}
            locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('enforcement.steps.empty')} /> }}
            pagination={listPagination(state, list.data?.total, t)}
          />
        )}
      </Card>
      <DismissModal target={dismissing} onClose={() => setDismissing(null)} />
    </EnforcementFrame>
  );
}
