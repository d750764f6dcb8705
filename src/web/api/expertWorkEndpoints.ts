/** Typed calls of expert work: assignments, the panel page, pre-review, signing, the bureau view, ratings, settings. */
import {
  assignmentPageSchema,
  expertPanelWorkSchema,
  expertWorkSettingsSchema,
  ratingPageSchema,
  roundExpertWorkSchema,
  type ExpertWorkSettingsInput,
  type PreReviewInput,
  type RatingInput,
  type RatingListQuery,
} from '../../shared/contracts/expertWork';
import type { MyReviewsQuery } from '../../shared/contracts/reviews';
import { request } from './client';

const seg = (id: string) => encodeURIComponent(id);

export const expertWorkApi = {
  assignments: (query: Partial<MyReviewsQuery>) => request(assignmentPageSchema, 'GET', '/my-reviews/assignments', { query }),
  panelWork: (panelId: string) => request(expertPanelWorkSchema, 'GET', `/review-panels/${seg(panelId)}/expert-work`),
  savePreReview: (panelId: string, body: PreReviewInput) =>
    request(expertPanelWorkSchema, 'PUT', `/review-panels/${seg(panelId)}/pre-review`, { body }),
  sign: (panelId: string, fullName: string) =>
    request(expertPanelWorkSchema, 'POST', `/review-panels/${seg(panelId)}/signature`, { body: { fullName } }),
  roundWork: (roundId: string) => request(roundExpertWorkSchema, 'GET', `/rounds/${seg(roundId)}/expert-work`),
  rate: (panelId: string, expertUserId: string, body: RatingInput) =>
    request(roundExpertWorkSchema, 'PUT', `/review-panels/${seg(panelId)}/ratings/${seg(expertUserId)}`, { body }),
  ratings: (query: Partial<RatingListQuery>) => request(ratingPageSchema, 'GET', '/experts/ratings', { query }),
  settings: () => request(expertWorkSettingsSchema, 'GET', '/expert-work/settings'),
  saveSettings: (body: ExpertWorkSettingsInput) => request(expertWorkSettingsSchema, 'PUT', '/expert-work/settings', { body }),
};
