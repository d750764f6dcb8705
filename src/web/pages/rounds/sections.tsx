import type { ReactNode } from 'react';
import type { RoundDetail } from '../../../shared/contracts/rounds';
import type { Action } from '../../../shared/domain/permissions';
import type { MessageKey } from '../../i18n';
import { AuditModeSection } from './material/AuditModeSection';
import { DisclosureSection } from './material/DisclosureSection';
import { ReportSection } from './material/ReportSection';
import { StagesSection } from './material/StagesSection';
import { ApplicationsSection } from './ApplicationsSection';
import { OptionsSection } from './options/OptionsSection';
import { RoundReviewsSection } from '../reviews/RoundReviewsSection';
import { RoundExpertWorkSection } from '../reviews/RoundExpertWorkSection';
import { RemindersSection } from './RemindersSection';
import { SimilaritySection } from '../similarity/SimilaritySection';

/**
 * The material of a round shown as tabs under its header and timeline (disclosure, audit,
 * options, evaluation, acceptance …). Each feature registers its tab here; the page renders the
 * visible ones in this order.
 */
export interface RoundSection {
  key: string;
  label: MessageKey;
  /** Whether the tab is shown for this round and caller (`can` answers the session's permissions). */
  visible: (round: RoundDetail, can: (action: Action) => boolean) => boolean;
  render: (round: RoundDetail) => ReactNode;
}

export const ROUND_SECTIONS: RoundSection[] = [
  { key: 'disclosure', label: 'material.tabs.disclosure', visible: () => true, render: (r) => <DisclosureSection round={r} /> },
  { key: 'auditMode', label: 'material.tabs.auditMode', visible: () => true, render: (r) => <AuditModeSection round={r} /> },
  { key: 'reports', label: 'material.tabs.reports', visible: () => true, render: (r) => <ReportSection round={r} /> },
  { key: 'stages', label: 'material.tabs.stages', visible: () => true, render: (r) => <StagesSection round={r} /> },
  {
    key: 'applications',
    label: 'applications.tab',
    visible: (_r, can) => can('round.read'),
    render: (r) => <ApplicationsSection round={r} />,
  },
  { key: 'options', label: 'options.tab', visible: (_r, can) => can('round.read'), render: (r) => <OptionsSection round={r} /> },
  { key: 'reviews', label: 'reviews.tab', visible: (_r, can) => can('panel.read'), render: (r) => <RoundReviewsSection round={r} /> },
  { key: 'expertWork', label: 'expertWork.tab', visible: (_r, can) => can('expertWork.read'), render: (r) => <RoundExpertWorkSection round={r} /> },
  { key: 'reminders', label: 'reminders.tab', visible: (_r, can) => can('round.read'), render: (r) => <RemindersSection round={r} /> },
  { key: 'quality', label: 'similarity.tab', visible: (_r, can) => can('round.read'), render: (r) => <SimilaritySection round={r} /> },
];
