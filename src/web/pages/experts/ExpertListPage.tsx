import { useEffect, useState } from 'react';
import { App, Badge, Button, Card, Col, Divider, Empty, Form, Input, Popconfirm, Row, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import type { Expert, ExpertDetail, ExpertListQuery } from '../../../shared/contracts/experts';
import { EXPERTISE_KINDS, type ExpertiseKind } from '../../../shared/domain/recusal';
import { expertApi } from '../../api/expertEndpoints';
import { useReferenceLookup } from '../../app/reference';
import { ErrorResult } from '../../components/ErrorResult';
import { FilterButtons, listPagination } from '../../components/listParts';
import { PageContainer } from '../../components/PageContainer';
import { sortOrderOf, sortValueOf, useListState } from '../../components/urlQuery';
import { useT } from '../../i18n';
import { DrawSettingsModal, ExpertFormModal, ExpertImportModal, profileValues } from './ExpertModals';
import { useIndustryOptions } from './DrawSection';

const FILTER_KEYS = ['q', 'status', 'expertise', 'industry', 'districtCode'] as const;
const SORTS = ['name', '-name', 'status', '-status', 'updatedAt', '-updatedAt'];
type Filters = { q?: string; status?: 'active' | 'inactive'; expertise?: ExpertiseKind; industry?: string; districtCode?: string };

/** 专家库 (city): filters, sort and pages in SQL; add, edit, deactivate; Excel import and export. */
export default function ExpertListPage() {
  const { t } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const ref = useReferenceLookup();
  const industries = useIndustryOptions();
  const { state, setFilters, setPage, setSort } = useListState(FILTER_KEYS, SORTS);
  const [form] = Form.useForm<Filters>();
  const [editing, setEditing] = useState<{ open: boolean; expert?: ExpertDetail }>({ open: false });
  const [importing, setImporting] = useState(false);
  const [settings, setSettings] = useState(false);
  const filters = state.filters as Filters;
  useEffect(() => form.setFieldsValue(filters), [form, filters]);

  const query: Partial<ExpertListQuery> = { page: state.page, pageSize: state.pageSize, sort: state.sort ?? 'name', ...filters };
  const list = useQuery({ queryKey: ['experts', query], queryFn: () => expertApi.list(query), placeholderData: keepPreviousData });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['experts'] });

  const edit = async (row: Expert) => {
    try {
      setEditing({ open: true, expert: await expertApi.get(row.id) });
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const toggle = async (row: Expert) => {
    try {
      const full = await expertApi.get(row.id);
      await expertApi.update(row.id, { ...profileValues(full), status: row.status === 'active' ? 'inactive' : 'active' });
      void message.success(t('experts.list.saved'));
      await refresh();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const sorter = (field: string) => ({ sorter: true, sortOrder: sortOrderOf(state.sort ?? 'name', field) });
  const columns: TableProps<Expert>['columns'] = [
    {
      title: t('experts.fields.name'),
      key: 'name',
      dataIndex: 'name',
      ...sorter('name'),
      render: (name: string, row) => (
        <div className="cell-2">
          <Link to={`/experts/${row.id}`}>{name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[row.title, row.username].filter(Boolean).join(' · ') || '—'}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('experts.fields.employer'), dataIndex: 'employer', key: 'employer', render: (v: string | null) => v ?? '—' },
    {
      title: t('experts.fields.industries'),
      key: 'industries',
      render: (_, row) => (
        <Space size={4} wrap>
          {row.industries.map((c) => (
            <Tag key={c} title={ref.industryName(c, c)}>
              {c}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('experts.fields.expertise'),
      key: 'expertise',
      render: (_, row) => row.expertise.map((k) => t(`experts.expertise.${k}`)).join('、') || '—',
    },
    { title: t('experts.fields.district'), key: 'district', render: (_, row) => row.districtName ?? '—' },
    {
      title: t('experts.fields.status'),
      key: 'status',
      dataIndex: 'status',
      ...sorter('status'),
      render: (s: 'active' | 'inactive') => <Badge status={s === 'active' ? 'success' : 'default'} text={t(`experts.status.${s}`)} />,
    },
    { title: t('experts.fields.updatedAt'), key: 'updatedAt', dataIndex: 'updatedAt', ...sorter('updatedAt'), render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, row) => (
        <Space split={<Divider type="vertical" />} size={0}>
          <Typography.Link onClick={() => void edit(row)}>{t('experts.list.edit')}</Typography.Link>
          {row.status === 'active' ? (
            <Popconfirm
              title={t('experts.list.deactivateTitle', { name: row.name })}
              description={t('experts.list.deactivateText')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => toggle(row)}
            >
              <Typography.Link type="danger">{t('experts.list.deactivate')}</Typography.Link>
            </Popconfirm>
          ) : (
            <Typography.Link onClick={() => void toggle(row)}>{t('experts.list.activate')}</Typography.Link>
          )}
        </Space>
      ),
    },
  ];

  const onChange: TableProps<Expert>['onChange'] = (pagination, _f, sorterInfo, extra) => {
    const s = Array.isArray(sorterInfo) ? sorterInfo[0] : sorterInfo;
    if (extra.action === 'sort') setSort(sortValueOf(s?.columnKey, s?.order));
    else if (extra.action === 'paginate') setPage(pagination.current ?? 1, pagination.pageSize ?? state.pageSize);
  };

  return (
    <PageContainer
      title={t('experts.list.title')}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('experts.list.title') }]}
      extra={
        <Space wrap>
          <Button icon={<SettingOutlined />} onClick={() => setSettings(true)}>
            {t('experts.list.settings')}
          </Button>
          <Button icon={<DownloadOutlined />} href={expertApi.exportUrl(false)}>
            {t('experts.list.export')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('experts.list.import')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true })}>
            {t('experts.list.add')}
          </Button>
        </Space>
      }
    >
      <Card className="filter-card">
        <Form<Filters> form={form} name="expertFilter" onFinish={(v) => setFilters({ ...v, q: v.q?.trim() || undefined })}>
          <Row gutter={16}>
            <Col xs={24} md={8} xl={5}>
              <Form.Item name="q" label={t('experts.fields.name')}>
                <Input allowClear placeholder={t('experts.list.search')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={4}>
              <Form.Item name="industry" label={t('experts.fields.industries')}>
                <Select allowClear showSearch optionFilterProp="label" options={industries} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={3}>
              <Form.Item name="expertise" label={t('experts.fields.expertise')}>
                <Select allowClear options={EXPERTISE_KINDS.map((k) => ({ value: k, label: t(`experts.expertise.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={3}>
              <Form.Item name="districtCode" label={t('experts.fields.district')}>
                <Select allowClear showSearch optionFilterProp="label" options={ref.districts} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={3}>
              <Form.Item name="status" label={t('experts.fields.status')}>
                <Select allowClear options={(['active', 'inactive'] as const).map((s) => ({ value: s, label: t(`experts.status.${s}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} xl={6} style={{ textAlign: 'right', marginBottom: 16 }}>
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
          <Table<Expert>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            onChange={onChange}
            locale={{ emptyText: <Empty description={t('experts.list.empty')} /> }}
            scroll={{ x: 1000 }}
            pagination={listPagination(state, list.data?.total, t)}
          />
        )}
      </Card>
      <ExpertFormModal
        open={editing.open}
        expert={editing.expert}
        onClose={() => setEditing((e) => ({ ...e, open: false }))}
        onSaved={() => {
          setEditing((e) => ({ ...e, open: false }));
          void message.success(t('experts.list.saved'));
          void refresh();
        }}
      />
      <ExpertImportModal open={importing} onClose={() => setImporting(false)} onCommitted={() => void refresh()} />
      <DrawSettingsModal open={settings} onClose={() => setSettings(false)} />
    </PageContainer>
  );
}
