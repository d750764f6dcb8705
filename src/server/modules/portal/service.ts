import type {
  PublicBatchPage,
  PublicBatchQuery,
  PublicFilters,
  PublicListPage,
  PublicListQuery,
  PublicResultPage,
  PublicResultQuery,
  PublicRound,
} from '../../../shared/contracts/portal';
import { DISCLOSURE_ITEM_CODES } from '../../../shared/domain/listingReasons';
import type { Db } from '../../db/types';
import { notFound } from '../../platform/errors';
import * as repo from './repository';

const PUBLIC_ROUND_ENTITY = { 'zh-CN': '公开的审核信息', en: 'Published audit round' } as const;
const ITEM_CODES: ReadonlySet<string> = new Set(DISCLOSURE_ITEM_CODES);

export function listPublishedRounds(db: Db, query: PublicListQuery): Promise<PublicListPage> {
  return repo.listPublished(db, query);
}

export function listPublishedResults(db: Db, query: PublicResultQuery): Promise<PublicResultPage> {
  return repo.listResults(db, query);
}

export function listPublishedBatches(db: Db, query: PublicBatchQuery): Promise<PublicBatchPage> {
  return repo.listBatches(db, query);
}

export function publicFilters(db: Db): Promise<PublicFilters> {
  return repo.filters(db);
}

/** A round's public page; a round not on a published list is 404, as if it did not exist. */
export async function getPublishedRound(db: Db, id: string): Promise<PublicRound> {
  const row = await repo.findPublishedRound(db, id);
  if (!row) throw notFound(PUBLIC_ROUND_ENTITY);
  // Only the disclosure items themselves (text), never other keys a draft might have carried.
  const items: Record<string, string> = {};
  for (const [key, value] of Object.entries(row.disclosureItems ?? {})) {
    if (ITEM_CODES.has(key) && typeof value === 'string') items[key] = value;
  }
  return {
    id: row.id,
    listingYear: row.listingYear,
    listPublishedOn: row.listPublishedOn,
    districtCode: row.districtCode,
    districtName: row.districtName,
    districtNameEn: row.districtNameEn,
    enterpriseName: row.enterpriseName,
    creditCode: row.creditCode,
    industryName: row.industryName,
    industryNameEn: row.industryNameEn,
    reasons: row.reasons,
    reasonDetails: row.reasonDetails,
    disclosure: row.disclosurePublishedAt
      ? { items, platformName: row.platformName, platformUrl: row.platformUrl, publishedAt: row.disclosurePublishedAt }
      : null,
    evaluation: row.evaluationPassedOn
      ? { passedOn: row.evaluationPassedOn, opinionNo: row.reviewOpinionNo, issuedOn: row.reviewOpinionIssuedOn }
      : null,
    acceptance:
      row.batchId && row.batchTitle && row.batchPublishedOn
        ? { batchId: row.batchId, batchTitle: row.batchTitle, publishedOn: row.batchPublishedOn }
        : null,
  };
}
