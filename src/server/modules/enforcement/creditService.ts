import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type {
  CreditFeedQuery,
  CreditListQuery,
  CreditPage,
  DisclosureScopeBody,
  DisclosureScopeMark,
  DisclosureScopePage,
  DisclosureScopeQuery,
} from '../../../shared/contracts/enforcement';
import {
  caseCreditDescription,
  CREDIT_FEED_COLUMNS,
  isPenalty,
  legalBasis,
  LEGAL_BASES,
  POSITIVE_CREDIT_MIN_SCORE,
  resultCreditDescription,
  VIOLATION_TYPE_LABELS,
  type CreditFeedColumn,
} from '../../../shared/domain/enforcement';
import type { Db, Tx } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { contentDisposition } from '../../platform/files';
import { keysetPages, type CellValue, type SheetSpec } from '../../platform/xlsx';
import { getEnterprise } from '../enterprises/service';
import * as credit from './creditRepository';
import { districtBureau, type CaseRow } from './repository';

/**
 * Credit records: a decided case → a negative record (and, for a penalty under the Law/Measures, the mandatory
 * disclosure scope); an acceptance with a panel score ≥ POSITIVE_CREDIT_MIN_SCORE → a positive record. Both are
 * written inside the transaction of the decision / result. The city exports the feed (.xlsx and CSV).
 */

export async function recordCaseCredit(tx: Tx, actor: Actor, meta: RequestMeta, c: CaseRow): Promise<void> {
  if (!c.decisionNo || !c.decidedOn) throw new Error('a credit record needs a decided case');
  const bureau = await districtBureau(tx, c.districtCode);
  const facts = { violationType: c.violationType, legalBasis: c.legalBasis, measure: c.measure, fineAmount: c.fineAmount, decisionNo: c.decisionNo, bureau };
  const recordId = await credit.insertCreditRecord(tx, {
    enterpriseId: c.enterpriseId,
    kind: 'negative',
    source: 'enforcement_case',
    caseId: c.id,
    roundId: c.roundId,
    recordedOn: c.decidedOn,
    descriptionZh: caseCreditDescription(facts, 'zh-CN'),
    descriptionEn: caseCreditDescription(facts, 'en'),
    cityCode: c.cityCode,
    districtCode: c.districtCode,
  });
  if (recordId) {
    await recordAudit(tx, actor, meta, {
      action: 'credit.recorded',
      entityId: recordId,
      after: { enterpriseId: c.enterpriseId, kind: 'negative', caseId: c.id, recordedOn: c.decidedOn },
    });
  }
  if (isPenalty(c.measure) && legalBasis(c.legalBasis).disclosureScope) {
    const before = await credit.findDisclosureMark(tx, c.enterpriseId, true);
    const reason = `${VIOLATION_TYPE_LABELS[c.violationType]['zh-CN']}，依据${LEGAL_BASES[c.legalBasis].label['zh-CN']}被处罚（${c.decisionNo}）`;
    await credit.upsertDisclosureMark(tx, {
      enterpriseId: c.enterpriseId,
      inScope: true,
      since: c.decidedOn,
      reason,
      source: 'penalty',
      caseId: c.id,
      userId: actor.userId,
    });
    await recordAudit(tx, actor, meta, {
      action: 'disclosureScope.updated',
      entityId: c.enterpriseId,
      before: before ? { inScope: before.inScope, since: before.since, reason: before.reason, source: before.source } : null,
      after: { inScope: true, since: c.decidedOn, reason, source: 'penalty', caseId: c.id },
    });
  }
}

/**
 * The positive rule, called by the round transition command when a round becomes 'accepted' (same transaction):
 * a panel score ≥ POSITIVE_CREDIT_MIN_SCORE writes a positive record dated today (China time).
 */
export async function recordResultCredit(
  tx: Tx,
  actor: Actor,
  meta: RequestMeta,
  r: { roundId: string; score: number; acceptedOn: string },
): Promise<void> {
  if (r.score < POSITIVE_CREDIT_MIN_SCORE) return;
  const round = await credit.acceptedRound(tx, r.roundId);
  if (!round) throw new Error(`round ${r.roundId} not found for its credit record`);
  const facts = { listingYear: round.listingYear, score: r.score };
  const recordId = await credit.insertCreditRecord(tx, {
    enterpriseId: round.enterpriseId,
    kind: 'positive',
    source: 'acceptance_result',
    caseId: null,
    roundId: r.roundId,
    recordedOn: r.acceptedOn,
    descriptionZh: resultCreditDescription(facts, 'zh-CN'),
    descriptionEn: resultCreditDescription(facts, 'en'),
    cityCode: round.cityCode,
    districtCode: round.districtCode,
  });
  if (recordId) {
    await recordAudit(tx, actor, meta, {
      action: 'credit.recorded',
      entityId: recordId,
      after: { enterpriseId: round.enterpriseId, kind: 'positive', roundId: r.roundId, score: r.score, recordedOn: r.acceptedOn },
    });
  }
}

export async function listCreditRecords(db: Db, actor: Actor, query: CreditListQuery): Promise<CreditPage> {
  return credit.listCreditRecords(db, actor.scope, query);
}

function feedPages(db: Db, actor: Actor, query: CreditFeedQuery) {
  return keysetPages(
    (after: credit.FeedCursor | null, size) => credit.feedPage(db, actor.scope, query, after, size),
    (r): credit.FeedCursor => [r.recordedOn, r.id],
  );
}

function feedCells(r: credit.FeedRow): Record<CreditFeedColumn, CellValue> {
  return {
    record_id: r.id,
    enterprise_name: r.enterpriseName,
    credit_code: r.creditCode,
    district_code: r.districtCode,
    district_name: r.districtName,
    kind: r.kind,
    source: r.source,
    recorded_on: r.recordedOn,
    period_year: r.periodYear,
    violation_type: r.violationType,
    legal_basis: r.legalBasis,
    measure: r.measure,
    fine_amount_yuan: r.fineAmount,
    decision_no: r.decisionNo,
    round_listing_year: r.roundListingYear,
    description_zh: r.descriptionZh,
    description_en: r.descriptionEn,
  };
}

const WIDTHS: Partial<Record<CreditFeedColumn, number>> = { enterprise_name: 30, credit_code: 22, description_zh: 60, description_en: 60, record_id: 38 };

/** The feed as .xlsx: a title row, then the stable column names as the header (machine-readable), one row per record. */
export function creditFeedSheet(db: Db, actor: Actor, query: CreditFeedQuery): SheetSpec<CreditFeedColumn> {
  async function* rows() {
    for await (const page of feedPages(db, actor, query)) yield page.map(feedCells);
  }
  return {
    fileName: `企业信用记录-${query.from}-${query.to}.xlsx`,
    sheetName: 'credit_feed',
    title: `清洁生产审核企业环境信用记录（${query.from} 至 ${query.to}）`,
    columns: CREDIT_FEED_COLUMNS.map((key) => ({ key, label: key, width: WIDTHS[key] ?? 14 })),
    pages: rows(),
  };
}

/** RFC 4180 field quoting. */
function csvField(value: CellValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The feed as CSV (UTF-8 with BOM, CRLF), streamed page by page. */
export function sendCreditFeedCsv(reply: FastifyReply, db: Db, actor: Actor, query: CreditFeedQuery): FastifyReply {
  async function* lines() {
    yield `\uFEFF${CREDIT_FEED_COLUMNS.join(',')}\r\n`;
    for await (const page of feedPages(db, actor, query)) {
      yield page.map((r) => {
        const cells = feedCells(r);
        return `${CREDIT_FEED_COLUMNS.map((c) => csvField(cells[c])).join(',')}\r\n`;
      }).join('');
    }
  }
  const stream = Readable.from(lines());
  stream.on('error', (error) => reply.log.error({ err: error }, 'credit feed export failed while streaming'));
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', contentDisposition(`credit-feed-${query.from}-${query.to}.csv`))
    .header('cache-control', 'private, no-store')
    .send(stream);
}

// --- disclosure scope ---

export function listDisclosureScope(db: Db, actor: Actor, query: DisclosureScopeQuery): Promise<DisclosureScopePage> {
  return credit.listDisclosureScope(db, actor.scope, query);
}

/** The city marks or unmarks an enterprise of its city (404 outside it). */
export async function setDisclosureScope(
  db: Db,
  actor: Actor,
  enterpriseId: string,
  body: DisclosureScopeBody,
  meta: RequestMeta,
): Promise<DisclosureScopeMark> {
  const enterprise = await getEnterprise(db, actor, enterpriseId);
  return db.transaction(async (tx) => {
    const before = await credit.findDisclosureMark(tx, enterprise.id, true);
    const reason = body.reason.trim();
    await credit.upsertDisclosureMark(tx, { enterpriseId: enterprise.id, inScope: body.inScope, since: body.since, reason, source: 'manual', caseId: null, userId: actor.userId });
    const after = await credit.findDisclosureMark(tx, enterprise.id);
    if (!after) throw notFound({ 'zh-CN': '企业', en: 'Enterprise' });
    await recordAudit(tx, actor, meta, {
      action: 'disclosureScope.updated',
      entityId: enterprise.id,
      before: before ? { inScope: before.inScope, since: before.since, reason: before.reason, source: before.source } : null,
      after: { inScope: after.inScope, since: after.since, reason: after.reason, source: after.source },
    });
    return after;
  });
}
