import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Round, RoundListQuery } from '../../../shared/contracts/rounds';
import { transitionDef, transitionsFor } from '../../../shared/domain/roundStates';
import { roundApi } from '../../api/endpoints';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { useT, type MessageKey } from '../../i18n';
import { transitionLabel } from '../../i18n/labels';
import { DaysLeft, StateTag } from '../rounds/roundUi';

/**
 * A short list of rounds for the workbench: state, the next steps my role may take (the state machine's
 * main transitions; guards are checked when fired on the round page) and the next deadline with days left.
 */
export function WorkRounds({
  title,
  query,
  moreLink,
  empty,
}: {
  title: MessageKey;
  query: Partial<RoundListQuery>;
  moreLink: string;
  empty: MessageKey;
}) {
  const { t, locale } = useT();
  const { user } = useSignedIn();
  const params = { pageSize: 5, sort: 'nextDueOn', ...query };
  const list = useQuery({ queryKey: ['rounds', 'work', params], queryFn: () => roundApi.list(params) });
  const total = list.data?.total ?? 0;

  return (
    <Card
      title={t(title)}
      extra={total > 0 && <Link to={moreLink}>{t('material.home.viewAll')} ({total})</Link>}
      data-testid="work-rounds"
    >
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Round>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 820 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(empty)} /> }}
          columns={[
            {
              title: t('round.enterprise'),
              key: 'name',
              width: 260,
              render: (_: unknown, r) => (
                <div className="cell-2">
                  <Link to={`/rounds/${r.id}`}>{r.enterpriseName}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.districtName} · {r.listingYear}
                  </Typography.Text>
                </div>
              ),
            },
            { title: t('round.detailTitle'), key: 'state', width: 170, render: (_: unknown, r) => <StateTag state={r.state} /> },
            {
              title: t('material.home.nextStep'),
              key: 'next',
              width: 220,
              render: (_: unknown, r) => {
                const steps = transitionsFor(r.state, user.role).filter((n) => transitionDef(n).kind === 'main');
                return steps.length === 0 ? (
                  <Typography.Text type="secondary">{t('material.home.noNextStep')}</Typography.Text>
                ) : (
                  <Space size={[4, 4]} wrap>
                    {steps.map((n) => (
                      <Tag key={n} color="blue" bordered={false}>
                        {transitionLabel(n, locale)}
                      </Tag>
                    ))}
                  </Space>
                );
              },
            },
            {
              title: t('material.home.nextDeadline'),
              key: 'due',
              width: 190,
              render: (_: unknown, r) =>
                r.nextDeadline ? (
                  <div className="cell-2">
                    <span>
                      {t(`round.deadlineKinds.${r.nextDeadline.kind}`)} · {r.nextDeadline.due}
                    </span>
                    <DaysLeft days={r.nextDeadline.daysLeft} />
                  </div>
                ) : (
                  <Typography.Text type="secondary">{t('round.noDeadline')}</Typography.Text>
                ),
            },
            {
              title: t('common.actions'),
              key: 'open',
              width: 80,
              render: (_: unknown, r) => (
                <Link to={`/rounds/${r.id}`}>
                  <Button size="small">{t('material.home.open')}</Button>
                </Link>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
