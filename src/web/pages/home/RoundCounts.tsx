import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { RoundCounts as Counts } from '../../../shared/contracts/rounds';
import { ROUND_STATES } from '../../../shared/domain/roundStates';
import { roundCountsApi } from '../../api/endpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { useT, type MessageKey } from '../../i18n';
import { StateTag } from '../rounds/roundUi';

interface Tile {
  key: 'total' | 'overdue' | 'dueWithin30Days' | 'waitingForMe';
  title: MessageKey;
  /** The round list's URL filters for the same set. */
  link: string;
  danger?: boolean;
}

const TILES: Tile[] = [
  { key: 'total', title: 'material.home.total', link: '' },
  { key: 'waitingForMe', title: 'material.home.waitingForMe', link: 'waitingForMe=true' },
  { key: 'overdue', title: 'material.home.overdue', link: 'due=overdue', danger: true },
  { key: 'dueWithin30Days', title: 'material.home.dueSoon', link: 'due=30' },
];

export const roundCountsKey = ['rounds', 'counts'] as const;

/** The counts of my rounds (one request: GET /api/rounds/counts). */
export function useRoundCounts() {
  return useQuery({ queryKey: roundCountsKey, queryFn: () => roundCountsApi.get() });
}

/** 工作台 counts: totals, waiting for me, overdue and due soon, then one tile per state in use; each opens the filtered list. */
export function RoundCounts({ perState = true }: { perState?: boolean }) {
  const { t } = useT();
  const navigate = useNavigate();
  const counts = useRoundCounts();
  const go = (link: string) => void navigate(`/rounds${link ? `?${link}` : ''}`);
  const data: Counts | undefined = counts.data;
  const states = ROUND_STATES.filter((s) => (data?.byState[s] ?? 0) > 0);

  if (counts.isError) return <ErrorResult error={counts.error} onRetry={() => void counts.refetch()} />;
  return (
    <Card title={t('round.countsTitle')} data-testid="round-counts">
      <Row gutter={[16, 16]}>
        {TILES.map((tile) => (
          <Col key={tile.key} xs={12} md={6}>
            <Card hoverable size="small" role="link" aria-label={t(tile.title)} onClick={() => go(tile.link)}>
              <Statistic
                title={t(tile.title)}
                value={data?.[tile.key] ?? '—'}
                loading={counts.isPending}
                valueStyle={
                  tile.danger && (data?.[tile.key] ?? 0) > 0
                    ? { color: '#cf1322' }
                    : tile.key === 'waitingForMe' && (data?.waitingForMe ?? 0) > 0
                      ? { color: '#1765c1' }
                      : undefined
                }
              />
            </Card>
          </Col>
        ))}
      </Row>
      {perState && (
        <>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('material.home.byState')}
          </Typography.Title>
          {data && states.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('material.home.noStates')} />
          ) : (
            <Row gutter={[12, 12]} data-testid="round-state-counts">
              {states.map((s) => (
                <Col key={s} xs={12} md={8} xl={6}>
                  <Card hoverable size="small" role="link" onClick={() => go(`state=${s}`)} className="state-count-card">
                    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
                      <StateTag state={s} />
                      <Typography.Text strong style={{ fontSize: 20 }}>
                        {data?.byState[s]}
                      </Typography.Text>
                    </div>
                  </Card>
                </Col>
              ))}
            </Row>
          )}
        </>
      )}
    </Card>
  );
}
