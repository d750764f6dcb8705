import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import type { Panel, PanelMember, RoundPanels } from '../../../shared/contracts/reviews';
import type { RoundDetail } from '../../../shared/contracts/rounds';
import { reviewApi } from '../../api/reviewEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { useT } from '../../i18n';
import { FormPanelModal, MeetingModal, ReplaceMemberModal } from './PanelModals';
import { drawApi } from '../../api/expertEndpoints';
import { DrawForm, DrawRecords, drawsKey } from '../experts/DrawSection';

export const panelsKey = (roundId: string) => ['round', roundId, 'panels'] as const;
const when = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—');

function PanelCard(props: {
  panel: Panel;
  view: RoundPanels;
  onReplace: (panel: Panel, member: PanelMember) => void;
  onReplaceByDraw: (panel: Panel, member: PanelMember) => void;
  onConfirm: (panel: Panel) => void;
  onMeeting: (panel: Panel) => void;
}) {
  const { t } = useT();
  const { panel, view } = props;
  const open = !panel.decidedAt;
  const mine = view.myPanelIds.includes(panel.id);
  const latestEvaluation = view.panels.find((p) => p.kind === 'evaluation' && p.decidedAt);
  return (
    <Card
      size="small"
      title={t('reviews.section.panelTitle', { kind: t(`reviews.kinds.${panel.kind}`), at: when(panel.formedAt), version: panel.sheetVersion })}
      extra={
        <Space>
          {open ? <Tag color="processing">{t('reviews.section.open')}</Tag> : panel.grade && <Tag color={panel.grade === 'fail' || panel.grade === 'rejected' ? 'error' : 'success'}>{t(`reviews.grades.${panel.grade}`)}</Tag>}
          {mine && (
            <Link to={`/reviews/${panel.id}`}>
              <Button type="primary" size="small">{t('reviews.section.goScore')}</Button>
            </Link>
          )}
        </Space>
      }
    >
      {open && (
        <Space style={{ marginBottom: 12 }} data-testid="panel-meeting">
          <Typography.Text>
            {panel.meetingOn
              ? t('reviews.section.meeting', { date: panel.meetingOn, place: panel.meetingPlace ?? t('reviews.section.meetingPlaceTbd') })
              : t('reviews.section.meetingNone')}
          </Typography.Text>
          {view.canManage && (
            <Button size="small" onClick={() => props.onMeeting(panel)}>
              {t('reviews.section.scheduleMeeting')}
            </Button>
          )}
        </Space>
      )}
      {panel.decidedAt && panel.grade && (
        <Space direction="vertical" size={0} style={{ marginBottom: 12 }}>
          <Typography.Text strong data-testid="panel-result">
            {t('reviews.section.result', { score: (panel.panelScore ?? 0).toFixed(1), grade: t(`reviews.grades.${panel.grade}`) })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('reviews.section.decidedAt', { at: when(panel.decidedAt) })}</Typography.Text>
        </Space>
      )}
      {panel.grade === 'pass_with_revision' && latestEvaluation?.id === panel.id && (
        <Alert
          style={{ marginBottom: 12 }}
          type={panel.revisionConfirmedAt ? 'success' : 'warning'}
          showIcon
          message={panel.revisionConfirmedAt ? t('reviews.section.revisionConfirmed', { at: when(panel.revisionConfirmedAt) }) : t('reviews.section.revisionPending')}
          action={
            view.canConfirmRevision && !panel.revisionConfirmedAt ? (
              <Button size="small" type="primary" onClick={() => props.onConfirm(panel)}>
                {t('reviews.section.confirmRevision')}
              </Button>
            ) : undefined
          }
        />
      )}
      <Table<PanelMember>
        size="small"
        rowKey="expertUserId"
        pagination={false}
        dataSource={panel.members}
        columns={[
          {
            title: t('reviews.section.member'),
            key: 'name',
            render: (_, m) => (m.replacedAt ? <Typography.Text delete>{m.displayName}</Typography.Text> : m.displayName),
          },
          {
            title: t('reviews.section.conflict'),
            key: 'conflict',
            render: (_, m) => (
              <Space direction="vertical" size={0}>
                <Tag color={m.conflict === 'conflict' ? 'error' : m.conflict === 'none' ? 'success' : 'default'}>{t(`reviews.conflicts.${m.conflict}`)}</Tag>
                {m.conflictNote && <Typography.Text type="secondary">{m.conflictNote}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('reviews.section.submission'),
            key: 'submitted',
            render: (_, m) =>
              m.replacedAt ? t('reviews.section.replaced') : m.submittedAt ? `${t('reviews.section.submitted')} ${when(m.submittedAt)}` : t('reviews.section.notSubmitted'),
          },
          ...(panel.decidedAt ? [{ title: t('reviews.section.total'), key: 'total', render: (_: unknown, m: PanelMember) => (m.total === null ? '—' : m.total.toFixed(1)) }] : []),
          ...(open && view.canManage
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, m: PanelMember) =>
                    !m.replacedAt && (m.conflict === 'conflict' || !m.submittedAt) ? (
                      <Space>
                        <Button size="small" type="primary" ghost onClick={() => props.onReplaceByDraw(panel, m)}>
                          {t('experts.draw.replaceByDraw')}
                        </Button>
                        <Button size="small" onClick={() => props.onReplace(panel, m)}>
                          {t('reviews.section.replace')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** The "专家评审" tab of a round: panels, members' conflicts and submissions, results; forming and replacing for the district. */
export function RoundReviewsSection({ round }: { round: RoundDetail }) {
  const { t } = useT();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [forming, setForming] = useState(false);
  const [replacing, setReplacing] = useState<{ panel: Panel; member: PanelMember } | null>(null);
  const [meeting, setMeeting] = useState<Panel | null>(null);
  const key = panelsKey(round.id);
  const { data, error, isPending, refetch } = useQuery({ queryKey: [...key, round.version], queryFn: () => reviewApi.panels(round.id) });

  if (isPending) return <Loading />;
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;

  const update = async (next: RoundPanels) => {
    queryClient.setQueryData([...key, round.version], next);
    await queryClient.invalidateQueries({ queryKey: ['round', round.id] });
  };

  const replaceByDraw = (panel: Panel, member: PanelMember) =>
    modal.confirm({
      title: t('experts.draw.replaceTitle', { name: member.displayName }),
      content: t('experts.draw.replaceText'),
      onOk: async () => {
        try {
          await drawApi.replace(panel.id, member.expertUserId);
          await queryClient.invalidateQueries({ queryKey: ['round', round.id] });
          void message.success(t('experts.draw.replacedOk'));
        } catch (e) {
          void message.error(e instanceof Error ? e.message : String(e));
        }
      },
    });

  const confirm = (panel: Panel) =>
    modal.confirm({
      title: t('reviews.section.confirmRevisionTitle'),
      content: t('reviews.section.confirmRevisionText'),
      onOk: async () => {
        try {
          await update(await reviewApi.confirmRevision(panel.id));
        } catch (e) {
          void message.error(e instanceof Error ? e.message : String(e));
        }
      },
    });

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {data.canForm && <DrawForm roundId={round.id} view={data} onManual={() => setForming(true)} />}
      {data.panels.length === 0 ? (
        <Empty description={<Space direction="vertical" size={0}><span>{t('reviews.section.empty')}</span>{!data.canForm && <Typography.Text type="secondary">{t('reviews.section.notUnderReview')}</Typography.Text>}</Space>} />
      ) : (
        data.panels.map((panel) => (
          <PanelCard key={panel.id} panel={panel} view={data} onReplace={(p, member) => setReplacing({ panel: p, member })} onReplaceByDraw={replaceByDraw} onConfirm={confirm} onMeeting={setMeeting} />
        ))
      )}
      <DrawRecords roundId={round.id} version={round.version} />
      {data.canForm && (
        <FormPanelModal
          open={forming}
          kind={data.canForm}
          rule={data.rule}
          onClose={() => setForming(false)}
          onSubmit={async (ids, reason) => {
            await update(await reviewApi.formPanel(round.id, ids, reason));
            await queryClient.invalidateQueries({ queryKey: drawsKey(round.id) });
            setForming(false);
            void message.success(t('reviews.section.formed'));
          }}
        />
      )}
      <MeetingModal
        panel={meeting}
        onClose={() => setMeeting(null)}
        onSubmit={async (on, place) => {
          if (!meeting) return;
          await update(await reviewApi.scheduleMeeting(meeting.id, on, place));
          setMeeting(null);
          void message.success(t('reviews.section.meetingSaved'));
        }}
      />
      <ReplaceMemberModal
        member={replacing?.member ?? null}
        exclude={replacing?.panel.members.map((m) => m.expertUserId) ?? []}
        onClose={() => setReplacing(null)}
        onSubmit={async (incoming, reason) => {
          if (!replacing) return;
          await update(await reviewApi.replace(replacing.panel.id, replacing.member.expertUserId, incoming, reason));
          await queryClient.invalidateQueries({ queryKey: drawsKey(round.id) });
          setReplacing(null);
          void message.success(t('reviews.section.replacedOk'));
        }}
      />
    </Space>
  );
}
