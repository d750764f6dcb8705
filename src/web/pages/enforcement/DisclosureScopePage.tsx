import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography, type TableProps } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { DisclosureScopeMark, DisclosureScopeQuery } from '../../../shared/contracts/enforcement';
import { isApiError } from '../../api/client';
import { enterpriseApi } from '../../api/endpoints';
import { creditApi } from '../../api/enforcementEndpoints';
import { useReferenceLookup } from '../../app/reference';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { applyServerFieldErrors } from '../../components/form';
import { listPagination } from '../../components/listParts';
import { useListState } from '../../components/urlQuery';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';
import { EnforcementFrame, errorText, isCityRole } from './enforcementParts';

const FILTER_KEYS = ['districtCode', 'inScope', 'keyword'] as const;

interface MarkValues {
  enterpriseId?: string;
  inScope: boolean;
  since?: Dayjs;
  reason?: string;
}

/** The city's mark: an enterprise in or out of the mandatory disclosure scope, with date and reason. */
function MarkModal({ open, editing, onClose }: { open: boolean; editing: DisclosureScopeMark | null; onClose: () => void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MarkValues>();
  const [keyword, setKeyword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const enterprises = useQuery({
    queryKey: ['enterprises', 'picker', keyword],
    queryFn: () => enterpriseApi.list({ keyword: keyword || undefined, pageSize: 20, sort: 'name' }),
    enabled: open && !editing,
  });
  const submit = async () => {
    let v: MarkValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await creditApi.setScope(editing?.enterpriseId ?? v.enterpriseId ?? '', {
        inScope: v.inScope,
        since: (v.since ?? dayjs()).format('YYYY-MM-DD'),
        reason: v.reason?.trim() ?? '',
      });
      await queryClient.invalidateQueries({ queryKey: ['enforcement'] });
      void message.success(t('enforcement.scope.saved'));
      onClose();
    } catch (e) {
      if (!(isApiError(e) && applyServerFieldErrors(form, e, ['inScope', 'since', 'reason']))) setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={editing ? `${t('enforcement.scope.markTitle')}：${editing.enterpriseName}` : t('enforcement.scope.markTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(null)}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<MarkValues>
        form={form}
        name="disclosureScope"
        layout="vertical"
        preserve={false}
        initialValues={{ inScope: editing ? !editing.inScope : true, since: dayjs() }}
      >
        {!editing && (
          <Form.Item name="enterpriseId" label={t('enforcement.cases.enterprise')} required rules={[{ required: true, message: t('common.required') }]}>
            <Select
              showSearch
              aria-label={t('enforcement.cases.enterprise')}
              placeholder={t('enforcement.cases.enterprisePlaceholder')}
              filterOption={false}
              onSearch={setKeyword}
              loading={enterprises.isFetching}
              options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="inScope" label={label('inScope', locale)} valuePropName="checked">
          <Switch checkedChildren={t('enforcement.scope.yes')} unCheckedChildren={t('enforcement.scope.no')} aria-label={label('inScope', locale)} />
        </Form.Item>
        <Form.Item name="since" label={label('since', locale)} required rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: '100%' }} aria-label={label('since', locale)} />
        </Form.Item>
        <Form.Item name="reason" label={t('enforcement.scope.reason')} required rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount aria-label={t('enforcement.scope.reason')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 强制性环境信息披露名单: marks set by penalties or by the city; listed and filtered. */
export default function DisclosureScopePage() {
  const { t, locale } = useT();
  const { user, can } = useSignedIn();
  const ref = useReferenceLookup();
  const { state, setFilters, setPage } = useListState(FILTER_KEYS, []);
  const [marking, setMarking] = useState(false);
  const [editing, setEditing] = useState<DisclosureScopeMark | null>(null);
  const [keyword, setKeyword] = useState(state.filters.keyword ?? '');
  const isCity = isCityRole(user.role);
  const f = state.filters;
  const inScope = f.inScope === 'true' ? true : f.inScope === 'false' ? false : undefined;
  const query: Partial<DisclosureScopeQuery> = {
    page: state.page,
    pageSize: state.pageSize,
    districtCode: isCity ? f.districtCode : undefined,
    inScope,
    keyword: f.keyword,
  };
  const list = useQuery({ queryKey: ['enforcement', 'scope', query], queryFn: () => creditApi.scope(query), placeholderData: keepPreviousData });
  const manage = can('disclosureScope.manage');

  const columns: TableProps<DisclosureScopeMark>['columns'] = [
    {
      title: t('enforcement.cases.enterprise'),
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
      title: t('enforcement.scope.inScope'),
      key: 'inScope',
      width: 100,
      render: (_: unknown, row) => <Tag color={row.inScope ? 'red' : 'default'}>{row.inScope ? t('enforcement.scope.yes') : t('enforcement.scope.no')}</Tag>,
    },
    { title: t('enforcement.scope.since'), dataIndex: 'since', key: 'since', width: 110 },
    { title: t('enforcement.scope.source'), key: 'source', width: 130, render: (_: unknown, row) => t(`enforcement.scope.sources.${row.source}`) },
    { title: t('enforcement.scope.reason'), dataIndex: 'reason', key: 'reason' },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, row: DisclosureScopeMark) => (
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(row)}>
                {t('enforcement.scope.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <EnforcementFrame
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setMarking(true)}>
            {t('enforcement.scope.mark')}
          </Button>
        )
      }
    >
      <Alert type="info" showIcon message={t('enforcement.scope.hint')} style={{ marginBottom: 16 }} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          {isCity && (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 180 }}
              value={f.districtCode}
              options={ref.districts}
              placeholder={label('districtCode', locale)}
              aria-label={label('districtCode', locale)}
              onChange={(v: string | undefined) => setFilters({ ...f, districtCode: v })}
            />
          )}
          <Select
            style={{ width: 140 }}
            value={f.inScope ?? ''}
            aria-label={t('enforcement.scope.inScope')}
            options={[
              { value: '', label: t('enforcement.scope.all') },
              { value: 'true', label: t('enforcement.scope.yes') },
              { value: 'false', label: t('enforcement.scope.no') },
            ]}
            onChange={(v: string) => setFilters({ ...f, inScope: v || undefined })}
          />
          <Input.Search
            allowClear
            style={{ width: 260 }}
            value={keyword}
            placeholder={t('round.keywordPlaceholder')}
            aria-label={label('keyword', locale)}
            onChange={(e) => setKeyword(e.target.value)}
            onSearch={(v) => setFilters({ ...f, keyword: v.trim() || undefined })}
          />
        </Space>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<DisclosureScopeMark>
            rowKey="enterpriseId"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1000 }}
            onChange={(p, _f, _s, extra) => extra.action === 'paginate' && setPage(p.current ?? 1, p.pageSize ?? state.pageSize)}
            locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('enforcement.scope.empty')} /> }}
            pagination={listPagination(state, list.data?.total, t)}
          />
        )}
      </Card>
      <MarkModal open={marking || editing !== null} editing={editing} onClose={() => { setMarking(false); setEditing(null); }} />
    </EnforcementFrame>
  );
}
