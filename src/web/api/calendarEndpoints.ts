/** Typed wrappers of the calendar routes: the agenda, the .ics download and the subscription address. */
import {
  calendarSchema,
  feedTokenCreatedSchema,
  feedTokenStatusSchema,
  type CalendarQuery,
} from '../../shared/contracts/calendar';
import { request } from './client';

export const calendarApi = {
  events: (query: CalendarQuery) => request(calendarSchema, 'GET', '/calendar', { query }),
  feedStatus: () => request(feedTokenStatusSchema, 'GET', '/calendar/feed-token'),
  regenerateFeed: () => request(feedTokenCreatedSchema, 'POST', '/calendar/feed-token', { body: {} }),
  revokeFeed: () => request(feedTokenStatusSchema, 'DELETE', '/calendar/feed-token', { body: {} }),
  /** The .ics download (a plain link: the browser sends the session cookie). */
  icsUrl: (query: Partial<CalendarQuery>) => {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
    const qs = params.toString();
    return `/api/calendar.ics${qs ? `?${qs}` : ''}`;
  },
};
