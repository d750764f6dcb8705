/** Typed calls of the expert reviews: score sheets, grading rule, panels, scoring. */
import { z } from 'zod';
import {
  expertOptionSchema,
  gradingRuleSchema,
  myReviewPageSchema,
  roundPanelsSchema,
  scoreSheetSchema,
  scoreSheetVersionsSchema,
  scoringViewSchema,
  type ConflictInput,
  type GradingRuleInput,
  type MyReviewsQuery,
  type ScoreSheetInput,
  type ScoresInput,
} from '../../shared/contracts/reviews';
import type { ScoreSheetKind } from '../../shared/domain/scoring';
import { request } from './client';

const seg = (id: string) => encodeURIComponent(id);

export const reviewApi = {
  sheet: (kind: ScoreSheetKind) => request(scoreSheetVersionsSchema, 'GET', `/score-sheets/${kind}`),
  sheetVersion: (kind: ScoreSheetKind, version: number) =>
    request(scoreSheetSchema, 'GET', `/score-sheets/${kind}/versions/${version}`),
  saveSheet: (kind: ScoreSheetKind, body: ScoreSheetInput) => request(scoreSheetSchema, 'POST', `/score-sheets/${kind}/versions`, { body }),
  rule: () => request(gradingRuleSchema, 'GET', '/grading-rule'),
  saveRule: (body: GradingRuleInput) => request(gradingRuleSchema, 'PUT', '/grading-rule', { body }),
  panels: (roundId: string) => request(roundPanelsSchema, 'GET', `/rounds/${seg(roundId)}/panels`),
  formPanel: (roundId: string, expertUserIds: string[], reason: string) =>
    request(roundPanelsSchema, 'POST', `/rounds/${seg(roundId)}/panels`, { body: { expertUserIds, reason } }),
  experts: () => request(z.array(expertOptionSchema), 'GET', '/review-experts'),
  replace: (panelId: string, outgoingUserId: string, incomingUserId: string, reason: string) =>
    request(roundPanelsSchema, 'POST', `/review-panels/${seg(panelId)}/replacements`, { body: { outgoingUserId, incomingUserId, reason } }),
  scheduleMeeting: (panelId: string, meetingOn: string | null, meetingPlace: string | null) =>
    request(roundPanelsSchema, 'PUT', `/review-panels/${seg(panelId)}/meeting`, { body: { meetingOn, meetingPlace } }),
  confirmRevision: (panelId: string) =>
    request(roundPanelsSchema, 'POST', `/review-panels/${seg(panelId)}/revision-confirmation`, { body: {} }),
  mine: (query: Partial<MyReviewsQuery>) => request(myReviewPageSchema, 'GET', '/my-reviews', { query }),
  scoring: (panelId: string) => request(scoringViewSchema, 'GET', `/review-panels/${seg(panelId)}/scoring`),
  declare: (panelId: string, body: ConflictInput) =>
    request(scoringViewSchema, 'POST', `/review-panels/${seg(panelId)}/conflict`, { body }),
  saveScores: (panelId: string, body: ScoresInput) =>
    request(scoringViewSchema, 'PUT', `/review-panels/${seg(panelId)}/scores`, { body }),
};
