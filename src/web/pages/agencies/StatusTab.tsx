import { useState } from 'react';
import { Alert, App, Button, DatePicker, Empty, Form, Input, Modal, Select, Space, Table, type TableProps } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { statusChangeInput, type AgencyDetail, type StatusChange } from '../../../shared/contracts/agencies';
import { AGENCY_STATUSES, type AgencyStatus } from '../../../shared/domain/agencies';
import { agencyApi } from '../../api/agencyEndpoints';
import { isApiError } from '../../api/client';
import { ErrorResult } from '../../components/ErrorResult';
import { applyServerFieldErrors, zodRule } from '../../components/form';
import { useT } from '../../i18n';
import { StatusTag } from './agencyParts';

type FormValues = { status: AgencyStatus; reason: string; decisionNo: string; decidedOn: Dayjs };
const FIELDS = ['status', 'reason', 'decisionNo', 'decidedOn'] as const;

/** 状态记录: the city's decisions (normal / warned / dishonesty list), newest first; the city changes the status after a confirmation. */
export function StatusTab({ agency }: { agency: AgencyDetail }) {
  const { t, locale } = useT();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const history = useQuery({ queryKey: ['agencies', agency.id, 'status'], queryFn: () => agencyApi.statusHistory(agency.id) });

  const save = useMutation({
    mutationFn: (v: FormValues) =>
      agencyApi.changeStatus(agency.id, { status: v.status, reason: v.reason, decisionNo: v.decisionNo, decidedOn: v.decidedOn.format('YYYY-MM-DD') }),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ['agencies'] });
      void message.success(t('agencies.status.saved'));
    },
    onError: (error) => {
      if (isApiError(error) && applyServerFieldErrors(form, error, FIELDS)) return;
      void message.error(error instanceof Error ? error.message : String(error));
    },
  });

  const confirm = (v: FormValues) => {
    void modal.confirm({
      title: t('agencies.status.confirmTitle'),
      content:
        v.status === 'dishonest'
          ? t('agencies.status.confirmDishonest', { name: agency.name })
          : t('agencies.status.confirmOther', { name: agency.name, status: t(`agencies.statuses.${v.status}`) }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: v.status === 'dishonest' },
      onOk: () => save.mutateAsync(v),
    });
  };

  const columns: TableProps<StatusChange>['columns'] = [
    { title: t('agencies.status.decidedOn'), dataIndex: 'decidedOn', key: 'decidedOn', width: 110 },
    { title: t('agencies.status.from'), key: 'from', width: 110, render: (_: unknown, row) => <StatusTag status={row.fromStatus} /> },
    { title: t('agencies.status.to'), key: 'to', width: 110, render: (_: unknown, row) => <StatusTag status={row.toStatus} /> },
    { title: t('agencies.status.decisionNo'), dataIndex: 'decisionNo', key: 'decisionNo', width: 180 },
    { title: t('agencies.status.reason'), dataIndex: 'reason', key: 'reason' },
    { title: t('agencies.status.decidedBy'), dataIndex: 'decidedBy', key: 'decidedBy', width: 110, render: (v: string | null) => v ?? t('common.empty') },
  ];

  if (history.isError) return <ErrorResult error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <StatusTag status={agency.status} />
          <Alert type="info" showIcon message={t('agencies.status.publicNote')} style={{ padding: '2px 12px' }} />
        </Space>
        {agency.abilities.changeStatus && (
          <Button
            type="primary"
            danger={agency.status === 'normal'}
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ decidedOn: dayjs() });
              setOpen(true);
            }}
            data-testid="status-change"
          >
            {t('agencies.status.change')}
          </Button>
        )}
      </Space>
      <Table<StatusChange>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={history.data?.items ?? []}
        loading={history.isFetching}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: history.isPending ? ' ' : <Empty description={t('agencies.status.empty')} /> }}
      />
      <Modal
        open={open}
        title={t('agencies.status.title')}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form<FormValues> form={form} layout="vertical" name="statusForm" onFinish={confirm}>
          <Form.Item name="status" label={t('agencies.status.newStatus')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              aria-label={t('agencies.status.newStatus')}
              options={AGENCY_STATUSES.filter((s) => s !== agency.status).map((s) => ({ value: s, label: t(`agencies.statuses.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('agencies.status.reason')} required rules={[zodRule(statusChangeInput.shape.reason, locale, true)]}>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
          <Form.Item name="decisionNo" label={t('agencies.status.decisionNo')} required rules={[zodRule(statusChangeInput.shape.decisionNo, locale, true)]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="decidedOn" label={t('agencies.status.decidedOn')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
