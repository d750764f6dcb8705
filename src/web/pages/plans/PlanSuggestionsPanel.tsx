import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { BulbOutlined, CheckOutlined, StopOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanSuggestion, PlanSuggestionQuery } from '../../../shared/contracts/planSuggestions';
import { SUGGESTION_RULE_LABELS, SUGGESTION_RULES, type SuggestionRule } from '../../../shared/domain/planSuggestions';
import { planSuggestionApi } from '../../api/enforcementEndpoints';
import { useReferenceLookup } from '../../app/reference';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';
import { ReasonTags } from '../rounds/roundUi';

const RULE_COLOR = { fiveYear: 'blue', keyIndustryRisk: 'red', unfinished: 'orange' } as const satisfies Record<SuggestionRule, string>;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function DismissModal({ target, year, onClose }: { target: PlanSuggestion | null; year: number; onClose: () => void }) {
  const { t } = useT();
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
      await planSuggestionApi.dismiss(target.enterpriseId, year, v.reason.trim());
      await queryClient.invalidateQueries({ queryKey: ['plan-suggestions'] });
      void message.success(t('enforcement.plan.dismissed', { year }));
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
      title={target ? t('enforcement.plan.dismissTitle', { name: target.enterpriseName }) : ''}
      okText={t('enforcement.plan.dismiss')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} name="dismissSuggestion" layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('enforcement.plan.dismissReason')} required rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount aria-label={t('enforcement.plan.dismissReason')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 系统建议纳入 (附件4): candidates for a plan year with the rule behind each; the district accepts or dismisses them. */
export function PlanSuggestionsPanel() {
  const { t, locale } = useT();
  const { user, can } = useSignedIn();
  const { message } = App.useApp();
  const ref = useReferenceLookup();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const [rule, setRule] = useState<SuggestionRule | undefined>();
  const [districtCode, setDistrictCode] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const [dismissing, setDismissing] = useState<PlanSuggestion | null>(null);
  const isCity = user.role === 'city_admin' || user.role === 'city_staff';
  const query: PlanSuggestionQuery = { year, rule, districtCode: isCity ? districtCode : undefined, ...page };
  const list = useQuery({
    queryKey: ['plan-suggestions', query],
    queryFn: () => planSuggestionApi.list(query),
    placeholderData: keepPreviousData,
  });

  const accept = async (row: PlanSuggestion) => {
    try {
      await planSuggestionApi.accept(row.enterpriseId, year);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['plan-suggestions'] }),
        queryClient.invalidateQueries({ queryKey: ['plan-entries'] }),
      ]);
      void message.success(t('enforcement.plan.accepted', { name: row.enterpriseName }));
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const columns: TableProps<PlanSuggestion>['columns'] = [
    {
      title: t('round.enterprise'),
      key: 'enterprise',
      width: 230,
      render: (_: unknown, row) => (
        <div className="cell-2">
          <span>{row.enterpriseName}</span>
          <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
            {row.creditCode}
          </Typography.Text>
        </div>
      ),
    },
    { title: label('districtCode', locale), key: 'district', width: 90, render: (_: unknown, row) => ref.districtName(row.districtCode, row.districtName) },
    {
      title: t('enforcement.plan.rule'),
      key: 'rules',
      render: (_: unknown, row) => (
        <div className="cell-2">
          <Space size={[0, 4]} wrap>
            {row.rules.map((r) => (
              <Tag key={r} color={RULE_COLOR[r]}>
                {SUGGESTION_RULE_LABELS[r][locale]}
              </Tag>
            ))}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.detail}
          </Typography.Text>
        </div>
      ),
    },
    { title: label('reasons', locale), key: 'reasons', width: 170, render: (_: unknown, row) => <ReasonTags reasons={row.reasons} /> },
    ...(can('planSuggestion.decide')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 160,
            render: (_: unknown, row: PlanSuggestion) => (
              <Space size={0}>
                <Popconfirm
                  title={t('enforcement.plan.acceptConfirm', { name: row.enterpriseName, year })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => accept(row)}
                >
                  <Button type="link" size="small" icon={<CheckOutlined />}>
                    {t('enforcement.plan.accept')}
                  </Button>
                </Popconfirm>
                <Button type="link" size="small" danger icon={<StopOutlined />} onClick={() => setDismissing(row)}>
                  {t('enforcement.plan.dismiss')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={
        <Space>
          <BulbOutlined style={{ color: '#faad14' }} />
          {t('enforcement.plan.title')}
        </Space>
      }
      style={{ marginBottom: 16 }}
      extra={
        <Space wrap>
          <span>{t('enforcement.plan.year')}</span>
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            value={year}
            aria-label={t('enforcement.plan.year')}
            onChange={(v) => {
              if (v) {
                setYear(v);
                setPage({ ...page, page: 1 });
              }
            }}
          />
          {isCity && (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 160 }}
              value={districtCode}
              options={ref.districts}
              placeholder={label('districtCode', locale)}
              aria-label={label('districtCode', locale)}
              onChange={(v: string | undefined) => {
                setDistrictCode(v);
                setPage({ ...page, page: 1 });
              }}
            />
          )}
          <Select
            allowClear
            style={{ width: 220 }}
            value={rule}
            placeholder={t('enforcement.plan.rule')}
            aria-label={t('enforcement.plan.rule')}
            options={SUGGESTION_RULES.map((r) => ({ value: r, label: SUGGESTION_RULE_LABELS[r][locale] }))}
            onChange={(v: SuggestionRule | undefined) => {
              setRule(v);
              setPage({ ...page, page: 1 });
            }}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('enforcement.plan.hint', { year })}
      </Typography.Paragraph>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<PlanSuggestion>
          rowKey="enterpriseId"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 900 }}
          locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('enforcement.plan.empty')} /> }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (count) => t('common.total', { total: count }),
            onChange: (p, size) => setPage({ page: size === page.pageSize ? p : 1, pageSize: size }),
          }}
        />
      )}
      <DismissModal target={dismissing} year={year} onClose={() => setDismissing(null)} />
    </Card>
  );
}
