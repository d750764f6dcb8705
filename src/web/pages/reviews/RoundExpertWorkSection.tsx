import { useState } from 'react';
import { Alert, App, Card, Collapse, Empty, Form, Input, Modal, Rate, Space, Table, Tag, Typography, Button } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { MemberWork, PanelWork, RatingInput } from '../../../shared/contracts/expertWork';
import type { RoundDetail } from '../../../shared/contracts/rounds';
import { expertWorkApi } from '../../api/expertWorkEndpoints';
import { isApiError } from '../../api/client';
import { applyServerFieldErrors } from '../../components/form';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { useT } from '../../i18n';
import { MaterialsList, PreReviewView } from './ExpertWorkCards';

/** 专家工作 tab of a round (bureau users): material timeliness per panel, members' pre-reviews, signatures, ratings. */

const workKey = (roundId: string) => ['round', roundId, 'expert-work'] as const;
const when = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—');

function RateModal(props: { roundId: string; panel: PanelWork; member: MemberWork; onClose: () => void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RatingInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    let values: RatingInput;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      queryClient.setQueryData(workKey(props.roundId), await expertWorkApi.rate(props.panel.panelId, props.member.expertUserId, values));
      void message.success(t('expertWork.round.rated'));
      props.onClose();
    } catch (e) {
      if (isApiError(e)) applyServerFieldErrors(form, e, ['rating', 'comment']);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('expertWork.round.rateTitle', { name: props.member.displayName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={props.onClose}
    >
      {error && <Alert style={{ marginBottom: 12 }} type="error" showIcon message={error} />}
      <Form
        form={form}
        layout="vertical"
        name="rating"
        initialValues={{ rating: props.member.rating?.rating, comment: props.member.rating?.comment ?? '' }}
      >
        <Form.Item name="rating" label={t('expertWork.round.ratingLabel')} rules={[{ required: true, message: t('expertWork.round.ratingRequired') }]}>
          <Rate />
        </Form.Item>
        <Form.Item name="comment" label={t('expertWork.round.comment')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PanelWorkCard({ panel, onRate }: { panel: PanelWork; onRate: (m: MemberWork) => void }) {
  const { t } = useT();
  return (
    <Card
      size="small"
      title={t('expertWork.round.panelTitle', { kind: t(`reviews.kinds.${panel.kind}`), at: when(panel.formedAt) })}
      extra={panel.grade ? <Tag color={panel.grade === 'fail' || panel.grade === 'rejected' ? 'error' : 'success'}>{t(`reviews.grades.${panel.grade}`)}</Tag> : null}
      data-testid={`panel-work-${panel.kind}`}
    >
      <Space align="start" size={32} wrap style={{ marginBottom: 12 }}>
        <Space direction="vertical" size={0}>
          <Typography.Text type="secondary">{t('expertWork.panel.meeting')}</Typography.Text>
          <Typography.Text>
            {panel.meetingOn
              ? t('expertWork.panel.meetingAt', { date: panel.meetingOn, place: panel.meetingPlace ?? t('expertWork.panel.placeTbd') })
              : t('expertWork.meetingNone')}
          </Typography.Text>
        </Space>
        <Space direction="vertical" size={0}>
          <Typography.Text type="secondary">{t('expertWork.panel.materialsDue')}</Typography.Text>
          <Typography.Text>{panel.materialsDue ?? '—'}</Typography.Text>
        </Space>
        <Space direction="vertical" size={0}>
          <Typography.Text type="secondary">{t('expertWork.panel.materials')}</Typography.Text>
          <MaterialsList materials={panel.materials} />
        </Space>
      </Space>
      {panel.canRate && <Typography.Paragraph type="secondary">{t('expertWork.round.rateHint')}</Typography.Paragraph>}
      <Table<MemberWork>
        size="small"
        rowKey="expertUserId"
        pagination={false}
        dataSource={panel.members}
        columns={[
          {
            title: t('expertWork.round.member'),
            key: 'name',
            render: (_, m) => (m.replacedAt ? <Typography.Text delete>{m.displayName}</Typography.Text> : m.displayName),
          },
          {
            title: t('expertWork.round.preReview'),
            key: 'preReview',
            render: (_, m) => (m.replacedAt ? t('expertWork.round.replaced') : t(`expertWork.preReviewStatus.${m.preReview}`)),
          },
          {
            title: t('expertWork.round.scores'),
            key: 'scores',
            render: (_, m) => (m.submittedAt ? `${t('expertWork.round.submitted')} ${when(m.submittedAt)}` : t('expertWork.round.notSubmitted')),
          },
          {
            title: t('expertWork.round.signature'),
            key: 'signature',
            render: (_, m) =>
              m.signature ? (
                <Space direction="vertical" size={0}>
                  <Tag color={m.signature.current ? 'success' : 'warning'}>
                    {m.signature.current ? t('expertWork.signedYes') : t('expertWork.round.staleSignature')}
                  </Tag>
                  <Typography.Text type="secondary">
                    {m.signature.signedName} · {when(m.signature.signedAt)}
                  </Typography.Text>
                </Space>
              ) : (
                t('expertWork.signedNo')
              ),
          },
          {
            title: t('expertWork.round.rating'),
            key: 'rating',
            render: (_, m) => (
              <Space direction="vertical" size={0}>
                {m.rating ? <Rate disabled value={m.rating.rating} style={{ fontSize: 14 }} /> : '—'}
                {m.rating?.comment && <Typography.Text type="secondary">{m.rating.comment}</Typography.Text>}
                {panel.canRate && !m.replacedAt && (
                  <Button size="small" onClick={() => onRate(m)}>
                    {m.rating ? t('expertWork.round.rerate') : t('expertWork.round.rate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Collapse
        style={{ marginTop: 12 }}
        size="small"
        items={[
          {
            key: 'preReviews',
            label: `${t('expertWork.round.preReviews')}（${panel.preReviews.length}）`,
            children: !panel.preReviewsVisible ? (
              <Typography.Text type="secondary">{t('expertWork.round.preReviewsHidden')}</Typography.Text>
            ) : panel.preReviews.length === 0 ? (
              <Typography.Text type="secondary">{t('expertWork.round.preReviewsEmpty')}</Typography.Text>
            ) : (
              <Space direction="vertical" style={{ width: '100%' }}>
                {panel.preReviews.map((r) => (
                  <Space key={r.expertUserId} direction="vertical" style={{ width: '100%' }}>
                    <Typography.Text strong>
                      {r.expertName} · {when(r.submittedAt)}
                    </Typography.Text>
                    <PreReviewView review={r} t={t} />
                  </Space>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function RoundExpertWorkSection({ round }: { round: RoundDetail }) {
  const { t } = useT();
  const [rating, setRating] = useState<{ panel: PanelWork; member: MemberWork } | null>(null);
  const { data, error, isPending, refetch } = useQuery({ queryKey: workKey(round.id), queryFn: () => expertWorkApi.roundWork(round.id) });
  if (isPending) return <Loading />;
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="expert-work-section">
      <Typography.Text type="secondary">{t('expertWork.round.leadDays', { days: data.leadDays })}</Typography.Text>
      {data.panels.length === 0 ? (
        <Empty description={t('expertWork.round.empty')} />
      ) : (
        data.panels.map((p) => <PanelWorkCard key={p.panelId} panel={p} onRate={(member) => setRating({ panel: p, member })} />)
      )}
      {rating && <RateModal roundId={round.id} panel={rating.panel} member={rating.member} onClose={() => setRating(null)} />}
    </Space>
  );
}
