import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import type { ExpertPanelWork, PanelMaterials, PreReview, PreReviewInput } from '../../../shared/contracts/expertWork';
import { PRE_REVIEW_CONCLUSIONS, PRE_REVIEW_TEXT_FIELDS } from '../../../shared/domain/expertWork';
import { expertWorkApi } from '../../api/expertWorkEndpoints';
import { isApiError } from '../../api/client';
import { applyServerFieldErrors } from '../../components/form';
import { ErrorResult } from '../../components/ErrorResult';
import { useT, type TFunction } from '../../i18n';

/** The expert's work around a panel, shown on the scoring page: meeting and material, pre-review, signing. */

/** Under 'my-reviews', so the scoring page's invalidation after saving scores refreshes it too. */
const workKey = (panelId: string, status: string) => ['my-reviews', 'expert-work', panelId, status] as const;
const when = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '');

export const MATERIAL_STATUS_COLORS: Record<PanelMaterials['status'], string> = {
  unscheduled: 'default',
  inTime: 'success',
  late: 'warning',
  pending: 'processing',
  missing: 'error',
};

export function MaterialsList({ materials }: { materials: PanelMaterials }) {
  const { t } = useT();
  return (
    <Space direction="vertical" size={2}>
      <Tag color={MATERIAL_STATUS_COLORS[materials.status]}>{t(`expertWork.materialsStatus.${materials.status}`)}</Tag>
      {materials.items.map((i) => (
        <Typography.Text key={i.item} type={i.availableAt ? undefined : 'secondary'}>
          {t(`expertWork.materialItems.${i.item}`)}：
          {i.availableAt ? t('expertWork.panel.availableAt', { at: when(i.availableAt) }) : t('expertWork.panel.notAvailable')}
        </Typography.Text>
      ))}
    </Space>
  );
}

export function PreReviewView({ review, t }: { review: PreReview; t: TFunction }) {
  return (
    <Descriptions size="small" column={1} bordered>
      {PRE_REVIEW_TEXT_FIELDS.map((f) => (
        <Descriptions.Item key={f} label={t(`expertWork.fields.${f}`)}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{review[f] ?? '—'}</Typography.Paragraph>
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={t('expertWork.fields.preliminaryConclusion')}>
        {review.preliminaryConclusion ? t(`reviews.grades.${review.preliminaryConclusion}`) : '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}

function useWork(panelId: string, status: string) {
  return useQuery({ queryKey: workKey(panelId, status), queryFn: () => expertWorkApi.panelWork(panelId) });
}

function MeetingCard({ work, roundId }: { work: ExpertPanelWork; roundId: string }) {
  const { t } = useT();
  return (
    <Card title={t('expertWork.panel.title')} size="small" data-testid="expert-work-meeting">
      {work.overdue && <Alert style={{ marginBottom: 12 }} type="error" showIcon message={t('expertWork.panel.overdue')} />}
      {work.dueSoon && <Alert style={{ marginBottom: 12 }} type="warning" showIcon message={t('expertWork.panel.dueSoon')} />}
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('expertWork.panel.meeting')}>
          {work.meetingOn
            ? t('expertWork.panel.meetingAt', { date: work.meetingOn, place: work.meetingPlace ?? t('expertWork.panel.placeTbd') })
            : t('expertWork.meetingNone')}
        </Descriptions.Item>
        <Descriptions.Item label={t('expertWork.panel.materialsDue')}>{work.materialsDue ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('expertWork.panel.materials')}>
          <Space direction="vertical" size={4}>
            <MaterialsList materials={work.materials} />
            <Link to={`/rounds/${roundId}`}>{t('expertWork.panel.openRound')}</Link>
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

type PreReviewForm = Omit<PreReviewInput, 'submit'>;

function PreReviewCard({ work, status, onChange }: { work: ExpertPanelWork; status: string; onChange: (next: ExpertPanelWork) => void }) {
  const { t } = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<PreReviewForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const own = work.myPreReview;
  useEffect(() => {
    form.setFieldsValue({
      overallImpression: own?.overallImpression ?? '',
      mainProblems: own?.mainProblems ?? '',
      questions: own?.questions ?? '',
      suggestedRevisions: own?.suggestedRevisions ?? '',
      preliminaryConclusion: own?.preliminaryConclusion ?? null,
    });
  }, [form, own]);

  const save = async (submit: boolean) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await expertWorkApi.savePreReview(work.panelId, { ...form.getFieldsValue(), submit }));
      void message.success(t(submit ? 'expertWork.preReview.submitted' : 'expertWork.preReview.saved'));
    } catch (e) {
      if (isApiError(e)) applyServerFieldErrors(form, e, [...PRE_REVIEW_TEXT_FIELDS, 'preliminaryConclusion']);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = () =>
    modal.confirm({ title: t('expertWork.preReview.submitConfirmTitle'), content: t('expertWork.preReview.submitConfirm'), onOk: () => save(true) });

  const undeclared = status === 'undeclared';
  return (
    <Card
      title={t('expertWork.preReview.title')}
      size="small"
      data-testid="pre-review"
      extra={own?.submittedAt ? <Tag color="success">{t('expertWork.preReview.submittedAt', { at: when(own.submittedAt) })}</Tag> : null}
    >
      <Typography.Paragraph type="secondary">{t('expertWork.preReview.hint')}</Typography.Paragraph>
      {undeclared && <Alert type="info" showIcon message={t('expertWork.preReview.conflictFirst')} />}
      {error && <Alert style={{ marginBottom: 12 }} type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      {work.canEditPreReview ? (
        <Form form={form} layout="vertical" name="preReview">
          {PRE_REVIEW_TEXT_FIELDS.map((f) => (
            <Form.Item key={f} name={f} label={t(`expertWork.fields.${f}`)}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          ))}
          <Form.Item name="preliminaryConclusion" label={t('expertWork.fields.preliminaryConclusion')}>
            <Radio.Group>
              {PRE_REVIEW_CONCLUSIONS[work.kind].map((g) => (
                <Radio key={g} value={g}>
                  {t(`reviews.grades.${g}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Space>
            <Button loading={busy} onClick={() => void save(false)}>
              {t('expertWork.preReview.saveDraft')}
            </Button>
            <Button type="primary" loading={busy} onClick={submit}>
              {t('expertWork.preReview.submit')}
            </Button>
          </Space>
        </Form>
      ) : own ? (
        <PreReviewView review={own} t={t} />
      ) : (
        !undeclared && <Empty description={t('expertWork.preReview.none')} />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('expertWork.preReview.others')}
      </Typography.Title>
      {!work.preReviewsVisible ? (
        <Typography.Text type="secondary">{t('expertWork.preReview.othersHidden')}</Typography.Text>
      ) : work.otherPreReviews.length === 0 ? (
        <Typography.Text type="secondary">{t('expertWork.preReview.othersEmpty')}</Typography.Text>
      ) : (
        <List
          dataSource={work.otherPreReviews}
          renderItem={(r) => (
            <List.Item key={r.expertUserId}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text strong>
                  {r.expertName} · {when(r.submittedAt)}
                </Typography.Text>
                <PreReviewView review={r} t={t} />
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** Above the score sheet: the meeting, the material and the pre-review form. */
export function ExpertWorkBefore({ panelId, roundId, status }: { panelId: string; roundId: string; status: string }) {
  const queryClient = useQueryClient();
  const { data, error, refetch } = useWork(panelId, status);
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <MeetingCard work={data} roundId={roundId} />
      {status !== 'conflict' && (
        <PreReviewCard work={data} status={status} onChange={(next) => queryClient.setQueryData(workKey(panelId, status), next)} />
      )}
    </Space>
  );
}

/** Below the score sheet: the panel result and the member's signature (签字确认). */
export function SigningCard({ panelId, status }: { panelId: string; status: string }) {
  const { t } = useT();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ fullName: string }>();
  const [error, setError] = useState<string | null>(null);
  const { data } = useWork(panelId, status);
  if (!data || status === 'conflict' || status === 'undeclared') return null;
  const { signing } = data;

  const sign = async () => {
    let values: { fullName: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    modal.confirm({
      title: t('expertWork.signing.confirmTitle'),
      content: t('expertWork.signing.confirm', { name: values.fullName.trim() }),
      onOk: async () => {
        setError(null);
        try {
          queryClient.setQueryData(workKey(panelId, status), await expertWorkApi.sign(panelId, values.fullName));
          void message.success(t('expertWork.signing.signed'));
        } catch (e) {
          if (isApiError(e)) applyServerFieldErrors(form, e, ['fullName']);
          setError(e instanceof Error ? e.message : String(e));
        }
      },
    });
  };

  return (
    <Card title={t('expertWork.signing.title')} size="small" data-testid="signing">
      <Typography.Paragraph type="secondary">{t('expertWork.signing.hint')}</Typography.Paragraph>
      {error && <Alert style={{ marginBottom: 12 }} type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      {signing.result ? (
        <Space direction="vertical" style={{ marginBottom: 12 }}>
          <Typography.Text strong data-testid="signing-result">
            {t('expertWork.signing.result', { score: signing.result.score.toFixed(1), grade: t(`reviews.grades.${signing.result.grade}`) })}
          </Typography.Text>
          {signing.result.vetoItems.length > 0 && (
            <Typography.Text type="danger">{t('expertWork.signing.vetoes', { items: signing.result.vetoItems.join('、') })}</Typography.Text>
          )}
        </Space>
      ) : (
        <Alert style={{ marginBottom: 12 }} type="info" showIcon message={t('expertWork.signing.waiting')} />
      )}
      {signing.mySignature?.current && (
        <Alert
          style={{ marginBottom: 12 }}
          type="success"
          showIcon
          data-testid="my-signature"
          message={t('expertWork.signing.mySignature', { name: signing.mySignature.signedName, at: when(signing.mySignature.signedAt) })}
        />
      )}
      {signing.mySignature && !signing.mySignature.current && (
        <Alert style={{ marginBottom: 12 }} type="warning" showIcon message={t('expertWork.signing.stale')} />
      )}
      {signing.canSign && (
        <Form form={form} layout="inline" name="signature" style={{ marginBottom: 12 }}>
          <Form.Item
            name="fullName"
            label={t('expertWork.signing.fullName')}
            rules={[{ required: true, whitespace: true, message: t('expertWork.signing.fullNameRequired') }]}
          >
            <Input maxLength={100} style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" onClick={() => void sign()}>
            {t('expertWork.signing.sign')}
          </Button>
        </Form>
      )}
      <Typography.Text strong>{t('expertWork.signing.members')}</Typography.Text>
      <div style={{ marginTop: 8 }}>
        <Space wrap>
          {signing.members.map((m) => (
            <Tag key={m.displayName} color={m.signedAt ? 'success' : m.submitted ? 'default' : 'warning'}>
              {m.displayName}：{m.signedAt ? `${t('expertWork.signedYes')} ${when(m.signedAt)}` : m.submitted ? t('expertWork.signedNo') : t('expertWork.signing.notSubmitted')}
            </Tag>
          ))}
        </Space>
      </div>
    </Card>
  );
}
