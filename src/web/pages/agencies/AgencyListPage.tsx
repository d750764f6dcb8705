import { useEffect, useState } from 'react';
import { Button, Card, Col, Empty, Form, Input, Row, Select, Table, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { AGENCY_SORTS, type AgencyListItem } from '../../../shared/contracts/agencies';
import { AGENCY_STATUSES, type AgencyStatus } from '../../../shared/domain/agencies';
import { agencyApi } from '../../api/agencyEndpoints';
import { useReferenceLookup } from '../../app/reference';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { FilterButtons, listPagination } from '../../components/listParts';
import { PageContainer } from '../../components/PageContainer';
import { sortOrderOf, sortValueOf, useListState } from '../../components/urlQuery';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';
import { AgencyFormModal, MetricTitle, metricText, StatusTag } from './agencyParts';

const FILTER_KEYS = ['keyword', 'status', 'districtCode', 'year'] as const;
const SORTS = AGENCY_SORTS.flatMap((s) => [s, `-${s}`]);
type Filters = { keyword?: string; status?: string; districtCode?: string; year?: string };

/** 咨询服务机构: the city's agencies with status and performance figures; filters, sort and page in the URL. */
export default function AgencyListPage() {
  const { t, locale } = useT();
  const { can } = useSignedIn();
  const ref = useReferenceLookup();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<Filters>();
  const { state, setFilters, setPage, setSort } = useListState(FILTER_KEYS, SORTS);
  const f = state.filters;
  const year = f.year && /^\d{4}$/.test(f.year) ? Number(f.year) : undefined;
  const status = (AGENCY_STATUSES as readonly string[]).includes(f.status ?? '') ? (f.status as AgencyStatus) : undefined;
  const sort = state.sort ?? 'name';
  const query = { page: state.page, pageSize: state.pageSize, sort, keyword: f.keyword, status, districtCode: f.districtCode, year };
  const list = useQuery({ queryKey: ['agencies', 'list', query], queryFn: () => agencyApi.list(query), placeholderData: keepPreviousData });

  useEffect(() => {
    form.setFieldsValue({ keyword: f.keyword, status: f.status, districtCode: f.districtCode, year: f.year });
  }, [form, f.keyword, f.status, f.districtCode, f.year]);

  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2016 }, (_, i) => String(thisYear - i));
  const none = t('agencies.performance.none');
  const sorter = (field: string) => ({ sorter: true, sortOrder: sortOrderOf(sort, field) });

  const columns: TableProps<AgencyListItem>['columns'] = [
    {
      title: t('agencies.list.name'),
      key: 'name',
      ...sorter('name'),
      width: 260,
      render: (_: unknown, row) => (
        <div className="cell-2">
          <Link to={`/agencies/${row.id}`}>{row.name}</Link>
          <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
            {row.creditCode ?? none}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('agencies.list.status'), key: 'status', ...sorter('status'), width: 110, render: (_: unknown, row) => <StatusTag status={row.status} /> },
    {
      title: <MetricTitle metric="roundsServed" text={t('agencies.list.roundsServed')} />,
      key: 'roundsServed',
      ...sorter('roundsServed'),
      width: 120,
      align: 'right',
      render: (_: unknown, row) => metricText(row.metrics, 'roundsServed', none),
    },
    {
      title: <MetricTitle metric="firstPassRate" text={t('agencies.list.firstPassRate')} />,
      key: 'firstPassRate',
      width: 150,
      align: 'right',
      render: (_: unknown, row) => metricText(row.metrics, 'firstPassRate', none),
    },
    {
      title: <MetricTitle metric="averageEvaluationScore" text={t('agencies.list.averageEvaluationScore')} />,
      key: 'averageEvaluationScore',
      width: 120,
      align: 'right',
      render: (_: unknown, row) => metricText(row.metrics, 'averageEvaluationScore', none),
    },
    {
      title: <MetricTitle metric="returnsForCorrection" text={t('agencies.list.returns')} />,
      key: 'returns',
      width: 110,
      align: 'right',
      render: (_: unknown, row) => metricText(row.metrics, 'returnsForCorrection', none),
    },
    {
      title: <MetricTitle metric="overdueRounds" text={t('agencies.list.overdue')} />,
      key: 'overdue',
      width: 90,
      align: 'right',
      render: (_: unknown, row) =>
        row.metrics.overdueRounds > 0 ? <Typography.Text type="danger">{row.metrics.overdueRounds}</Typography.Text> : '0',
    },
    {
      title: t('agencies.list.rating'),
      key: 'averageRating',
      ...sorter('averageRating'),
      width: 130,
      render: (_: unknown, row) =>
        row.averageRating === null ? none : t('agencies.list.ratingValue', { value: row.averageRating.toFixed(1), count: row.feedbackCount }),
    },
  ];

  const onChange: TableProps<AgencyListItem>['onChange'] = (pagination, _filters, sorterInfo, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorterInfo) ? sorterInfo[0] : sorterInfo;
      setSort(sortValueOf(s?.columnKey, s?.order));
    } else if (extra.action === 'paginate') {
      setPage(pagination.current ?? 1, pagination.pageSize ?? state.pageSize);
    }
  };

  return (
    <PageContainer
      title={t('agencies.list.title')}
      subTitle={t('agencies.list.subtitle')}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('agencies.list.title') }]}
      extra={
        can('agency.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="agency-create">
            {t('agencies.list.create')}
          </Button>
        )
      }
    >
      <Card className="filter-card">
        <Form<Filters>
          form={form}
          name="agencyFilter"
          onFinish={(v) => setFilters({ keyword: v.keyword?.trim() || undefined, status: v.status, districtCode: v.districtCode, year: v.year })}
          labelCol={{ flex: locale === 'zh-CN' ? '76px' : '120px' }}
          wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="keyword" label={label('keyword', locale)}>
                <Input allowClear placeholder={t('agencies.list.keyword')} aria-label={label('keyword', locale)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="status" label={t('agencies.list.status')}>
                <Select
                  allowClear
                  placeholder={t('common.all')}
                  aria-label={t('agencies.list.status')}
                  options={AGENCY_STATUSES.map((s) => ({ value: s, label: t(`agencies.statuses.${s}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="districtCode" label={t('agencies.list.district')}>
                <Select allowClear showSearch optionFilterProp="label" placeholder={t('common.all')} options={ref.districts} aria-label={t('agencies.list.district')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="year" label={t('agencies.list.year')}>
                <Select allowClear placeholder={t('agencies.list.yearAll')} options={years.map((y) => ({ value: y, label: y }))} aria-label={t('agencies.list.year')} />
              </Form.Item>
            </Col>
            <Col span={24} style={{ textAlign: 'right' }}>
              <FilterButtons
                onReset={() => {
                  form.resetFields();
                  setFilters({});
                }}
              />
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<AgencyListItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            onChange={onChange}
            scroll={{ x: 1100 }}
            locale={{
              emptyText: list.isPending ? ' ' : (
                <Empty description={t('agencies.list.empty')}>
                  <Typography.Text type="secondary">{t('agencies.list.emptyHint')}</Typography.Text>
                </Empty>
              ),
            }}
            pagination={listPagination(state, list.data?.total, t)}
          />
        )}
      </Card>
      <AgencyFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          setCreating(false);
          void navigate(`/agencies/${saved.id}`);
        }}
      />
    </PageContainer>
  );
}
