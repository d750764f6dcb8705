import { useState } from 'react';
import { Drawer, Table, Typography, type TableProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { DrillItem } from '../../../shared/contracts/statistics';
import { ROUND_STATE_LABELS, type RoundState } from '../../../shared/domain/roundStates';
import { summaryColumn } from '../../../shared/domain/summaryColumns';
import { statisticsApi } from '../../api/statisticsEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { useT } from '../../i18n';
import { formatFigure } from './summaryUi';

export interface DrillTarget {
  year: number;
  /** null: the city total. */
  district: string | null;
  districtName: string;
  column: string;
}

const stateLabel = (state: string, locale: 'zh-CN' | 'en') =>
  state in ROUND_STATE_LABELS ? ROUND_STATE_LABELS[state as RoundState][locale] : state;

/** The rounds or options behind one figure of the table, paged on the server. */
export function DrillDrawer({ target, onClose }: { target: DrillTarget | null; onClose: () => void }) {
  const { t, locale } = useT();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const column = target ? summaryColumn(target.column) : undefined;
  const query = target
    ? { year: target.year, district: target.district ?? undefined, column: target.column, ...paging }
    : null;
  const drill = useQuery({
    queryKey: ['statistics', 'drill', query],
    queryFn: () => statisticsApi.drill(query as NonNullable<typeof query>),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
  const isOption = column?.source === 'option';
  const columns: TableProps<DrillItem>['columns'] = [
    {
      title: t('statistics.drill.enterprise'),
      key: 'enterprise',
      render: (_: unknown, i) => <Link to={`/rounds/${i.roundId}`}>{i.enterpriseName}</Link>,
    },
    ...(target?.district ? [] : [{ title: t('statistics.district'), dataIndex: 'districtName', key: 'districtName', width: 110 }]),
    { title: t('statistics.drill.listingYear'), dataIndex: 'listingYear', key: 'listingYear', width: 90 },
    { title: t('statistics.drill.state'), key: 'state', width: 150, render: (_: unknown, i) => stateLabel(i.state, locale) },
    ...(isOption
      ? [
          { title: t('statistics.drill.option'), key: 'option', render: (_: unknown, i: DrillItem) => `${i.optionSeq ?? ''}. ${i.optionName ?? ''}` },
          {
            title: t('statistics.drill.category'),
            key: 'category',
            width: 100,
            render: (_: unknown, i: DrillItem) => (i.optionCategory === 'high_cost' ? t('statistics.drill.high_cost') : t('statistics.drill.low_cost')),
          },
          { title: t('statistics.drill.effectiveOn'), dataIndex: 'actualEffectiveOn', key: 'effectiveOn', width: 120 },
          {
            title: `${t('statistics.drill.value')}（${column?.unit[locale] ?? ''}）`,
            key: 'value',
            width: 120,
            align: 'right' as const,
            render: (_: unknown, i: DrillItem) => (column ? formatFigure(i.value, column, locale) : i.value),
          },
        ]
      : []),
  ];
  return (
    <Drawer
      open={target !== null}
      onClose={() => {
        setPaging({ page: 1, pageSize: 20 });
        onClose();
      }}
      width={920}
      title={target && column ? t('statistics.drill.title', { district: target.districtName, column: column.label[locale], year: target.year }) : ''}
      destroyOnHidden
    >
      {column && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {column.definition[locale]}
        </Typography.Paragraph>
      )}
      {drill.isError ? (
        <ErrorResult error={drill.error} />
      ) : (
        <>
          {drill.data && column && (
            <Typography.Paragraph strong data-testid="drill-figure">
              {t('statistics.drill.figure', { sum: formatFigure(drill.data.sum, column, locale), unit: column.unit[locale], total: drill.data.total })}
            </Typography.Paragraph>
          )}
          <Table<DrillItem>
            rowKey={(i) => i.optionId ?? i.roundId}
            size="small"
            loading={drill.isFetching}
            columns={columns}
            dataSource={drill.data?.items ?? []}
            locale={{ emptyText: t('statistics.drill.empty') }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: drill.data?.total ?? 0,
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
              showTotal: (count) => t('common.total', { total: count }),
            }}
            data-testid="drill-table"
          />
        </>
      )}
    </Drawer>
  );
}
