import { useEffect } from 'react';
import { Card, Col, DatePicker, Form, Input, Row, Select, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { AUDIT_ACTION_KEYS, AUDIT_ENTITY_TYPES, type AuditAction, type AuditEntityType } from '../../../shared/domain/auditActions';
import type { AuditEvent } from '../../../shared/contracts/audit';
import { auditApi } from '../../api/endpoints';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { PageContainer } from '../../components/PageContainer';
import { sortOrderOf, sortValueOf, useListState } from '../../components/urlQuery';
import { FilterButtons, listPagination } from '../../components/listParts';
import { useT } from '../../i18n';
import { actionLabel, entityTypeLabel, label, roleLabel } from '../../i18n/labels';
import { AuditChanges, changesOf } from './AuditChanges';
import { VerifyChainButton } from './VerifyChainButton';

const FILTER_KEYS = ['action', 'entityType', 'actor', 'from', 'to'] as const;
const SORTS = ['occurredAt', '-occurredAt'];
const DATE = 'YYYY-MM-DD';

interface FilterForm {
  action?: AuditAction;
  entityType?: AuditEntityType;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** A readable name for the event's entity, when the recorded data carries one. */
function entityName(e: AuditEvent): string | null {
  for (const side of [e.after, e.before]) {
    const name = side?.name ?? side?.username ?? side?.displayName;
    if (typeof name === 'string' && name) return name;
  }
  return null;
}

/** 审计日志: filters, expandable changes, and hash-chain verification. */
export default function AuditPage() {
  const { t, locale } = useT();
  const { can } = useSignedIn();
  const { state, setFilters, setPage, setSort } = useListState(FILTER_KEYS, SORTS);
  const [form] = Form.useForm<FilterForm>();
  const f = state.filters;

  useEffect(() => {
    form.setFieldsValue({
      action: f.action as AuditAction | undefined,
      entityType: f.entityType as AuditEntityType | undefined,
      actor: f.actor,
      range: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : undefined,
    });
  }, [form, f.action, f.entityType, f.actor, f.from, f.to]);

  const query = {
    page: state.page,
    pageSize: state.pageSize,
    sort: (state.sort ?? '-occurredAt') as 'occurredAt' | '-occurredAt',
    action: f.action as AuditAction | undefined,
    entityType: f.entityType as AuditEntityType | undefined,
    actor: f.actor,
    from: f.from,
    to: f.to,
  };
  const list = useQuery({ queryKey: ['audit', query], queryFn: () => auditApi.list(query), placeholderData: keepPreviousData });

  const columns: TableProps<AuditEvent>['columns'] = [
    {
      title: t('audit.time'),
      key: 'occurredAt',
      dataIndex: 'occurredAt',
      sorter: true,
      sortOrder: sortOrderOf(state.sort ?? '-occurredAt', 'occurredAt'),
      width: 170,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 170,
      render: (_: unknown, e) => (
        <div style={{ lineHeight: 1.4 }}>
          <div className="mono">{e.actor.username ?? t('audit.anonymous')}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.actor.role ? roleLabel(t, e.actor.role) : e.actor.userId ? '' : t('audit.system')}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('audit.action'),
      key: 'action',
      dataIndex: 'action',
      width: 150,
      render: (a: AuditAction) => (
        <Tag color={a === 'auth.loginFailed' ? 'red' : a.startsWith('auth.') ? 'default' : 'blue'} bordered={false}>
          {actionLabel(a, locale)}
        </Tag>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      ellipsis: true,
      render: (_: unknown, e) => {
        const name = entityName(e);
        return (
          <Tooltip title={e.entityId ?? undefined}>
            <span>
              {entityTypeLabel(t, e.entityType)}
              {name ? ` · ${name}` : e.entityId ? ` · ${e.entityId.slice(0, 8)}` : ''}
            </span>
          </Tooltip>
        );
      },
    },
    {
      title: t('audit.changes'),
      key: 'changes',
      width: 120,
      render: (_: unknown, e) => {
        const n = changesOf(e.before, e.after).length;
        return n ? t('audit.fieldsChanged', { count: n }) : <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
      },
    },
    { title: t('audit.ip'), key: 'ip', dataIndex: 'ip', width: 130, render: (ip: string | null) => <span className="mono">{ip ?? '—'}</span> },
  ];

  const onChange: TableProps<AuditEvent>['onChange'] = (pagination, _f, sorterInfo, extra) => {
    const s = Array.isArray(sorterInfo) ? sorterInfo[0] : sorterInfo;
    if (extra.action === 'sort') setSort(sortValueOf(s?.columnKey, s?.order) ?? '-occurredAt');
    else if (extra.action === 'paginate') setPage(pagination.current ?? 1, pagination.pageSize ?? state.pageSize);
  };

  const search = (v: FilterForm) =>
    setFilters({
      action: v.action,
      entityType: v.entityType,
      actor: v.actor?.trim() || undefined,
      from: v.range?.[0]?.format(DATE),
      to: v.range?.[1]?.format(DATE),
    });

  return (
    <PageContainer
      title={t('audit.title')}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('menu.system') }, { title: t('audit.title') }]}
      extra={can('audit.verify') && <VerifyChainButton />}
    >
      <Card className="filter-card">
        <Form<FilterForm>
          form={form}
          name="auditFilter"
          onFinish={search}
          labelCol={{ flex: locale === 'zh-CN' ? '76px' : '92px' }}
          wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="action" label={label('action', locale)}>
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('audit.actionPlaceholder')}
                  options={AUDIT_ACTION_KEYS.map((a) => ({ value: a, label: actionLabel(a, locale) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="entityType" label={label('entityType', locale)}>
                <Select
                  allowClear
                  placeholder={t('audit.entityPlaceholder')}
                  options={AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: entityTypeLabel(t, e) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="actor" label={t('audit.actor')}>
                <Input allowClear placeholder={t('audit.actorPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="range" label={t('audit.time')}>
                <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} placeholder={[t('audit.dateFrom'), t('audit.dateTo')]} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={16} style={{ textAlign: 'right', marginBottom: 16 }}>
              <FilterButtons onReset={() => { form.resetFields(); setFilters({}); }} />
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<AuditEvent>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            onChange={onChange}
            scroll={{ x: 1000 }}
            expandable={{
              expandedRowRender: (e) => <AuditChanges event={e} />,
              rowExpandable: (e) => changesOf(e.before, e.after).length > 0,
            }}
            locale={{ emptyText: list.isPending ? ' ' : t('audit.empty') }}
            pagination={listPagination(state, list.data?.total, t)}
          />
        )}
      </Card>
    </PageContainer>
  );
}
