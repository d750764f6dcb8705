import { useState } from 'react';
import { Alert, App, Button, Card, Input, Popconfirm, Space, Typography } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FeedTokenCreated } from '../../../shared/contracts/calendar';
import { calendarApi } from '../../api/endpoints';
import { useT } from '../../i18n';

const STATUS_KEY = ['calendar', 'feed-token'];

/** The subscription address: generate (shown once), regenerate (the old one stops working), revoke. */
export function FeedSubscriptionCard() {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<FeedTokenCreated | null>(null);
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: calendarApi.feedStatus });
  const refresh = () => queryClient.invalidateQueries({ queryKey: STATUS_KEY });
  const generate = useMutation({
    mutationFn: calendarApi.regenerateFeed,
    onSuccess: (res) => {
      setCreated(res);
      void message.success(t('calendar.subscribe.created'));
      return refresh();
    },
    onError: (e) => void message.error(e.message),
  });
  const revoke = useMutation({
    mutationFn: calendarApi.revokeFeed,
    onSuccess: () => {
      setCreated(null);
      void message.success(t('calendar.subscribe.revoked'));
      return refresh();
    },
    onError: (e) => void message.error(e.message),
  });
  const url = created ? `${window.location.origin}${created.path}` : null;
  const active = status.data?.active ?? false;

  return (
    <Card title={<Space><LinkOutlined />{t('calendar.subscribe.title')}</Space>} size="small" data-testid="calendar-subscription">
      <Typography.Paragraph type="secondary">{t('calendar.subscribe.hint')}</Typography.Paragraph>
      {url ? (
        <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
          <Input readOnly value={url} aria-label={t('calendar.subscribe.title')} data-testid="calendar-feed-url" />
          <Button
            onClick={() => {
              void navigator.clipboard?.writeText(url).then(() => message.success(t('calendar.subscribe.copied')));
            }}
          >
            {t('calendar.subscribe.copy')}
          </Button>
        </Space.Compact>
      ) : (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          message={
            active && status.data?.createdAt
              ? t('calendar.subscribe.activeSince', { at: new Date(status.data.createdAt).toLocaleString(locale) })
              : t('calendar.subscribe.none')
          }
        />
      )}
      <Space wrap>
        {active ? (
          <Popconfirm title={t('calendar.subscribe.regenerateConfirm')} onConfirm={() => generate.mutate()}>
            <Button loading={generate.isPending}>{t('calendar.subscribe.regenerate')}</Button>
          </Popconfirm>
        ) : (
          <Button type="primary" loading={generate.isPending} onClick={() => generate.mutate()} data-testid="calendar-feed-generate">
            {t('calendar.subscribe.generate')}
          </Button>
        )}
        {active && (
          <Popconfirm title={t('calendar.subscribe.revokeConfirm')} onConfirm={() => revoke.mutate()}>
            <Button danger loading={revoke.isPending}>{t('calendar.subscribe.revoke')}</Button>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}
