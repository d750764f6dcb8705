import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { OpenDataCatalog, OpenDataset, OpenFormat } from '../../../shared/contracts/dashboards';
import { LISTING_REASON_LABELS } from '../../../shared/domain/listingReasons';
import {
  csvLine,
  OPEN_LIST_COLUMNS,
  OPEN_RESULT_COLUMNS,
  type OpenListKey,
  type OpenResultKey,
} from '../../../shared/domain/openData';
import type { Db } from '../../db/types';
import { contentDisposition } from '../../platform/files';
import { keysetPages } from '../../platform/xlsx';
import * as repo from './openDataRepository';

type Cell = string | number | null | readonly string[];
type Record_<K extends string> = Readonly<Record<K, Cell>>;

const PAGE_SIZE = 500;
const BOM = '\uFEFF';

const listRecord = (r: repo.OpenListRow): Record_<OpenListKey> => ({
  listing_year: r.listingYear,
  list_published_on: r.listPublishedOn,
  district_code: r.districtCode,
  district_name: r.districtName,
  enterprise_name: r.enterpriseName,
  credit_code: r.creditCode,
  industry_code: r.industryCode,
  industry_name: r.industryName,
  listing_reasons: r.reasons,
  listing_reasons_label: r.reasons.map((reason) => LISTING_REASON_LABELS[reason]['zh-CN']).join('、'),
  reason_details: r.reasonDetails,
  round_id: r.id,
});

const resultRecord = (r: repo.OpenResultRow): Record_<OpenResultKey> => ({
  batch_published_on: r.batchPublishedOn,
  batch_title: r.batchTitle,
  listing_year: r.listingYear,
  district_code: r.districtCode,
  district_name: r.districtName,
  enterprise_name: r.enterpriseName,
  credit_code: r.creditCode,
  industry_code: r.industryCode,
  industry_name: r.industryName,
  evaluation_passed_on: r.evaluationPassedOn,
  review_opinion_no: r.reviewOpinionNo,
  result: 'accepted',
  round_id: r.id,
});

interface DatasetSource<K extends string> {
  columns: readonly { key: K }[];
  records: AsyncIterable<readonly Record_<K>[]>;
}

function source(db: Db, dataset: OpenDataset, year: number): DatasetSource<string> {
  switch (dataset) {
    case 'lists':
      return {
        columns: OPEN_LIST_COLUMNS,
        records: mapPages(
          keysetPages((after: repo.OpenListCursor | null, size) => repo.listPage(db, year, after, size), (r): repo.OpenListCursor => [r.districtCode, r.id], PAGE_SIZE),
          listRecord,
        ),
      };
    case 'results':
      return {
        columns: OPEN_RESULT_COLUMNS,
        records: mapPages(
          keysetPages(
            (after: repo.OpenResultCursor | null, size) => repo.resultPage(db, year, after, size),
            (r): repo.OpenResultCursor => [r.batchPublishedOn, r.batchId, r.districtCode, r.id],
            PAGE_SIZE,
          ),
          resultRecord,
        ),
      };
  }
}

async function* mapPages<R, T>(pages: AsyncIterable<R[]>, map: (row: R) => T): AsyncGenerator<T[]> {
  for await (const page of pages) yield page.map(map);
}

/** CSV text: BOM (so Excel reads UTF-8), the header of stable keys, one line per record; arrays joined with ";". */
async function* csvChunks<K extends string>(src: DatasetSource<K>): AsyncGenerator<string> {
  yield BOM + csvLine(src.columns.map((c) => c.key));
  for await (const page of src.records) {
    yield page
      .map((record) => csvLine(src.columns.map((c) => {
        const v = record[c.key];
        return Array.isArray(v) ? v.join(';') : (v as string | number | null);
      })))
      .join('');
  }
}

/** JSON text: `{"dataset","year","columns":[…],"records":[{…},…]}`, records streamed page by page. */
async function* jsonChunks<K extends string>(dataset: OpenDataset, year: number, src: DatasetSource<K>): AsyncGenerator<string> {
  yield `{"dataset":${JSON.stringify(dataset)},"year":${year},"columns":${JSON.stringify(src.columns.map((c) => c.key))},"records":[`;
  let first = true;
  for await (const page of src.records) {
    const parts = page.map((record) => JSON.stringify(Object.fromEntries(src.columns.map((c) => [c.key, record[c.key]]))));
    if (parts.length === 0) continue;
    yield (first ? '' : ',') + parts.join(',');
    first = false;
  }
  yield ']}';
}

export const openDataFileName = (dataset: OpenDataset, year: number, format: OpenFormat) => `cpaudit-${dataset}-${year}.${format}`;

/** Stream a dataset of a year as CSV or JSON (public: only published rows are ever read). */
export function sendDataset(reply: FastifyReply, db: Db, dataset: OpenDataset, year: number, format: OpenFormat): FastifyReply {
  const src = source(db, dataset, year);
  const chunks = format === 'csv' ? csvChunks(src) : jsonChunks(dataset, year, src);
  const body = Readable.from(chunks, { objectMode: false });
  body.on('error', (error) => reply.log.error({ err: error }, 'open data export failed while streaming'));
  return reply
    .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
    .header('content-disposition', contentDisposition(openDataFileName(dataset, year, format)))
    .header('cache-control', 'public, max-age=300')
    .send(body);
}

/** The datasets per year with their row counts and download addresses, and the stable columns. */
export async function openDataCatalog(db: Db): Promise<OpenDataCatalog> {
  const { lists, results } = await repo.catalog(db);
  const entry = (dataset: OpenDataset) => (r: { year: number; n: number }) => ({
    dataset,
    year: r.year,
    rows: r.n,
    csv: `/api/public/open-data/${dataset}/${r.year}.csv`,
    json: `/api/public/open-data/${dataset}/${r.year}.json`,
  });
  return {
    datasets: [...lists.map(entry('lists')), ...results.map(entry('results'))],
    columns: { lists: OPEN_LIST_COLUMNS.map((c) => c.key), results: OPEN_RESULT_COLUMNS.map((c) => c.key) },
  };
}
