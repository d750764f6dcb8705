import { useEffect } from 'react';
import { Button, Card, Col, Empty, Form, Input, Row, Table, Typography, type TableProps } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PublicDishonestItem } from '../../../shared/contracts/agencies';
import { agencyApi } from '../../api/agencyEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { listPagination } from '../../components/listParts';
import { PageContainer } from '../../components/PageContainer';
import { useListState } from '../../components/urlQuery';
import { useT } from '../../i18n';

const FILTER_KEYS = ['keyword'] as const;
const NO_SORTS: readonly string[] = [];

/** 失信名单: consulting agencies the city put on the dishonesty list (public, no sign-in). */
export default function PortalDishonestPage() {
  const { t } = useT();
  const [form] = Form.useForm<{ keyword?: string }>();
  const { state, setFilters, setPage } = useListState(FILTER_KEYS, NO_SORTS);
  const query = { page: state.page, pageSize: state.pageSize, keyword: state.filters.keyword };
  const list = useQuery({
    queryKey: ['portal', 'dishonest-agencies', query],
    queryFn: () => agencyApi.publicDishonest(query),
    placeholderData: keepPreviousData,
  });
  useEffect(() => form.setFieldsValue({ keyword: state.filters.keyword }), [form, state.filters.keyword]);

  const columns: TableProps<PublicDishonestItem>['columns'] = [
    { title: t('portal.columns.no'), key: 'no', width: 64, render: (_: unknown, __: PublicDishonestItem, i: number) => (state.page - 1) * state.pageSize + i + 1 },
    { title: t('agencies.portal.name'), dataIndex: 'name', key: 'name', width: 260 },
    {
      title: t('agencies.portal.creditCode'),
      dataIndex: 'creditCode',
      key: 'creditCode',
      width: 190,
      render: (v: string | null) => (v ? <span className="mono">{v}</span> : t('common.empty')),
    },
    { title: t('agencies.portal.reason'), dataIndex: 'reason', key: 'reason' },
    { title: t('agencies.portal.decisionNo'), dataIndex: 'decisionNo', key: 'decisionNo', width: 180 },
    { title: t('agencies.portal.decidedOn'), dataIndex: 'decidedOn', key: 'decidedOn', width: 120 },
  ];

  return (
    <PageContainer title={t('agencies.portal.title')} subTitle={t('agencies.portal.subtitle')}>
      <Card className="filter-card">
        <Form form={form} name="dishonestFilter" onFinish={(v) => setFilters({ keyword: v.keyword?.trim() || undefined })}>
          <Row gutter={16}>
            <Col xs={24} md={16} xl={10}>
              <Form.Item name="keyword" label={t('agencies.portal.keyword')}>
                <Input allowClear aria-label={t('agencies.portal.keyword')} />
              </Form.Item>
            </Col>
            <Col>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t('common.search')}
              </Button>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<PublicDishonestItem>
            rowKey={(r) => `${r.name}:${r.decisionNo}`}
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1000 }}
            onChange={(p, _f, _s, extra) => {
              if (extra.action === 'paginate') setPage(p.current ?? 1, p.pageSize ?? state.pageSize);
            }}
            locale={{
              emptyText: list.isPending ? ' ' : <Empty description={<Typography.Text type="secondary">{t('agencies.portal.empty')}</Typography.Text>} />,
            }}
            pagination={listPagination(state, list.data?.total, t)}
          />
        )}
      </Card>
    </PageContainer>
  );
}
