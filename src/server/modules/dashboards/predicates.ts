import { statesOfStage, type ProgressStage } from '../../../shared/domain/dashboards';
import type { BenefitIndicator } from '../../../shared/domain/options';
import type { Params } from '../../platform/sql';

/**
 * The SQL conditions behind every dashboard figure, written once: the dashboard aggregates with them and the
 * round list (`GET /api/rounds`, modules/rounds/repository.ts) filters with them, so a figure and the list
 * it opens always agree. Each condition is on `audit_rounds r` (or, for the aggregates, on the table named).
 */

/** Calendar year Y as a half-open date range on a DATE column (index-friendly, no function on the column). */
export function dateInYear(column: string, year: number, p: Params): string {
  const y = p.add(year);
  return `${column} >= make_date(${y}::int, 1, 1) AND ${column} < make_date(${y}::int + 1, 1, 1)`;
}

/** Calendar year Y in China time as a half-open range on a timestamptz column. */
export function instantInYear(column: string, year: number, p: Params): string {
  const y = p.add(year);
  return `${column} >= make_timestamptz(${y}::int, 1, 1, 0, 0, 0, 'Asia/Shanghai')
      AND ${column} < make_timestamptz(${y}::int + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')`;
}

/** The China-time year of a timestamptz column, for GROUP BY. */
export const chinaYear = (column: string) => `extract(year FROM ${column} AT TIME ZONE 'Asia/Shanghai')::int`;

/** Rounds in a progress stage. */
export function inProgressStage(stage: ProgressStage, p: Params): string {
  return `r.state = ANY(${p.add(statesOfStage(stage))}::text[])`;
}

/**
 * A realised benefit (节能/减排 achieved): an implemented option `o` of a round that is not withdrawn, with an
 * actual effective date, and an actual value of the indicator `b`. Predicted-only figures never count.
 * `year` limits the effective date to that calendar year; `indicator` to one indicator.
 */
export function realisedBenefit(
  filter: { year?: number | 'any' | undefined; indicator?: BenefitIndicator | undefined },
  p: Params,
): string {
  const where = [
    `o.status = 'implemented'`,
    `o.actual_effective_on IS NOT NULL`,
    `b.actual IS NOT NULL`,
    `r.state <> 'withdrawn'`,
  ];
  if (typeof filter.year === 'number') where.push(dateInYear('o.actual_effective_on', filter.year, p));
  if (filter.indicator) where.push(`b.indicator = ${p.add(filter.indicator)}`);
  return where.join(' AND ');
}

/** Round-list form of realisedBenefit: the round has at least one such option and indicator. */
export function hasRealisedBenefit(
  filter: { year?: number | 'any' | undefined; indicator?: BenefitIndicator | undefined },
  p: Params,
): string {
  return `EXISTS (SELECT 1 FROM round_options o JOIN round_option_benefits b ON b.option_id = o.id
                   WHERE o.round_id = r.id AND ${realisedBenefit(filter, p)})`;
}

/** Round-list form of "accepted in year Y": the round has a transition into 'accepted' in that China-time year. */
export function acceptedInYear(year: number, p: Params): string {
  return `EXISTS (SELECT 1 FROM round_history h
                   WHERE h.round_id = r.id AND h.to_state = 'accepted' AND ${instantInYear('h.occurred_at', year, p)})`;
}

/** Overdue and due-soon, exactly as the round list's `due` filter (overdue / dueWithinDays). */
export function overdue(today: string, p: Params): string {
  return `r.next_due_on < ${p.add(today)}::date`;
}
export function dueWithin(today: string, days: number, p: Params): string {
  const from = p.add(today);
  return `r.next_due_on BETWEEN ${from}::date AND ${from}::date + ${p.add(days)}::int`;
}
