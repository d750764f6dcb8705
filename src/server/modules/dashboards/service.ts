import type { Dashboard, DashboardDistrict, DashboardQuery } from '../../../shared/contracts/dashboards';
import { DASHBOARD_DUE_SOON_DAYS, PROGRESS_STAGE_OF, PROGRESS_STAGES, type ProgressStage } from '../../../shared/domain/dashboards';
import { ROUND_STATES, type RoundState } from '../../../shared/domain/roundStates';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { today } from '../rounds/service';
import * as repo from './repository';

const DISTRICT_ENTITY = { 'zh-CN': '区县', en: 'District' } as const;

/**
 * The region a dashboard covers, from the caller's scope: the city (or one of its districts, when asked) for
 * city users, the own district for district users; another district is 404, other scopes 403.
 */
export async function dashboardRegion(db: Db, actor: Actor, districtCode: string | undefined): Promise<repo.Region> {
  const scope = actor.scope;
  switch (scope.kind) {
    case 'city':
      if (districtCode && !(await repo.isDistrictOf(db, scope.cityCode, districtCode))) throw notFound(DISTRICT_ENTITY);
      return { cityCode: scope.cityCode, districtCode: districtCode ?? null };
    case 'district':
      if (districtCode && districtCode !== scope.districtCode) throw notFound(DISTRICT_ENTITY);
      return { cityCode: scope.cityCode, districtCode: scope.districtCode };
    case 'enterprise':
    case 'agency':
    case 'expert':
      throw new AppError('FORBIDDEN');
  }
}

const zeroStages = (): Record<ProgressStage, number> =>
  Object.fromEntries(PROGRESS_STAGES.map((s) => [s, 0])) as Record<ProgressStage, number>;

/** The dashboard of the caller's city or district: a handful of GROUP BY queries, assembled here. */
export async function overview(db: Db, actor: Actor, query: DashboardQuery): Promise<Dashboard> {
  const region = await dashboardRegion(db, actor, query.districtCode);
  const year = query.year ?? null;
  const now = today();
  const [districtRows, stateRows, listed, accepted, byYear, byIndustry, milestoneRows] = await Promise.all([
    repo.districts(db, region),
    repo.roundsByDistrictAndState(db, region, year, now, DASHBOARD_DUE_SOON_DAYS),
    repo.listedPerYear(db, region),
    repo.acceptedPerYear(db, region),
    repo.benefitsByYear(db, region),
    repo.benefitsByIndustry(db, region, year),
    year === null ? Promise.resolve([]) : repo.milestones(db, region.cityCode, year),
  ]);

  const byDistrict = new Map<string, DashboardDistrict>(
    districtRows.map((d) => [
      d.code,
      { districtCode: d.code, districtName: d.name, districtNameEn: d.nameEn, total: 0, overdue: 0, dueSoon: 0, progress: zeroStages() },
    ]),
  );
  const perState = new Map<RoundState, number>();
  const totals = { rounds: 0, overdue: 0, dueSoon: 0, accepted: 0 };
  for (const row of stateRows) {
    const district = byDistrict.get(row.districtCode);
    if (district) {
      district.total += row.n;
      district.overdue += row.overdue;
      district.dueSoon += row.dueSoon;
      district.progress[PROGRESS_STAGE_OF[row.state]] += row.n;
    }
    perState.set(row.state, (perState.get(row.state) ?? 0) + row.n);
    totals.rounds += row.n;
    totals.overdue += row.overdue;
    totals.dueSoon += row.dueSoon;
    if (PROGRESS_STAGE_OF[row.state] === 'accepted') totals.accepted += row.n;
  }

  const trendYears = new Map<number, { year: number; listed: number; accepted: number }>();
  const trendOf = (y: number) => {
    const entry = trendYears.get(y) ?? { year: y, listed: 0, accepted: 0 };
    trendYears.set(y, entry);
    return entry;
  };
  for (const row of listed) trendOf(row.year).listed = row.n;
  for (const row of accepted) trendOf(row.year).accepted = row.n;

  return {
    scope: { kind: actor.scope.kind === 'city' ? 'city' : 'district', cityCode: region.cityCode, districtCode: region.districtCode },
    year,
    today: now,
    dueSoonDays: DASHBOARD_DUE_SOON_DAYS,
    years: listed.map((r) => r.year).sort((a, b) => b - a),
    totals,
    byState: ROUND_STATES.filter((s) => perState.has(s)).map((state) => ({ state, count: perState.get(state) ?? 0 })),
    byDistrict: [...byDistrict.values()],
    milestones: milestoneRows.map((m) => ({ ...m, passed: m.dueOn < now })),
    trend: [...trendYears.values()].sort((a, b) => a.year - b.year),
    benefitsByYear: byYear.sort((a, b) => a.year - b.year || a.indicator.localeCompare(b.indicator)),
    benefitsByIndustry: byIndustry.sort((a, b) => a.industryCode.localeCompare(b.industryCode) || a.indicator.localeCompare(b.indicator)),
  };
}
