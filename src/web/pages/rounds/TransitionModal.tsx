import { useState } from 'react';
import { Alert, App, Button, Form, Input, List, Modal, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { StoredFileInfo } from '../../../shared/contracts/roundMaterial';
import type { RoundDetail } from '../../../shared/contracts/rounds';
import { targetsOf, transitionDef, type TransitionName } from '../../../shared/domain/roundStates';
import { isApiError } from '../../api/client';
import { applicationApi, roundApi } from '../../api/endpoints';
import { useT } from '../../i18n';
import { stateLabel, transitionLabel } from '../../i18n/labels';

type Problem = { kind: 'conflict' | 'guard' | 'other'; message: string };

/** File types the server accepts for attachments (it checks the bytes; this only filters the picker). */
export const ATTACHMENT_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

/** Whether a transition needs files attached (written notice, withdrawal or referral evidence). */
export const needsAttachments = (name: TransitionName) =>
  transitionDef(name).guards.some((g) => g === 'noticeIssued' || g === 'evidenceAttached');

/** The transition's attachments: uploaded to the round (purpose 'transition') and sent as attachmentIds. */
function Attachments({ roundId, files, onChange }: { roundId: string; files: StoredFileInfo[]; onChange: (next: StoredFileInfo[]) => void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const stored = await applicationApi.upload(roundId, 'transition', file);
      onChange([...files, stored]);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="transition-attachments" style={{ marginBottom: 16 }}>
      <Typography.Text strong>{t('applications.attachments')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('applications.attachmentsHint')}
      </Typography.Paragraph>
      <List
        size="small"
        bordered
        dataSource={files}
        locale={{ emptyText: t('applications.noAttachments') }}
        renderItem={(f) => (
          <List.Item
            actions={[
              <Button
                key="remove"
                type="link"
                size="small"
                icon={<DeleteOutlined />}
                onClick={() => onChange(files.filter((x) => x.id !== f.id))}
              >
                {t('applications.attachmentRemove')}
              </Button>,
            ]}
          >
            <PaperClipOutlined /> {f.originalName}
          </List.Item>
        )}
      />
      <Upload
        accept={ATTACHMENT_ACCEPT}
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} style={{ marginTop: 8 }} disabled={files.length >= 10}>
          {t('applications.upload')}
        </Button>
      </Upload>
    </div>
  );
}

/**
 * The confirmation of one transition: comment (required when the table says so), attachments when its
 * guards need them, expectedState sent.
 */
export function TransitionModal({
  round,
  name,
  onClose,
  onDone,
}: {
  round: RoundDetail;
  name: TransitionName | null;
  onClose: () => void;
  onDone: (next: RoundDetail) => void;
}) {
  const { t, locale } = useT();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ comment?: string }>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [attachments, setAttachments] = useState<StoredFileInfo[]>([]);
  const def = name ? transitionDef(name) : null;
  const to = name ? targetsOf(name).map((s) => stateLabel(s, locale)).join(' / ') : '';
  const withAttachments = name ? needsAttachments(name) : false;

  const fire = async () => {
    if (!name) return;
    let values: { comment?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const next = await roundApi.fire(round.id, name, {
        expectedState: round.state,
        comment: values.comment?.trim() || null,
        ...(withAttachments ? { attachmentIds: attachments.map((f) => f.id) } : {}),
      });
      onDone(next);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (isApiError(e) && e.status === 409) setProblem({ kind: 'conflict', message });
      else if (isApiError(e) && e.status === 422) setProblem({ kind: 'guard', message });
      else setProblem({ kind: 'other', message });
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: ['round', round.id] });
    onClose();
  };

  return (
    <Modal
      open={Boolean(name)}
      title={name ? t('round.fireTitle', { name: transitionLabel(name, locale) }) : ''}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ disabled: problem?.kind === 'conflict' }}
      onOk={() => void fire()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) return;
        setProblem(null);
        setAttachments([]);
      }}
    >
      <Typography.Paragraph type="secondary">
        {t('round.fireHint', { from: stateLabel(round.state, locale), to })}
      </Typography.Paragraph>
      {problem?.kind === 'conflict' && (
        <Alert
          type="warning"
          showIcon
          message={t('round.conflictTitle')}
          description={
            <>
              <div>{t('round.conflict')}</div>
              <Typography.Text type="secondary">{problem.message}</Typography.Text>
            </>
          }
          action={
            <Button size="small" icon={<ReloadOutlined />} onClick={() => void reload()}>
              {t('round.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
          data-testid="transition-conflict"
        />
      )}
      {problem?.kind === 'guard' && (
        <Alert
          type="error"
          showIcon
          message={t('round.guardTitle')}
          description={problem.message}
          style={{ marginBottom: 16 }}
          data-testid="transition-guard"
        />
      )}
      {problem?.kind === 'other' && <Alert type="error" showIcon message={problem.message} style={{ marginBottom: 16 }} />}
      {withAttachments && <Attachments roundId={round.id} files={attachments} onChange={setAttachments} />}
      <Form form={form} name="transition" layout="vertical" preserve={false}>
        <Form.Item
          name="comment"
          label={t('round.comment')}
          required={def?.requiresComment ?? false}
          rules={[
            { required: def?.requiresComment ?? false, whitespace: true, message: t('round.commentRequired') },
            { max: 2000 },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount aria-label={t('round.comment')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
