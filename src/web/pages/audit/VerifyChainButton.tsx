import { useState } from 'react';
import { App, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { auditApi } from '../../api/endpoints';
import { useT } from '../../i18n';

/** 校验哈希链: ask the server to walk the chain and say where it breaks, if anywhere. */
export function VerifyChainButton() {
  const { t } = useT();
  const { modal, message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    try {
      const result = await auditApi.verify();
      if (result.ok) {
        modal.success({ title: t('audit.verifyOkTitle'), content: t('audit.verifyOk', { checked: result.checked }), okText: t('common.confirm') });
      } else {
        const reason = result.firstBroken?.reason === 'link' ? t('audit.reasonLink') : t('audit.reasonHash');
        modal.error({
          title: t('audit.verifyBrokenTitle'),
          content: t('audit.verifyBroken', { id: result.firstBroken?.id ?? '?', reason, checked: result.checked }),
          okText: t('common.confirm'),
        });
      }
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void verify()}>
      {t('audit.verify')}
    </Button>
  );
}
