import { useState, type ReactNode } from 'react';
import { Card, Empty, Segmented, Space } from 'antd';
import { BarChartOutlined, TableOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';

interface Props {
  title: ReactNode;
  /** Names the card for tests (data-testid `chart-card-<name>`). */
  name: string;
  chart: ReactNode;
  table: ReactNode;
  /** Shown instead of both when there is nothing to show. */
  empty?: boolean;
  extra?: ReactNode;
  footer?: ReactNode;
}

/** A dashboard card whose figures are shown as a chart or, at the reader's choice, as a table. */
export function ChartCard({ title, name, chart, table, empty, extra, footer }: Props) {
  const { t } = useT();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card
      title={title}
      data-testid={`chart-card-${name}`}
      extra={
        <Space>
          {extra}
          <Segmented<'chart' | 'table'>
            size="small"
            value={view}
            onChange={setView}
            aria-label={`${t('dashboards.chart')} / ${t('dashboards.table')}`}
            options={[
              { value: 'chart', label: t('dashboards.chart'), icon: <BarChartOutlined /> },
              { value: 'table', label: t('dashboards.table'), icon: <TableOutlined /> },
            ]}
          />
        </Space>
      }
    >
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.noData')} /> : view === 'chart' ? chart : table}
      {footer}
    </Card>
  );
}
