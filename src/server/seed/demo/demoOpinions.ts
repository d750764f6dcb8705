import type { Tx } from '../../db/types';
import { insertOpinion } from '../../modules/rounds/applicationRepository';
import { CHONGQING_CODE } from '../reference/regions';
import type { DemoStep } from './demoRounds';

/**
 * The review opinion a demo evaluation or acceptance result was based on (技术审查意见 / 验收意见), recorded
 * by the district half an hour before the result, so a demo round that passed evaluation can apply for
 * acceptance and every opinion can be downloaded as a .docx.
 */
export async function seedDemoOpinion(
  tx: Tx,
  round: { id: string; districtCode: string },
  step: DemoStep,
  userId: string | null,
  acceptanceDue: string | null,
): Promise<void> {
  const year = step.on.slice(0, 4);
  const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int + 1 AS n FROM review_opinions');
  const sequence = rows[0]?.n ?? 1;
  const evaluation = step.transition === 'recordEvaluation';
  const passed = step.grade !== 'fail' && step.grade !== 'rejected';
  const body = evaluation
    ? passed
      ? '审核过程规范，审核报告内容真实、格式规范，审核重点和清洁生产目标设置合理，中/高费方案技术可行。\n同意通过评估，请按专家意见修改完善审核报告。'
      : '审核报告物料平衡数据不完整，审核重点和目标设置依据不足。\n评估不通过，请重新开展审核。'
    : passed
      ? '中/高费方案均已实施并取得预期效果，清洁生产目标已经实现，审核期间无环境违法行为。\n同意通过验收。'
      : '部分中/高费方案未按期实施，实施后监测数据未能证明目标达成。\n验收不合格，请整改后重新申请。';
  await insertOpinion(
    tx,
    { id: round.id, cityCode: CHONGQING_CODE, districtCode: round.districtCode },
    evaluation ? 'evaluation' : 'acceptance',
    {
      opinionNo: `${evaluation ? '渝环审' : '渝环验'}〔${year}〕${sequence}号`,
      issuedOn: step.on,
      body,
      optionsToImplement: evaluation && passed ? '1. 主要生产设备节能改造（中费方案）\n2. 废水分质收集与回用工程（高费方案）' : null,
      acceptanceDue: evaluation && passed ? acceptanceDue : null,
    },
    userId,
    `${step.on}T09:00:00+08:00`,
  );
}
