import { Table, Typography } from 'antd';
import type { AuditEvent } from '../../../shared/contracts/audit';
import { useT } from '../../i18n';
import { auditFieldLabel } from '../../i18n/labels';

type Json = Record<string, unknown> | null;

interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Field-by-field changes of an event: keys of either side whose values differ. */
export function changesOf(before: Json, after: Json): Change[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys
    .map((field) => ({ field, before: before?.[field], after: after?.[field] }))
    .filter((c) => !same(c.before, c.after));
}

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The expanded row of the audit table: before → after per field. */
export function AuditChanges({ event }: { event: AuditEvent }) {
  const { t, locale } = useT();
  const changes = changesOf(event.before, event.after);
  if (changes.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <Table<Change>
      className="changes-table"
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={changes}
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'field',
          width: 200,
          render: (field: string) => {
            const text = auditFieldLabel(t, field, locale);
            return text === field ? <span className="mono">{field}</span> : <span title={field}>{text}</span>;
          },
        },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          render: (v: unknown) => (v === undefined || v === null ? '—' : <span className="change-before">{show(v)}</span>),
        },
        {
          title: t('audit.after'),
          dataIndex: 'after',
          render: (v: unknown) => (v === undefined || v === null ? '—' : <span className="change-after">{show(v)}</span>),
        },
      ]}
    />
  );
}
