import { useEffect, useState } from 'react';
import { App, Button, Empty, Form, Input, Modal, Popconfirm, Segmented, Select, Space, Table, Tag, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { auditorInput, type Auditor, type AuditorInput } from '../../../shared/contracts/agencies';
import { agencyApi } from '../../api/agencyEndpoints';
import { isApiError } from '../../api/client';
import { useReferenceLookup } from '../../app/reference';
import { ErrorResult } from '../../components/ErrorResult';
import { applyServerFieldErrors, zodRule } from '../../components/form';
import { useT } from '../../i18n';

type Filter = 'all' | 'true' | 'false';
const FIELDS = ['name', 'certificateNo', 'specialities', 'phone'] as const;

/** 审核人员: the agency's auditors; the city and the agency itself add, edit and deactivate them. */
export function AuditorsTab({ agencyId, canManage }: { agencyId: string; canManage: boolean }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const ref = useReferenceLookup();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Auditor | 'new' | null>(null);
  const [form] = Form.useForm<Partial<AuditorInput>>();
  const query = { ...page, active: filter === 'all' ? undefined : filter };
  const list = useQuery({
    queryKey: ['agencies', agencyId, 'auditors', query],
    queryFn: () => agencyApi.auditors(agencyId, query),
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing !== 'new') {
      form.setFieldsValue({ name: editing.name, certificateNo: editing.certificateNo, specialities: editing.specialities, phone: editing.phone });
    }
  }, [editing, form]);

  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: ['agencies'] });
    void message.success(t('agencies.auditors.saved'));
  };
  const save = useMutation({
    mutationFn: (values: Partial<AuditorInput>) =>
      editing && editing !== 'new'
        ? agencyApi.updateAuditor(agencyId, editing.id, values)
        : agencyApi.createAuditor(agencyId, { specialities: [], active: true, ...values } as AuditorInput),
    onSuccess: async () => {
      setEditing(null);
      await done();
    },
    onError: (error) => {
      if (isApiError(error) && applyServerFieldErrors(form, error, FIELDS)) return;
      void message.error(error instanceof Error ? error.message : String(error));
    },
  });
  const toggle = useMutation({
    mutationFn: (a: Auditor) => agencyApi.updateAuditor(agencyId, a.id, { active: !a.active }),
    onSuccess: done,
    onError: (error) => void message.error(error instanceof Error ? error.message : String(error)),
  });

  const industryName = (code: string) => `${code} ${ref.industryName(code)}`;
  const columns: TableProps<Auditor>['columns'] = [
    { title: t('agencies.auditors.name'), dataIndex: 'name', key: 'name', width: 120 },
    { title: t('agencies.auditors.certificateNo'), dataIndex: 'certificateNo', key: 'certificateNo', width: 180, render: (v: string) => <span className="mono">{v}</span> },
    {
      title: t('agencies.auditors.specialities'),
      key: 'specialities',
      render: (_: unknown, row) =>
        row.specialities.length ? (
          <Space size={[4, 4]} wrap>
            {row.specialities.map((c) => (
              <Tag key={c} bordered={false} color="geekblue">
                {industryName(c)}
              </Tag>
            ))}
          </Space>
        ) : (
          t('common.empty')
        ),
    },
    { title: t('agencies.auditors.phone'), dataIndex: 'phone', key: 'phone', width: 140, render: (v: string | null) => v ?? t('common.empty') },
    {
      title: t('agencies.auditors.active'),
      key: 'active',
      width: 90,
      render: (_: unknown, row) => (row.active ? <Tag color="green">{t('agencies.auditors.activeYes')}</Tag> : <Tag>{t('agencies.auditors.activeNo')}</Tag>),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, row: Auditor) => (
              <Space>
                <Button type="link" size="small" onClick={() => setEditing(row)}>
                  {t('common.edit')}
                </Button>
                {row.active ? (
                  <Popconfirm
                    title={t('agencies.auditors.deactivateConfirm', { name: row.name })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => toggle.mutate(row)}
                  >
                    <Button type="link" size="small" danger>
                      {t('agencies.auditors.deactivate')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button type="link" size="small" onClick={() => toggle.mutate(row)}>
                    {t('agencies.auditors.activate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Segmented<Filter>
          value={filter}
          onChange={(v) => {
            setFilter(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={[
            { value: 'all', label: t('agencies.auditors.filterAll') },
            { value: 'true', label: t('agencies.auditors.activeYes') },
            { value: 'false', label: t('agencies.auditors.activeNo') },
          ]}
        />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('agencies.auditors.add')}
          </Button>
        )}
      </Space>
      <Table<Auditor>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('agencies.auditors.empty')} /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('agencies.auditors.addTitle') : t('agencies.auditors.editTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="auditorForm" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="name" label={t('agencies.auditors.name')} required rules={[zodRule(auditorInput.shape.name, locale, true)]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="certificateNo"
            label={t('agencies.auditors.certificateNo')}
            required
            rules={[zodRule(auditorInput.shape.certificateNo, locale, true)]}
          >
            <Input maxLength={60} className="mono" />
          </Form.Item>
          <Form.Item name="specialities" label={t('agencies.auditors.specialities')}>
            <Select mode="multiple" allowClear showSearch optionFilterProp="label" options={ref.industryGroups} maxCount={20} />
          </Form.Item>
          <Form.Item name="phone" label={t('agencies.auditors.phone')} rules={[zodRule(auditorInput.shape.phone, locale, false)]}>
            <Input maxLength={30} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
