import { Tag } from 'antd';
import type { SpotCheckSummary } from '../../../shared/contracts/spotChecks';
import type { SpotCheckResult, SpotCheckStatus } from '../../../shared/domain/spotChecks';
import { useT } from '../../i18n';

const STATUS_COLORS: Record<SpotCheckStatus, string> = { draft: 'default', drawn: 'processing', published: 'success' };
const RESULT_COLORS: Record<SpotCheckResult, string> = { pending: 'default', conforming: 'green', problems: 'red' };

export function StatusTag({ status }: { status: SpotCheckStatus }) {
  const { t } = useT();
  return <Tag color={STATUS_COLORS[status]}>{t(`spotChecks.statuses.${status}`)}</Tag>;
}

export function ResultTag({ result }: { result: SpotCheckResult }) {
  const { t } = useT();
  return <Tag color={RESULT_COLORS[result]}>{t(`spotChecks.results.${result}`)}</Tag>;
}

/** "按比例 20% · 按区县分层" */
export function SampleText({ row }: { row: Pick<SpotCheckSummary, 'sampleRatio' | 'sampleCount' | 'stratified'> }) {
  const { t } = useT();
  const size =
    row.sampleRatio !== null
      ? t('spotChecks.sampleRatio', { pct: Math.round(row.sampleRatio * 1000) / 10 })
      : t('spotChecks.sampleCount', { count: row.sampleCount ?? 0 });
  return (
    <span>
      {size}
      {row.stratified && (
        <Tag style={{ marginLeft: 8 }} color="blue">
          {t('spotChecks.stratifiedTag')}
        </Tag>
      )}
    </span>
  );
}
