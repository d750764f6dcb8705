import { useState } from 'react';
import { Alert, App, Button, Empty, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { ReportVersion } from '../../../../shared/contracts/roundMaterial';
import type { RoundDetail } from '../../../../shared/contracts/rounds';
import type { RoundState } from '../../../../shared/domain/roundStates';
import { materialApi } from '../../../api/endpoints';
import { useSession } from '../../../app/session';
import { ErrorResult } from '../../../components/ErrorResult';
import { useT } from '../../../i18n';
import { stateLabel } from '../../../i18n/labels';
import { FileLink, fileSize, messageOf } from './materialUi';

/** The states in which the server accepts a new report version (it answers 409 otherwise). */
const UPLOAD_STATES: readonly RoundState[] = ['audit_started', 'evaluation_returned', 'evaluated'];

const reportsKey = (id: string) => ['round', id, 'reports'] as const;

/** 审核报告: upload (PDF/DOCX) and the list of versions, newest first, each downloadable. */
export function ReportSection({ round }: { round: RoundDetail }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = useQuery({ queryKey: reportsKey(round.id), queryFn: () => materialApi.reports(round.id) });
  const mayEdit = can('round.material.edit');
  const open = UPLOAD_STATES.includes(round.state);

  const upload = async (file: File) => {
    setUploading(true);
    setError(null);
    try {
      const next = await materialApi.uploadReport(round.id, file);
      queryClient.setQueryData(reportsKey(round.id), next);
      void message.success(t('material.reports.uploaded', { n: next.items[0]?.version ?? 1 }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setUploading(false);
    }
  };

  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  const newest = items[0]?.version;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="report-section">
      {mayEdit && open && (
        <Space direction="vertical" size={4}>
          <Upload
            accept=".pdf,.docx"
            showUploadList={false}
            disabled={uploading}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={uploading}>
              {t('material.reports.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('material.reports.uploadHint')}</Typography.Text>
        </Space>
      )}
      {mayEdit && !open && (
        <Alert type="info" showIcon message={t('material.reports.locked', { state: stateLabel(round.state, locale) })} />
      )}
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} data-testid="report-upload-error" />}
      <Table<ReportVersion>
        rowKey="version"
        size="middle"
        loading={list.isPending}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('material.reports.empty')} /> }}
        columns={[
          {
            title: t('material.reports.version'),
            key: 'version',
            width: 130,
            render: (_: unknown, r) => (
              <Space size={4}>
                {t('material.reports.versionN', { n: r.version })}
                {r.version === newest && <Tag color="blue">{t('material.reports.latest')}</Tag>}
              </Space>
            ),
          },
          { title: t('material.fileName'), key: 'file', render: (_: unknown, r) => <FileLink roundId={round.id} file={r.file} /> },
          { title: t('material.fileSize'), key: 'size', width: 100, render: (_: unknown, r) => fileSize(r.file.size) },
          { title: t('material.uploadedBy'), key: 'by', dataIndex: 'uploadedBy', width: 120, render: (v: string | null) => v ?? t('common.empty') },
          { title: t('material.uploadedAt'), key: 'at', width: 160, render: (_: unknown, r) => dayjs(r.uploadedAt).format('YYYY-MM-DD HH:mm') },
        ]}
      />
    </Space>
  );
}
