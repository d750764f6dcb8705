import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Popconfirm, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { CheckCircleOutlined, DownloadOutlined, SafetyCertificateOutlined, SendOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { DistrictTally, SpotCheckDetail, SpotCheckItem, Verification } from '../../../shared/contracts/spotChecks';
import { SPOT_CHECK_CATEGORIES, ALL_STRATUM } from '../../../shared/domain/spotChecks';
import { ApiError } from '../../api/client';
import { spotCheckApi } from '../../api/spotCheckEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { CheckersModal, FindingModal, PublishModal } from './SpotCheckModals';
import { ResultTag, SampleText, StatusTag } from './spotCheckParts';

function DrawRecord({ detail, onChange }: { detail: SpotCheckDetail; onChange: (d: SpotCheckDetail) => void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [verification, setVerification] = useState<Verification | null>(null);
  const [busy, setBusy] = useState(false);
  const names = new Map(detail.districts.map((d) => [d.districtCode, d.districtName]));
  const strata = Object.keys(detail.candidateCounts).sort();
  const draw = async () => {
    setBusy(true);
    try {
      onChange(await spotCheckApi.draw(detail.id));
      void message.success(t('spotChecks.detail.drawn'));
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const verify = async () => {
    try {
      setVerification(await spotCheckApi.verify(detail.id));
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card
      title={t('spotChecks.detail.recordTitle')}
      style={{ marginBottom: 16 }}
      data-testid="spot-check-record"
      extra={
        <Space>
          {detail.abilities.draw && (
            <Popconfirm title={t('spotChecks.detail.drawConfirm')} onConfirm={() => void draw()} okText={t('common.confirm')} cancelText={t('common.cancel')}>
              <Button type="primary" icon={<ThunderboltOutlined />} loading={busy} data-testid="spot-check-draw">
                {t('spotChecks.detail.draw')}
              </Button>
            </Popconfirm>
          )}
          {detail.status !== 'draft' && (
            <Button icon={<SafetyCertificateOutlined />} onClick={() => void verify()} data-testid="spot-check-verify">
              {t('spotChecks.detail.verify')}
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('spotChecks.columns.sample')}>
          <SampleText row={detail} />
        </Descriptions.Item>
        <Descriptions.Item label={t('spotChecks.detail.seedHash')}>
          <Typography.Text className="mono" copyable data-testid="seed-hash">
            {detail.seedHash}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('spotChecks.detail.seed')}>
          {detail.seed ? (
            <Typography.Text className="mono" copyable data-testid="seed">
              {detail.seed}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('spotChecks.detail.seedHidden')}</Typography.Text>
          )}
        </Descriptions.Item>
        {detail.drawnAt && <Descriptions.Item label={t('spotChecks.detail.drawnAt')}>{new Date(detail.drawnAt).toLocaleString()}</Descriptions.Item>}
      </Descriptions>
      <Table
        size="small"
        rowKey="stratum"
        pagination={false}
        style={{ marginTop: 12 }}
        dataSource={strata.map((s) => ({ stratum: s, candidates: detail.candidateCounts[s] ?? 0, drawn: detail.allocation?.[s] }))}
        columns={[
          {
            title: t('spotChecks.detail.stratum'),
            dataIndex: 'stratum',
            key: 'stratum',
            render: (s: string) => (s === ALL_STRATUM ? t('spotChecks.detail.allStratum') : (names.get(s) ?? s)),
          },
          { title: t('spotChecks.detail.candidatesCount'), dataIndex: 'candidates', key: 'candidates', width: 120 },
          { title: t('spotChecks.detail.drawnCount'), dataIndex: 'drawn', key: 'drawn', width: 120, render: (n: number | undefined) => n ?? t('common.empty') },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('spotChecks.detail.algorithm')}
      </Typography.Paragraph>
      {verification && (
        <Alert
          style={{ marginTop: 12 }}
          data-testid="spot-check-verification"
          type={verification.seedMatches && verification.resultMatches ? 'success' : 'error'}
          showIcon
          message={
            verification.seedMatches && verification.resultMatches
              ? t('spotChecks.detail.verifyOk')
              : t('spotChecks.detail.verifyFailed', {
                  detail: [!verification.seedMatches && t('spotChecks.detail.seedMismatch'), !verification.resultMatches && t('spotChecks.detail.resultMismatch')]
                    .filter(Boolean)
                    .join('；'),
                })
          }
        />
      )}
    </Card>
  );
}

function Tallies({ detail }: { detail: SpotCheckDetail }) {
  const { t } = useT();
  const sum = (k: keyof Omit<DistrictTally, 'districtCode' | 'districtName'>) => detail.districts.reduce((n, d) => n + d[k], 0);
  return (
    <Card title={t('spotChecks.detail.tally')} style={{ marginBottom: 16 }} data-testid="spot-check-tally">
      <Table<DistrictTally>
        size="small"
        rowKey="districtCode"
        pagination={false}
        dataSource={detail.districts}
        columns={[
          { title: t('spotChecks.form.district'), dataIndex: 'districtName', key: 'district' },
          { title: t('spotChecks.columns.population'), dataIndex: 'population', key: 'population', width: 110 },
          { title: t('spotChecks.detail.sampled'), dataIndex: 'sampled', key: 'sampled', width: 90 },
          { title: t('spotChecks.detail.conforming'), dataIndex: 'conforming', key: 'conforming', width: 100 },
          { title: t('spotChecks.detail.problems'), dataIndex: 'problems', key: 'problems', width: 100 },
          { title: t('spotChecks.detail.pending'), dataIndex: 'pending', key: 'pending', width: 90 },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('spotChecks.detail.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1}>{sum('population')}</Table.Summary.Cell>
            <Table.Summary.Cell index={2}>{sum('sampled')}</Table.Summary.Cell>
            <Table.Summary.Cell index={3}>{sum('conforming')}</Table.Summary.Cell>
            <Table.Summary.Cell index={4}>{sum('problems')}</Table.Summary.Cell>
            <Table.Summary.Cell index={5}>{sum('pending')}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Space wrap style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('spotChecks.detail.categoriesTitle')}：</Typography.Text>
        {SPOT_CHECK_CATEGORIES.map((c) => (
          <Tag key={c} color={detail.categoryCounts[c] ? 'red' : undefined}>
            {t(`spotChecks.categories.${c}`)} {detail.categoryCounts[c]}
          </Tag>
        ))}
      </Space>
    </Card>
  );
}

/** The record of one spot check: draw record and verification, results per district, items with findings, publication. */
export default function SpotCheckDetailPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const queryClient = useQueryClient();
  const key = ['spotChecks', 'detail', id];
  const query = useQuery({ queryKey: key, queryFn: () => spotCheckApi.get(id) });
  const [assigning, setAssigning] = useState<SpotCheckItem | null>(null);
  const [recording, setRecording] = useState<SpotCheckItem | null>(null);
  const [publishing, setPublishing] = useState(false);
  const update = (d: SpotCheckDetail) => {
    queryClient.setQueryData(key, d);
    void queryClient.invalidateQueries({ queryKey: ['spotChecks', 'list'] });
  };
  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const detail = query.data;

  const columns: TableProps<SpotCheckItem>['columns'] = [
    { title: t('spotChecks.detail.order'), dataIndex: 'drawOrder', key: 'order', width: 64 },
    { title: t('spotChecks.form.district'), dataIndex: 'districtName', key: 'district', width: 100 },
    {
      title: t('spotChecks.detail.enterprise'),
      key: 'enterprise',
      render: (_: unknown, row) => (
        <div className="cell-2">
          <Link to={`/rounds/${row.roundId}`}>{row.enterpriseName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.listingYear} · {row.agencyName ?? t('similarity.noAgency')}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('spotChecks.detail.checkers'),
      key: 'checkers',
      width: 220,
      render: (_: unknown, row) =>
        row.checkers.length + row.checkerNames.length === 0 ? (
          <Typography.Text type="secondary">{t('spotChecks.detail.noCheckers')}</Typography.Text>
        ) : (
          [...row.checkers.map((c) => c.displayName), ...row.checkerNames].join('、')
        ),
    },
    {
      title: t('spotChecks.detail.result'),
      key: 'result',
      width: 280,
      render: (_: unknown, row) => (
        <Space direction="vertical" size={2}>
          <Space wrap size={4}>
            <ResultTag result={row.result} />
            {row.categories.map((c) => (
              <Tag key={c}>{t(`spotChecks.categories.${c}`)}</Tag>
            ))}
          </Space>
          {row.description && <Typography.Text style={{ fontSize: 12 }}>{row.description}</Typography.Text>}
          {row.recordedByName && row.recordedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.checkedOn} · {t('spotChecks.detail.recordedBy', { name: row.recordedByName, at: new Date(row.recordedAt).toLocaleDateString() })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_: unknown, row) => (
        <Space>
          {row.abilities.assign && (
            <Button size="small" onClick={() => setAssigning(row)}>
              {t('spotChecks.detail.assign')}
            </Button>
          )}
          {row.abilities.record && (
            <Button size="small" type="primary" ghost onClick={() => setRecording(row)} data-testid={`record-${row.drawOrder}`}>
              {t('spotChecks.detail.record')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={detail?.title ?? t('spotChecks.listTitle')}
      subTitle={detail ? <StatusTag status={detail.status} /> : undefined}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('spotChecks.listTitle'), to: '/spot-checks' }, { title: detail?.title ?? '' }]}
      extra={
        detail && (
          <Space>
            {detail.abilities.publish && (
              <Button type="primary" icon={<SendOutlined />} onClick={() => setPublishing(true)} data-testid="spot-check-publish">
                {t('spotChecks.detail.publish')}
              </Button>
            )}
            {detail.status === 'published' && (
              <Button icon={<DownloadOutlined />} href={spotCheckApi.noticeUrl(detail.id)} data-testid="spot-check-notice">
                {t('spotChecks.detail.notice')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {!detail ? (
        <Card loading />
      ) : (
        <>
          {detail.status === 'published' && (
            <Alert
              type="success"
              showIcon
              icon={<CheckCircleOutlined />}
              style={{ marginBottom: 16 }}
              message={`${t('spotChecks.columns.noticeNo')}：${detail.noticeNo ?? ''}`}
              description={detail.summary ?? undefined}
            />
          )}
          <DrawRecord detail={detail} onChange={update} />
          {detail.status !== 'draft' && <Tallies detail={detail} />}
          <Card title={t('spotChecks.detail.items')}>
            <Table<SpotCheckItem>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={detail.items}
              pagination={false}
              scroll={{ x: 1100 }}
              locale={{ emptyText: <Empty description={t('spotChecks.detail.noItems')} /> }}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('spotChecks.detail.whoRecords')}
            </Typography.Paragraph>
          </Card>
          {assigning && <CheckersModal detail={detail} item={assigning} onClose={() => setAssigning(null)} onSaved={update} />}
          {recording && <FindingModal detail={detail} item={recording} onClose={() => setRecording(null)} onSaved={update} />}
          {publishing && <PublishModal detail={detail} onClose={() => setPublishing(false)} onSaved={update} />}
        </>
      )}
    </PageContainer>
  );
}
