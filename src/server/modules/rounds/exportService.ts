import type { PlanEntryExportQuery } from '../../../shared/contracts/planImports';
import { ANNEX1_COLUMNS, ANNEX2_COLUMNS, ANNEX4_COLUMNS } from '../../../shared/domain/excelLayouts';
import { LISTING_REASON_LABELS, type ListingReason } from '../../../shared/domain/listingReasons';
import { ROUND_STATE_LABELS, ROUND_STATE_PHASE } from '../../../shared/domain/roundStates';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/context';
import { keysetPages, type CellValue, type SheetSpec } from '../../platform/xlsx';
import { getCampaign } from '../campaigns/service';
import * as exports from './exportRepository';
import { today } from './service';

/** The .xlsx exports in the notice's layouts (附件4, 附件1, 附件2); texts in Chinese, as the tables are filed. */

const reasonText = (reasons: readonly ListingReason[]) => reasons.map((r) => LISTING_REASON_LABELS[r]['zh-CN']).join('、');

async function* mapPages<R, K extends string>(
  pages: AsyncIterable<R[]>,
  map: (row: R) => Partial<Record<K, CellValue>>,
): AsyncGenerator<Partial<Record<K, CellValue>>[]> {
  for await (const page of pages) yield page.map(map);
}

type Annex4Key = (typeof ANNEX4_COLUMNS)[number]['key'];
type Annex1Key = (typeof ANNEX1_COLUMNS)[number]['key'];
type Annex2Key = (typeof ANNEX2_COLUMNS)[number]['key'];

export function planEntriesSheet(db: Db, actor: Actor, query: PlanEntryExportQuery): SheetSpec<Annex4Key> {
  const pages = keysetPages(
    (after: exports.PlanEntryCursor | null, size) => exports.planEntryPage(db, actor.scope, query, after, size),
    (r): exports.PlanEntryCursor => [r.districtCode, r.plannedYear, r.id],
  );
  const year = query.plannedYear === undefined ? '' : `${query.plannedYear}年度`;
  return {
    fileName: `审核计划表${year ? `-${query.plannedYear}` : ''}.xlsx`,
    sheetName: '附件4',
    title: `${year}清洁生产审核计划表（附件4）`,
    columns: ANNEX4_COLUMNS,
    pages: mapPages(pages, (r) => ({
      district: r.districtName,
      enterpriseName: r.enterpriseName,
      creditCode: r.creditCode,
      industry: r.industryName,
      reasons: reasonText(r.reasons),
      plannedYear: r.plannedYear,
      lastAuditOn: r.lastAuditOn,
      contact: [r.contactName, r.contactPhone].filter((s) => s).join('/'),
      remarks: r.remarks,
    })),
  };
}

/** 附件1 of a campaign: its published rounds in the caller's scope (the campaign itself out of scope → 404). */
export async function campaignListSheet(db: Db, actor: Actor, campaignId: string): Promise<SheetSpec<Annex1Key>> {
  const campaign = await getCampaign(db, actor, campaignId);
  const pages = keysetPages(
    (after: exports.RoundCursor | null, size) => exports.campaignListPage(db, actor.scope, campaignId, after, size),
    (r): exports.RoundCursor => [r.districtCode, r.id],
  );
  return {
    fileName: `${campaign.year}年度清洁生产审核名单.xlsx`,
    sheetName: '附件1',
    title: `${campaign.year}年度清洁生产强制性审核企业名单（附件1）`,
    columns: ANNEX1_COLUMNS,
    pages: mapPages(pages, (r) => ({
      district: r.districtName,
      enterpriseName: r.enterpriseName,
      creditCode: r.creditCode,
      industry: r.industryName,
      reasons: reasonText(r.reasons),
      reasonDetails: r.reasonDetails,
      dischargePermitNo: r.dischargePermitNo,
      remarks: r.remarks,
    })),
  };
}

/**
 * 附件2: rounds listed in earlier years and not yet accepted, with the latest 技术审查意见文号, the
 * medium/high-cost options (implemented in brackets) and the reason the round is unfinished, derived
 * from its state, its options and its acceptance deadline; 备注 names the current state.
 */
/** Why a backlog round is not accepted yet, in the words of the 附件2 column (Chinese, as the official table). */
export function unfinishedReason(
  r: Pick<exports.BacklogExportRow, 'state' | 'acceptanceDue' | 'costlyOpen'>,
  todayIso: string,
): string {
  const reasons: string[] = [];
  const phase = ROUND_STATE_PHASE[r.state];
  if (r.state === 'referred') reasons.push('已移交执法');
  else if (phase === 'listing' || phase === 'audit') reasons.push('审核尚未完成');
  else if (phase === 'evaluation') reasons.push(r.state === 'evaluation_failed' ? '评估未通过，重新审核' : '评估尚未完成');
  else if (r.costlyOpen > 0) reasons.push(`中/高费方案尚有${r.costlyOpen}项未实施`);
  else if (r.state === 'acceptance_rejected') reasons.push('验收不合格，整改中');
  else reasons.push('验收尚未完成');
  if (r.acceptanceDue && r.acceptanceDue < todayIso) reasons.push('已超过验收期限');
  return reasons.join('；');
}

export function backlogSheet(db: Db, actor: Actor): SheetSpec<Annex2Key> {
  const year = Number(today().slice(0, 4));
  const pages = keysetPages(
    (after: exports.BacklogCursor | null, size) => exports.backlogPage(db, actor.scope, year, after, size),
    (r): exports.BacklogCursor => [r.listingYear, r.districtCode, r.id],
  );
  return {
    fileName: `未完成验收企业清单-${today()}.xlsx`,
    sheetName: '附件2',
    title: `${year}年以前纳入名单尚未完成验收的企业清单（附件2）`,
    columns: ANNEX2_COLUMNS,
    pages: mapPages(pages, (r) => ({
      district: r.districtName,
      enterpriseName: r.enterpriseName,
      creditCode: r.creditCode,
      listingYear: r.listingYear,
      reasons: reasonText(r.reasons),
      evaluationPassedOn: r.evaluationPassedOn,
      reviewOpinionNo: r.reviewOpinionNo,
      costlyOptions: `${r.costlyOptions} (${r.costlyImplemented})`,
      unfinishedReason: unfinishedReason(r, today()),
      acceptanceDue: r.acceptanceDue,
      remarks: `当前状态：${ROUND_STATE_LABELS[r.state]['zh-CN']}`,
    })),
  };
}
