import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Collapse, Input, InputNumber, List, Popconfirm, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { ScoreItemInput } from '../../../shared/contracts/reviews';
import { baseMaxPoints, type ScoreSheetKind } from '../../../shared/domain/scoring';
import { reviewApi } from '../../api/reviewEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { useT } from '../../i18n';

type Row = ScoreItemInput & { key: number };
let nextKey = 1;
const toRows = (items: readonly ScoreItemInput[]): Row[] => items.map((i) => ({ ...i, label: { ...i.label }, key: nextKey++ }));

/** One score sheet of the city: its items as an editable table; saving makes a new version. */
export function SheetEditor({ kind }: { kind: ScoreSheetKind }) {
  const { t } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = ['score-sheet', kind] as const;
  const { data, error, isPending, refetch } = useQuery({ queryKey: key, queryFn: () => reviewApi.sheet(kind) });
  const [rows, setRows] = useState<Row[]>([]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (data) setRows(toRows(data.current.items));
  }, [data]);

  if (isPending) return <Loading />;
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;

  const items = rows.map(({ key: _key, ...item }) => item);
  const baseTotal = baseMaxPoints({ id: '', version: 0, kind, items });
  const patch = (index: number, change: Partial<ScoreItemInput>) =>
    setRows(rows.map((r, i) => (i === index ? { ...r, ...change, label: { ...r.label, ...(change.label ?? {}) } } : r)));
  const fieldError = (index: number, field: string) => fields[`items.${index}.${field}`] ?? (field === 'label' ? fields[`items.${index}.label.zh-CN`] ?? fields[`items.${index}.label.en`] : undefined);

  const save = async () => {
    setBusy(true);
    setFields({});
    setProblem(null);
    try {
      const created = await reviewApi.saveSheet(kind, { items });
      await queryClient.invalidateQueries({ queryKey: key });
      void message.success(t('reviews.admin.saved', { version: created.version }));
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
      setFields((e as { fields?: Record<string, string> }).fields ?? {});
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t('reviews.admin.sheetTitle', { kind: t(`reviews.kinds.${kind}`), version: data.current.version })}
      extra={
        <Button type="primary" loading={busy} onClick={() => void save()}>
          {t('reviews.admin.save')}
        </Button>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('reviews.admin.versionHint')}</Typography.Text>
        {problem && <Alert type="error" showIcon message={problem} closable onClose={() => setProblem(null)} />}
        <Table<Row>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              title: t('reviews.admin.code'),
              key: 'code',
              width: 190,
              render: (_, r, i) => (
                <Space direction="vertical" size={0}>
                  <Input value={r.code} status={fieldError(i, 'code') ? 'error' : undefined} onChange={(e) => patch(i, { code: e.target.value })} aria-label={t('reviews.admin.code')} />
                  {fieldError(i, 'code') && <Typography.Text type="danger">{fieldError(i, 'code')}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: t('reviews.admin.labelZh'),
              key: 'zh',
              render: (_, r, i) => <Input value={r.label['zh-CN']} status={fieldError(i, 'label') ? 'error' : undefined} onChange={(e) => patch(i, { label: { ...r.label, 'zh-CN': e.target.value } })} aria-label={t('reviews.admin.labelZh')} />,
            },
            {
              title: t('reviews.admin.labelEn'),
              key: 'en',
              render: (_, r, i) => <Input value={r.label.en} onChange={(e) => patch(i, { label: { ...r.label, en: e.target.value } })} aria-label={t('reviews.admin.labelEn')} />,
            },
            {
              title: t('reviews.admin.maxPoints'),
              key: 'maxPoints',
              width: 130,
              render: (_, r, i) => (
                <Space direction="vertical" size={0}>
                  <InputNumber value={r.maxPoints} min={0} max={100} step={0.5} precision={1} status={fieldError(i, 'maxPoints') ? 'error' : undefined} onChange={(v) => patch(i, { maxPoints: v ?? 0 })} aria-label={t('reviews.admin.maxPoints')} />
                  {fieldError(i, 'maxPoints') && <Typography.Text type="danger">{fieldError(i, 'maxPoints')}</Typography.Text>}
                </Space>
              ),
            },
            { title: t('reviews.admin.veto'), key: 'veto', width: 80, render: (_, r, i) => <Checkbox checked={r.veto} onChange={(e) => patch(i, { veto: e.target.checked, ...(e.target.checked ? { maxPoints: 0, bonus: false } : {}) })} /> },
            { title: t('reviews.admin.bonus'), key: 'bonus', width: 80, render: (_, r, i) => <Checkbox checked={r.bonus} disabled={r.veto} onChange={(e) => patch(i, { bonus: e.target.checked })} /> },
            {
              title: t('reviews.admin.actions'),
              key: 'actions',
              width: 90,
              render: (_, r, i) => (
                <Popconfirm title={t('reviews.admin.removeConfirm', { code: r.code })} onConfirm={() => setRows(rows.filter((_row, j) => j !== i))}>
                  <Button size="small" danger>
                    {t('reviews.admin.remove')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
        <Space>
          <Button icon={<PlusOutlined />} onClick={() => setRows([...rows, { key: nextKey++, code: '', label: { 'zh-CN': '', en: '' }, maxPoints: 0, veto: false, bonus: false }])}>
            {t('reviews.admin.addItem')}
          </Button>
          <Typography.Text type={baseTotal === 100 ? 'secondary' : 'danger'}>{t('reviews.admin.baseTotal', { total: baseTotal })}</Typography.Text>
        </Space>
        {fields.items && <Typography.Text type="danger">{fields.items}</Typography.Text>}
        <Collapse
          size="small"
          items={[
            {
              key: 'versions',
              label: t('reviews.admin.versions'),
              children: (
                <List
                  size="small"
                  dataSource={data.versions}
                  renderItem={(v) => <List.Item>{t('reviews.admin.versionItem', { version: v.version, at: dayjs(v.createdAt).format('YYYY-MM-DD HH:mm'), n: v.panelCount })}</List.Item>}
                />
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
