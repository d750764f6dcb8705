import { useState } from 'react';
import { App, Button, Card, Col, Empty, List, Row, Space, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { ApplicationFile, ApplicationPurpose } from '../../../shared/contracts/applications';
import type { RoundDetail } from '../../../shared/contracts/rounds';
import { applicationApi, roundFileUrl } from '../../api/endpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { useT } from '../../i18n';
import { OpinionPanel } from './OpinionPanel';
import { ATTACHMENT_ACCEPT } from './TransitionModal';

const GROUPS: readonly { key: 'evaluation' | 'acceptance' | 'transition'; purposes: readonly ApplicationPurpose[] }[] = [
  { key: 'evaluation', purposes: ['evaluation_evidence', 'capacity_proof'] },
  { key: 'acceptance', purposes: ['acceptance_report', 'monitoring_before', 'monitoring_after', 'rectification'] },
  { key: 'transition', purposes: ['transition'] },
];

export const applicationFilesKey = (round: RoundDetail) => ['round', round.id, 'applicationFiles', round.version] as const;

function UploadButton({ round, purpose }: { round: RoundDetail; purpose: ApplicationPurpose }) {
  const { t } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const stored = await applicationApi.upload(round.id, purpose, file);
      await queryClient.invalidateQueries({ queryKey: ['round', round.id, 'applicationFiles'] });
      void message.success(t('applications.uploaded', { name: stored.originalName }));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Upload
      accept={ATTACHMENT_ACCEPT}
      showUploadList={false}
      beforeUpload={(file) => {
        void upload(file);
        return false;
      }}
    >
      <Button size="small" icon={<UploadOutlined />} loading={busy} data-testid={`upload-${purpose}`}>
        {t('applications.upload')}
      </Button>
    </Upload>
  );
}

function PurposeFiles({
  round,
  purpose,
  files,
  uploadable,
}: {
  round: RoundDetail;
  purpose: ApplicationPurpose;
  files: ApplicationFile[];
  uploadable: boolean;
}) {
  const { t } = useT();
  return (
    <div style={{ marginBottom: 16 }} data-testid={`files-${purpose}`}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong>{t(`applications.purposes.${purpose}`)}</Typography.Text>
        {uploadable && <UploadButton round={round} purpose={purpose} />}
      </Space>
      {files.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('applications.noFiles')}
        </Typography.Paragraph>
      ) : (
        <List
          size="small"
          dataSource={files}
          renderItem={(f) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <a href={roundFileUrl(round.id, f.file.id)} download>
                  <PaperClipOutlined /> {f.file.originalName}
                </a>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('applications.uploadedBy', {
                    user: f.uploadedBy ?? '—',
                    at: dayjs(f.file.createdAt).format('YYYY-MM-DD HH:mm'),
                  })}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

function ApplicationFiles({ round }: { round: RoundDetail }) {
  const { t } = useT();
  const { data, error, isPending, refetch } = useQuery({
    queryKey: applicationFilesKey(round),
    queryFn: () => applicationApi.files(round.id),
  });
  if (isPending) return <Loading />;
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  return (
    <Card
      size="small"
      title={t('applications.filesTitle')}
      extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('applications.filesHint')}</Typography.Text>}
    >
      {data.items.length === 0 && data.uploadable.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.noFiles')} />
      )}
      {GROUPS.map((group) => {
        const purposes = group.purposes.filter(
          (p) => data.uploadable.includes(p) || data.items.some((i) => i.purpose === p),
        );
        if (purposes.length === 0) return null;
        return (
          <div key={group.key}>
            <Typography.Title level={5}>{t(`applications.groups.${group.key}`)}</Typography.Title>
            {purposes.map((p) => (
              <PurposeFiles
                key={p}
                round={round}
                purpose={p}
                files={data.items.filter((i) => i.purpose === p)}
                uploadable={data.uploadable.includes(p)}
              />
            ))}
          </div>
        );
      })}
    </Card>
  );
}

/** The "评估与验收材料" tab: uploads per purpose, the review opinions and their Word documents. */
export function ApplicationsSection({ round }: { round: RoundDetail }) {
  return (
    <Row gutter={16} data-testid="applications-section">
      <Col xs={24} lg={12}>
        <ApplicationFiles round={round} />
      </Col>
      <Col xs={24} lg={12}>
        <OpinionPanel round={round} />
      </Col>
    </Row>
  );
}
