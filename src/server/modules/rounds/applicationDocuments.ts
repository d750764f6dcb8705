import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ReviewOpinion } from '../../../shared/contracts/applications';
import type { DocumentRound } from './applicationRepository';

/**
 * Word documents generated from the recorded data: the 技术审查意见 sent as the letter
 * "关于××公司清洁生产审核报告通过评估的函", and the 验收意见.
 */

const FONT = 'SimSun';

/** 2021-11-10 → 2021年11月10日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const text = (value: string, options: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text: value, font: FONT, size: options.size ?? 28, bold: options.bold });

const para = (value: string, options: { bold?: boolean; indent?: boolean } = {}) =>
  new Paragraph({
    children: [text(value, { bold: options.bold })],
    indent: options.indent ? { firstLine: 560 } : undefined,
    spacing: { after: 120, line: 360 },
  });

/** Multi-line text: one paragraph per non-blank line, first line indented. */
const paragraphs = (value: string) =>
  value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => para(line, { indent: true }));

const title = (value: string) =>
  new Paragraph({
    heading: HeadingLevel.TITLE,
    alignment: AlignmentType.CENTER,
    children: [text(value, { bold: true, size: 36 })],
    spacing: { after: 240 },
  });

const centered = (value: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [text(value)], spacing: { after: 240 } });

const right = (value: string) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(value)] });

/** The panel's result, when panels are recorded for the round. */
export interface PanelResult {
  score: number;
  gradeLabel: string;
}

export interface DocumentInput {
  round: DocumentRound;
  opinion: ReviewOpinion;
  panel: PanelResult | null;
}

function facts(round: DocumentRound): Paragraph[] {
  return [
    para(`企业名称：${round.enterpriseName}`),
    para(`统一社会信用代码：${round.creditCode}`),
    para(`所在区县：${round.districtName}`),
    para(`纳入清洁生产审核名单年度：${round.listingYear}年`),
  ];
}

function panelLines(panel: PanelResult | null): Paragraph[] {
  return panel ? [para(`专家组评分：${panel.score.toFixed(1)}分；评审结论：${panel.gradeLabel}`)] : [];
}

function evaluationDocument({ round, opinion, panel }: DocumentInput): Document {
  const bureau = `${round.districtName}生态环境局`;
  const children = [
    title(`关于${round.enterpriseName}清洁生产审核报告通过评估的函`),
    centered(opinion.opinionNo),
    para(`${round.enterpriseName}：`),
    para(
      `你单位为${round.cityName}${round.listingYear}年度清洁生产强制性审核企业。经组织专家对你单位提交的清洁生产审核报告进行技术评估，现将技术审查意见函告如下：`,
      { indent: true },
    ),
    para('一、企业基本情况', { bold: true }),
    ...facts(round),
    para('二、技术审查意见', { bold: true }),
    ...panelLines(panel),
    ...paragraphs(opinion.body),
    para('三、尚需实施的清洁生产方案', { bold: true }),
    ...(opinion.optionsToImplement?.trim() ? paragraphs(opinion.optionsToImplement) : [para('无', { indent: true })]),
    ...(opinion.acceptanceDue
      ? [
          para(
            `请你单位按照技术审查意见抓紧实施上述方案，并于${chineseDate(opinion.acceptanceDue)}前提出清洁生产审核验收申请。`,
            { indent: true },
          ),
        ]
      : []),
    para('特此函告。', { indent: true }),
    right(bureau),
    right(chineseDate(opinion.issuedOn)),
  ];
  return new Document({ creator: bureau, title: `${round.enterpriseName}技术审查意见`, sections: [{ children }] });
}

function acceptanceDocument({ round, opinion, panel }: DocumentInput): Document {
  const bureau = `${round.districtName}生态环境局`;
  const children = [
    title(`${round.enterpriseName}清洁生产审核验收意见`),
    centered(opinion.opinionNo),
    para('一、企业基本情况', { bold: true }),
    ...facts(round),
    para('二、验收意见', { bold: true }),
    ...panelLines(panel),
    ...paragraphs(opinion.body),
    right(bureau),
    right(chineseDate(opinion.issuedOn)),
  ];
  return new Document({ creator: bureau, title: `${round.enterpriseName}验收意见`, sections: [{ children }] });
}

/** The .docx bytes of an opinion, and the file name to offer. */
export async function opinionDocument(input: DocumentInput): Promise<{ bytes: Buffer; fileName: string }> {
  const doc = input.opinion.kind === 'evaluation' ? evaluationDocument(input) : acceptanceDocument(input);
  const label = input.opinion.kind === 'evaluation' ? '技术审查意见' : '验收意见';
  // eslint-disable-next-line no-control-regex
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  return {
    bytes: await Packer.toBuffer(doc),
    fileName: `${safe(input.round.enterpriseName)}-${label}-${safe(input.opinion.opinionNo)}.docx`,
  };
}
