import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Space, Table, Timeline, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NarrativeBody, SubmissionDto } from '../../../shared/contracts/statistics';
import { NARRATIVE_FIELDS, NARRATIVE_LABELS, SUMMARY_COLUMNS, SUMMARY_GROUP_LABELS, type NarrativeField } from '../../../shared/domain/summaryColumns';
import { statisticsApi } from '../../api/statisticsEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { useT } from '../../i18n';
import { formatFigure, SubmissionTag } from './summaryUi';

type Narrative = Record<NarrativeField, string | null>;

/**
 * One district's submission: the narrative (editable by the district while draft or returned), submit, the city's
 * comment, snapshot vs live figures per column, the history; for the city, accept or return with a comment.
 */
export function SubmissionPanel({ year, district }: { year: number; district?: string }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Narrative>();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const key = ['statistics', 'submission', year, district ?? 'mine'];
  const sub = useQuery({ queryKey: key, queryFn: () => statisticsApi.submission(year, district) });
  useEffect(() => {
    if (sub.data) form.setFieldsValue({ mainPractices: sub.data.mainPractices, problems: sub.data.problems, nextSteps: sub.data.nextSteps });
  }, [form, sub.data]);

  const done = (data: SubmissionDto, text: string) => {
    queryClient.setQueryData(key, data);
    void message.success(text);
    return queryClient.invalidateQueries({ queryKey: ['statistics'] });
  };
  const onError = (e: Error) => void message.error(e.message);
  const narrativeOf = (): NarrativeBody => ({ year, ...form.getFieldsValue() });
  const save = useMutation({ mutationFn: () => statisticsApi.saveNarrative(narrativeOf()), onSuccess: (d) => done(d, t('statistics.submission.saved')), onError });
  const submit = useMutation({
    mutationFn: async () => {
      await statisticsApi.saveNarrative(narrativeOf());
      return statisticsApi.submit(year);
    },
    onSuccess: (d) => done(d, t('statistics.submission.submitted')),
    onError,
  });
  const accept = useMutation({
    mutationFn: (id: string) => statisticsApi.accept(id, null),
    onSuccess: (d) => done(d, t('statistics.review.accepted')),
    onError,
  });
  const giveBack = useMutation({
    mutationFn: (id: string) => statisticsApi.returnIt(id, comment),
    onSuccess: (d) => {
      setReturning(false);
      setComment('');
      return done(d, t('statistics.review.returned'));
    },
    onError,
  });

  if (sub.isError) return <ErrorResult error={sub.error} onRetry={() => void sub.refetch()} />;
  if (!sub.data) return <Loading />;
  const s = sub.data;
  const changed = s.diff ? SUMMARY_COLUMNS.filter((c) => (s.diff?.[c.key] ?? 0) !== 0).length : 0;
  const rows = SUMMARY_COLUMNS.map((c) => ({ column: c, snapshot: s.snapshot?.values[c.key] ?? null, live: s.live[c.key] ?? 0, diff: s.diff?.[c.key] ?? null }));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="submission-panel">
      <Card
        size="small"
        title={t('statistics.submission.title', { district: s.districtName, year })}
        extra={<SubmissionTag state={s.state} locale={locale} none={t('statistics.notSaved')} />}
      >
        {s.state === 'returned' && s.reviewComment && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('statistics.submission.reviewComment')} description={s.reviewComment} />
        )}
        <Form form={form} layout="vertical" disabled={!s.abilities.edit}>
          {NARRATIVE_FIELDS.map((f) => (
            <Form.Item key={f} name={f} label={NARRATIVE_LABELS[f][locale]}>
              <Input.TextArea rows={3} maxLength={5000} showCount placeholder={t('statistics.submission.placeholder')} data-testid={`narrative-${f}`} />
            </Form.Item>
          ))}
        </Form>
        <Space wrap>
          {s.abilities.edit && (
            <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="narrative-save">
              {t('statistics.submission.save')}
            </Button>
          )}
          {s.abilities.submit && (
            <Popconfirm title={t('statistics.submission.submitConfirm')} onConfirm={() => submit.mutateAsync()} overlayStyle={{ maxWidth: 360 }}>
              <Button type="primary" loading={submit.isPending} data-testid="summary-submit">
                {s.state === 'returned' ? t('statistics.submission.resubmit') : t('statistics.submission.submit')}
              </Button>
            </Popconfirm>
          )}
          {s.abilities.review && s.id && (
            <>
              <Popconfirm title={t('statistics.review.acceptConfirm')} onConfirm={() => accept.mutateAsync(s.id as string)}>
                <Button type="primary" loading={accept.isPending} data-testid="summary-accept">
                  {t('statistics.review.accept')}
                </Button>
              </Popconfirm>
              <Button danger onClick={() => setReturning(true)} data-testid="summary-return">
                {t('statistics.review.return')}
              </Button>
            </>
          )}
          {!s.abilities.edit && !s.abilities.review && s.state && (
            <Typography.Text type="secondary">{t('statistics.submission.readOnly')}</Typography.Text>
          )}
        </Space>
      </Card>

      <Card size="small" title={t('statistics.submission.compare')}>
        {s.snapshot ? (
          <Alert
            style={{ marginBottom: 12 }}
            type={changed ? 'info' : 'success'}
            showIcon
            message={changed ? t('statistics.submission.changed', { n: changed }) : t('statistics.submission.unchanged')}
            description={t('statistics.submission.snapshotAt', { at: new Date(s.snapshot.computedAt).toLocaleString(locale), version: s.snapshot.catalogueVersion })}
          />
        ) : (
          <Alert style={{ marginBottom: 12 }} type="info" showIcon message={t('statistics.submission.noSnapshot')} />
        )}
        <Table
          size="small"
          rowKey={(r) => r.column.key}
          pagination={false}
          dataSource={rows}
          data-testid="submission-diff"
          columns={[
            { title: t('statistics.submission.column'), key: 'group', width: 160, render: (_: unknown, r) => SUMMARY_GROUP_LABELS[r.column.group][locale] },
            { title: '', key: 'label', render: (_: unknown, r) => `${r.column.label[locale]}（${r.column.unit[locale]}）` },
            {
              title: t('statistics.submission.snapshot'),
              key: 'snapshot',
              align: 'right',
              render: (_: unknown, r) => (r.snapshot === null ? '—' : formatFigure(r.snapshot, r.column, locale)),
            },
            { title: t('statistics.submission.live'), key: 'live', align: 'right', render: (_: unknown, r) => formatFigure(r.live, r.column, locale) },
            {
              title: t('statistics.submission.diff'),
              key: 'diff',
              align: 'right',
              render: (_: unknown, r) =>
                r.diff ? (
                  <Typography.Text type={r.diff > 0 ? 'success' : 'danger'} strong>
                    {r.diff > 0 ? '+' : ''}
                    {formatFigure(r.diff, r.column, locale)}
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>

      {s.history.length > 0 && (
        <Card size="small" title={t('statistics.submission.history')}>
          <Timeline
            items={s.history.map((h) => ({
              color: h.action === 'return' ? 'orange' : h.action === 'accept' ? 'green' : 'blue',
              children: (
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={new Date(h.occurredAt).toLocaleString(locale)}>
                    {t(`statistics.submission.actions.${h.action}`)} · {h.actorUsername ?? ''}
                  </Descriptions.Item>
                  {h.comment && <Descriptions.Item label={t('statistics.submission.reviewComment')}>{h.comment}</Descriptions.Item>}
                </Descriptions>
              ),
            }))}
          />
        </Card>
      )}

      <Modal
        open={returning}
        title={t('statistics.review.returnTitle')}
        okText={t('statistics.review.return')}
        cancelText={t('statistics.review.cancel')}
        okButtonProps={{ danger: true, disabled: comment.trim() === '', loading: giveBack.isPending }}
        onOk={() => s.id && giveBack.mutate(s.id)}
        onCancel={() => setReturning(false)}
      >
        <Form layout="vertical">
          <Form.Item label={t('statistics.review.comment')} required help={comment.trim() === '' ? t('statistics.review.commentRequired') : undefined}>
            <Input.TextArea rows={4} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="return-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
