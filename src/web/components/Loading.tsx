import { Spin } from 'antd';
import { useT } from '../i18n';

/** Centered spinner for lazy pages and first loads. */
export function Loading({ full = false }: { full?: boolean }) {
  const { t } = useT();
  return (
    <div className={full ? 'loading loading-full' : 'loading'} role="status" aria-live="polite">
      <Spin size="large" />
      <div className="loading-text">{t('common.loading')}</div>
    </div>
  );
}
