import type { EnterpriseOverview } from '../../../shared/contracts/enterpriseOverview';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/context';
import { notFound } from '../../platform/errors';
import * as overview from './overviewRepository';
import * as repo from './repository';
import { ENTERPRISE_ENTITY } from './service';

/**
 * Everything about one enterprise in one answer: rounds with their scores, options, enforcement cases, credit
 * records and spot-check findings. The enterprise must be in the caller's registry scope (else 404); each section is
 * one query keyed by the enterprise (a fixed number of statements, whatever the data).
 */
export async function enterpriseOverview(db: Db, actor: Actor, enterpriseId: string): Promise<EnterpriseOverview> {
  if (!(await repo.findEnterprise(db, actor.scope, enterpriseId))) throw notFound(ENTERPRISE_ENTITY);
  const [rounds, options, cases, creditRecords, spotChecks, disclosureScope] = await Promise.all([
    overview.roundsOf(db, enterpriseId),
    overview.optionsOf(db, enterpriseId),
    overview.casesOf(db, enterpriseId),
    overview.creditRecordsOf(db, enterpriseId),
    overview.spotChecksOf(db, enterpriseId),
    overview.disclosureScopeOf(db, enterpriseId),
  ]);
  const sections = { rounds, options, cases, creditRecords, spotChecks };
  return {
    enterpriseId,
    disclosureScope,
    rounds: rounds.rows,
    options: options.rows,
    cases: cases.rows,
    creditRecords: creditRecords.rows,
    spotChecks: spotChecks.rows,
    truncated: Object.entries(sections)
      .filter(([, s]) => s.truncated)
      .map(([name]) => name),
  };
}
