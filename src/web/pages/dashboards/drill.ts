import type { ProgressStage } from '../../../shared/domain/dashboards';
import type { BenefitIndicator } from '../../../shared/domain/options';
import type { RoundState } from '../../../shared/domain/roundStates';

/**
 * The round list behind a dashboard figure: `/rounds` with the URL filters RoundListPage reads (its `due` is
 * 'overdue' or a number of days). The server applies the same SQL conditions the dashboard aggregated with.
 */
export interface Drill {
  listingYear?: number | null;
  districtCode?: string | null;
  state?: RoundState;
  progress?: ProgressStage;
  due?: 'overdue' | number;
  industryCode?: string;
  benefitYear?: number | 'any';
  benefitIndicator?: BenefitIndicator;
  acceptedYear?: number;
}

export function roundsLink(drill: Drill): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(drill) as [keyof Drill, Drill[keyof Drill]][]) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/rounds?${query}` : '/rounds';
}
