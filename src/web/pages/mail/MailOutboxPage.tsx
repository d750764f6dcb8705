import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Modal, Popconfirm, Row, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MAIL_KINDS, MAIL_STATUSES, type MailKind, type MailMessage, type MailStatus } from '../../../shared/contracts/mail';
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from '../../../shared/domain/notificationKinds';
import type { Locale } from '../../../shared/i18n/locales';
import { mailApi } from '../../api/endpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { FilterButtons, listPagination } from '../../components/listParts';
import { PageContainer } from '../../components/PageContainer';
import { useListState } from '../../components/urlQuery';
import { useT, type TFunction } from '../../i18n';

const FILTER_KEYS = ['status', 'kind', 'recipient'] as const;
const NO_SORTS: readonly string[] = [];
type Filters = { status?: string; kind?: string; recipient?: string };

const STATUS_COLORS: Record<MailStatus, string> = { pending: 'default', sending: 'processing', sent: 'success', failed: 'error' };
const isStatus = (v: string | undefined): v is MailStatus => (MAIL_STATUSES as readonly (string | undefined)[]).includes(v);
const isKind = (v: string | undefined): v is MailKind => (MAIL_KINDS as readonly (string | undefined)[]).includes(v);

function kindLabel(kind: string, t: TFunction, locale: Locale): string {
  if (kind === 'digest') return t('mail.outbox.digest');
  const labels = NOTIFICATION_KIND_LABELS as Partial<Record<string, Record<Locale, string>>>;
  return labels[kind as NotificationKind]?.[locale] ?? kind;
}

const when = (iso: string | null, locale: Locale) => (iso ? new Date(iso).toLocaleString(locale) : '—');

/** 系统管理 → 邮件发送: the outbox of the city, with filters, errors, and "retry now" for failed messages. */
export default function MailOutboxPage() {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { state, setFilters, setPage } = useListState(FILTER_KEYS, NO_SORTS);
  const [form] = Form.useForm<Filters>();
  const [viewing, setViewing] = useState<string | null>(null);
  const f = state.filters as Filters;
  useEffect(() => form.setFieldsValue({ status: f.status, kind: f.kind, recipient: f.recipient }), [form, f.status, f.kind, f.recipient]);

  const query = {
    page: state.page,
    pageSize: state.pageSize,
    status: isStatus(f.status) ? f.status : undefined,
    kind: isKind(f.kind) ? f.kind : undefined,
    recipient: f.recipient || undefined,
  };
  const list = useQuery({ queryKey: ['mail', 'outbox', query], queryFn: () => mailApi.outbox(query), placeholderData: keepPreviousData });
  const detail = useQuery({ queryKey: ['mail', 'message', viewing], queryFn: () => mailApi.message(viewing as string), enabled: viewing !== null });
  const retry = useMutation({
    mutationFn: (id: string) => mailApi.retry(id),
    onSuccess: () => {
      void message.success(t('mail.outbox.retried'));
      return queryClient.invalidateQueries({ queryKey: ['mail'] });
    },
    onError: (e) => void message.error(e.message),
  });

  const columns: TableProps<MailMessage>['columns'] = [
    {
      title: t('mail.outbox.recipient'),
      key: 'recipient',
      width: 220,
      render: (_: unknown, m) => (
        <div className="cell-2">
          <div>{m.recipientName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.recipient}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('mail.outbox.kind'), key: 'kind', width: 140, render: (_: unknown, m) => kindLabel(m.kind, t, locale) },
    { title: t('mail.outbox.subject'), dataIndex: 'subject', key: 'subject', width: 320, ellipsis: { showTitle: true } },
    {
      title: t('mail.outbox.status'),
      key: 'status',
      width: 200,
      render: (_: unknown, m) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATUS_COLORS[m.status]} bordered={false} data-testid={`mail-status-${m.status}`}>
            {t(`mail.statuses.${m.status}`)}
          </Tag>
          {m.lastError && (
            <Typography.Text type="danger" style={{ fontSize: 12 }} ellipsis={{ tooltip: m.lastError }}>
              {m.lastError}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('mail.outbox.attempts'), dataIndex: 'attempts', key: 'attempts', width: 90, align: 'right' },
    {
      title: t('mail.outbox.createdAt'),
      key: 'times',
      width: 190,
      render: (_: unknown, m) => (
        <div className="cell-2">
          <div>{when(m.createdAt, locale)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.sentAt ? `${t('mail.outbox.sentAt')} ${when(m.sentAt, locale)}` : m.nextAttemptAt ? `${t('mail.outbox.nextAttempt')} ${when(m.nextAttemptAt, locale)}` : ''}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('mail.outbox.actions'),
      key: 'actions',
      width: 160,
      render: (_: unknown, m) => (
        <Space>
          <Button type="link" size="small" onClick={() => setViewing(m.id)}>
            {t('mail.outbox.view')}
          </Button>
          {m.status === 'failed' && (
            <Popconfirm title={t('mail.outbox.retryConfirm')} onConfirm={() => retry.mutateAsync(m.id)}>
              <Button type="link" size="small" loading={retry.isPending && retry.variables === m.id} data-testid="mail-retry">
                {t('mail.outbox.retry')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer title={t('mail.outbox.title')} breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('mail.outbox.title') }]}>
      <Alert type="info" showIcon message={t('mail.outbox.hint')} style={{ marginBottom: 16 }} />
      <Card className="filter-card">
        <Form<Filters> form={form} name="mailFilter" onFinish={(v) => setFilters({ status: v.status, kind: v.kind, recipient: v.recipient?.trim() })}>
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item name="status" label={t('mail.outbox.status')}>
                <Select
                  allowClear
                  aria-label={t('mail.outbox.status')}
                  placeholder={t('common.all')}
                  options={MAIL_STATUSES.map((s) => ({ value: s, label: t(`mail.statuses.${s}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="kind" label={t('mail.outbox.kind')}>
                <Select
                  allowClear
                  aria-label={t('mail.outbox.kind')}
                  placeholder={t('common.all')}
                  options={MAIL_KINDS.map((k) => ({ value: k, label: kindLabel(k, t, locale) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="recipient" label={t('mail.outbox.recipient')}>
                <Input allowClear maxLength={200} placeholder={t('mail.outbox.recipientPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6} style={{ textAlign: 'right', marginBottom: 16 }}>
              <FilterButtons onReset={() => { form.resetFields(); setFilters({}); }} />
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<MailMessage>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            columns={columns}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: list.isPending ? ' ' : t('mail.outbox.empty') }}
            pagination={listPagination(state, list.data?.total, t)}
            onChange={(p) => setPage(p.current ?? 1, p.pageSize ?? state.pageSize)}
            scroll={{ x: 1320 }}
          />
        )}
      </Card>
      <Modal open={viewing !== null} title={detail.data?.subject ?? t('mail.outbox.body')} footer={null} width={720} onCancel={() => setViewing(null)}>
        {detail.isError ? (
          <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />
        ) : detail.data ? (
          <>
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('mail.outbox.recipient')}>{`${detail.data.recipientName} <${detail.data.recipient}>`}</Descriptions.Item>
              <Descriptions.Item label={t('mail.outbox.status')}>{t(`mail.statuses.${detail.data.status}`)}</Descriptions.Item>
              {detail.data.lastError && <Descriptions.Item label={t('mail.outbox.lastError')}>{detail.data.lastError}</Descriptions.Item>}
            </Descriptions>
            <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }}>{detail.data.body}</pre>
          </>
        ) : null}
      </Modal>
    </PageContainer>
  );
}
