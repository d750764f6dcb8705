/** Typed calls of the expert library, the expert's own profile and panel draws. */
import { z } from 'zod';
import {
  drawSettingsSchema,
  drawVerificationSchema,
  expertDetailSchema,
  expertImportReportSchema,
  expertPageSchema,
  expertRecordSchema,
  panelDrawSchema,
  roundDrawsSchema,
  tieOptionSchema,
  type AvailabilityInput,
  type DrawInput,
  type DrawSettingsInput,
  type ExpertInput,
  type ExpertListQuery,
  type ExpertProfileInput,
  type TiesInput,
} from '../../shared/contracts/experts';
import { request, uploadFile } from './client';

const seg = (id: string) => encodeURIComponent(id);

export const expertApi = {
  list: (query: Partial<ExpertListQuery>) => request(expertPageSchema, 'GET', '/experts', { query }),
  get: (id: string) => request(expertDetailSchema, 'GET', `/experts/${seg(id)}`),
  create: (body: ExpertInput) => request(expertDetailSchema, 'POST', '/experts', { body }),
  update: (id: string, body: ExpertInput) => request(expertDetailSchema, 'PUT', `/experts/${seg(id)}`, { body }),
  saveAvailability: (id: string | null, body: AvailabilityInput) =>
    request(expertDetailSchema, 'PUT', id ? `/experts/${seg(id)}/availability` : '/me/expert-profile/availability', { body }),
  saveTies: (id: string | null, body: TiesInput) =>
    request(expertDetailSchema, 'PUT', id ? `/experts/${seg(id)}/ties` : '/me/expert-profile/ties', { body }),
  record: (id: string) => request(expertRecordSchema, 'GET', `/experts/${seg(id)}/record`),
  mine: () => request(expertDetailSchema, 'GET', '/me/expert-profile'),
  saveMine: (body: ExpertProfileInput) => request(expertDetailSchema, 'PUT', '/me/expert-profile', { body }),
  tieOptions: (kind: 'agency' | 'enterprise', q: string) => request(z.array(tieOptionSchema), 'GET', '/expert-tie-options', { query: { kind, q } }),
  settings: () => request(drawSettingsSchema, 'GET', '/expert-draw-settings'),
  saveSettings: (body: DrawSettingsInput) => request(drawSettingsSchema, 'PUT', '/expert-draw-settings', { body }),
  upload: (file: File) => uploadFile(expertImportReportSchema, '/expert-imports', file, file.name),
  commit: (id: string, onlyValidRows: boolean) => request(expertImportReportSchema, 'POST', `/expert-imports/${seg(id)}/commit`, { body: { onlyValidRows } }),
  exportUrl: (template: boolean) => `/api/experts/export.xlsx${template ? '?template=1' : ''}`,
};

export const drawApi = {
  roundDraws: (roundId: string) => request(roundDrawsSchema, 'GET', `/rounds/${seg(roundId)}/panel-draws`),
  draw: (roundId: string, body: DrawInput) => request(panelDrawSchema, 'POST', `/rounds/${seg(roundId)}/panel-draws`, { body }),
  replace: (panelId: string, outgoingUserId: string) =>
    request(panelDrawSchema, 'POST', `/review-panels/${seg(panelId)}/replacement-draws`, { body: { outgoingUserId } }),
  verify: (drawId: string) => request(drawVerificationSchema, 'GET', `/panel-draws/${seg(drawId)}/verification`),
};
