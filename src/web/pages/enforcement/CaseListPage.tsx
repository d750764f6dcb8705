import { useEffect, useState } from 'react';
import { Button, Card, Col, Empty, Form, Input, InputNumber, Row, Select, Space, Table, Typography, type TableProps } from 'antd';
import { CheckCircleOutlined, EditOutlined, FileDoneOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { CaseListQuery, EnforcementCase } from '../../../shared/contracts/enforcement';
import {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  ENFORCEMENT_STEP_LABELS,
  LEGAL_BASES,
  MEASURE_LABELS,
  VIOLATION_TYPE_LABELS,
  VIOLATION_TYPES,
  type CaseStatus,
  type ViolationType,
} from '../../../shared/domain/enforcement';
import { caseApi } from '../../api/enforcementEndpoints';
import { useReferenceLookup } from '../../app/reference';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { FilterButtons, listPagination } from '../../components/listParts';
import { sortOrderOf, sortValueOf, useListState } from '../../components/urlQuery';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';
import { CaseFormModal, CloseModal, DecideModal } from './CaseModals';
import { CaseStatusTag, EnforcementFrame, isCityRole, money } from './enforcementParts';

const FILTER_KEYS = ['districtCode', 'violationType', 'status', 'year', 'keyword'] as const;
const SORTS = ['openedOn', '-openedOn', 'decidedOn', '-decidedOn', 'fineAmount', '-fineAmount'] as const;
type Filters = { districtCode?: string; violationType?: string; status?: string; year?: number; keyword?: string };
const isViolation = (v: string | undefined): v is ViolationType => (VIOLATION_TYPES as readonly (string | undefined)[]).includes(v);
const isStatus = (v: string | undefined): v is CaseStatus => (CASE_STATUSES as readonly (string | undefined)[]).includes(v);

/** 执法案件: the district records and decides cases; the city reads all of its city. */
export default function CaseListPage() {
  const { t, locale } = useT();
  const { user, can } = useSignedIn();
  const ref = useReferenceLookup();
  const { state, setFilters, setPage, setSort } = useListState(FILTER_KEYS, SORTS);
  const [form] = Form.useForm<Filters>();
  const [editing, setEditing] = useState<EnforcementCase | null>(null);
  const [creating, setCreating] = useState(false);
  const [deciding, setDeciding] = useState<EnforcementCase | null>(null);
  const [closing, setClosing] = useState<EnforcementCase | null>(null);
  const isCity = isCityRole(user.role);
  const f = state.filters;
  const year = f.year && /^\d{4}$/.test(f.year) ? Number(f.year) : undefined;
  const query: Partial<CaseListQuery> = {
    page: state.page,
    pageSize: state.pageSize,
    districtCode: isCity ? f.districtCode : undefined,
    violationType: isViolation(f.violationType) ? f.violationType : undefined,
    status: isStatus(f.status) ? f.status : undefined,
    year,
    keyword: f.keyword,
    sort: (state.sort as CaseListQuery['sort'] | undefined) ?? '-openedOn',
  };
  const list = useQuery({ queryKey: ['enforcement', 'cases', query], queryFn: () => caseApi.list(query), placeholderData: keepPreviousData });

  useEffect(() => {
    form.setFieldsValue({ districtCode: f.districtCode, violationType: f.violationType, status: f.status, year, keyword: f.keyword });
  }, [form, f.districtCode, f.violationType, f.status, year, f.keyword]);

  const columns: TableProps<EnforcementCase>['columns'] = [
    {
      title: t('enforcement.cases.enterprise'),
      key: 'enterprise',
      width: 210,
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
      title: label('violationType', locale),
      key: 'violation',
      width: 200,
      render: (_: unknown, row) => (
        <div className="cell-2">
          <span>{VIOLATION_TYPE_LABELS[row.violationType][locale]}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {LEGAL_BASES[row.legalBasis].label[locale]}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: label('measure', locale),
      key: 'measure',
      width: 150,
      render: (_: unknown, row) => (
        <div className="cell-2">
          <span>{MEASURE_LABELS[row.measure][locale]}</span>
          {row.fineAmount !== null && <Typography.Text type="danger">{money(row.fineAmount, t)}</Typography.Text>}
          {row.suggestedStep && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('enforcement.cases.fromSuggestion', { step: ENFORCEMENT_STEP_LABELS[row.suggestedStep][locale] })}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: t('enforcement.cases.status'), key: 'status', width: 100, render: (_: unknown, row) => <CaseStatusTag status={row.status} locale={locale} /> },
    {
      title: t('enforcement.cases.round'),
      key: 'round',
      width: 90,
      render: (_: unknown, row) =>
        row.roundId ? <Link to={`/rounds/${row.roundId}`}>{t('enforcement.cases.roundYear', { year: row.roundListingYear ?? '' })}</Link> : t('common.empty'),
    },
    { title: label('openedOn', locale), dataIndex: 'openedOn', key: 'openedOn', width: 110, sorter: true, sortOrder: sortOrderOf(state.sort, 'openedOn') },
    {
      title: t('enforcement.cases.decision'),
      key: 'decidedOn',
      dataIndex: 'decidedOn',
      width: 170,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'decidedOn'),
      render: (_: unknown, row) =>
        row.decisionNo ? (
          <div className="cell-2">
            <span>{row.decisionNo}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.decidedOn}
            </Typography.Text>
          </div>
        ) : (
          t('common.empty')
        ),
    },
    ...(can('enforcement.manage')
      ? [
          {
            title: t('enforcement.cases.actions'),
            key: 'actions',
            width: 190,
            fixed: 'right' as const,
            render: (_: unknown, row: EnforcementCase) => (
              <Space size={0} wrap>
                {row.abilities.edit && (
                  <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(row)}>
                    {t('enforcement.cases.edit')}
                  </Button>
                )}
                {row.abilities.decide && (
                  <Button type="link" size="small" icon={<CheckCircleOutlined />} onClick={() => setDeciding(row)}>
                    {t('enforcement.cases.decide')}
                  </Button>
                )}
                {row.abilities.close && (
                  <Button type="link" size="small" icon={<FileDoneOutlined />} onClick={() => setClosing(row)}>
                    {t('enforcement.cases.close')}
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
      districtCode: isCity ? v.districtCode : undefined,
      violationType: v.violationType,
      status: v.status,
      year: v.year ? String(v.year) : undefined,
      keyword: v.keyword?.trim() || undefined,
    });

  return (
    <EnforcementFrame
      extra={
        can('enforcement.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('enforcement.cases.create')}
          </Button>
        )
      }
    >
      <Card className="filter-card">
        <Form<Filters> form={form} name="caseFilter" onFinish={submit} labelCol={{ flex: locale === 'zh-CN' ? '80px' : '110px' }} wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }}>
          <Row gutter={16}>
            {isCity && (
              <Col xs={24} md={12} xl={6}>
                <Form.Item name="districtCode" label={label('districtCode', locale)}>
                  <Select allowClear showSearch optionFilterProp="label" options={ref.districts} placeholder={t('enterprise.districtPlaceholder')} aria-label={label('districtCode', locale)} />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="violationType" label={label('violationType', locale)}>
                <Select allowClear aria-label={label('violationType', locale)} options={VIOLATION_TYPES.map((v) => ({ value: v, label: VIOLATION_TYPE_LABELS[v][locale] }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="status" label={t('enforcement.cases.status')}>
                <Select allowClear aria-label={t('enforcement.cases.status')} options={CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s][locale] }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="year" label={label('year', locale)}>
                <InputNumber style={{ width: '100%' }} min={2000} max={2100} precision={0} placeholder={t('enforcement.cases.yearPlaceholder')} aria-label={label('year', locale)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="keyword" label={label('keyword', locale)}>
                <Input allowClear placeholder={t('enforcement.cases.keywordPlaceholder')} aria-label={label('keyword', locale)} />
              </Form.Item>
            </Col>
            <Col flex="auto" style={{ textAlign: 'right', marginBottom: 16 }}>
              <FilterButtons onReset={() => { form.resetFields(); setFilters({}); }} />
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<EnforcementCase>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1300 }}
            onChange={(p, _f, sorter, extra) => {
              if (extra.action === 'paginate') setPage(p.current ?? 1, p.pageSize ?? state.pageSize);
              if (extra.action === 'sort' && !Array.isArray(sorter)) setSort(sortValueOf(sorter.columnKey, sorter.order));
            }}
            locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('enforcement.cases.empty')} /> }}
            pagination={listPagination(state, list.data?.total, t)}
          />
        )}
      </Card>
      <CaseFormModal open={creating || editing !== null} editing={editing} onClose={() => { setCreating(false); setEditing(null); }} />
      <DecideModal target={deciding} onClose={() => setDeciding(null)} />
      <CloseModal target={closing} onClose={() => setClosing(null)} />
    </EnforcementFrame>
  );
}
