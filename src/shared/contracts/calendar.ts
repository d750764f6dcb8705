import { z } from 'zod';
import { DEADLINE_KINDS } from '../domain/deadlines';
import { isoDateSchema } from './campaigns';
import { optionalQueryString } from './common';

/** What a calendar entry is: a round's due date, a campaign milestone, or an expert's panel. */
export const CALENDAR_EVENT_KINDS = ['roundDeadline', 'milestone', 'panelFormed', 'panelMeeting'] as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];

/** The longest range one request may ask for, in days. */
export const CALENDAR_MAX_DAYS = 400;

const optionalKind = z.preprocess((v) => (v === '' ? undefined : v), z.enum(CALENDAR_EVENT_KINDS).optional());

export const calendarQuery = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  /** City users: only this district's rounds. */
  districtCode: optionalQueryString(12),
  kind: optionalKind,
});
export type CalendarQuery = z.infer<typeof calendarQuery>;

/** The .ics export: the range is optional (default: 90 days back, 400 days ahead). */
export const calendarIcsQuery = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  districtCode: optionalQueryString(12),
  kind: optionalKind,
});
export type CalendarIcsQuery = z.infer<typeof calendarIcsQuery>;

export const calendarEventSchema = z.object({
  /** Stable across requests and exports (the iCalendar UID). */
  uid: z.string(),
  kind: z.enum(CALENDAR_EVENT_KINDS),
  date: z.string(),
  /** In the caller's language. */
  title: z.string(),
  description: z.string(),
  /** A path inside the web app. */
  link: z.string(),
  roundId: z.uuid().nullable(),
  deadlineKind: z.enum(DEADLINE_KINDS).nullable(),
  /** A round's current deadline that has passed. */
  overdue: z.boolean(),
  districtName: z.string().nullable(),
});
export type CalendarEvent = z.infer<typeof calendarEventSchema>;

export const calendarSchema = z.object({ from: z.string(), to: z.string(), events: z.array(calendarEventSchema) });
export type Calendar = z.infer<typeof calendarSchema>;

export const feedTokenStatusSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
});
export type FeedTokenStatus = z.infer<typeof feedTokenStatusSchema>;

/** The subscription address, shown once when (re)generated: only its hash is stored. */
export const feedTokenCreatedSchema = z.object({
  token: z.string(),
  /** Path of the public feed (the web app prefixes its origin). */
  path: z.string(),
  createdAt: z.string(),
});
export type FeedTokenCreated = z.infer<typeof feedTokenCreatedSchema>;
