import { useMemo } from 'react';
import { Badge, Button, Calendar, Card, Col, Empty, List, Row, Select, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { CALENDAR_EVENT_KINDS, type CalendarEvent, type CalendarEventKind } from '../../../shared/contracts/calendar';
import { calendarApi } from '../../api/endpoints';
import { useReferenceLookup } from '../../app/reference';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { FeedSubscriptionCard } from './FeedSubscriptionCard';

const KIND_COLORS: Record<CalendarEventKind, string> = { roundDeadline: 'blue', milestone: 'purple', panelFormed: 'green', panelMeeting: 'orange' };
const isKind = (v: string | null): v is CalendarEventKind => (CALENDAR_EVENT_KINDS as readonly (string | null)[]).includes(v);
const MONTH = /^\d{4}-\d{2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 日程: a month calendar with the number of entries per day, an agenda list, filters, .ics export and subscription. */
export default function CalendarPage() {
  const { t } = useT();
  const { user } = useSignedIn();
  const { districts } = useReferenceLookup();
  const [params, setParams] = useSearchParams();
  const monthParam = params.get('month');
  const month = monthParam && MONTH.test(monthParam) ? dayjs(`${monthParam}-01`) : dayjs().startOf('month');
  const dayParam = params.get('day');
  const day = dayParam && DAY.test(dayParam) ? dayParam : null;
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const districtCode = params.get('district') || undefined;
  const isCity = user.role === 'city_admin' || user.role === 'city_staff';

  // The month grid shows parts of the weeks around the month.
  const query = {
    from: month.subtract(7, 'day').format('YYYY-MM-DD'),
    to: month.endOf('month').add(14, 'day').format('YYYY-MM-DD'),
    kind,
    districtCode: isCity ? districtCode : undefined,
  };
  const events = useQuery({ queryKey: ['calendar', query], queryFn: () => calendarApi.events(query), placeholderData: keepPreviousData });

  const byDay = useMemo(() => {
    const map = new Map<string, CalendarEvent[]>();
    for (const e of events.data?.events ?? []) map.set(e.date, [...(map.get(e.date) ?? []), e]);
    return map;
  }, [events.data]);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const monthKey = month.format('YYYY-MM');
  const agenda = day ? (byDay.get(day) ?? []) : (events.data?.events ?? []).filter((e) => e.date.startsWith(monthKey));

  const cell = (date: Dayjs) => {
    const list = byDay.get(date.format('YYYY-MM-DD'));
    if (!list?.length) return null;
    const overdue = list.some((e) => e.overdue);
    return (
      <div data-testid="calendar-day-count">
        <Badge status={overdue ? 'error' : 'processing'} text={t('calendar.count', { n: list.length })} />
      </div>
    );
  };

  return (
    <PageContainer
      title={t('calendar.title')}
      subTitle={t('calendar.hint')}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('calendar.title') }]}
      extra={
        <Button icon={<DownloadOutlined />} href={calendarApi.icsUrl({ ...query })} data-testid="calendar-ics">
          {t('calendar.download')}
        </Button>
      }
    >
      <Card className="filter-card">
        <Space wrap size="large">
          <Space>
            <Typography.Text>{t('calendar.kind')}</Typography.Text>
            <Select
              allowClear
              style={{ minWidth: 180 }}
              aria-label={t('calendar.kind')}
              placeholder={t('common.all')}
              value={kind}
              onChange={(v?: string) => update({ kind: v })}
              options={CALENDAR_EVENT_KINDS.map((k) => ({ value: k, label: t(`calendar.kinds.${k}`) }))}
            />
          </Space>
          {isCity && (
            <Space>
              <Typography.Text>{t('calendar.district')}</Typography.Text>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                style={{ minWidth: 180 }}
                aria-label={t('calendar.district')}
                placeholder={t('common.all')}
                value={districtCode}
                onChange={(v?: string) => update({ district: v })}
                options={districts}
              />
            </Space>
          )}
        </Space>
      </Card>
      {events.isError ? (
        <ErrorResult error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} xl={15}>
            <Card>
              <Calendar
                value={day ? dayjs(day) : month}
                cellRender={(date, info) => (info.type === 'date' ? cell(date) : info.originNode)}
                onPanelChange={(date) => update({ month: date.format('YYYY-MM'), day: undefined })}
                onSelect={(date, info) => {
                  if (info.source === 'date') update({ month: date.format('YYYY-MM'), day: date.format('YYYY-MM-DD') });
                }}
              />
            </Card>
          </Col>
          <Col xs={24} xl={9}>
            <Card
              title={day ? t('calendar.agendaOfDay', { date: day }) : t('calendar.agendaOfMonth', { month: monthKey })}
              extra={day ? <Button type="link" onClick={() => update({ day: undefined })}>{t('calendar.showMonth')}</Button> : null}
              style={{ marginBottom: 16 }}
            >
              <List<CalendarEvent>
                loading={events.isFetching}
                dataSource={agenda}
                locale={{ emptyText: events.isPending ? ' ' : <Empty description={t('calendar.empty')} /> }}
                renderItem={(e) => (
                  <List.Item data-testid="calendar-event" actions={[<Link key="open" to={e.link}>{t('calendar.open')}</Link>]}>
                    <List.Item.Meta
                      title={
                        <Space wrap size={4}>
                          <Typography.Text type="secondary">{e.date}</Typography.Text>
                          <Link to={e.link}>{e.title}</Link>
                          <Tag bordered={false} color={KIND_COLORS[e.kind]}>{t(`calendar.kinds.${e.kind}`)}</Tag>
                          {e.overdue && <Tag color="error">{t('calendar.overdue')}</Tag>}
                        </Space>
                      }
                      description={e.description}
                    />
                  </List.Item>
                )}
              />
            </Card>
            <FeedSubscriptionCard />
          </Col>
        </Row>
      )}
    </PageContainer>
  );
}
