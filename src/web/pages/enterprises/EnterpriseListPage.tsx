import { Button, Card, Empty, Table, Tag, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { ENTERPRISE_SORTS, type Enterprise } from '../../../shared/contracts/enterprises';
import { enterpriseApi } from '../../api/endpoints';
import { useReferenceLookup } from '../../app/reference';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { PageContainer } from '../../components/PageContainer';
import { PAGE_SIZES, sortOrderOf, sortValueOf, useListState } from '../../components/urlQuery';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';
import { EnterpriseFilters } from './EnterpriseFilters';

const FILTER_KEYS = ['districtCode', 'industryCode', 'keyIndustryCode', 'keyword'] as const;
const SORTS = ENTERPRISE_SORTS.flatMap((s) => [s, `-${s}`]);

/** 企业名录: filters, server-side sorting and paging, all kept in the URL. */
export default function EnterpriseListPage() {
  const { t, locale } = useT();
  const { user, can } = useSignedIn();
  const ref = useReferenceLookup();
  const navigate = useNavigate();
  const { state, setFilters, setPage, setSort } = useListState(FILTER_KEYS, SORTS);
  const fixedDistrict = user.role === 'district_staff' ? user.org.districtCode : null;

  const query = {
    page: state.page,
    pageSize: state.pageSize,
    sort: (state.sort ?? 'name'),
    ...state.filters,
    districtCode: fixedDistrict ? undefined : state.filters.districtCode,
  };
  const list = useQuery({
    queryKey: ['enterprises', query],
    queryFn: () => enterpriseApi.list(query),
    placeholderData: keepPreviousData,
  });

  const sorter = (field: string) => ({ sorter: true, sortOrder: sortOrderOf(state.sort ?? 'name', field) });
  const columns: TableProps<Enterprise>['columns'] = [
    {
      title: label('name', locale),
      key: 'name',
      dataIndex: 'name',
      ...sorter('name'),
      width: 230,
      render: (name: string, row) => <Link to={`/enterprises/${row.id}`}>{name}</Link>,
    },
    {
      title: label('creditCode', locale),
      key: 'creditCode',
      dataIndex: 'creditCode',
      ...sorter('creditCode'),
      width: 172,
      render: (code: string) => <span className="mono">{code}</span>,
    },
    {
      title: label('districtCode', locale),
      key: 'districtCode',
      dataIndex: 'districtCode',
      ...sorter('districtCode'),
      width: 104,
      render: (code: string, row) => ref.districtName(code, row.districtName),
    },
    {
      title: label('industryCode', locale),
      key: 'industryCode',
      dataIndex: 'industryCode',
      ...sorter('industryCode'),
      ellipsis: true,
      render: (code: string, row) => `${code} ${ref.industryName(code, row.industryName)}`,
    },
    {
      title: label('keyIndustryCode', locale),
      key: 'keyIndustryCode',
      dataIndex: 'keyIndustryCode',
      width: 104,
      render: (code: string | null, row) =>
        code ? (
          <Tag color="geekblue" bordered={false} className="tag-ellipsis" title={ref.keyIndustryName(code, row.keyIndustryName)}>
            {ref.keyIndustryName(code, row.keyIndustryName)}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
        ),
    },
    {
      title: t('enterprise.contact'),
      key: 'contact',
      width: 128,
      render: (_: unknown, row) => (
        <div className="cell-2">
          <div>{row.contactName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.contactPhone}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('enterprise.updatedAt'),
      key: 'updatedAt',
      dataIndex: 'updatedAt',
      ...sorter('updatedAt'),
      width: 144,
      render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm'),
    },
  ];

  const onChange: TableProps<Enterprise>['onChange'] = (pagination, _filters, sorterInfo, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorterInfo) ? sorterInfo[0] : sorterInfo;
      setSort(sortValueOf(s?.columnKey, s?.order));
    } else if (extra.action === 'paginate') {
      setPage(pagination.current ?? 1, pagination.pageSize ?? state.pageSize);
    }
  };

  return (
    <PageContainer
      title={t('enterprise.listTitle')}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('enterprise.listTitle') }]}
      extra={
        can('enterprise.create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/enterprises/new')}>
            {t('enterprise.create')}
          </Button>
        )
      }
    >
      <EnterpriseFilters values={state.filters} fixedDistrict={fixedDistrict} onSearch={setFilters} />
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Enterprise>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            onChange={onChange}
            scroll={{ x: 1000 }}
            locale={{
              emptyText: list.isPending ? ' ' : (
                <Empty description={t('enterprise.empty')} data-testid="enterprise-empty">
                  <Typography.Text type="secondary">{t('enterprise.emptyHint')}</Typography.Text>
                </Empty>
              ),
            }}
            pagination={{
              current: state.page,
              pageSize: state.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES.map(String),
              showQuickJumper: true,
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
