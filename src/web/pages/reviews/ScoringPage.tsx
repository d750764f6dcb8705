import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import dayjs from 'dayjs';
import type { ScoreItemInput, ScoringView } from '../../../shared/contracts/reviews';
import { baseMaxPoints } from '../../../shared/domain/scoring';
import { reviewApi } from '../../api/reviewEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { ExpertWorkBefore, SigningCard } from './ExpertWorkCards';

type Scores = Record<string, number | boolean>;
const scoringKey = (panelId: string) => ['review-scoring', panelId] as const;
const when = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '');

/** The running total shown while scoring: base plus bonus points, capped at the base maximum (in tenths, like the server). */
function runningTotal(items: readonly ScoreItemInput[], scores: Scores): number {
  const tenths = items.reduce((sum, i) => (!i.veto && typeof scores[i.code] === 'number' ? sum + Math.round((scores[i.code] as number) * 10) : sum), 0);
  const cap = Math.round(baseMaxPoints({ id: '', version: 0, kind: 'evaluation', items }) * 10);
  return Math.min(tenths, cap) / 10;
}

function ConflictForm({ view, onDone }: { view: ScoringView; onDone: (next: ScoringView) => void }) {
  const { t } = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ hasConflict: boolean; note?: string }>();
  const hasConflict = Form.useWatch('hasConflict', form);
  const submit = async () => {
    let values: { hasConflict: boolean; note?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    modal.confirm({
      title: t('reviews.scoring.declareTitle'),
      content: t('reviews.scoring.declareConfirm'),
      onOk: async () => {
        try {
          onDone(await reviewApi.declare(view.panelId, { hasConflict: values.hasConflict, note: values.note ?? null }));
          void message.success(t('reviews.scoring.declared'));
        } catch (e) {
          void message.error(e instanceof Error ? e.message : String(e));
        }
      },
    });
  };
  return (
    <Card title={t('reviews.scoring.declareTitle')}>
      <Typography.Paragraph type="secondary">{t('reviews.scoring.declareHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ hasConflict: false }} name="conflict">
        <Form.Item name="hasConflict">
          <Radio.Group>
            <Radio value={false}>{t('reviews.scoring.none')}</Radio>
            <Radio value={true}>{t('reviews.scoring.conflict')}</Radio>
          </Radio.Group>
        </Form.Item>
        {hasConflict && (
          <Form.Item name="note" label={t('reviews.scoring.note')} rules={[{ required: true, whitespace: true, message: t('reviews.scoring.noteRequired') }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
        <Button type="primary" onClick={() => void submit()}>
          {t('reviews.scoring.declare')}
        </Button>
      </Form>
    </Card>
  );
}

/** 专家评分: the panel's sheet version, points per item, veto checkboxes, running total; save draft / submit. */
export default function ScoringPage() {
  const { id = '' } = useParams();
  const { t, locale } = useT();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [scores, setScores] = useState<Scores>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { data, error: loadError, isPending, refetch } = useQuery({ queryKey: scoringKey(id), queryFn: () => reviewApi.scoring(id) });

  useEffect(() => {
    if (data) setScores(data.scores);
  }, [data]);
  const total = useMemo(() => (data ? runningTotal(data.sheet.items, scores) : 0), [data, scores]);

  if (isPending) return <Loading />;
  if (loadError) return <ErrorResult error={loadError} onRetry={() => void refetch()} />;

  const editable = !data.decidedAt && data.status === 'draft';
  const vetoed = data.sheet.items.some((i) => i.veto && scores[i.code] === true);
  const setView = (next: ScoringView) => queryClient.setQueryData(scoringKey(id), next);

  const save = async (submit: boolean) => {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      // Unticked veto items are a "no" once the expert submits.
      const body: Scores = { ...scores };
      if (submit) for (const item of data.sheet.items) if (item.veto) body[item.code] = scores[item.code] === true;
      setView(await reviewApi.saveScores(id, { scores: body, submit }));
      void message.success(t(submit ? 'reviews.scoring.submittedOk' : 'reviews.scoring.saved'));
      await queryClient.invalidateQueries({ queryKey: ['my-reviews'] });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      const fields = (e as { fields?: Record<string, string> }).fields ?? {};
      setFieldErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^scores\./, ''), v])));
    } finally {
      setBusy(false);
    }
  };
  const confirmSubmit = () =>
    modal.confirm({ title: t('reviews.scoring.submitConfirmTitle'), content: t('reviews.scoring.submitConfirm'), onOk: () => save(true) });

  const kind = t(`reviews.kinds.${data.kind}`);
  return (
    <PageContainer
      title={t('reviews.scoring.title')}
      subTitle={t('reviews.scoring.subtitle', { enterprise: data.round.enterpriseName, year: data.round.listingYear, district: data.round.districtName, kind })}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('reviews.menu.mine'), to: '/reviews' }, { title: data.round.enterpriseName }]}
      extra={
        <Space>
          <Link to={`/rounds/${data.round.id}`}>{t('reviews.scoring.round')}</Link>
          <Link to="/reviews">{t('reviews.scoring.backToList')}</Link>
        </Space>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {data.decidedAt && <Alert type="info" showIcon message={t('reviews.scoring.decided', { at: when(data.decidedAt) })} />}
        {!data.decidedAt && data.status === 'submitted' && <Alert type="success" showIcon message={t('reviews.scoring.readOnly', { at: when(data.submittedAt) })} />}
        {data.status === 'conflict' && <Alert type="warning" showIcon message={t('reviews.scoring.conflictDeclared', { note: data.conflictNote ?? '' })} />}
        {data.status === 'undeclared' && !data.decidedAt && <ConflictForm view={data} onDone={setView} />}
        <ExpertWorkBefore panelId={data.panelId} roundId={data.round.id} status={data.status} />
        {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} data-testid="scoring-error" />}
        {data.status !== 'undeclared' && data.status !== 'conflict' && (
          <Card
            title={`${kind} · v${data.sheet.version}`}
            extra={
              <Space>
                <Typography.Text strong data-testid="running-total">{t('reviews.scoring.total', { total: total.toFixed(1), max: baseMaxPoints({ id: '', version: 0, kind: data.kind, items: data.sheet.items }) })}</Typography.Text>
                {vetoed && <Tag color="error">{t('reviews.scoring.vetoed')}</Tag>}
              </Space>
            }
          >
            <Table<ScoreItemInput>
              rowKey="code"
              pagination={false}
              dataSource={data.sheet.items}
              columns={[
                {
                  title: t('reviews.scoring.item'),
                  key: 'label',
                  render: (_, i) => (
                    <Space>
                      {i.label[locale]}
                      {i.veto && <Tag color="red">{t('reviews.scoring.vetoShort')}</Tag>}
                      {i.bonus && <Tag color="gold">{t('reviews.scoring.bonus')}</Tag>}
                    </Space>
                  ),
                },
                { title: t('reviews.scoring.maxPoints'), key: 'max', width: 90, render: (_, i) => (i.veto ? '—' : i.maxPoints) },
                {
                  title: t('reviews.scoring.points'),
                  key: 'points',
                  width: 220,
                  render: (_, i) => (
                    <Space direction="vertical" size={0}>
                      {i.veto ? (
                        <Checkbox
                          checked={scores[i.code] === true}
                          disabled={!editable}
                          onChange={(e) => setScores({ ...scores, [i.code]: e.target.checked })}
                        >
                          {t('reviews.scoring.found')}
                        </Checkbox>
                      ) : (
                        <InputNumber
                          aria-label={i.label[locale]}
                          min={0}
                          max={i.maxPoints}
                          step={0.5}
                          precision={1}
                          disabled={!editable}
                          status={fieldErrors[i.code] ? 'error' : undefined}
                          value={typeof scores[i.code] === 'number' ? (scores[i.code] as number) : null}
                          onChange={(v) => {
                            const next = { ...scores };
                            if (typeof v === 'number') next[i.code] = v;
                            else delete next[i.code];
                            setScores(next);
                          }}
                        />
                      )}
                      {fieldErrors[i.code] && <Typography.Text type="danger">{fieldErrors[i.code]}</Typography.Text>}
                    </Space>
                  ),
                },
              ]}
            />
            {editable && (
              <Space style={{ marginTop: 16 }}>
                <Button loading={busy} onClick={() => void save(false)}>
                  {t('reviews.scoring.saveDraft')}
                </Button>
                <Button type="primary" loading={busy} onClick={confirmSubmit}>
                  {t('reviews.scoring.submit')}
                </Button>
              </Space>
            )}
          </Card>
        )}
        <SigningCard panelId={data.panelId} status={data.status} />
      </Space>
    </PageContainer>
  );
}
