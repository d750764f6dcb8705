import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { contentDisposition, FILE_KINDS } from './files';

/**
 * Streamed .xlsx exports: ExcelJS's streaming writer onto a PassThrough that is the reply body, fed page by
 * page (each row committed as soon as it is written), so neither the table nor the workbook is held in memory.
 * Layout: a merged title row, a bold header row (frozen with the title), column widths from the layout.
 */

export type CellValue = string | number | null;

export interface SheetSpec<K extends string> {
  fileName: string;
  sheetName: string;
  title: string;
  columns: readonly { key: K; label: string; width: number }[];
  /** Pages of rows, fetched lazily (a cursor over the database). */
  pages: AsyncIterable<readonly Partial<Record<K, CellValue>>[]>;
}

const THIN = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

async function writeWorkbook<K extends string>(out: PassThrough, spec: SheetSpec<K>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  sheet.columns = spec.columns.map((c) => ({ key: c.key, width: c.width }));

  const title = sheet.addRow([spec.title]);
  sheet.mergeCells(1, 1, 1, spec.columns.length);
  title.height = 28;
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.commit();

  const header = sheet.addRow(spec.columns.map((c) => c.label));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = BORDER;
  });
  header.commit();

  let seq = 0;
  for await (const page of spec.pages) {
    for (const record of page) {
      seq += 1;
      const row = sheet.addRow(spec.columns.map((c) => (c.key === 'seq' ? seq : (record[c.key] ?? null))));
      row.eachCell((cell) => {
        cell.border = BORDER;
        cell.alignment = { vertical: 'middle', wrapText: true };
      });
      row.commit();
    }
  }
  sheet.commit();
  await workbook.commit();
}

/** Send the workbook as the reply body; the caller has checked access and scope before (errors after are fatal to the stream). */
export function sendWorkbook<K extends string>(reply: FastifyReply, spec: SheetSpec<K>): FastifyReply {
  const out = new PassThrough();
  writeWorkbook(out, spec).catch((error: unknown) => {
    reply.log.error({ err: error }, 'export failed while streaming');
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return reply
    .header('content-type', FILE_KINDS.xlsx.mediaType)
    .header('content-disposition', contentDisposition(spec.fileName))
    .header('cache-control', 'private, no-store')
    .send(out);
}

/** Pages of a keyset query: `fetch(after)` returns up to `size` rows after the cursor, in cursor order. */
export async function* keysetPages<R, C>(
  fetch: (after: C | null, size: number) => Promise<R[]>,
  cursorOf: (row: R) => C,
  size = 500,
): AsyncGenerator<R[]> {
  let after: C | null = null;
  for (;;) {
    const rows = await fetch(after, size);
    if (rows.length) yield rows;
    const last = rows[rows.length - 1];
    if (rows.length < size || last === undefined) return;
    after = cursorOf(last);
  }
}
