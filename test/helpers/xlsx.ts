import ExcelJS from 'exceljs';
import { ANNEX1_COLUMNS, ANNEX4_COLUMNS } from '../../src/shared/domain/excelLayouts';

export const ANNEX4_HEADERS = ANNEX4_COLUMNS.map((c) => c.label);
export const ANNEX1_HEADERS = ANNEX1_COLUMNS.map((c) => c.label);

type Cell = string | number | Date | null;

/** An .xlsx workbook (one sheet) as a buffer: optional title rows, the header row, then the data rows. */
export async function xlsxOf(options: { headers: readonly string[]; rows: readonly (readonly Cell[])[]; title?: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  if (options.title) {
    sheet.addRow([options.title]);
    sheet.addRow([]);
  }
  sheet.addRow([...options.headers]);
  for (const row of options.rows) sheet.addRow([...row]);
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data);
}

/** A 附件4 data row: 序号 | 区县 | 企业名称 | 统一社会信用代码 | 行业 | 纳入原因 | 计划审核年度 | 上轮审核时间 | 联系人/电话 | 备注. */
export function annex4Row(r: {
  seq?: number;
  district: string;
  name: string;
  creditCode: string;
  industry?: string;
  reasons: string;
  year: number | string;
  lastAudit?: Cell;
  contact?: string;
  remarks?: string;
}): Cell[] {
  return [r.seq ?? 1, r.district, r.name, r.creditCode, r.industry ?? '化学原料和化学制品制造业', r.reasons, r.year, r.lastAudit ?? null, r.contact ?? null, r.remarks ?? null];
}

/** The sheet of a workbook as rows of cell texts (row 1 first; missing cells as ''). */
export async function readXlsx(body: Buffer): Promise<{ rows: string[][]; sheet: ExcelJS.Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('workbook has no sheet');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const texts: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) {
      const v = row.getCell(c).value;
      texts.push(v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' ? JSON.stringify(v) : String(v));
    }
    rows[n - 1] = texts;
  });
  return { rows: Array.from(rows, (r) => r ?? []), sheet };
}
