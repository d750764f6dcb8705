import type { Messages } from './types';

/** The enterprise 360° view on the enterprise page (namespace `overview`). */
export const overviewZhCN = {
  title: '企业全景',
  hint: '该企业的全部审核轮次、评审得分、清洁生产方案、执法案件、信用记录和抽查结果。',
  tabs: { rounds: '审核轮次', options: '清洁生产方案', cases: '执法案件', credit: '信用记录', spotChecks: '抽查结果' },
  disclosureScope: '已纳入强制性环境信息披露名单（自 {{since}}）：{{reason}}',
  truncated: '记录较多，仅显示最近 500 条',
  rounds: {
    year: '纳入年度',
    state: '状态',
    reasons: '纳入原因',
    agency: '咨询服务机构',
    selfAudit: '自行审核',
    evaluation: '评估',
    acceptance: '验收',
    score: '{{score}} 分 · {{grade}}',
    options: '方案（已实施）',
    nextDue: '下一期限',
    empty: '尚未纳入审核名单',
  },
  options: { year: '轮次', seq: '序号', name: '方案名称', category: '类别', status: '状态', investment: '投资（万元）', effective: '实际见效日期', empty: '暂无方案' },
  cases: { type: '违法类型', measure: '措施', opened: '立案日期', decision: '决定文号', decided: '决定日期', fine: '罚款（元）', status: '状态', empty: '无执法案件' },
  credit: { kind: '类别', positive: '正面', negative: '负面', recordedOn: '记录日期', description: '内容', empty: '无信用记录' },
  spotChecks: { title: '抽查', year: '轮次', result: '结果', categories: '问题类别', checkedOn: '检查日期', unpublished: '未通报', empty: '未被抽查' },
};

export const overviewEn: Messages['overview'] = {
  title: 'Enterprise at a glance',
  hint: "All of the enterprise's audit rounds, review scores, options, enforcement cases, credit records and spot-check findings.",
  tabs: { rounds: 'Audit rounds', options: 'Options', cases: 'Enforcement cases', credit: 'Credit records', spotChecks: 'Spot checks' },
  disclosureScope: 'In the mandatory disclosure scope since {{since}}: {{reason}}',
  truncated: 'Many records: only the latest 500 are shown',
  rounds: {
    year: 'Listing year',
    state: 'State',
    reasons: 'Listing reasons',
    agency: 'Consulting agency',
    selfAudit: 'Self-audit',
    evaluation: 'Evaluation',
    acceptance: 'Acceptance',
    score: '{{score}} points · {{grade}}',
    options: 'Options (implemented)',
    nextDue: 'Next deadline',
    empty: 'Never listed for an audit',
  },
  options: { year: 'Round', seq: 'No.', name: 'Option', category: 'Category', status: 'Status', investment: 'Investment (10k CNY)', effective: 'Effective on', empty: 'No options' },
  cases: { type: 'Violation', measure: 'Measure', opened: 'Opened on', decision: 'Decision no.', decided: 'Decided on', fine: 'Fine (CNY)', status: 'Status', empty: 'No enforcement cases' },
  credit: { kind: 'Kind', positive: 'Positive', negative: 'Negative', recordedOn: 'Recorded on', description: 'Record', empty: 'No credit records' },
  spotChecks: { title: 'Spot check', year: 'Round', result: 'Result', categories: 'Problem categories', checkedOn: 'Checked on', unpublished: 'Not published', empty: 'Never sampled' },
};
