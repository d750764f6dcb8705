import { PassThrough } from 'node:stream';
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import {
  NARRATIVE_FIELDS,
  NARRATIVE_LABELS,
  SUMMARY_COLUMNS,
  SUMMARY_GROUP_LABELS,
  SUMMARY_GROUPS,
  type SummaryValues,
} from '../../../shared/domain/summaryColumns';
import type { Locale } from '../../../shared/i18n/locales';
import type { Queryable } from '../../db/types';
import type { Actor } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { contentDisposition, FILE_KINDS } from '../../platform/files';
import * as subs from './submissionRepository';
import { computeSummary } from './summaryRepository';

/**
 * The official layout of 附件3: a title row, a note, three header rows (group / column / unit, merged), one row per
 * district, the total. A district's figures come from its submitted snapshot when the submission is submitted or
 * accepted, from live data otherwise; the 数据来源 column says which. The total is the sum of the rows printed.
 */

type Source = 'accepted' | 'submitted' | 'live' | 'total';

export interface ExportRow {
  seq: number | null;
  districtName: string;
  values: SummaryValues;
  narrative: Record<(typeof NARRATIVE_FIELDS)[number], string | null>;
  source: Source;
}

const SOURCE_LABELS: Record<Source, Record<Locale, string>> = {
  accepted: { 'zh-CN': '报送快照（市局已确认）', en: 'Submitted snapshot (accepted)' },
  submitted: { 'zh-CN': '报送快照（待市局确认）', en: 'Submitted snapshot (awaiting review)' },
  live: { 'zh-CN': '实时数据（未报送）', en: 'Live data (not submitted)' },
  total: { 'zh-CN': '本表各行合计', en: 'Sum of the rows above' },
};

const TEXTS = {
  title: { 'zh-CN': '{city}{year}年度强制性清洁生产审核工作总结表', en: '{city} {year} mandatory cleaner production audit summary' },
  annex: { 'zh-CN': '附件3', en: 'Annex 3' },
  note: {
    'zh-CN': '导出时间：{at}（北京时间）。已报送的区县按报送时冻结的快照填列，其余区县为导出时的实时数据，见“数据来源”列。',
    en: 'Exported {at} (China time). Districts that submitted are filled from the snapshot frozen at submission, the others from live data at export time; see the "Data source" column.',
  },
  seq: { 'zh-CN': '序号', en: 'No.' },
  district: { 'zh-CN': '区县', en: 'District' },
  narrative: { 'zh-CN': '文字说明', en: 'Narrative' },
  source: { 'zh-CN': '数据来源', en: 'Data source' },
  total: { 'zh-CN': '合计', en: 'Total' },
} as const;

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, k: string) => (params[k] === undefined ? whole : String(params[k])));

function chinaStamp(d: Date): string {
  const local = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** The rows of the export (scope checked: a district user gets their own row, no total). */
export async function exportRows(db: Queryable, actor: Actor, year: number, locale: Locale): Promise<{ rows: ExportRow[]; cityName: string }> {
  const s = actor.scope;
  if (s.kind !== 'city' && s.kind !== 'district') throw new AppError('FORBIDDEN');
  const district = s.kind === 'district' ? s.districtCode : null;
  const [live, submitted] = await Promise.all([computeSummary(db, s.cityCode, year, district), subs.submissionsOfYear(db, s.cityCode, year)]);
  const name = (r: { districtName: string; districtNameEn: string }) => (locale === 'zh-CN' ? r.districtName : r.districtNameEn);
  const rows: ExportRow[] = [];
  let seq = 0;
  for (const r of live) {
    if (r.districtCode === null) continue;
    const sub = submitted.get(r.districtCode);
    const frozen = sub && (sub.state === 'submitted' || sub.state === 'accepted') && sub.snapshot ? sub : null;
    seq += 1;
    rows.push({
      seq,
      districtName: name(r),
      values: frozen?.snapshot ? frozen.snapshot.values : r.values,
      narrative: {
        mainPractices: frozen?.mainPractices ?? null,
        problems: frozen?.problems ?? null,
        nextSteps: frozen?.nextSteps ?? null,
      },
      source: frozen ? (frozen.state === 'accepted' ? 'accepted' : 'submitted') : 'live',
    });
  }
  const cityRow = live.find((r) => r.districtCode === null);
  if (!district) {
    const values: SummaryValues = {};
    for (const c of SUMMARY_COLUMNS) values[c.key] = Math.round(rows.reduce((acc, r) => acc + (r.values[c.key] ?? 0), 0) * 10_000) / 10_000;
    rows.push({ seq: null, districtName: TEXTS.total[locale], values, narrative: { mainPractices: null, problems: null, nextSteps: null }, source: 'total' });
  }
  return { rows, cityName: cityRow ? name(cityRow) : '' };
}

const THIN = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

/** Column positions: 序号, 区县, the figures, the three narrative columns, 数据来源. */
const FIRST_FIGURE = 3;
const NARRATIVE_START = FIRST_FIGURE + SUMMARY_COLUMNS.length;
const SOURCE_COL = NARRATIVE_START + NARRATIVE_FIELDS.length;

async function writeXlsx(out: PassThrough, year: number, locale: Locale, data: { rows: ExportRow[]; cityName: string }) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(TEXTS.annex[locale], { views: [{ state: 'frozen', xSplit: 2, ySplit: 5 }] });
  sheet.columns = [
    { width: 6 }, { width: 14 },
    ...SUMMARY_COLUMNS.map((c) => ({ width: c.source === 'round' ? 9 : 11 })),
    ...NARRATIVE_FIELDS.map(() => ({ width: 30 })),
    { width: 18 },
  ];
  const width = SOURCE_COL;
  const header = (cell: ExcelJS.Cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  };

  const title = sheet.addRow([`${TEXTS.annex[locale]}  ${fill(TEXTS.title[locale], { city: data.cityName, year })}`]);
  sheet.mergeCells(1, 1, 1, width);
  title.height = 28;
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.commit();
  const note = sheet.addRow([fill(TEXTS.note[locale], { at: chinaStamp(new Date()) })]);
  sheet.mergeCells(2, 1, 2, width);
  note.getCell(1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  note.height = 30;
  note.commit();

  // Three header rows: group / column label / unit.
  const groupRow: (string | null)[] = new Array<string | null>(width).fill(null);
  const labelRow: (string | null)[] = new Array<string | null>(width).fill(null);
  const unitRow: (string | null)[] = new Array<string | null>(width).fill(null);
  groupRow[0] = TEXTS.seq[locale];
  groupRow[1] = TEXTS.district[locale];
  SUMMARY_COLUMNS.forEach((c, i) => {
    labelRow[FIRST_FIGURE - 1 + i] = c.label[locale];
    unitRow[FIRST_FIGURE - 1 + i] = `（${c.unit[locale]}）`;
  });
  for (const g of SUMMARY_GROUPS) {
    const first = SUMMARY_COLUMNS.findIndex((c) => c.group === g);
    groupRow[FIRST_FIGURE - 1 + first] = SUMMARY_GROUP_LABELS[g][locale];
  }
  groupRow[NARRATIVE_START - 1] = TEXTS.narrative[locale];
  NARRATIVE_FIELDS.forEach((f, i) => (labelRow[NARRATIVE_START - 1 + i] = NARRATIVE_LABELS[f][locale]));
  groupRow[SOURCE_COL - 1] = TEXTS.source[locale];
  for (const values of [groupRow, labelRow, unitRow]) {
    const row = sheet.addRow(values);
    for (let c = 1; c <= width; c += 1) header(row.getCell(c));
    row.height = 30;
  }
  // Merges: 序号, 区县, 数据来源 over the three rows; each group across its columns; narrative labels over two rows.
  sheet.mergeCells(3, 1, 5, 1);
  sheet.mergeCells(3, 2, 5, 2);
  sheet.mergeCells(3, SOURCE_COL, 5, SOURCE_COL);
  for (const g of SUMMARY_GROUPS) {
    const first = SUMMARY_COLUMNS.findIndex((c) => c.group === g);
    const count = SUMMARY_COLUMNS.filter((c) => c.group === g).length;
    if (count > 1) sheet.mergeCells(3, FIRST_FIGURE + first, 3, FIRST_FIGURE + first + count - 1);
  }
  sheet.mergeCells(3, NARRATIVE_START, 3, NARRATIVE_START + NARRATIVE_FIELDS.length - 1);
  NARRATIVE_FIELDS.forEach((_, i) => sheet.mergeCells(4, NARRATIVE_START + i, 5, NARRATIVE_START + i));

  for (const r of data.rows) {
    const row = sheet.addRow([
      r.seq,
      r.districtName,
      ...SUMMARY_COLUMNS.map((c) => r.values[c.key] ?? 0),
      ...NARRATIVE_FIELDS.map((f) => r.narrative[f]),
      SOURCE_LABELS[r.source][locale],
    ]);
    SUMMARY_COLUMNS.forEach((c, i) => (row.getCell(FIRST_FIGURE + i).numFmt = c.decimals ? '0.00' : '0'));
    for (let c = 1; c <= width; c += 1) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true };
      if (r.source === 'total') cell.font = { bold: true };
    }
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

function fileName(year: number, locale: Locale, ext: 'xlsx' | 'docx') {
  return locale === 'zh-CN' ? `附件3_${year}年度工作总结表.${ext}` : `annex3-summary-${year}.${ext}`;
}

/** Stream the .xlsx as the reply (the rows are computed, and the scope checked, before the first byte). */
export async function sendSummaryXlsx(db: Queryable, actor: Actor, year: number, locale: Locale, reply: FastifyReply) {
  const data = await exportRows(db, actor, year, locale);
  const out = new PassThrough();
  writeXlsx(out, year, locale, data).catch((error: unknown) => {
    reply.log.error({ err: error }, 'summary export failed while streaming');
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return reply
    .header('content-type', FILE_KINDS.xlsx.mediaType)
    .header('content-disposition', contentDisposition(fileName(year, locale, 'xlsx')))
    .header('cache-control', 'private, no-store')
    .send(out);
}

const FONT = 'SimSun';
const run = (text: string, bold = false, size = 16) => new TextRun({ text, font: FONT, size, bold });
const cellOf = (text: string, options: { bold?: boolean; columnSpan?: number; rowSpan?: number; shade?: boolean } = {}) =>
  new TableCell({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, options.bold)] })],
    columnSpan: options.columnSpan,
    rowSpan: options.rowSpan,
    shading: options.shade ? { fill: 'D9E1F2' } : undefined,
  });

const fmt = (value: number, decimals: number) => (decimals ? value.toFixed(decimals) : String(Math.round(value)));

/** The same table as a Word document: landscape, two header rows (group; column with unit), then the narratives. */
export async function summaryDocx(db: Queryable, actor: Actor, year: number, locale: Locale): Promise<{ buffer: Buffer; fileName: string }> {
  const data = await exportRows(db, actor, year, locale);
  const groupCells = [
    cellOf(TEXTS.seq[locale], { bold: true, rowSpan: 2, shade: true }),
    cellOf(TEXTS.district[locale], { bold: true, rowSpan: 2, shade: true }),
    ...SUMMARY_GROUPS.map((g) =>
      cellOf(SUMMARY_GROUP_LABELS[g][locale], { bold: true, columnSpan: SUMMARY_COLUMNS.filter((c) => c.group === g).length, shade: true }),
    ),
    cellOf(TEXTS.source[locale], { bold: true, rowSpan: 2, shade: true }),
  ];
  const labelCells = SUMMARY_COLUMNS.map((c) => cellOf(`${c.label[locale]}（${c.unit[locale]}）`, { bold: true, shade: true }));
  const bodyRows = data.rows.map(
    (r) =>
      new TableRow({
        children: [
          cellOf(r.seq === null ? '' : String(r.seq)),
          cellOf(r.districtName, { bold: r.source === 'total' }),
          ...SUMMARY_COLUMNS.map((c) => cellOf(fmt(r.values[c.key] ?? 0, c.decimals), { bold: r.source === 'total' })),
          cellOf(SOURCE_LABELS[r.source][locale]),
        ],
      }),
  );
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: groupCells }), new TableRow({ tableHeader: true, children: labelCells }), ...bodyRows],
  });
  const narratives = data.rows
    .filter((r) => r.source !== 'total' && NARRATIVE_FIELDS.some((f) => r.narrative[f]))
    .flatMap((r) => [
      new Paragraph({ children: [run(r.districtName, true, 24)], spacing: { before: 240, after: 80 } }),
      ...NARRATIVE_FIELDS.filter((f) => r.narrative[f]).map(
        (f) => new Paragraph({ children: [run(`${NARRATIVE_LABELS[f][locale]}：`, true, 21), run(r.narrative[f] ?? '', false, 21)], spacing: { after: 80 } }),
      ),
    ]);
  const doc = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 },
            margin: { top: 720, bottom: 720, left: 720, right: 720 },
          },
        },
        children: [
          new Paragraph({ children: [run(TEXTS.annex[locale], true, 24)] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [run(fill(TEXTS.title[locale], { city: data.cityName, year }), true, 32)],
            spacing: { after: 120 },
          }),
          new Paragraph({ children: [run(fill(TEXTS.note[locale], { at: chinaStamp(new Date()) }), false, 18)], spacing: { after: 120 } }),
          table,
          ...(narratives.length
            ? [new Paragraph({ children: [run(TEXTS.narrative[locale], true, 28)], spacing: { before: 360 } }), ...narratives]
            : []),
        ],
      },
    ],
  });
  return { buffer: await Packer.toBuffer(doc), fileName: fileName(year, locale, 'docx') };
}
