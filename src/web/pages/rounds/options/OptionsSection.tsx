import { useState } from 'react';
import { Alert, App, Button, Empty, Popconfirm, Space, Table, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { OptionList, RoundOption } from '../../../../shared/contracts/options';
import type { RoundDetail } from '../../../../shared/contracts/rounds';
import { BENEFIT_INDICATORS, BENEFIT_LABELS, OPTION_DIRECTION_LABELS, MAX_OPTIONS_PER_ROUND } from '../../../../shared/domain/options';
import { optionApi } from '../../../api/endpoints';
import { useSession } from '../../../app/session';
import { ErrorResult } from '../../../components/ErrorResult';
import { useT } from '../../../i18n';
import { stateLabel } from '../../../i18n/labels';
import { BaselineCard } from './BaselineCard';
import { OptionFormModal } from './OptionFormModal';
import { CategoryTag, StatusTag, benefitLines, figure, optionsKey } from './optionUi';

function Warnings({ list }: { list: OptionList }) {
  const { t } = useT();
  if (list.warnings.length === 0) {
    return list.total > 0 ? <Alert type="success" showIcon message={t('options.noWarnings')} data-testid="option-warnings-none" /> : null;
  }
  const seqOf = new Map(list.items.map((o) => [o.id, o.seq]));
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="option-warnings"
      message={t('options.warningsTitle', { n: list.warnings.length })}
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('options.warningsHint')}
          </Typography.Paragraph>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {list.warnings.map((w, i) => (
              <li key={`${w.code}-${w.optionId ?? 'round'}-${i}`} data-option-seq={w.optionId ? seqOf.get(w.optionId) : undefined}>
                {w.message}
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}

function Totals({ list }: { list: OptionList }) {
  const { t, locale } = useT();
  const rows = BENEFIT_INDICATORS.filter((k) => list.summary.predicted[k] !== undefined || list.summary.actual[k] !== undefined);
  if (rows.length === 0) return null;
  const cell = (v: number | undefined) => (v === undefined ? <Typography.Text type="secondary">{t('options.notQuantified')}</Typography.Text> : figure(v, locale));
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      title={() => <Typography.Text strong>{t('options.totalsTitle')}</Typography.Text>}
      dataSource={rows.map((key) => ({ key }))}
      data-testid="option-totals"
      columns={[
        { title: t('options.indicator'), key: 'label', render: (_, r) => BENEFIT_LABELS[r.key].label[locale] },
        { title: t('options.unit'), key: 'unit', render: (_, r) => BENEFIT_LABELS[r.key].unit[locale] },
        { title: t('options.predicted'), key: 'predicted', align: 'right', render: (_, r) => cell(list.summary.predicted[r.key]) },
        { title: t('options.actual'), key: 'actual', align: 'right', render: (_, r) => cell(list.summary.actual[r.key]) },
      ]}
    />
  );
}

/** 清洁生产方案: the register of the round with quality warnings, totals and the declared baseline. */
export function OptionsSection({ round }: { round: RoundDetail }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<RoundOption | null | undefined>(undefined);
  const query = useQuery({
    queryKey: optionsKey(round.id),
    queryFn: () => optionApi.list(round.id, { pageSize: MAX_OPTIONS_PER_ROUND }),
  });

  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const list = query.data;
  const editable = list?.abilities.edit ?? false;

  const remove = async (o: RoundOption) => {
    try {
      await optionApi.remove(round.id, o.id);
      await queryClient.invalidateQueries({ queryKey: optionsKey(round.id) });
      void message.success(t('options.deleted', { name: o.optionName }));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const warningsOf = new Map<string, string[]>();
  for (const w of list?.warnings ?? []) if (w.optionId) warningsOf.set(w.optionId, [...(warningsOf.get(w.optionId) ?? []), w.message]);

  const lines = (items: string[]) =>
    items.length ? items.map((l) => <div key={l}>{l}</div>) : <Typography.Text type="secondary">{t('options.notQuantified')}</Typography.Text>;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="options-section">
      {list && <Warnings list={list} />}
      {list && !editable && (
        <Alert
          type="info"
          showIcon
          message={can('round.material.edit') ? t('options.locked', { state: stateLabel(round.state, locale) }) : t('options.readOnly')}
        />
      )}
      {editable && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          {t('options.add')}
        </Button>
      )}
      <Table<RoundOption>
        rowKey="id"
        size="middle"
        loading={query.isPending}
        dataSource={list?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('options.empty')} /> }}
        columns={[
          { title: t('options.columns.seq'), dataIndex: 'seq', width: 64 },
          { title: t('options.columns.category'), dataIndex: 'category', width: 100, render: (c: RoundOption['category']) => <CategoryTag category={c} locale={locale} /> },
          { title: t('options.columns.direction'), dataIndex: 'direction', width: 120, render: (d: RoundOption['direction']) => OPTION_DIRECTION_LABELS[d][locale] },
          {
            title: t('options.columns.name'),
            dataIndex: 'optionName',
            render: (_: string, o) => (
              <>
                <div>
                  {o.optionName}
                  {warningsOf.has(o.id) && (
                    <Tooltip title={warningsOf.get(o.id)?.join('；')}>
                      <WarningOutlined style={{ color: '#faad14', marginLeft: 6 }} aria-label={warningsOf.get(o.id)?.join('；')} />
                    </Tooltip>
                  )}
                </div>
                {o.description && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.description}</Typography.Text>}
              </>
            ),
          },
          { title: t('options.columns.investment'), dataIndex: 'investment', width: 110, align: 'right', render: (v: number | null) => (v === null ? '—' : figure(v, locale)) },
          { title: t('options.columns.status'), dataIndex: 'status', width: 96, render: (s: RoundOption['status']) => <StatusTag status={s} locale={locale} /> },
          { title: t('options.columns.predicted'), key: 'predicted', width: 210, render: (_, o) => lines(benefitLines(o.predictedBenefits, locale)) },
          { title: t('options.columns.actual'), key: 'actual', width: 210, render: (_, o) => lines(benefitLines(o.actualBenefits, locale)) },
          ...(editable
            ? [
                {
                  title: t('options.columns.actions'),
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, o: RoundOption) => (
                    <Space size={4}>
                      <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(o)}>
                        {t('options.edit')}
                      </Button>
                      <Popconfirm
                        title={t('options.deleteTitle')}
                        description={t('options.deleteConfirm', { seq: o.seq, name: o.optionName })}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove(o)}
                      >
                        <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                          {t('options.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
        summary={() =>
          list && list.total > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={editable ? 9 : 8}>
                <Typography.Text strong>{t('options.totals')}：</Typography.Text>
                {t('options.summary', {
                  lowTotal: list.summary.low_cost.total,
                  lowDone: list.summary.low_cost.implemented,
                  highTotal: list.summary.high_cost.total,
                  highDone: list.summary.high_cost.implemented,
                  investment: figure(list.summary.investment, locale),
                })}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      {list && <Totals list={list} />}
      {list && <BaselineCard key={list.baseline.updatedAt ?? 'none'} roundId={round.id} baseline={list.baseline} editable={editable} />}
      <OptionFormModal roundId={round.id} open={editing !== undefined} option={editing ?? null} onClose={() => setEditing(undefined)} />
    </Space>
  );
}
