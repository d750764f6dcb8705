/** Typed calls of the e-mail outbox (administrators) and the user's e-mail preferences. */
import {
  mailMessageDetailSchema,
  mailOutboxPageSchema,
  mailPreferencesSchema,
  type MailOutboxQuery,
  type MailPreferencesInput,
} from '../../shared/contracts/mail';
import { request } from './client';

const seg = (id: string) => encodeURIComponent(id);

export const mailApi = {
  outbox: (query: Partial<MailOutboxQuery>) => request(mailOutboxPageSchema, 'GET', '/mail/outbox', { query }),
  message: (id: string) => request(mailMessageDetailSchema, 'GET', `/mail/outbox/${seg(id)}`),
  retry: (id: string) => request(mailMessageDetailSchema, 'POST', `/mail/outbox/${seg(id)}/retry`, { body: {} }),
  preferences: () => request(mailPreferencesSchema, 'GET', '/me/mail-preferences'),
  savePreferences: (body: MailPreferencesInput) => request(mailPreferencesSchema, 'PUT', '/me/mail-preferences', { body }),
};
