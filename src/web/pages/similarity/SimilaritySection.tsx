import { useState } from 'react';
import { App, Button, Card, Col, Empty, Input, Row, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { RoundDetail } from '../../../shared/contracts/rounds';
import type { SimilarPair } from '../../../shared/contracts/similarity';
import { ApiError } from '../../api/client';
import { similarityApi } from '../../api/spotCheckEndpoints';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { useT, type TFunction } from '../../i18n';

/** A text with the passages it shares with the other text marked. */
export function Segments({ segments, testId }: { segments: SimilarPair['segments']; testId?: string }) {
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid={testId}>
      {segments.map((s, i) =>
        s.common ? (
          <mark key={i} className="similar-common" style={{ background: '#ffe58f', padding: 0 }}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </Typography.Paragraph>
  );
}

function labelOf(t: TFunction, kind: SimilarPair['kind'], label: string): string {
  if (kind === 'report_summary') return t('similarity.kinds.report_summary');
  const bar = label.indexOf('|');
  return t('similarity.optionLabel', { seq: label.slice(0, bar), name: label.slice(bar + 1) });
}

function PairCard({ pair }: { pair: SimilarPair }) {
  const { t } = useT();
  const pct = Math.round(pair.score * 100);
  const enterprise = pair.other.roundId ? (
    <Link to={`/rounds/${pair.other.roundId}`}>{pair.other.enterpriseName}</Link>
  ) : (
    <Typography.Text title={t('similarity.notReadable')}>{pair.other.enterpriseName}</Typography.Text>
  );
  return (
    <Card
      size="small"
      data-testid="similar-pair"
      title={
        <Space wrap>
          <span>{t('similarity.similarTo', { enterprise: pair.other.enterpriseName, year: pair.other.listingYear, pct })}</span>
          <Tag>{t(`similarity.kinds.${pair.kind}`)}</Tag>
          {pair.sameAgency && <Tag color="red">{t('similarity.sameAgency')}</Tag>}
          {pair.sameEnterprise && <Tag color="blue">{t('similarity.sameEnterprise')}</Tag>}
        </Space>
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Typography.Text type="secondary">{t('similarity.thisRound', { label: labelOf(t, pair.kind, pair.label) })}</Typography.Text>
          <Segments segments={pair.segments} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text type="secondary">
            {enterprise}
            {t('similarity.otherRound', {
              district: pair.other.districtName,
              agency: pair.other.agencyName ?? t('similarity.noAgency'),
              label: labelOf(t, pair.kind, pair.otherLabel),
            })}
          </Typography.Text>
          <Segments segments={pair.otherSegments} />
        </Col>
      </Row>
    </Card>
  );
}

function SummaryCard({ round }: { round: RoundDetail }) {
  const { t } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const summary = useQuery({ queryKey: ['round', round.id, 'reportSummary'], queryFn: () => similarityApi.summary(round.id) });
  if (summary.isError) return <ErrorResult error={summary.error} onRetry={() => void summary.refetch()} />;
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await similarityApi.saveSummary(round.id, draft ?? '');
      void message.success(t('similarity.summarySaved'));
      setDraft(null);
      await queryClient.invalidateQueries({ queryKey: ['round', round.id] });
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields?.summary ?? e.message) : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card
      size="small"
      title={t('similarity.summaryTitle')}
      loading={summary.isPending}
      extra={
        summary.data?.abilities.edit && draft === null ? (
          <Button icon={<EditOutlined />} onClick={() => setDraft(summary.data?.summary ?? '')} data-testid="summary-edit">
            {t('similarity.summaryEdit')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('similarity.summaryHint')}</Typography.Paragraph>
      {draft !== null ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            aria-label={t('similarity.summaryTitle')}
            rows={6}
            maxLength={4000}
            showCount
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            status={error ? 'error' : undefined}
          />
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
          <Space>
            <Button onClick={() => setDraft(null)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => void save()}>
              {t('similarity.summarySave')}
            </Button>
          </Space>
        </Space>
      ) : summary.data?.summary ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{summary.data.summary}</Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('similarity.summaryEmpty')}</Typography.Text>
      )}
    </Card>
  );
}

function PairsCard({ round }: { round: RoundDetail }) {
  const { t } = useT();
  const similar = useQuery({ queryKey: ['round', round.id, 'similarTexts'], queryFn: () => similarityApi.similar(round.id) });
  if (similar.isError) return <ErrorResult error={similar.error} onRetry={() => void similar.refetch()} />;
  const data = similar.data;
  return (
    <Card size="small" title={t('similarity.pairsTitle')} loading={similar.isPending} data-testid="similar-pairs">
      {data && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Text type="secondary">{t('similarity.pairsHint', { pct: Math.round(data.threshold * 100) })}</Typography.Text>
          {data.pairs.length === 0 ? (
            <Empty description={t('similarity.pairsEmpty')} />
          ) : (
            data.pairs.map((p) => <PairCard key={`${p.kind}-${p.sourceId}-${p.other.enterpriseName}-${p.otherLabel}`} pair={p} />)
          )}
        </Space>
      )}
    </Card>
  );
}

/** The round's 报告质量 tab: the report summary, and for reviewers the near-duplicates found in other rounds. */
export function SimilaritySection({ round }: { round: RoundDetail }) {
  const { can } = useSignedIn();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <SummaryCard round={round} />
      {can('similarity.read') && <PairsCard round={round} />}
    </Space>
  );
}
