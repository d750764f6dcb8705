/** Typed wrappers of the deadline engine's routes: the city's reminder settings and a round's reminders (task G). */
import {
  reminderPageSchema,
  reminderSettingsSchema,
  type ReminderListQuery,
  type ReminderSettingsBody,
} from '../../shared/contracts/reminders';
import { request } from './client';

const seg = (id: string) => encodeURIComponent(id);

export const reminderApi = {
  settings: () => request(reminderSettingsSchema, 'GET', '/reminder-settings'),
  saveSettings: (body: ReminderSettingsBody) => request(reminderSettingsSchema, 'PUT', '/reminder-settings', { body }),
  ofRound: (roundId: string, query: Partial<ReminderListQuery> = {}) =>
    request(reminderPageSchema, 'GET', `/rounds/${seg(roundId)}/reminders`, { query }),
};
