import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import type { ExpertDetail, ExpertRecord } from '../../../shared/contracts/experts';
import { expertApi } from '../../api/expertEndpoints';
import { useReferenceLookup } from '../../app/reference';
import { useT } from '../../i18n';

type TieKind = 'employer' | 'agency' | 'enterprise';

export function ProfileDescriptions({ expert }: { expert: ExpertDetail }) {
  const { t } = useT();
  const ref = useReferenceLookup();
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label={t('experts.fields.name')}>{expert.name}</Descriptions.Item>
      <Descriptions.Item label={t('experts.fields.username')}>{expert.username ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('experts.fields.title')}>{expert.title ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('experts.fields.employer')}>{expert.employer ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('experts.fields.industries')}>
        {expert.industries.map((c) => ref.industryName(c, c) && `${c} ${ref.industryName(c, '')}`).join('；') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('experts.fields.expertise')}>{expert.expertise.map((k) => t(`experts.expertise.${k}`)).join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('experts.fields.district')}>{expert.districtName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('experts.fields.status')}>
        <Tag color={expert.status === 'active' ? 'success' : 'default'}>{t(`experts.status.${expert.status}`)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('experts.fields.phone')}>{expert.phone ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('experts.fields.email')}>{expert.email ?? '—'}</Descriptions.Item>
    </Descriptions>
  );
}

/** Unavailable periods, edited as a whole (`expertId` null: the signed-in expert's own). */
export function AvailabilityEditor({ expert, expertId, onSaved }: { expert: ExpertDetail; expertId: string | null; onSaved: (e: ExpertDetail) => void }) {
  const { t } = useT();
  const { message } = App.useApp();
  type Row = { from: Dayjs | null; to: Dayjs | null; note: string };
  const [rows, setRows] = useState<Row[]>(expert.availability.map((p) => ({ from: dayjs(p.fromOn), to: dayjs(p.toOn), note: p.note ?? '' })));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (rows.some((r) => !r.from || !r.to)) return setError(`${t('experts.detail.from')} / ${t('experts.detail.to')}`);
    setBusy(true);
    setError(null);
    try {
      const saved = await expertApi.saveAvailability(expertId, {
        periods: rows.map((r) => ({ fromOn: r.from!.format('YYYY-MM-DD'), toOn: r.to!.format('YYYY-MM-DD'), note: r.note.trim() || null })),
      });
      onSaved(saved);
      void message.success(t('experts.list.saved'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('experts.detail.availability')} data-testid="availability">
      <Typography.Paragraph type="secondary">{t('experts.detail.availabilityHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {rows.length === 0 && <Typography.Text type="secondary">{t('experts.detail.noPeriods')}</Typography.Text>}
        {rows.map((r, i) => (
          <Space key={i} wrap>
            <DatePicker value={r.from} placeholder={t('experts.detail.from')} onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, from: v } : x)))} />
            <DatePicker value={r.to} placeholder={t('experts.detail.to')} onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, to: v } : x)))} />
            <Input value={r.note} maxLength={200} placeholder={t('experts.detail.note')} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, note: e.target.value } : x)))} />
            <Button danger onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {t('experts.detail.remove')}
            </Button>
          </Space>
        ))}
        <Space>
          <Button onClick={() => setRows([...rows, { from: null, to: null, note: '' }])}>{t('experts.detail.addPeriod')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()}>
            {t('experts.detail.save')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

function OrgPicker({ kind, value, label, onChange }: { kind: 'agency' | 'enterprise'; value: string | null; label: string | null; onChange: (id: string, name: string) => void }) {
  const [q, setQ] = useState('');
  const options = useQuery({ queryKey: ['expert-tie-options', kind, q], queryFn: () => expertApi.tieOptions(kind, q) });
  const list = (options.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  if (value && label && !list.some((o) => o.value === value)) list.unshift({ value, label });
  return (
    <Select
      showSearch
      style={{ minWidth: 280 }}
      value={value ?? undefined}
      filterOption={false}
      onSearch={setQ}
      options={list}
      onChange={(id: string) => onChange(id, list.find((o) => o.value === id)?.label ?? '')}
    />
  );
}

/** Declared ties, edited as a whole. */
export function TiesEditor({ expert, expertId, onSaved }: { expert: ExpertDetail; expertId: string | null; onSaved: (e: ExpertDetail) => void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [rows, setRows] = useState(
    expert.ties.map((x) => ({ kind: x.kind, organizationId: x.organizationId, organizationName: x.organizationName, employerName: x.employerName ?? '', note: x.note ?? '' })),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const saved = await expertApi.saveTies(expertId, {
        ties: rows.map((r) => ({
          kind: r.kind,
          organizationId: r.kind === 'employer' ? null : r.organizationId,
          employerName: r.kind === 'employer' ? r.employerName : null,
          note: r.note.trim() || null,
        })),
      });
      onSaved(saved);
      void message.success(t('experts.list.saved'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const set = (i: number, patch: Partial<(typeof rows)[number]>) => setRows(rows.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <Card size="small" title={t('experts.detail.ties')} data-testid="ties">
      <Typography.Paragraph type="secondary">{t('experts.detail.tiesHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {rows.length === 0 && <Typography.Text type="secondary">{t('experts.detail.noTies')}</Typography.Text>}
        {rows.map((r, i) => (
          <Space key={i} wrap>
            <Select<TieKind>
              value={r.kind}
              style={{ width: 150 }}
              onChange={(kind) => set(i, { kind, organizationId: null, organizationName: null })}
              options={(['employer', 'agency', 'enterprise'] as const).map((k) => ({ value: k, label: t(`experts.tieKinds.${k}`) }))}
            />
            {r.kind === 'employer' ? (
              <Input style={{ minWidth: 280 }} value={r.employerName} maxLength={200} placeholder={t('experts.detail.tieTarget')} onChange={(e) => set(i, { employerName: e.target.value })} />
            ) : (
              <OrgPicker kind={r.kind} value={r.organizationId} label={r.organizationName} onChange={(id, name) => set(i, { organizationId: id, organizationName: name })} />
            )}
            <Input value={r.note} maxLength={200} placeholder={t('experts.detail.note')} onChange={(e) => set(i, { note: e.target.value })} />
            <Button danger onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {t('experts.detail.remove')}
            </Button>
          </Space>
        ))}
        <Space>
          <Button onClick={() => setRows([...rows, { kind: 'agency', organizationId: null, organizationName: null, employerName: '', note: '' }])}>{t('experts.detail.addTie')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()}>
            {t('experts.detail.save')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

const day = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD') : '—');

/** The expert record (city): reviews, recusals, declines and replacements, ratings. */
export function RecordTables({ record }: { record: ExpertRecord }) {
  const { t } = useT();
  const r = record.ratings;
  return (
    <Card size="small" title={t('experts.detail.record')} data-testid="expert-record">
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <Typography.Text>
          {t('experts.detail.ratings')}：
          {r.count === 0 ? t('experts.detail.ratingsNone') : t('experts.detail.ratingsValue', { average: (r.average ?? 0).toFixed(1), count: r.count })}
        </Typography.Text>
        <Typography.Text strong>{t('experts.detail.reviews')}</Typography.Text>
        <Table
          size="small"
          rowKey="panelId"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={record.reviews}
          columns={[
            { title: t('experts.detail.enterprise'), key: 'e', render: (_, x) => <Link to={`/rounds/${x.roundId}`}>{x.enterpriseName}</Link> },
            { title: t('experts.detail.kind'), key: 'k', render: (_, x) => t(`reviews.kinds.${x.kind}`) },
            { title: t('experts.detail.formedAt'), key: 'f', render: (_, x) => day(x.formedAt) },
            { title: t('experts.detail.grade'), key: 'g', render: (_, x) => (x.grade ? t(`reviews.grades.${x.grade as 'pass'}`) : '—') },
            { title: t('experts.fields.status'), key: 's', render: (_, x) => t(`experts.detail.memberStatus.${x.status}`) },
          ]}
        />
        <Typography.Text strong>{t('experts.detail.recusals')}</Typography.Text>
        <Table
          size="small"
          rowKey="drawId"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={record.recusals}
          columns={[
            { title: t('experts.detail.enterprise'), key: 'e', render: (_, x) => <Link to={`/rounds/${x.roundId}`}>{x.enterpriseName}</Link> },
            { title: t('experts.detail.drawAt'), key: 'd', render: (_, x) => day(x.createdAt) },
            {
              title: t('experts.detail.reasons'),
              key: 'r',
              render: (_, x) => (
                <Space wrap>
                  {x.reasons.map((reason) => (
                    <Tag key={reason} color="orange">
                      {t(`experts.reasons.${reason}`)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
        <Typography.Text strong>{t('experts.detail.declines')}</Typography.Text>
        <Table
          size="small"
          rowKey="panelId"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={record.declines}
          columns={[
            { title: t('experts.detail.enterprise'), key: 'e', render: (_, x) => <Link to={`/rounds/${x.roundId}`}>{x.enterpriseName}</Link> },
            { title: t('experts.detail.conflictNote'), key: 'n', render: (_, x) => x.conflictNote ?? '—' },
            { title: t('experts.detail.replacedAt'), key: 'r', render: (_, x) => day(x.replacedAt) },
          ]}
        />
      </Space>
    </Card>
  );
}
