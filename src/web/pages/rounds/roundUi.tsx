import { Space, Tag, Typography } from 'antd';
import type { ListingReason } from '../../../shared/domain/listingReasons';
import { ROUND_STATE_PHASE, type RoundState } from '../../../shared/domain/roundStates';
import { useT } from '../../i18n';
import { reasonLabel, stateLabel } from '../../i18n/labels';

const PHASE_COLOR = {
  listing: 'blue',
  audit: 'cyan',
  evaluation: 'purple',
  acceptance: 'orange',
  done: 'green',
  side: 'default',
} as const;

const STATE_COLOR: Partial<Record<RoundState, string>> = {
  plan_rejected: 'red',
  evaluation_failed: 'red',
  acceptance_rejected: 'red',
  evaluation_returned: 'gold',
  acceptance_returned: 'gold',
  referred: 'volcano',
  accepted: 'green',
};

/** A round state as a coloured tag (colour by lifecycle phase; failures red, returns gold). */
/** The query key of one round's detail (the round page and the controls that update it). */
export const roundKey = (id: string) => ['round', id] as const;

export function StateTag({ state }: { state: RoundState }) {
  const { locale } = useT();
  return (
    <Tag color={STATE_COLOR[state] ?? PHASE_COLOR[ROUND_STATE_PHASE[state]]} data-testid="round-state">
      {stateLabel(state, locale)}
    </Tag>
  );
}

export function ReasonTags({ reasons }: { reasons: readonly ListingReason[] }) {
  const { locale } = useT();
  return (
    <Space size={[0, 4]} wrap>
      {reasons.map((r) => (
        <Tag key={r} color="geekblue" bordered={false}>
          {reasonLabel(r, locale)}
        </Tag>
      ))}
    </Space>
  );
}

/** "剩 N 天" / "今日到期" / "逾期 N 天" (red once overdue). */
export function DaysLeft({ days }: { days: number }) {
  const { t } = useT();
  if (days < 0) return <Typography.Text type="danger">{t('round.overdueDays', { n: -days })}</Typography.Text>;
  if (days === 0) return <Typography.Text type="warning">{t('round.dueToday')}</Typography.Text>;
  return <Typography.Text type={days <= 30 ? 'warning' : 'secondary'}>{t('round.daysLeft', { n: days })}</Typography.Text>;
}

/** Whole days from today to a 'YYYY-MM-DD' date (negative when past), in the browser's calendar. */
export function daysUntil(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) - today) / 86_400_000);
}
