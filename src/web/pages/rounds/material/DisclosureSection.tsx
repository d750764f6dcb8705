import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Empty, Form, Input, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { Disclosure, StoredFileInfo } from '../../../../shared/contracts/roundMaterial';
import type { RoundDetail } from '../../../../shared/contracts/rounds';
import { DISCLOSURE_ITEMS } from '../../../../shared/domain/listingReasons';
import type { RoundState } from '../../../../shared/domain/roundStates';
import { isApiError } from '../../../api/client';
import { materialApi } from '../../../api/endpoints';
import { useSession } from '../../../app/session';
import { ErrorResult } from '../../../components/ErrorResult';
import { Loading } from '../../../components/Loading';
import { useT } from '../../../i18n';
import { reasonLabel, stateLabel } from '../../../i18n/labels';
import { FileLink, fileSize, messageOf } from './materialUi';

/** The states in which the server accepts disclosure drafts (it answers 409 otherwise). */
const DRAFT_STATES: readonly RoundState[] = ['listed', 'notified'];

interface Values {
  items: Record<string, string | undefined>;
  platformName?: string;
  platformUrl?: string;
}

const disclosureKey = (id: string) => ['round', id, 'disclosure'] as const;

function ReadOnly({ round, d }: { round: RoundDetail; d: Disclosure }) {
  const { t, locale } = useT();
  const missing = <Typography.Text type="secondary">{t('material.disclosure.missing')}</Typography.Text>;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions column={1} size="small" bordered labelStyle={{ width: 260 }}>
        {d.requiredItems.map((item) => (
          <Descriptions.Item key={item} label={DISCLOSURE_ITEMS[item][locale]}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{d.items[item] ?? missing}</span>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('material.disclosure.platformName')}>{d.platformName ?? missing}</Descriptions.Item>
        <Descriptions.Item label={t('material.disclosure.platformUrl')}>
          {d.platformUrl ? <Typography.Link href={d.platformUrl} target="_blank" rel="noreferrer">{d.platformUrl}</Typography.Link> : missing}
        </Descriptions.Item>
        <Descriptions.Item label={t('material.disclosure.attachments')}>
          {d.attachments.length === 0 ? missing : (
            <Space direction="vertical" size={4}>
              {d.attachments.map((f) => <FileLink key={f.id} roundId={round.id} file={f} />)}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}

/** 信息公开: the items the round's listing reasons require, attachments and where it was published. */
export function DisclosureSection({ round }: { round: RoundDetail }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [attachments, setAttachments] = useState<StoredFileInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const query = useQuery({ queryKey: disclosureKey(round.id), queryFn: () => materialApi.disclosure(round.id) });
  const d = query.data;

  useEffect(() => {
    if (!d) return;
    form.setFieldsValue({ items: d.items, platformName: d.platformName ?? undefined, platformUrl: d.platformUrl ?? undefined });
    setAttachments(d.attachments);
  }, [d, form]);

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const disclosure = query.data;
  const editable = can('round.material.edit') && DRAFT_STATES.includes(round.state) && !disclosure.publishedAt;
  const status = disclosure.publishedAt
    ? t('material.disclosure.published', { at: dayjs(disclosure.publishedAt).format('YYYY-MM-DD HH:mm') })
    : t('material.disclosure.notPublished');
  const reasons = round.reasons.map((r) => reasonLabel(r, locale)).join(locale === 'zh-CN' ? '、' : ', ');

  const save = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const items = Object.fromEntries(Object.entries(values.items ?? {}).map(([k, v]) => [k, v ?? '']));
      const next = await materialApi.saveDisclosure(round.id, {
        items,
        attachmentIds: attachments.map((f) => f.id),
        platformName: values.platformName?.trim() || null,
        platformUrl: values.platformUrl?.trim() || null,
      });
      queryClient.setQueryData(disclosureKey(round.id), next);
      void message.success(t('material.disclosure.saved'));
    } catch (e) {
      if (isApiError(e) && e.fields) {
        form.setFields(
          Object.entries(e.fields)
            .filter(([path]) => path.startsWith('items.') || path === 'platformName' || path === 'platformUrl')
            .map(([path, msg]) => ({
              name: path.startsWith('items.') ? (['items', path.slice(6)] as ['items', string]) : (path as 'platformName' | 'platformUrl'),
              errors: [msg],
            })),
        );
      }
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const upload = async (file: File) => {
    setUploading(true);
    setError(null);
    try {
      const stored = await materialApi.uploadAttachment(round.id, file);
      setAttachments((list) => [...list, stored]);
      void message.success(t('material.disclosure.uploaded', { name: stored.originalName }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="disclosure-section">
      <Space wrap size={16}>
        <Typography.Text strong>{status}</Typography.Text>
        {disclosure.updatedAt && (
          <Typography.Text type="secondary">
            {t('material.disclosure.lastSaved', { at: dayjs(disclosure.updatedAt).format('YYYY-MM-DD HH:mm') })}
          </Typography.Text>
        )}
      </Space>
      <Typography.Text type="secondary">
        {t('material.disclosure.itemsHint', { reasons, n: disclosure.requiredItems.length })}
      </Typography.Text>
      {!editable && can('round.material.edit') && !disclosure.publishedAt && (
        <Alert type="info" showIcon message={t('material.disclosure.locked', { state: stateLabel(round.state, locale) })} />
      )}
      {!editable && !can('round.material.edit') && !disclosure.updatedAt ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('material.disclosure.empty')} />
      ) : !editable ? (
        <ReadOnly round={round} d={disclosure} />
      ) : (
        <Form<Values> form={form} name="disclosure" layout="vertical" onFinish={(v) => void save(v)} style={{ maxWidth: 880 }}>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} closable onClose={() => setError(null)} />}
          {disclosure.requiredItems.map((item) => (
            <Form.Item key={item} name={['items', item]} label={DISCLOSURE_ITEMS[item][locale]} rules={[{ max: 2000 }]}>
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 8 }}
                maxLength={2000}
                aria-label={DISCLOSURE_ITEMS[item][locale]}
                placeholder={t('material.disclosure.itemPlaceholder', { item: DISCLOSURE_ITEMS[item][locale] })}
              />
            </Form.Item>
          ))}
          <Form.Item name="platformName" label={t('material.disclosure.platformName')} extra={t('material.disclosure.platformRequired')} rules={[{ max: 100 }]}>
            <Input maxLength={100} aria-label={t('material.disclosure.platformName')} placeholder={t('material.disclosure.platformNamePlaceholder')} />
          </Form.Item>
          <Form.Item
            name="platformUrl"
            label={t('material.disclosure.platformUrl')}
            rules={[{ type: 'url', message: t('material.disclosure.platformUrlInvalid') }, { pattern: /^https?:\/\//i, message: t('material.disclosure.platformUrlInvalid') }]}
          >
            <Input maxLength={500} aria-label={t('material.disclosure.platformUrl')} placeholder="https://" />
          </Form.Item>
          <Form.Item label={t('material.disclosure.attachments')} extra={t('material.disclosure.attachmentsHint')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Upload
                accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
                showUploadList={false}
                disabled={uploading || attachments.length >= 20}
                beforeUpload={(file) => {
                  void upload(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={uploading}>
                  {uploading ? t('material.disclosure.uploading') : t('material.disclosure.upload')}
                </Button>
              </Upload>
              <List
                size="small"
                bordered
                dataSource={attachments}
                locale={{ emptyText: t('material.disclosure.noAttachments') }}
                renderItem={(f) => (
                  <List.Item
                    actions={[
                      <Popconfirm
                        key="remove"
                        title={t('material.disclosure.removeConfirm', { name: f.originalName })}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => setAttachments((list) => list.filter((x) => x.id !== f.id))}
                      >
                        <Button type="link" size="small" danger>
                          {t('material.disclosure.removeAttachment')}
                        </Button>
                      </Popconfirm>,
                    ]}
                  >
                    <Space>
                      <FileLink roundId={round.id} file={f} />
                      <Typography.Text type="secondary">{fileSize(f.size)}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </Space>
          </Form.Item>
          <Space direction="vertical">
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
              {t('material.disclosure.saveDraft')}
            </Button>
            <Typography.Text type="secondary">{t('material.disclosure.publishHint')}</Typography.Text>
          </Space>
        </Form>
      )}
    </Space>
  );
}
