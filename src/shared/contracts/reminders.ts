import { z } from 'zod';
import { DEADLINE_KINDS } from '../domain/deadlines';
import { PROPOSED_STEPS, REMINDER_LIMITS } from '../domain/reminders';
import { pageOf, pageQuery } from './common';

const L = REMINDER_LIMITS;

/** A city's reminder settings as edited (PUT /api/reminder-settings). */
export const reminderSettingsBody = z
  .object({
    remindDays: z
      .array(z.number().int().min(L.remindDay.min).max(L.remindDay.max))
      .min(L.remindDaysCount.min)
      .max(L.remindDaysCount.max)
      .refine((days) => new Set(days).size === days.length, { message: 'remindDays.duplicate' }),
    escalateAfterDays: z.number().int().min(L.escalateAfterDays.min).max(L.escalateAfterDays.max),
    enabled: z.boolean(),
  })
  .strict();
export type ReminderSettingsBody = z.infer<typeof reminderSettingsBody>;

export const reminderSettingsSchema = z.object({
  cityCode: z.string(),
  settings: reminderSettingsBody,
  /** Settings never edited by the city are the defaults (updatedAt null). */
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  abilities: z.object({ manage: z.boolean() }),
});
export type ReminderSettingsDto = z.infer<typeof reminderSettingsSchema>;

export const reminderListQuery = z.object({ ...pageQuery });
export type ReminderListQuery = z.infer<typeof reminderListQuery>;

/** One reminder, overdue notice or escalation sent about a round: who was told what and when. */
export const reminderEntrySchema = z.object({
  id: z.string(),
  deadlineKind: z.enum([...DEADLINE_KINDS, 'milestone']),
  dueOn: z.string(),
  step: z.string(),
  daysLeft: z.number().int(),
  proposedStep: z.enum(PROPOSED_STEPS).nullable(),
  recipients: z.array(z.string()),
  sentAt: z.string(),
});
export type ReminderEntry = z.infer<typeof reminderEntrySchema>;

export const reminderPageSchema = pageOf(reminderEntrySchema);
export type ReminderPage = z.infer<typeof reminderPageSchema>;
