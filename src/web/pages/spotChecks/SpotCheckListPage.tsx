import { useState } from 'react';
import { Button, Card, Col, Empty, Form, InputNumber, Row, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { SpotCheckSummary } from '../../../shared/contracts/spotChecks';
import { SPOT_CHECK_STATUSES } from '../../../shared/domain/spotChecks';
import { spotCheckApi } from '../../api/spotCheckEndpoints';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { FilterButtons, listPagination } from '../../components/listParts';
import { PageContainer } from '../../components/PageContainer';
import { useListState } from '../../components/urlQuery';
import { useT } from '../../i18n';
import { CreateSpotCheckModal } from './CreateSpotCheckModal';
import { SampleText, StatusTag } from './spotCheckParts';

const FILTER_KEYS = ['year', 'status'] as const;
const NO_SORTS: readonly string[] = [];

/** 抽查: the city's spot checks (a district: those sampling its rounds), newest year first. */
export default function SpotCheckListPage() {
  const { t } = useT();
  const { can } = useSignedIn();
  const [creating, setCreating] = useState(false);
  const { state, setFilters, setPage } = useListState(FILTER_KEYS, NO_SORTS);
  const [form] = Form.useForm<{ year?: number; status?: string }>();
  const f = state.filters;
  const year = f.year && /^\d{4}$/.test(f.year) ? Number(f.year) : undefined;
  const status = SPOT_CHECK_STATUSES.find((s) => s === f.status);
  const query = { page: state.page, pageSize: state.pageSize, year, status };
  const list = useQuery({ queryKey: ['spotChecks', 'list', query], queryFn: () => spotCheckApi.list(query), placeholderData: keepPreviousData });

  const columns: TableProps<SpotCheckSummary>['columns'] = [
    { title: t('spotChecks.columns.year'), dataIndex: 'year', key: 'year', width: 100 },
    { title: t('spotChecks.columns.title'), key: 'title', render: (_: unknown, row) => <Link to={`/spot-checks/${row.id}`}>{row.title}</Link> },
    { title: t('spotChecks.columns.status'), key: 'status', width: 100, render: (_: unknown, row) => <StatusTag status={row.status} /> },
    { title: t('spotChecks.columns.sample'), key: 'sample', width: 220, render: (_: unknown, row) => <SampleText row={row} /> },
    { title: t('spotChecks.columns.population'), dataIndex: 'populationSize', key: 'population', width: 110 },
    { title: t('spotChecks.columns.items'), dataIndex: 'itemCount', key: 'items', width: 90 },
    { title: t('spotChecks.columns.pending'), dataIndex: 'pendingCount', key: 'pending', width: 90 },
    {
      title: t('spotChecks.columns.problems'),
      dataIndex: 'problemCount',
      key: 'problems',
      width: 100,
      render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n),
    },
    { title: t('spotChecks.columns.noticeNo'), dataIndex: 'noticeNo', key: 'noticeNo', width: 180, render: (v: string | null) => v ?? t('common.empty') },
  ];

  return (
    <PageContainer
      title={t('spotChecks.listTitle')}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('spotChecks.listTitle') }]}
      extra={
        can('spotCheck.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="spot-check-create">
            {t('spotChecks.create')}
          </Button>
        )
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ year, status }}
          onFinish={(v) => setFilters({ year: v.year ? String(v.year) : undefined, status: v.status })}
        >
          <Row gutter={16} align="bottom">
            <Col xs={24} md={8}>
              <Form.Item name="year" label={t('spotChecks.columns.year')}>
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} aria-label={t('spotChecks.columns.year')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="status" label={t('spotChecks.columns.status')}>
                <Select
                  allowClear
                  aria-label={t('spotChecks.columns.status')}
                  placeholder={t('common.all')}
                  options={SPOT_CHECK_STATUSES.map((s) => ({ value: s, label: t(`spotChecks.statuses.${s}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item>
                <FilterButtons
                  onReset={() => {
                    form.resetFields();
                    form.setFieldsValue({ year: undefined, status: undefined });
                    setFilters({});
                  }}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<SpotCheckSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            pagination={listPagination(state, list.data?.total, t)}
            onChange={(p) => setPage(p.current ?? 1, p.pageSize ?? state.pageSize)}
            scroll={{ x: 1100 }}
            locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('spotChecks.empty')} /> }}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('spotChecks.detail.whoRecords')}
        </Typography.Paragraph>
      </Card>
      {creating && <CreateSpotCheckModal onClose={() => setCreating(false)} />}
    </PageContainer>
  );
}
