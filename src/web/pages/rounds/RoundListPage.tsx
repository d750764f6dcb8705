import { useEffect } from 'react';
import { Card, Col, Empty, Form, Input, Row, Select, Table, Typography, type TableProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ROUND_SORTS, type Round, type RoundListQuery } from '../../../shared/contracts/rounds';
import { ROUND_STATES, type RoundState } from '../../../shared/domain/roundStates';
import { campaignApi, roundApi } from '../../api/endpoints';
import { useReferenceLookup } from '../../app/reference';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { PageContainer } from '../../components/PageContainer';
import { sortOrderOf, sortValueOf, useListState } from '../../components/urlQuery';
import { FilterButtons, listPagination } from '../../components/listParts';
import { useT } from '../../i18n';
import { label, stateLabel } from '../../i18n/labels';
import { DaysLeft, ReasonTags, StateTag } from './roundUi';
import { DRILL_KEYS, DrillFilterTags, drillFiltersOf, drillQueryOf } from './DrillFilterTags';

const FILTER_KEYS = ['campaignId', 'districtCode', 'state', 'keyword', 'due', 'waitingForMe', ...DRILL_KEYS] as const;
const SORTS = ROUND_SORTS.flatMap((s) => [s, `-${s}`]);
const DUE_CHOICES = ['7', '30', '90', 'overdue'] as const;

type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

const isState = (v: string | undefined): v is RoundState => (ROUND_STATES as readonly (string | undefined)[]).includes(v);

/** The URL's filters → the API query ('due' is either N days or 'overdue'). */
export function roundQueryOf(filters: Filters): Partial<RoundListQuery> {
  const due = filters.due;
  return {
    campaignId: filters.campaignId,
    districtCode: filters.districtCode,
    state: isState(filters.state) ? filters.state : undefined,
    keyword: filters.keyword,
    overdue: due === 'overdue' ? 'true' : undefined,
    dueWithinDays: due && due !== 'overdue' && /^\d+$/.test(due) ? Number(due) : undefined,
    waitingForMe: filters.waitingForMe === 'true' || filters.waitingForMe === 'false' ? filters.waitingForMe : undefined,
    ...drillQueryOf(filters),
  };
}

/** 审核轮次: rounds in my scope with their next deadline; filters, sort and page kept in the URL. */
export default function RoundListPage() {
  const { t, locale } = useT();
  const { user, can } = useSignedIn();
  const ref = useReferenceLookup();
  const { state, setFilters, setPage, setSort } = useListState(FILTER_KEYS, SORTS);
  const [form] = Form.useForm<Filters>();
  const isCity = user.role === 'city_admin' || user.role === 'city_staff';
  const campaigns = useQuery({
    queryKey: ['campaigns', 'all'],
    queryFn: () => campaignApi.list({ pageSize: 100 }),
    enabled: can('campaign.read'),
  });

  const sort = state.sort ?? 'nextDueOn';
  const query = {
    page: state.page,
    pageSize: state.pageSize,
    sort: sort,
    ...roundQueryOf({ ...state.filters, districtCode: isCity ? state.filters.districtCode : undefined }),
  };
  const list = useQuery({ queryKey: ['rounds', query], queryFn: () => roundApi.list(query), placeholderData: keepPreviousData });

  const f = state.filters;
  useEffect(() => {
    form.setFieldsValue({ campaignId: f.campaignId, districtCode: f.districtCode, state: f.state, keyword: f.keyword, due: f.due, waitingForMe: f.waitingForMe });
  }, [form, f.campaignId, f.districtCode, f.state, f.keyword, f.due, f.waitingForMe]);

  const sorter = (field: string) => ({ sorter: true, sortOrder: sortOrderOf(sort, field) });
  const columns: TableProps<Round>['columns'] = [
    {
      title: t('round.enterprise'),
      key: 'enterpriseName',
      dataIndex: 'enterpriseName',
      ...sorter('enterpriseName'),
      width: 240,
      render: (name: string, row) => (
        <div className="cell-2">
          <Link to={`/rounds/${row.id}`}>{name}</Link>
          <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
            {row.creditCode}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: label('districtCode', locale),
      key: 'districtCode',
      dataIndex: 'districtCode',
      ...sorter('districtCode'),
      width: 100,
      render: (code: string, row) => ref.districtName(code, row.districtName),
    },
    { title: label('listingYear', locale), key: 'listingYear', dataIndex: 'listingYear', ...sorter('listingYear'), width: 100 },
    { title: label('reasons', locale), key: 'reasons', width: 170, render: (_: unknown, row) => <ReasonTags reasons={row.reasons} /> },
    {
      title: label('state', locale),
      key: 'state',
      dataIndex: 'state',
      ...sorter('state'),
      width: 170,
      render: (s: RoundState) => <StateTag state={s} />,
    },
    {
      title: t('round.nextDeadline'),
      key: 'nextDueOn',
      ...sorter('nextDueOn'),
      width: 190,
      render: (_: unknown, row) =>
        row.nextDeadline ? (
          <div className="cell-2">
            <span>
              {t(`round.deadlineKinds.${row.nextDeadline.kind}`)} · {row.nextDeadline.due}
            </span>
            <DaysLeft days={row.nextDeadline.daysLeft} />
          </div>
        ) : (
          <Typography.Text type="secondary">{t('round.noDeadline')}</Typography.Text>
        ),
    },
  ];

  const onChange: TableProps<Round>['onChange'] = (pagination, _filters, sorterInfo, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorterInfo) ? sorterInfo[0] : sorterInfo;
      setSort(sortValueOf(s?.columnKey, s?.order));
    } else if (extra.action === 'paginate') {
      setPage(pagination.current ?? 1, pagination.pageSize ?? state.pageSize);
    }
  };

  const submit = (v: Filters) =>
    setFilters({
      campaignId: v.campaignId,
      districtCode: isCity ? v.districtCode : undefined,
      state: v.state,
      keyword: v.keyword?.trim() || undefined,
      due: v.due,
      waitingForMe: v.waitingForMe,
      ...drillFiltersOf(state.filters),
    });

  return (
    <PageContainer title={t('round.title')} breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('round.title') }]}>
      <Card className="filter-card">
        <Form<Filters>
          form={form}
          name="roundFilter"
          onFinish={submit}
          labelCol={{ flex: locale === 'zh-CN' ? '76px' : '96px' }}
          wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="campaignId" label={label('listingYear', locale)}>
                <Select
                  allowClear
                  aria-label={label('listingYear', locale)}
                  placeholder={t('round.campaignPlaceholder')}
                  options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: String(c.year) }))}
                />
              </Form.Item>
            </Col>
            {isCity && (
              <Col xs={24} md={12} xl={8}>
                <Form.Item name="districtCode" label={label('districtCode', locale)}>
                  <Select
                    allowClear
                    showSearch
                    optionFilterProp="label"
                    aria-label={label('districtCode', locale)}
                    placeholder={t('enterprise.districtPlaceholder')}
                    options={ref.districts}
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="state" label={label('state', locale)}>
                <Select
                  allowClear
                  aria-label={label('state', locale)}
                  placeholder={t('round.statePlaceholder')}
                  popupMatchSelectWidth={280}
                  options={ROUND_STATES.map((s) => ({ value: s, label: stateLabel(s, locale) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="due" label={t('round.due')}>
                <Select
                  allowClear
                  aria-label={t('round.due')}
                  placeholder={t('round.dueAll')}
                  options={DUE_CHOICES.map((d) => ({
                    value: d,
                    label: d === 'overdue' ? t('round.overdueOnly') : t('round.dueWithin', { n: d }),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="waitingForMe" label={t('material.roundList.waitingForMe')}>
                <Select
                  allowClear
                  aria-label={t('material.roundList.waitingForMe')}
                  placeholder={t('round.dueAll')}
                  options={[
                    { value: 'true', label: t('material.roundList.waitingOnly') },
                    { value: 'false', label: t('material.roundList.waitingOthers') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="keyword" label={label('keyword', locale)}>
                <Input allowClear aria-label={label('keyword', locale)} placeholder={t('round.keywordPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={isCity ? 24 : 12} xl={isCity ? 24 : 8} style={{ textAlign: 'right', marginBottom: 16 }}>
              <FilterButtons onReset={() => { form.resetFields(); setFilters({}); }} />
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        <DrillFilterTags filters={state.filters} onChange={(drill) => setFilters({ ...state.filters, ...Object.fromEntries(DRILL_KEYS.map((k) => [k, drill[k]])) })} />
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Round>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            onChange={onChange}
            scroll={{ x: 980 }}
            locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('round.empty')} /> }}
            pagination={listPagination(state, list.data?.total, t)}
          />
        )}
      </Card>
    </PageContainer>
  );
}
