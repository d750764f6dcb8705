import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/client';
import { useT } from '../i18n';

/** 403 page: the signed-in user lacks the permission. */
export function ForbiddenResult({ message }: { message?: string }) {
  const { t } = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('errors.forbiddenTitle')}
      subTitle={message ?? t('errors.forbidden')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

/** 404 page: no such page, or a record that does not exist / is out of scope. */
export function NotFoundResult({ message, record = false }: { message?: string; record?: boolean }) {
  const { t } = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={record ? t('errors.recordNotFoundTitle') : t('errors.notFoundTitle')}
      subTitle={message ?? t('errors.notFound')}
      extra={
        <>
          <Button onClick={() => void navigate(-1)}>{t('common.back')}</Button>
          <Button type="primary" onClick={() => void navigate('/')}>
            {t('common.backHome')}
          </Button>
        </>
      }
    />
  );
}

/**
 * Any failed load: 403 and 404 get their own pages, everything else a retry. On a record page a
 * malformed id (400) is also "not found".
 */
export function ErrorResult({ error, onRetry, record = false }: { error: unknown; onRetry?: () => void; record?: boolean }) {
  const { t } = useT();
  if (isApiError(error) && error.status === 403) return <ForbiddenResult message={error.message} />;
  if (isApiError(error) && error.status === 404) return <NotFoundResult record message={error.message} />;
  if (isApiError(error) && error.status === 400 && record) return <NotFoundResult record />;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Result
      status="error"
      title={t('errors.loadFailed')}
      subTitle={message}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
