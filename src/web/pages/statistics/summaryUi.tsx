import { Tag } from 'antd';
import { SUBMISSION_STATE_LABELS, type SubmissionState, type SummaryColumn } from '../../../shared/domain/summaryColumns';
import type { Locale } from '../../../shared/i18n/locales';

const STATE_COLORS: Record<SubmissionState, string> = { draft: 'default', submitted: 'processing', accepted: 'success', returned: 'warning' };

/** A submission state as a tag ("not started" when nothing was saved). */
export function SubmissionTag({ state, locale, none }: { state: SubmissionState | null; locale: Locale; none: string }) {
  if (!state) return <Tag bordered={false}>{none}</Tag>;
  return (
    <Tag color={STATE_COLORS[state]} bordered={false} data-testid={`submission-state-${state}`}>
      {SUBMISSION_STATE_LABELS[state][locale]}
    </Tag>
  );
}

/** A figure as shown: counts as integers, quantities with the column's decimals (trailing zeros dropped). */
export function formatFigure(value: number, column: SummaryColumn, locale: Locale): string {
  return value.toLocaleString(locale, { maximumFractionDigits: column.decimals, minimumFractionDigits: 0 });
}
