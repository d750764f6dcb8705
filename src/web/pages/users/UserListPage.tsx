import { useEffect, useState } from 'react';
import { App, Badge, Button, Card, Col, Divider, Form, Input, Popconfirm, Row, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { USER_SORTS } from '../../../shared/contracts/users';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { userApi, type UserRow } from '../../api/endpoints';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { PageContainer } from '../../components/PageContainer';
import { sortOrderOf, sortValueOf, useListState } from '../../components/urlQuery';
import { FilterButtons, listPagination } from '../../components/listParts';
import { useT } from '../../i18n';
import { label, roleLabel } from '../../i18n/labels';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';

const FILTER_KEYS = ['role', 'status', 'keyword'] as const;
const SORTS = USER_SORTS.flatMap((s) => [s, `-${s}`]);
type Filters = { role?: Role; status?: 'active' | 'disabled'; keyword?: string };

/** 用户管理 (city administrators). */
export default function UserListPage() {
  const { t, locale } = useT();
  const { user: me } = useSignedIn();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { state, setFilters, setPage, setSort } = useListState(FILTER_KEYS, SORTS);
  const [form] = Form.useForm<Filters>();
  const [editing, setEditing] = useState<{ open: boolean; user?: UserRow }>({ open: false });
  const [resetting, setResetting] = useState<UserRow | undefined>();

  const filters = state.filters as Filters;
  useEffect(() => form.setFieldsValue(filters), [form, filters]);

  const query = { page: state.page, pageSize: state.pageSize, sort: (state.sort ?? 'username'), ...filters };
  const list = useQuery({ queryKey: ['users', query], queryFn: () => userApi.list(query), placeholderData: keepPreviousData });

  const toggle = async (row: UserRow) => {
    try {
      await userApi.update(row.id, { disabled: !row.disabled });
      void message.success(row.disabled ? t('user.enabledDone') : t('user.disabledDone'));
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const sorter = (field: string) => ({ sorter: true, sortOrder: sortOrderOf(state.sort ?? 'username', field) });
  const columns: TableProps<UserRow>['columns'] = [
    {
      title: t('user.user'),
      key: 'username',
      dataIndex: 'username',
      ...sorter('username'),
      width: 150,
      render: (v: string, row) => (
        <div className="cell-2">
          <div>{row.displayName}</div>
          <Space size={4}>
            <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
              {v}
            </Typography.Text>
            {row.id === me.id && (
              <Tag color="gold" bordered={false} style={{ fontSize: 11, lineHeight: '16px', paddingInline: 4 }}>
                {t('user.self')}
              </Tag>
            )}
          </Space>
        </div>
      ),
    },
    {
      title: t('user.roleOrg'),
      key: 'role',
      dataIndex: 'role',
      ...sorter('role'),
      render: (r: Role, row) => (
        <div className="cell-2">
          <Tag color="blue" bordered={false} className="tag-ellipsis" title={roleLabel(t, r)}>
            {roleLabel(t, r)}
          </Tag>
          <Typography.Text type="secondary" ellipsis={{ tooltip: row.orgName }} style={{ fontSize: 12, marginTop: 2 }}>
            {row.orgName}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: `${label('email', locale)} / ${label('phone', locale)}`,
      key: 'contact',
      width: 196,
      render: (_: unknown, row) => (
        <div className="cell-2">
          <Typography.Text ellipsis={{ tooltip: row.email }}>{row.email ?? t('common.empty')}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.phone ?? ''}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('user.status'),
      key: 'status',
      width: 88,
      render: (_: unknown, row) => (
        <div className="cell-2">
          <Badge status={row.disabled ? 'default' : 'success'} text={row.disabled ? t('user.disabled') : t('user.active')} />
          {row.mustChangePassword && !row.disabled && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('user.mustChange')}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('user.lastLogin'),
      key: 'lastLoginAt',
      dataIndex: 'lastLoginAt',
      ...sorter('lastLoginAt'),
      width: 144,
      render: (v: string | null) =>
        v ? dayjs(v).format('YYYY-MM-DD HH:mm') : <Typography.Text type="secondary">{t('user.never')}</Typography.Text>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: locale === 'zh-CN' ? 172 : 236,
      render: (_: unknown, row) => (
        <Space split={<Divider type="vertical" />} size={0}>
          <Typography.Link onClick={() => setEditing({ open: true, user: row })}>{t('common.edit')}</Typography.Link>
          {row.id !== me.id && (
            <Popconfirm
              title={row.disabled ? t('user.enableConfirm', { name: row.displayName }) : t('user.disableConfirm', { name: row.displayName })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: !row.disabled }}
              onConfirm={() => toggle(row)}
            >
              <Typography.Link type={row.disabled ? undefined : 'danger'}>{row.disabled ? t('user.enable') : t('user.disable')}</Typography.Link>
            </Popconfirm>
          )}
          <Typography.Link onClick={() => setResetting(row)}>{t('user.resetPassword')}</Typography.Link>
        </Space>
      ),
    },
  ];

  const onChange: TableProps<UserRow>['onChange'] = (pagination, _f, sorterInfo, extra) => {
    const s = Array.isArray(sorterInfo) ? sorterInfo[0] : sorterInfo;
    if (extra.action === 'sort') setSort(sortValueOf(s?.columnKey, s?.order));
    else if (extra.action === 'paginate') setPage(pagination.current ?? 1, pagination.pageSize ?? state.pageSize);
  };

  return (
    <PageContainer
      title={t('user.title')}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('menu.system') }, { title: t('user.title') }]}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true })}>
          {t('user.create')}
        </Button>
      }
    >
      <Card className="filter-card">
        <Form<Filters> form={form} name="userFilter" onFinish={(v) => setFilters({ ...v, keyword: v.keyword?.trim() || undefined })}>
          <Row gutter={16}>
            <Col xs={24} md={8} xl={5}>
              <Form.Item name="role" label={label('role', locale)}>
                <Select allowClear placeholder={t('user.rolePlaceholder')} options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={5}>
              <Form.Item name="status" label={t('user.status')}>
                <Select
                  allowClear
                  placeholder={t('user.statusPlaceholder')}
                  options={[
                    { value: 'active', label: t('user.active') },
                    { value: 'disabled', label: t('user.disabled') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={8}>
              <Form.Item name="keyword" label={label('keyword', locale)}>
                <Input allowClear placeholder={t('user.keywordPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} xl={6} style={{ textAlign: 'right', marginBottom: 16 }}>
              <FilterButtons onReset={() => { form.resetFields(); setFilters({}); }} />
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<UserRow>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            onChange={onChange}
            scroll={{ x: 1000 }}
            pagination={listPagination(state, list.data?.total, t)}
          />
        )}
      </Card>
      <UserFormModal
        open={editing.open}
        user={editing.user}
        onClose={() => setEditing((e) => ({ ...e, open: false }))}
        onSaved={() => {
          setEditing((e) => ({ ...e, open: false }));
          void queryClient.invalidateQueries({ queryKey: ['users'] });
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(undefined)} />
    </PageContainer>
  );
}
