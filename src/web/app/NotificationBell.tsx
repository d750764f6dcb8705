import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { notificationApi } from '../api/endpoints';
import { useT } from '../i18n';

export const UNREAD_KEY = ['notifications', 'unread'] as const;

/** The header's bell: unread notifications (refreshed every minute), opening the notifications page. */
export function NotificationBell() {
  const { t } = useT();
  const navigate = useNavigate();
  const unread = useQuery({ queryKey: UNREAD_KEY, queryFn: notificationApi.unreadCount, refetchInterval: 60_000 });
  const count = unread.data?.unread ?? 0;
  const title = count ? t('portal.notifications.unreadCount', { n: count }) : t('portal.notifications.title');
  return (
    <Tooltip title={title}>
      <Button type="text" aria-label={title} data-testid="notification-bell" onClick={() => void navigate('/notifications')}>
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Tooltip>
  );
}
