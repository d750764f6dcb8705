import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Row, Space, Tabs, Timeline, Typography } from 'antd';
import { BellOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import type { ReminderEntry } from '../../../shared/contracts/reminders';
import type { RoundDetail, RoundHistoryEntry } from '../../../shared/contracts/rounds';
import { DEADLINE_KIND_LABELS, DEADLINE_KINDS } from '../../../shared/domain/deadlines';
import { transitionDef, type TransitionName } from '../../../shared/domain/roundStates';
import { reminderApi, roundApi, roundFileUrl } from '../../api/endpoints';
import { useReferenceLookup } from '../../app/reference';
import { useSession } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { label, roleLabel, stateLabel, transitionLabel } from '../../i18n/labels';
import { DaysLeft, ReasonTags, StateTag, daysUntil, roundKey } from './roundUi';
import { STEP_COLOR, stepLabel } from './RemindersSection';
import { ROUND_SECTIONS } from './sections';
import { TransitionModal } from './TransitionModal';
import { VoluntaryMark } from './VoluntaryMark';


/** The reminders of the round shown on its timeline (the newest; the 提醒记录 tab pages through all). */
const TIMELINE_REMINDERS = 50;

function ReminderRow({ r }: { r: ReminderEntry }) {
  const { t, locale } = useT();
  const kind = r.deadlineKind === 'milestone' ? t('reminders.milestone') : DEADLINE_KIND_LABELS[r.deadlineKind][locale];
  return (
    <div className="timeline-row" data-testid="timeline-reminder">
      <Space size={8} wrap>
        <Typography.Text strong>
          <BellOutlined /> {stepLabel(t, r.step)}
        </Typography.Text>
        <Typography.Text type="secondary">
          {kind} · {r.dueOn}
        </Typography.Text>
      </Space>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {dayjs(r.sentAt).format('YYYY-MM-DD HH:mm')} · {t('reminders.columns.recipients')}：{r.recipients.join('、') || t('common.empty')}
        </Typography.Text>
      </div>
    </div>
  );
}

function HistoryTimeline({ roundId, history }: { roundId: string; history: RoundHistoryEntry[] }) {
  const { t, locale } = useT();
  const reminders = useQuery({
    queryKey: ['round', roundId, 'reminders', 'timeline'],
    queryFn: () => reminderApi.ofRound(roundId, { page: 1, pageSize: TIMELINE_REMINDERS }),
  });
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('round.noHistory')} />;
  // Transitions and the reminders sent about the round (who was told what and when), newest first.
  const rows = [
    ...history.map((h) => ({ at: h.occurredAt, history: h, reminder: null })),
    ...(reminders.data?.items ?? []).map((r) => ({ at: r.sentAt, history: null, reminder: r })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  const latest = rows.find((row) => row.history)?.history;
  return (
    <Timeline
      data-testid="round-timeline"
      items={rows.map(({ history: h, reminder: r }) =>
        r
          ? { key: `r-${r.id}`, color: STEP_COLOR[r.step] ?? 'gray', children: <ReminderRow r={r} /> }
          : h && {
              key: `h-${h.id}`,
              color: h === latest ? 'blue' : 'gray',
              children: (
                <div className="timeline-row">
                  <Space size={8} wrap>
                    <Typography.Text strong>{transitionLabel(h.transition, locale)}</Typography.Text>
                    <Typography.Text type="secondary">
                      {h.fromState ? stateLabel(h.fromState, locale) : t('common.empty')} → {stateLabel(h.toState, locale)}
                    </Typography.Text>
                  </Space>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dayjs(h.occurredAt).format('YYYY-MM-DD HH:mm')} ·{' '}
                      {h.actorUsername
                        ? h.actorRole
                          ? t('round.byActor', { actor: h.actorUsername, role: roleLabel(t, h.actorRole) })
                          : h.actorUsername
                        : t('round.system')}
                    </Typography.Text>
                  </div>
                  {h.comment && <div className="timeline-comment">{h.comment}</div>}
                  {h.attachments.length > 0 && (
                    <Space size={12} wrap data-testid="timeline-attachments">
                      {h.attachments.map((a) => (
                        <a key={a.id} href={roundFileUrl(roundId, a.id)} download>
                          <PaperClipOutlined /> {a.originalName}
                        </a>
                      ))}
                    </Space>
                  )}
                </div>
              ),
            },
      ).filter((item) => item !== null)}
    />
  );
}

/** One audit round: header, deadlines, the history timeline and the transitions the server allows me. */
export default function RoundDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useT();
  const { message } = App.useApp();
  const ref = useReferenceLookup();
  const queryClient = useQueryClient();
  const [firing, setFiring] = useState<TransitionName | null>(null);
  const { can } = useSession();
  const { data, error, isPending, refetch } = useQuery({ queryKey: roundKey(id), queryFn: () => roundApi.get(id) });

  if (isPending) return <Loading />;
  if (error) return <ErrorResult record error={error} onRetry={() => void refetch()} />;
  const r = data;
  const none = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;

  const done = (next: RoundDetail) => {
    queryClient.setQueryData(roundKey(r.id), next);
    void queryClient.invalidateQueries({ queryKey: ['rounds'] });
    void message.success(t('round.fired', { name: firing ? transitionLabel(firing, locale) : '' }));
    setFiring(null);
  };

  return (
    <PageContainer
      title={r.enterpriseName}
      subTitle={
        <Space size={8}>
          <span>{t('round.detailTitle')} · {r.listingYear}</span>
          <StateTag state={r.state} />
        </Space>
      }
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('round.title'), to: '/rounds' }, { title: r.enterpriseName }]}
    >
      <Card>
        <Descriptions column={3} size="middle">
          <Descriptions.Item label={t('round.enterprise')}>
            <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={label('creditCode', locale)}>
            <span className="mono">{r.creditCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label={label('districtCode', locale)}>{ref.districtName(r.districtCode, r.districtName)}</Descriptions.Item>
          <Descriptions.Item label={label('listingYear', locale)}>{r.listingYear}</Descriptions.Item>
          <Descriptions.Item label={label('state', locale)}>
            <StateTag state={r.state} />
          </Descriptions.Item>
          <Descriptions.Item label={label('reasons', locale)}>
            <ReasonTags reasons={r.reasons} />
          </Descriptions.Item>
          <Descriptions.Item label={t('round.voluntary')} span={3}>
            <VoluntaryMark round={r} editable={can('round.markVoluntary')} />
          </Descriptions.Item>
          <Descriptions.Item label={t('round.reasonDetails')} span={3}>
            {r.reasonDetails ?? none}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card title={t('round.history')} style={{ height: '100%' }}>
            <HistoryTimeline roundId={r.id} history={r.history} />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('round.actions')} data-testid="round-actions">
              {r.abilities.transitions.length === 0 ? (
                <Typography.Text type="secondary">{t('round.noActions')}</Typography.Text>
              ) : (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Space wrap>
                    {r.abilities.transitions.map((name) => (
                      <Button
                        key={name}
                        type={transitionDef(name).kind === 'main' ? 'primary' : 'default'}
                        danger={transitionDef(name).kind === 'side'}
                        onClick={() => setFiring(name)}
                      >
                        {transitionLabel(name, locale)}
                      </Button>
                    ))}
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('round.actionsHint')}
                  </Typography.Text>
                </Space>
              )}
            </Card>
            <Card title={t('round.deadlines')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('round.listPublishedOn')}>{r.listPublishedOn ?? none}</Descriptions.Item>
                {DEADLINE_KINDS.map((kind) => {
                  const due = r.dueDates[kind];
                  return (
                    <Descriptions.Item key={kind} label={t(`round.deadlineKinds.${kind}`)}>
                      {due ? (
                        <Space size={8}>
                          <span>{due}</span>
                          {r.nextDeadline?.kind === kind ? (
                            <DaysLeft days={r.nextDeadline.daysLeft} />
                          ) : (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {daysUntil(due) < 0 ? '' : t('round.daysLeft', { n: daysUntil(due) })}
                            </Typography.Text>
                          )}
                        </Space>
                      ) : (
                        none
                      )}
                    </Descriptions.Item>
                  );
                })}
                <Descriptions.Item label={t('round.evaluationPassedOn')}>{r.evaluationPassedOn ?? none}</Descriptions.Item>
              </Descriptions>
            </Card>
          </Space>
        </Col>
      </Row>
      {(() => {
        const sections = ROUND_SECTIONS.filter((s) => s.visible(r, can));
        if (sections.length === 0) return null;
        return (
          <Card data-testid="round-sections">
            <Tabs items={sections.map((s) => ({ key: s.key, label: t(s.label), children: s.render(r) }))} destroyOnHidden />
          </Card>
        );
      })()}
      <TransitionModal round={r} name={firing} onClose={() => setFiring(null)} onDone={done} />
    </PageContainer>
  );
}
