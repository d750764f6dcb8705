import { useEffect } from 'react';
import { App, Badge, Button, Card, Col, Empty, Form, List, Row, Select, Space, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Notification } from '../../../shared/contracts/notifications';
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, type NotificationKind } from '../../../shared/domain/notificationKinds';
import { notificationApi } from '../../api/endpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { FilterButtons } from '../../components/listParts';
import { PageContainer } from '../../components/PageContainer';
import { PAGE_SIZES, useListState } from '../../components/urlQuery';
import { useT } from '../../i18n';

const FILTER_KEYS = ['unread', 'kind'] as const;
const NO_SORTS: readonly string[] = [];
type Filters = { unread?: string; kind?: string };

const isKind = (v: string | undefined): v is NotificationKind => (NOTIFICATION_KINDS as readonly (string | undefined)[]).includes(v);

/** 我的通知: notifications to me or my organisation, newest first; mark read, open the linked item. */
export default function NotificationsPage() {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { state, setFilters, setPage } = useListState(FILTER_KEYS, NO_SORTS);
  const [form] = Form.useForm<Filters>();
  const f = state.filters;
  const query = {
    page: state.page,
    pageSize: state.pageSize,
    unread: f.unread === 'true' ? ('true' as const) : f.unread === 'false' ? ('false' as const) : undefined,
    kind: isKind(f.kind) ? f.kind : undefined,
  };
  const list = useQuery({ queryKey: ['notifications', 'list', query], queryFn: () => notificationApi.list(query), placeholderData: keepPreviousData });
  useEffect(() => form.setFieldsValue({ unread: f.unread, kind: f.kind }), [form, f.unread, f.kind]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = useMutation({ mutationFn: (id: string) => notificationApi.markRead(id), onSuccess: refresh });
  const markAll = useMutation({
    mutationFn: notificationApi.markAllRead,
    onSuccess: (res) => {
      void message.success(t('portal.notifications.markedAll', { n: res.marked }));
      return refresh();
    },
    onError: (e) => void message.error(e.message),
  });

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
  };

  return (
    <PageContainer
      title={t('portal.notifications.title')}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('portal.notifications.title') }]}
      extra={
        <Button icon={<CheckOutlined />} loading={markAll.isPending} onClick={() => markAll.mutate()} data-testid="mark-all-read">
          {t('portal.notifications.markAll')}
        </Button>
      }
    >
      <Card className="filter-card">
        <Form<Filters> form={form} name="notificationFilter" onFinish={(v) => setFilters({ unread: v.unread, kind: v.kind })}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="unread" label={t('portal.notifications.readState')}>
                <Select
                  allowClear
                  aria-label={t('portal.notifications.readState')}
                  placeholder={t('common.all')}
                  options={[
                    { value: 'true', label: t('portal.notifications.unreadOnly') },
                    { value: 'false', label: t('portal.notifications.readOnly') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="kind" label={t('portal.notifications.kind')}>
                <Select
                  allowClear
                  aria-label={t('portal.notifications.kind')}
                  placeholder={t('common.all')}
                  options={NOTIFICATION_KINDS.map((k) => ({ value: k, label: NOTIFICATION_KIND_LABELS[k][locale] }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} style={{ textAlign: 'right', marginBottom: 16 }}>
              <FilterButtons onReset={() => { form.resetFields(); setFilters({}); }} />
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <List<Notification>
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('portal.notifications.empty')} /> }}
            pagination={{
              current: state.page,
              pageSize: state.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES.map(String),
              showTotal: (count) => t('common.total', { total: count }),
              onChange: (page, size) => setPage(page, size),
            }}
            renderItem={(n) => (
              <List.Item
                data-testid="notification"
                actions={[
                  n.link ? (
                    <Link key="open" to={n.link} onClick={() => open(n)}>
                      {t('portal.notifications.open')}
                    </Link>
                  ) : null,
                  n.readAt ? null : (
                    <Button key="read" type="link" size="small" loading={markRead.isPending && markRead.variables === n.id} onClick={() => markRead.mutate(n.id)}>
                      {t('portal.notifications.markRead')}
                    </Button>
                  ),
                ].filter((a) => a !== null)}
              >
                <List.Item.Meta
                  avatar={<Badge status={n.readAt ? 'default' : 'processing'} />}
                  title={
                    <Space wrap>
                      <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                      <Tag bordered={false}>{NOTIFICATION_KIND_LABELS[n.kind][locale]}</Tag>
                    </Space>
                  }
                  description={
                    <>
                      {n.body && <div>{n.body}</div>}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {new Date(n.createdAt).toLocaleString(locale)}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </PageContainer>
  );
}
