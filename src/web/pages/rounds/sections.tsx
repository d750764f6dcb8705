import type { ReactNode } from 'react';
import type { RoundDetail } from '../../../shared/contracts/rounds';
import type { Action } from '../../../shared/domain/permissions';
import type { MessageKey } from '../../i18n';

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

export const ROUND_SECTIONS: RoundSection[] = [];
