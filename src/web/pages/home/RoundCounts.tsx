import { Card, Col, Row, Statistic } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { RoundListQuery } from '../../../shared/contracts/rounds';
import { roundApi } from '../../api/endpoints';
import { useT, type MessageKey } from '../../i18n';

interface Tile {
  key: string;
  title: MessageKey;
  query: Partial<RoundListQuery>;
  /** The round list's URL filters for the same set. */
  link: string;
  danger?: boolean;
}

const TILES: Tile[] = [
  { key: 'all', title: 'round.countAll', query: {}, link: '' },
  { key: 'overdue', title: 'round.countOverdue', query: { overdue: 'true' }, link: 'due=overdue', danger: true },
  { key: 'due30', title: 'round.countDue30', query: { dueWithinDays: 30 }, link: 'due=30' },
  { key: 'listed', title: 'round.countListed', query: { state: 'listed' }, link: 'state=listed' },
  { key: 'evaluation', title: 'round.countEvaluation', query: { state: 'evaluation_applied' }, link: 'state=evaluation_applied' },
  { key: 'acceptance', title: 'round.countAcceptance', query: { state: 'acceptance_applied' }, link: 'state=acceptance_applied' },
];

/** 工作台 counts: one list call per tile (pageSize 1, the answer's total), never one per round. */
export function RoundCounts() {
  const { t } = useT();
  const navigate = useNavigate();
  const results = useQueries({
    queries: TILES.map((tile) => ({
      queryKey: ['rounds', 'count', tile.key],
      queryFn: () => roundApi.list({ ...tile.query, pageSize: 1 }),
    })),
  });
  return (
    <Card title={t('round.countsTitle')} data-testid="round-counts">
      <Row gutter={[16, 16]}>
        {TILES.map((tile, i) => {
          const r = results[i];
          return (
            <Col key={tile.key} xs={12} md={8} xl={4}>
              <Card
                hoverable
                size="small"
                role="link"
                aria-label={t(tile.title)}
                onClick={() => void navigate(`/rounds${tile.link ? `?${tile.link}` : ''}`)}
              >
                <Statistic
                  title={t(tile.title)}
                  value={r?.data?.total ?? '—'}
                  loading={r?.isPending}
                  valueStyle={tile.danger && (r?.data?.total ?? 0) > 0 ? { color: '#cf1322' } : undefined}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
