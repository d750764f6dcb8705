import { useState } from 'react';
import { Empty, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { ReminderEntry } from '../../../shared/contracts/reminders';
import type { RoundDetail } from '../../../shared/contracts/rounds';
import { DEADLINE_KIND_LABELS } from '../../../shared/domain/deadlines';
import { reminderApi } from '../../api/endpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { useT, type TFunction } from '../../i18n';

const PAGE_SIZE = 20;

export function stepLabel(t: TFunction, step: string): string {
  if (step === 'overdue') return t('reminders.step.overdue');
  if (step === 'escalated') return t('reminders.step.escalated');
  return t('reminders.step.remind', { n: step.replace('remind:', '') });
}

function daysLabel(t: TFunction, daysLeft: number): string {
  if (daysLeft > 0) return t('reminders.daysLeft', { n: daysLeft });
  if (daysLeft === 0) return t('reminders.dueToday');
  return t('reminders.overdueDays', { n: -daysLeft });
}

export const STEP_COLOR: Record<string, string> = { overdue: 'orange', escalated: 'red' };

/** 提醒记录: the reminders, overdue notices and escalations sent about the round — who was told what and when. */
export function RemindersSection({ round }: { round: RoundDetail }) {
  const { t, locale } = useT();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['round', round.id, 'reminders', page],
    queryFn: () => reminderApi.ofRound(round.id, { page, pageSize: PAGE_SIZE }),
  });
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="reminders-section">
      <Typography.Text type="secondary">{t('reminders.hint')}</Typography.Text>
      <Table<ReminderEntry>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reminders.empty')} /> }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: t('reminders.columns.sentAt'), key: 'sentAt', width: 150, render: (_, r) => dayjs(r.sentAt).format('YYYY-MM-DD HH:mm') },
          {
            title: t('reminders.columns.step'),
            key: 'step',
            render: (_, r) => <Tag color={STEP_COLOR[r.step] ?? 'blue'}>{stepLabel(t, r.step)}</Tag>,
          },
          {
            title: t('reminders.columns.deadline'),
            key: 'deadline',
            render: (_, r) => (r.deadlineKind === 'milestone' ? t('reminders.milestone') : DEADLINE_KIND_LABELS[r.deadlineKind][locale]),
          },
          { title: t('reminders.columns.dueOn'), dataIndex: 'dueOn', key: 'dueOn', width: 110 },
          { title: t('reminders.columns.daysLeft'), key: 'daysLeft', render: (_, r) => daysLabel(t, r.daysLeft) },
          {
            title: t('reminders.columns.proposed'),
            key: 'proposed',
            render: (_, r) => (r.proposedStep ? t(`reminders.proposed.${r.proposedStep}`) : '—'),
          },
          { title: t('reminders.columns.recipients'), key: 'recipients', render: (_, r) => r.recipients.join('、') || '—' },
        ]}
      />
    </Space>
  );
}
