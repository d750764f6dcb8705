import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Empty, Form, Input, Modal, Radio, Select, Space, Table, Typography, type TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { CreditListQuery, CreditRecord } from '../../../shared/contracts/enforcement';
import { CREDIT_KINDS, CREDIT_KIND_LABELS, CREDIT_SOURCE_LABELS, POSITIVE_CREDIT_MIN_SCORE, type CreditKind } from '../../../shared/domain/enforcement';
import { creditApi } from '../../api/enforcementEndpoints';
import { useReferenceLookup } from '../../app/reference';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { listPagination } from '../../components/listParts';
import { useListState } from '../../components/urlQuery';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';
import { CreditKindTag, EnforcementFrame, isCityRole } from './enforcementParts';

const FILTER_KEYS = ['districtCode', 'kind', 'from', 'to', 'keyword'] as const;
const isKind = (v: string | undefined): v is CreditKind => (CREDIT_KINDS as readonly (string | undefined)[]).includes(v);
const isDate = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

interface ExportValues {
  period?: [Dayjs, Dayjs];
  format: 'xlsx' | 'csv';
  kind?: CreditKind;
}

/** The credit feed export: a period (record dates), a format, optionally one kind; the file downloads streamed. */
function ExportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useT();
  const [form] = Form.useForm<ExportValues>();
  const download = async () => {
    let v: ExportValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const [from, to] = v.period ?? [dayjs(), dayjs()];
    window.location.assign(creditApi.feedUrl(v.format, { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD'), kind: v.kind }));
    onClose();
  };
  const year = dayjs().year();
  return (
    <Modal
      open={open}
      title={t('enforcement.credit.exportTitle')}
      okText={t('enforcement.credit.download')}
      okButtonProps={{ icon: <DownloadOutlined /> }}
      cancelText={t('common.cancel')}
      onOk={() => void download()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon message={t('enforcement.credit.exportHint')} style={{ marginBottom: 16 }} />
      <Form<ExportValues>
        form={form}
        name="creditExport"
        layout="vertical"
        preserve={false}
        initialValues={{ period: [dayjs(`${year - 1}-01-01`), dayjs(`${year - 1}-12-31`)], format: 'xlsx' }}
      >
        <Form.Item name="period" label={t('enforcement.credit.exportPeriod')} required rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} aria-label={t('enforcement.credit.exportPeriod')} />
        </Form.Item>
        <Form.Item name="kind" label={t('enforcement.credit.kind')}>
          <Select allowClear placeholder={t('common.all')} options={CREDIT_KINDS.map((k) => ({ value: k, label: CREDIT_KIND_LABELS[k][locale] }))} aria-label={t('enforcement.credit.kind')} />
        </Form.Item>
        <Form.Item name="format" label={t('enforcement.credit.exportFormat')}>
          <Radio.Group options={[{ value: 'xlsx', label: 'Excel (.xlsx)' }, { value: 'csv', label: 'CSV (UTF-8)' }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 信用记录: the enterprises' credit records in my scope; the city exports the feed. */
export default function CreditRecordsPage() {
  const { t, locale } = useT();
  const { user, can } = useSignedIn();
  const ref = useReferenceLookup();
  const { state, setFilters, setPage } = useListState(FILTER_KEYS, []);
  const [exporting, setExporting] = useState(false);
  const [keyword, setKeyword] = useState(state.filters.keyword ?? '');
  const isCity = isCityRole(user.role);
  const f = state.filters;
  const query: Partial<CreditListQuery> = {
    page: state.page,
    pageSize: state.pageSize,
    districtCode: isCity ? f.districtCode : undefined,
    kind: isKind(f.kind) ? f.kind : undefined,
    from: isDate(f.from),
    to: isDate(f.to),
    keyword: f.keyword,
  };
  const list = useQuery({ queryKey: ['enforcement', 'credit', query], queryFn: () => creditApi.list(query), placeholderData: keepPreviousData });
  const range: [Dayjs | null, Dayjs | null] | null = query.from || query.to ? [query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null] : null;

  const columns: TableProps<CreditRecord>['columns'] = [
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
    { title: t('enforcement.credit.kind'), key: 'kind', width: 110, render: (_: unknown, row) => <CreditKindTag kind={row.kind} locale={locale} /> },
    { title: t('enforcement.credit.source'), key: 'source', width: 100, render: (_: unknown, row) => CREDIT_SOURCE_LABELS[row.source][locale] },
    { title: t('enforcement.credit.recordedOn'), dataIndex: 'recordedOn', key: 'recordedOn', width: 110 },
    { title: t('enforcement.credit.period'), dataIndex: 'periodYear', key: 'periodYear', width: 90 },
    {
      title: t('enforcement.credit.description'),
      key: 'description',
      render: (_: unknown, row) => (locale === 'zh-CN' ? row.descriptionZh : row.descriptionEn),
    },
  ];

  return (
    <EnforcementFrame
      extra={
        can('credit.export') && (
          <Button type="primary" icon={<DownloadOutlined />} onClick={() => setExporting(true)}>
            {t('enforcement.credit.export')}
          </Button>
        )
      }
    >
      <Alert type="info" showIcon message={t('enforcement.credit.hint', { score: POSITIVE_CREDIT_MIN_SCORE })} style={{ marginBottom: 16 }} />
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
            allowClear
            style={{ width: 150 }}
            value={query.kind}
            placeholder={t('enforcement.credit.kind')}
            aria-label={t('enforcement.credit.kind')}
            options={CREDIT_KINDS.map((k) => ({ value: k, label: CREDIT_KIND_LABELS[k][locale] }))}
            onChange={(v: string | undefined) => setFilters({ ...f, kind: v })}
          />
          <DatePicker.RangePicker
            value={range}
            allowEmpty={[true, true]}
            placeholder={[t('enforcement.credit.from'), t('enforcement.credit.to')]}
            onChange={(v) => setFilters({ ...f, from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
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
          <Table<CreditRecord>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            onChange={(p, _f, _s, extra) => extra.action === 'paginate' && setPage(p.current ?? 1, p.pageSize ?? state.pageSize)}
            locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('enforcement.credit.empty')} /> }}
            pagination={listPagination(state, list.data?.total, t)}
          />
        )}
      </Card>
      <ExportModal open={exporting} onClose={() => setExporting(false)} />
    </EnforcementFrame>
  );
}
