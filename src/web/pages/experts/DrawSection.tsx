import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { DrawVerification, PanelDraw } from '../../../shared/contracts/experts';
import type { RoundPanels } from '../../../shared/contracts/reviews';
import { EXPERTISE_KINDS, type ExpertiseKind } from '../../../shared/domain/recusal';
import { drawApi } from '../../api/expertEndpoints';
import { useReferenceLookup } from '../../app/reference';
import { ErrorResult } from '../../components/ErrorResult';
import { useT, type TFunction } from '../../i18n';
import { ruleHint } from '../reviews/PanelModals';

export const drawsKey = (roundId: string) => ['round', roundId, 'draws'] as const;
const when = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm:ss') : '—');

/** Industry options: each section and its divisions. */
export function useIndustryOptions() {
  const ref = useReferenceLookup();
  return ref.industryGroups.map((g) => ({ label: g.label, title: g.title, options: [{ value: g.title, label: g.label }, ...g.options] }));
}

/** The district's draw form: size (the grading rule's minimum by default), required specialities, meeting date. */
export function DrawForm(props: { roundId: string; view: RoundPanels; onManual: () => void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ size: number; industries: string[]; expertise: ExpertiseKind[]; meetingOn: Dayjs | null }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const industries = useIndustryOptions();
  const kind = props.view.canForm;
  if (!kind) return null;
  const rule = props.view.rule;
  const minSize = rule.requireOdd && rule.minPanelSize % 2 === 0 ? rule.minPanelSize + 1 : rule.minPanelSize;

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await drawApi.draw(props.roundId, {
        size: values.size,
        industries: values.industries ?? [],
        expertise: values.expertise ?? [],
        meetingOn: values.meetingOn ? values.meetingOn.format('YYYY-MM-DD') : null,
      });
      await queryClient.invalidateQueries({ queryKey: ['round', props.roundId] });
      void message.success(t('experts.draw.done'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={`${t('experts.draw.title')} · ${t(`reviews.kinds.${kind}`)}`} data-testid="draw-form">
      <Typography.Paragraph type="secondary">{t('experts.draw.hint', { rule: ruleHint(rule, t) })}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="draw-error" />}
      <Form form={form} layout="inline" initialValues={{ size: minSize, industries: [], expertise: [], meetingOn: null }} style={{ rowGap: 12 }}>
        <Form.Item name="size" label={t('experts.draw.size')} rules={[{ required: true }]}>
          <InputNumber min={1} max={15} precision={0} step={rule.requireOdd ? 2 : 1} />
        </Form.Item>
        <Form.Item name="industries" label={t('experts.draw.industries')}>
          <Select mode="multiple" allowClear options={industries} optionFilterProp="label" style={{ minWidth: 260 }} placeholder={t('experts.draw.any')} />
        </Form.Item>
        <Form.Item name="expertise" label={t('experts.draw.expertise')}>
          <Select
            mode="multiple"
            allowClear
            style={{ minWidth: 180 }}
            placeholder={t('experts.draw.any')}
            options={EXPERTISE_KINDS.map((k) => ({ value: k, label: t(`experts.expertise.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="meetingOn" label={t('experts.draw.meetingOn')} tooltip={t('experts.draw.meetingHint')}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="draw-submit">
              {t('experts.draw.submit')}
            </Button>
            <Button onClick={props.onManual}>{t('experts.draw.manual')}</Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}

function verificationText(v: DrawVerification, t: TFunction): string {
  if (v.manual) return t('experts.draw.manualNoVerify');
  if (v.verified) return t('experts.draw.verified');
  const word = (ok: boolean) => (ok ? t('experts.draw.match') : t('experts.draw.mismatch'));
  return t('experts.draw.verifyFailed', { seed: word(v.seedMatches), result: word(v.resultMatches) });
}

/** One draw record: commitment, seed, times, criteria, candidates, exclusions with reasons, result, verification. */
export function DrawRecord({ draw }: { draw: PanelDraw }) {
  const { t } = useT();
  const [verification, setVerification] = useState<DrawVerification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const verify = async () => {
    setVerifying(true);
    setError(null);
    try {
      setVerification(await drawApi.verify(draw.id));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setVerifying(false);
    }
  };
  const expertise = draw.requiredExpertise.map((k) => t(`experts.expertise.${k as ExpertiseKind}`)).join('、') || t('experts.draw.any');
  return (
    <Card
      size="small"
      data-testid="draw-record"
      title={t('experts.draw.recordTitle', { kind: t(`reviews.kinds.${draw.kind}`), purpose: t(`experts.draw.purpose.${draw.purpose}`), at: when(draw.executedAt ?? draw.createdAt) })}
      extra={
        <Space>
          {draw.manual && <Tag color="warning">{t('experts.draw.manualTag')}</Tag>}
          {!draw.manual && (
            <Button size="small" loading={verifying} onClick={() => void verify()} data-testid="draw-verify">
              {t('experts.draw.verify')}
            </Button>
          )}
        </Space>
      }
    >
      {verification && (
        <Alert style={{ marginBottom: 12 }} showIcon type={verification.verified ? 'success' : 'error'} message={verificationText(verification, t)} data-testid="draw-verification" />
      )}
      {error && <Alert style={{ marginBottom: 12 }} showIcon type="error" message={error} />}
      {draw.manual && <Alert style={{ marginBottom: 12 }} showIcon type="warning" message={t('experts.draw.manualReason', { reason: draw.manualReason ?? '' })} />}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        {!draw.manual && (
          <Descriptions.Item label={t('experts.draw.seedHash')} span={2}>
            <Typography.Text code copyable data-testid="draw-seed-hash" style={{ wordBreak: 'break-all' }}>
              {draw.seedHash}
            </Typography.Text>
          </Descriptions.Item>
        )}
        {!draw.manual && (
          <Descriptions.Item label={t('experts.draw.seed')} span={2}>
            <Typography.Text code copyable data-testid="draw-seed" style={{ wordBreak: 'break-all' }}>
              {draw.seed ?? '—'}
            </Typography.Text>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('experts.draw.committedAt')}>{when(draw.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('experts.draw.executedAt')}>{when(draw.executedAt)}</Descriptions.Item>
        {!draw.manual && <Descriptions.Item label={t('experts.draw.reviewOn')}>{draw.reviewOn}</Descriptions.Item>}
        {!draw.manual && (
          <Descriptions.Item label={t('experts.draw.required', { industries: draw.requiredIndustries.join('、') || t('experts.draw.any'), expertise })}>
            {t('experts.draw.criteria', {
              months: draw.criteria.agencyLookbackMonths,
              max: draw.criteria.maxOpenPanels,
              agency: draw.criteria.agencyName ?? t('experts.draw.noAgency'),
            })}
          </Descriptions.Item>
        )}
        {draw.replacedName && (
          <Descriptions.Item label={t('experts.draw.replaced', { name: '' })} span={2}>
            {draw.replacedName}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('experts.draw.drawn')} span={2}>
          <Space wrap data-testid="draw-result">
            {draw.drawn.map((d, i) => (
              <Tag key={d.id} color="blue">
                {i + 1}. {d.name}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {!draw.manual && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Typography.Text strong>{t('experts.draw.candidates', { count: draw.candidates.length })}</Typography.Text>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={draw.candidates.map((c, i) => ({ ...c, order: i + 1 }))}
            columns={[
              { title: t('experts.draw.order'), dataIndex: 'order', width: 64 },
              { title: t('experts.draw.name'), dataIndex: 'name', render: (name: string, c) => (draw.drawnIds.includes(c.id) ? <Typography.Text strong>{name} ✓</Typography.Text> : name) },
              { title: t('experts.draw.employer'), dataIndex: 'employer', render: (v: string | null) => v ?? '—' },
              { title: 'ID', dataIndex: 'id', render: (v: string) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{v}</Typography.Text> },
            ]}
          />
          <Typography.Text strong>{t('experts.draw.exclusions', { count: draw.exclusions.length })}</Typography.Text>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            locale={{ emptyText: '—' }}
            dataSource={draw.exclusions}
            data-testid="draw-exclusions"
            columns={[
              { title: t('experts.draw.name'), dataIndex: 'name' },
              { title: t('experts.draw.employer'), dataIndex: 'employer', render: (v: string | null) => v ?? '—' },
              {
                title: t('experts.detail.reasons'),
                key: 'reasons',
                render: (_, x) => (
                  <Space wrap>
                    {x.reasons.map((r) => (
                      <Tag key={r} color="orange">
                        {t(`experts.reasons.${r}`)}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}

/** The round's draw records, newest first. */
export function DrawRecords({ roundId, version }: { roundId: string; version: number }) {
  const { t } = useT();
  const { data, error, refetch } = useQuery({ queryKey: [...drawsKey(roundId), version], queryFn: () => drawApi.roundDraws(roundId) });
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="draw-records">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('experts.draw.records')}
      </Typography.Title>
      {data.items.length === 0 ? <Empty description={t('experts.draw.noRecords')} /> : data.items.map((d) => <DrawRecord key={d.id} draw={d} />)}
    </Space>
  );
}
