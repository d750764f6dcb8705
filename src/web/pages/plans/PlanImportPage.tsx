import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, InputNumber, Popconfirm, Result, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import type { PlanImportReport } from '../../../shared/contracts/planImports';
import { planImportApi } from '../../api/endpoints';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { ImportReport } from './ImportReport';

const importKey = (id: string) => ['plan-imports', id] as const;

/** 导入审核计划: upload an .xlsx (附件4 or 附件1) → row-by-row report → commit all / only valid rows, or discard. */
export default function PlanImportPage() {
  const { t } = useT();
  const { message } = App.useApp();
  const { user, can } = useSignedIn();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const [year, setYear] = useState<number | null>(null);
  const [approve, setApprove] = useState(false);
  const [busy, setBusy] = useState<'upload' | 'commit' | 'discard' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isCity = user.role === 'city_admin' || user.role === 'city_staff';
  const report = useQuery({ queryKey: importKey(id ?? ''), queryFn: () => planImportApi.get(id ?? ''), enabled: Boolean(id) });

  const run = async (kind: 'upload' | 'commit' | 'discard', fn: () => Promise<PlanImportReport>, done?: (r: PlanImportReport) => string) => {
    setBusy(kind);
    setError(null);
    try {
      const next = await fn();
      queryClient.setQueryData(importKey(next.id), next);
      if (kind === 'upload') setParams({ id: next.id });
      if (kind === 'commit') void queryClient.invalidateQueries({ queryKey: ['plan-entries'] });
      if (done) void message.success(done(next));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const restart = () => {
    setError(null);
    setParams({});
  };

  const r = id ? report.data : undefined;
  const actions = r?.status === 'uploaded' && (
    <Card>
      <Space direction="vertical" size={12}>
        {isCity && r.layout === 'annex1' && (
          <Checkbox checked={approve} onChange={(e) => setApprove(e.target.checked)}>
            {t('material.import.approve')}
          </Checkbox>
        )}
        <Space wrap>
          <Popconfirm
            title={t('material.import.commitAllConfirm', { n: r.rows.length })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            disabled={r.errorCount > 0 || r.validCount === 0}
            onConfirm={() => void run('commit', () => planImportApi.commit(r.id, { onlyValidRows: false, approve: approve || undefined }), (x) => t('material.import.committed', { n: x.createdCount ?? 0 }))}
          >
            <Button type="primary" icon={<UploadOutlined />} disabled={r.errorCount > 0 || r.validCount === 0} loading={busy === 'commit'}>
              {t('material.import.commitAll')}
            </Button>
          </Popconfirm>
          {r.errorCount > 0 && r.validCount > 0 && (
            <Popconfirm
              title={t('material.import.commitValidConfirm', { n: r.validCount, errors: r.errorCount })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => void run('commit', () => planImportApi.commit(r.id, { onlyValidRows: true, approve: approve || undefined }), (x) => t('material.import.committed', { n: x.createdCount ?? 0 }))}
            >
              <Button loading={busy === 'commit'}>{t('material.import.commitValid', { n: r.validCount })}</Button>
            </Popconfirm>
          )}
          <Popconfirm
            title={t('material.import.discardConfirm')}
            okText={t('common.confirm')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => void run('discard', () => planImportApi.discard(r.id), () => t('material.import.discarded'))}
          >
            <Button danger icon={<DeleteOutlined />} loading={busy === 'discard'}>
              {t('material.import.discard')}
            </Button>
          </Popconfirm>
        </Space>
      </Space>
    </Card>
  );

  return (
    <PageContainer
      title={t('material.import.title')}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('menu.plans'), to: '/plan-entries' }, { title: t('material.import.title') }]}
      extra={
        can('planEntry.export') && (
          <Button icon={<DownloadOutlined />} href={planImportApi.exportUrl({})}>
            {t('material.import.export')}
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} data-testid="import-error" />}
      {!id && (
        <Card>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('material.import.intro')}</Typography.Paragraph>
            <Form layout="inline">
              <Form.Item label={t('material.import.year')} extra={t('material.import.yearHint')}>
                <InputNumber min={2000} max={2100} precision={0} value={year} onChange={(v) => setYear(v)} aria-label={t('material.import.year')} />
              </Form.Item>
            </Form>
            <Upload.Dragger
              accept=".xlsx"
              multiple={false}
              showUploadList={false}
              disabled={busy === 'upload'}
              beforeUpload={(file) => {
                void run('upload', () => planImportApi.upload(file, year ?? undefined));
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{busy === 'upload' ? t('material.import.uploading') : t('material.import.drop')}</p>
              <p className="ant-upload-hint">{t('material.import.dropHint')}</p>
            </Upload.Dragger>
          </Space>
        </Card>
      )}
      {id && report.isPending && <Loading />}
      {id && report.isError && <ErrorResult record error={report.error} onRetry={() => void report.refetch()} />}
      {r && r.status !== 'uploaded' && (
        <Result
          status={r.status === 'committed' ? 'success' : 'info'}
          title={
            r.status === 'committed'
              ? t('material.import.statusCommitted', { at: dayjs(r.committedAt).format('YYYY-MM-DD HH:mm'), n: r.createdCount ?? 0 })
              : t('material.import.statusDiscarded')
          }
          extra={[
            <Button key="again" onClick={restart}>
              {t('material.import.again')}
            </Button>,
            <Link key="back" to="/plan-entries">
              <Button type="primary">{t('material.import.backToList')}</Button>
            </Link>,
          ]}
        />
      )}
      {actions}
      {r && <ImportReport report={r} />}
    </PageContainer>
  );
}
