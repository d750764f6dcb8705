import ExcelJS from 'exceljs';
import {
  IMPORT_LAYOUT_COLUMNS,
  IMPORT_LAYOUT_LABELS,
  IMPORT_LAYOUTS,
  normalizeHeader,
  type ImportLayout,
} from '../../../shared/domain/excelLayouts';
import { AppError, LocalizedError } from '../../platform/errors';

/** Parse step of the import state machine: the workbook's first sheet → layout + raw rows (cell texts). */

export const MAX_IMPORT_ROWS = 5000;
/** How many rows above the header may hold a title or notes. */
const HEADER_SEARCH_ROWS = 10;

export interface ParsedRow {
  rowNumber: number;
  values: Record<string, string>;
}

export interface ParsedSheet {
  layout: ImportLayout;
  /** A year read from the title above the header ("2021年…"), if any. */
  titleYear: number | null;
  rows: ParsedRow[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The text of a cell as the user sees it; dates as YYYY-MM-DD (Excel dates carry no zone: read as UTC). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined || typeof result === 'object' ? (result instanceof Date ? cellText(result) : '') : String(result).trim();
    }
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}

function rowTexts(row: ExcelJS.Row, width: number): string[] {
  const texts: string[] = [];
  for (let c = 1; c <= width; c += 1) texts.push(cellText(row.getCell(c).value));
  while (texts.length && texts[texts.length - 1] === '') texts.pop();
  return texts;
}

function layoutOf(headers: readonly string[]): ImportLayout | null {
  const found = headers.map(normalizeHeader);
  for (const layout of IMPORT_LAYOUTS) {
    const expected = IMPORT_LAYOUT_COLUMNS[layout].map((c) => normalizeHeader(c.label));
    if (found.length === expected.length && expected.every((label, i) => found[i] === label)) return layout;
  }
  return null;
}

function headersError(found: readonly string[]): AppError {
  const normalized = found.map(normalizeHeader);
  // Name the layout the found headers resemble most; both when neither is recognisable.
  const likely: ImportLayout[] = normalized.includes('计划审核年度')
    ? ['annex4']
    : normalized.includes('排污许可证编号') || normalized.includes('具体原因说明')
      ? ['annex1']
      : ['annex4', 'annex1'];
  const expected = likely.map((l) => IMPORT_LAYOUT_COLUMNS[l].map((c) => c.label).join(' | ')).join(' / ');
  const foundText = found.length ? found.join(' | ') : '—';
  const same = (text: string) => ({ 'zh-CN': text, en: text });
  return new LocalizedError('IMPORT_HEADERS_INVALID', {
    layouts: {
      'zh-CN': likely.map((l) => IMPORT_LAYOUT_LABELS[l]['zh-CN']).join('或'),
      en: likely.map((l) => IMPORT_LAYOUT_LABELS[l].en).join(' or '),
    },
    expected: same(expected),
    found: same(foundText),
  });
}

/** Read an .xlsx file (already known to be a ZIP holding `xl/`) into raw rows. */
export async function parseImportWorkbook(file: string): Promise<ParsedSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    throw new AppError('IMPORT_FILE_UNREADABLE');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('IMPORT_EMPTY');
  const width = Math.max(sheet.columnCount, 12);

  let headerRow = 0;
  let firstTexts: string[] | null = null;
  let titleYear: number | null = null;
  for (let r = 1; r <= Math.min(sheet.rowCount, HEADER_SEARCH_ROWS); r += 1) {
    const texts = rowTexts(sheet.getRow(r), width);
    if (!texts.length) continue;
    firstTexts ??= texts;
    const normalized = texts.map(normalizeHeader);
    if (normalized.includes('序号') || normalized.includes('企业名称') || normalized.includes('统一社会信用代码')) {
      headerRow = r;
      break;
    }
    const year = /((?:19|20)\d{2})\s*年/.exec(texts.join(' '));
    if (year?.[1] && titleYear === null) titleYear = Number(year[1]);
  }
  if (!headerRow) throw headersError(firstTexts ?? []);
  const headers = rowTexts(sheet.getRow(headerRow), width);
  const layout = layoutOf(headers);
  if (!layout) throw headersError(headers);

  const columns = IMPORT_LAYOUT_COLUMNS[layout];
  const rows: ParsedRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const values: Record<string, string> = {};
    let filled = false;
    columns.forEach((column, i) => {
      const text = cellText(row.getCell(i + 1).value);
      values[column.key] = text;
      if (text !== '' && column.key !== 'seq') filled = true;
    });
    if (!filled) continue; // blank lines and numbered but empty template lines
    if (rows.length >= MAX_IMPORT_ROWS) throw new AppError('IMPORT_TOO_MANY_ROWS', { max: MAX_IMPORT_ROWS });
    rows.push({ rowNumber: r, values });
  }
  if (!rows.length) throw new AppError('IMPORT_EMPTY');
  return { layout, titleYear, rows };
}
