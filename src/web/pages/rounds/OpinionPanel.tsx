import { useState } from 'react';
import { Alert, App, Button, Card, Collapse, DatePicker, Descriptions, Empty, Form, Input, Space, Tag, Typography } from 'antd';
import { EditOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  OPINION_KINDS,
  opinionBody,
  type OpinionKind,
  type ReviewOpinion,
} from '../../../shared/contracts/applications';
import type { RoundDetail } from '../../../shared/contracts/rounds';
import { isApiError } from '../../api/client';
import { applicationApi } from '../../api/endpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { applyServerFieldErrors, zodRule } from '../../components/form';
import { Loading } from '../../components/Loading';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';

interface Values {
  opinionNo?: string;
  issuedOn?: Dayjs;
  body?: string;
  optionsToImplement?: string;
  acceptanceDue?: Dayjs | null;
}
const FIELDS = Object.keys(opinionBody.shape);
const ISO = 'YYYY-MM-DD';

/** The district's form for the opinion of the current review (technical review or acceptance). */
function OpinionForm({
  round,
  kind,
  initial,
  onDone,
  onCancel,
}: {
  round: RoundDetail;
  kind: OpinionKind;
  initial: ReviewOpinion | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const evaluation = kind === 'evaluation';

  const finish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await applicationApi.saveOpinion(round.id, kind, {
        opinionNo: v.opinionNo?.trim() ?? '',
        issuedOn: v.issuedOn?.format(ISO) ?? '',
        body: v.body?.trim() ?? '',
        ...(evaluation
          ? { optionsToImplement: v.optionsToImplement?.trim() || null, acceptanceDue: v.acceptanceDue?.format(ISO) ?? null }
          : {}),
      });
      // The round's acceptance deadline may follow the opinion.
      await queryClient.invalidateQueries({ queryKey: ['round', round.id] });
      void message.success(t('applications.saved', { kind: t(`applications.kinds.${kind}`) }));
      onDone();
    } catch (e) {
      if (isApiError(e) && applyServerFieldErrors(form, e, FIELDS)) setError(null);
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name={`opinion-${kind}`}
      initialValues={{
        opinionNo: initial?.opinionNo,
        issuedOn: initial ? dayjs(initial.issuedOn) : undefined,
        body: initial?.body,
        optionsToImplement: initial?.optionsToImplement ?? undefined,
        acceptanceDue: initial?.acceptanceDue ? dayjs(initial.acceptanceDue) : null,
      }}
      onFinish={(v) => void finish(v)}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('applications.editHint')}
      </Typography.Paragraph>
      <Form.Item name="opinionNo" label={label('opinionNo', locale)} required rules={[zodRule(opinionBody.shape.opinionNo, locale, true)]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="issuedOn" label={label('issuedOn', locale)} required rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="body" label={label('body', locale)} required rules={[zodRule(opinionBody.shape.body, locale, true)]}>
        <Input.TextArea rows={6} maxLength={10000} showCount />
      </Form.Item>
      {evaluation && (
        <>
          <Form.Item name="optionsToImplement" label={label('optionsToImplement', locale)}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item name="acceptanceDue" label={label('acceptanceDue', locale)} extra={t('applications.acceptanceDueHint')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('applications.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

function OpinionView({ round, opinion }: { round: RoundDetail; opinion: ReviewOpinion }) {
  const { t } = useT();
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label={t('applications.fields.opinionNo')}>{opinion.opinionNo}</Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.issuedOn')}>{opinion.issuedOn}</Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.body')}>
        <div style={{ whiteSpace: 'pre-wrap' }}>{opinion.body}</div>
      </Descriptions.Item>
      {opinion.kind === 'evaluation' && (
        <>
          <Descriptions.Item label={t('applications.fields.optionsToImplement')}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{opinion.optionsToImplement ?? t('common.empty')}</div>
          </Descriptions.Item>
          <Descriptions.Item label={t('applications.fields.acceptanceDue')}>{opinion.acceptanceDue ?? t('common.empty')}</Descriptions.Item>
        </>
      )}
      <Descriptions.Item label={t('applications.fields.createdBy')}>
        {opinion.createdBy ?? t('common.empty')} · {dayjs(opinion.updatedAt).format('YYYY-MM-DD HH:mm')}
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.document')}>
        <a href={applicationApi.documentUrl(round.id, opinion.id)} download data-testid={`opinion-docx-${opinion.kind}`}>
          <FileWordOutlined /> {t('applications.download')}
        </a>
      </Descriptions.Item>
    </Descriptions>
  );
}

function OpinionKindCard({
  round,
  kind,
  opinions,
  editable,
}: {
  round: RoundDetail;
  kind: OpinionKind;
  opinions: ReviewOpinion[];
  editable: boolean;
}) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const current = opinions.find((o) => o.current) ?? null;
  const latest = current ?? opinions[0] ?? null;
  const earlier = opinions.filter((o) => o !== latest);
  return (
    <Card
      size="small"
      title={
        <Space>
          {t(`applications.kinds.${kind}`)}
          {current && editable && <Tag color="blue">{t('applications.current')}</Tag>}
        </Space>
      }
      extra={
        editable &&
        !editing && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid={`opinion-edit-${kind}`}>
            {current ? t('applications.edit') : t('applications.record')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    >
      {editing ? (
        <OpinionForm round={round} kind={kind} initial={current} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
      ) : latest ? (
        <OpinionView round={round} opinion={latest} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.noOpinion')} />
      )}
      {earlier.length > 0 && (
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'earlier',
              label: `${t('applications.earlier')}（${earlier.length}）`,
              children: earlier.map((o) => (
                <div key={o.id} style={{ marginBottom: 12 }}>
                  <OpinionView round={round} opinion={o} />
                </div>
              )),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** The review opinions of the round: shown to everyone who reads it, recorded by the district during the review. */
export function OpinionPanel({ round }: { round: RoundDetail }) {
  const { t } = useT();
  const { data, error, isPending, refetch } = useQuery({
    queryKey: ['round', round.id, 'opinions', round.version],
    queryFn: () => applicationApi.opinions(round.id),
  });
  if (isPending) return <Loading />;
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  return (
    <div data-testid="opinion-panel">
      <Typography.Title level={5}>{t('applications.opinionsTitle')}</Typography.Title>
      {OPINION_KINDS.map((kind) => (
        <OpinionKindCard
          key={kind}
          round={round}
          kind={kind}
          opinions={data.items.filter((o) => o.kind === kind)}
          editable={data.editable[kind]}
        />
      ))}
    </div>
  );
}
