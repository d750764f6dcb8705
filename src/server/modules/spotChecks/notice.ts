import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { PublicSpotCheckDetail } from '../../../shared/contracts/spotChecks';
import { SPOT_CHECK_CATEGORIES, SPOT_CHECK_CATEGORY_LABELS } from '../../../shared/domain/spotChecks';
import { chineseDate } from '../rounds/applicationDocuments';

/** The results notice of a published spot check (抽查情况通报) as a Word document. */

const FONT = 'SimSun';
const text = (value: string, options: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text: value, font: FONT, size: options.size ?? 28, bold: options.bold });
const para = (value: string, options: { bold?: boolean; indent?: boolean } = {}) =>
  new Paragraph({
    children: [text(value, { bold: options.bold })],
    indent: options.indent ? { firstLine: 560 } : undefined,
    spacing: { after: 120, line: 360 },
  });
const cell = (value: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(value, { bold, size: 24 })] })] });
const row = (values: readonly string[], bold = false) => new TableRow({ children: values.map((v) => cell(v, bold)) });

/** China-time calendar date of an ISO instant. */
const chinaDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export function noticeDocument(d: PublicSpotCheckDetail & { bureauName: string }): Document {
  const categoryLine = SPOT_CHECK_CATEGORIES.filter((c) => d.categoryCounts[c] > 0)
    .map((c) => `${SPOT_CHECK_CATEGORY_LABELS[c]['zh-CN']}${d.categoryCounts[c]}家次`)
    .join('，');
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [text(`关于${d.year}年度通过验收的清洁生产审核抽查情况的通报`, { bold: true, size: 36 })],
      spacing: { after: 240 },
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [text(d.noticeNo)], spacing: { after: 240 } }),
    para('各区县（自治县）生态环境局，两江新区、重庆高新区、万盛经开区生态环境局：'),
    para(
      `为加强强制性清洁生产审核质量管理，我局组织对${d.year}年度通过验收的清洁生产审核开展了抽查（${d.title}）。` +
        `本次共随机抽取${d.sampled}家企业，其中符合要求${d.conforming}家，发现问题${d.problems}家。现将有关情况通报如下：`,
      { indent: true },
    ),
    para('一、抽查情况', { bold: true }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        row(['区县', '验收合格数', '抽查数', '符合要求', '发现问题'], true),
        ...d.districts.map((t) => row([t.districtName, String(t.population), String(t.sampled), String(t.conforming), String(t.problems)])),
        row(['合计', String(d.districts.reduce((n, t) => n + t.population, 0)), String(d.sampled), String(d.conforming), String(d.problems)], true),
      ],
    }),
    para('二、发现的问题', { bold: true }),
    para(d.problems ? `按问题类别统计：${categoryLine}。` : '本次抽查未发现问题。', { indent: true }),
    ...d.problemRounds.map((p, i) =>
      para(
        `${i + 1}. ${p.districtName} ${p.enterpriseName}（${p.listingYear}年度审核）：` +
          `${p.categories.map((c) => SPOT_CHECK_CATEGORY_LABELS[c]['zh-CN']).join('、')}${p.description ? `。${p.description}` : ''}`,
        { indent: true },
      ),
    ),
    para('三、工作要求', { bold: true }),
    ...(d.summary?.trim()
      ? d.summary
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter((l) => l !== '')
          .map((l) => para(l, { indent: true }))
      : [para('请相关区县生态环境局督促发现问题的企业限期整改，并将整改情况报送我局。', { indent: true })]),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(d.bureauName)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(chineseDate(chinaDay(d.publishedAt)))] }),
  ];
  return new Document({ creator: d.bureauName, title: d.title, sections: [{ children }] });
}

export async function noticeDocx(d: PublicSpotCheckDetail & { bureauName: string }): Promise<{ bytes: Buffer; fileName: string }> {
  // eslint-disable-next-line no-control-regex
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  return { bytes: await Packer.toBuffer(noticeDocument(d)), fileName: `${safe(d.title)}-抽查情况通报.docx` };
}
