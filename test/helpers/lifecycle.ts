import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { CampaignPage } from '../../src/shared/contracts/campaigns';
import type { RoundPanels } from '../../src/shared/contracts/reviews';
import type { PlanEntry, Publication, RoundDetail } from '../../src/shared/contracts/rounds';
import type { Organization } from '../../src/shared/contracts/users';
import type { RoundState, TransitionName } from '../../src/shared/domain/roundStates';
import type { ScoreSheetKind } from '../../src/shared/domain/scoring';
import type { Client } from './app';
import { minimalDocx, minimalPdf } from './files';
import { scorePanel } from './reviews';

/**
 * The steps of a round's life through the API, each by the role that takes it in practice (district
 * 渝北, the city, the consulting agency agency1, experts expert1–3). Used by the lifecycle API test
 * (app.inject clients) and by browser tests that prepare a round through a running server (HTTP clients).
 */
export interface Actors {
  city: Client;
  yubei: Client;
  agency: Client;
  experts: Client[];
  expertIds: string[];
  campaign2021: string;
  agencyId: string;
}

/** Signs in the demo users with `signIn` and looks up the ids the steps need through the API. */
export async function actors(signIn: (username: string) => Promise<Client>): Promise<Actors> {
  const [city, yubei, agency, ...experts] = await Promise.all(['city', 'yubei', 'agency1', 'expert1', 'expert2', 'expert3'].map(signIn));
  if (!city || !yubei || !agency) throw new Error('demo users missing');
  const options = ok(await yubei.get('/api/review-experts')).json<{ id: string; username: string }[]>();
  const expertIds = ['expert1', 'expert2', 'expert3'].map((u) => options.find((o) => o.username === u)?.id ?? '');
  const campaigns = ok(await city.get('/api/campaigns?pageSize=100')).json<CampaignPage>().items;
  const agencies = ok(await city.get('/api/organizations?kind=agency&pageSize=100')).json<{ items: Organization[] }>().items;
  return {
    city, yubei, agency, experts, expertIds,
    campaign2021: campaigns.find((c) => c.year === 2021)?.id ?? '',
    agencyId: agencies.find((a) => a.name.includes('绿源'))?.id ?? agencies[0]?.id ?? '',
  };
}

export function ok(res: LightMyRequestResponse, status = 200): LightMyRequestResponse {
  expect(res.statusCode, res.body).toBe(status);
  return res;
}

export async function stateOf(a: Actors, id: string): Promise<RoundState> {
  return ok(await a.city.get(`/api/rounds/${id}`)).json<RoundDetail>().state;
}

export async function fire(a: Actors, client: Client, id: string, name: TransitionName, extra: Record<string, unknown> = {}): Promise<RoundDetail> {
  const expectedState = await stateOf(a, id);
  return ok(await client.send('POST', `/api/rounds/${id}/transitions/${name}`, { expectedState, ...extra })).json<RoundDetail>();
}

export async function upload(client: Client, url: string, name: string, content: Buffer): Promise<string> {
  return ok(await client.upload(url, name, content), 201).json<{ id: string }>().id;
}

export const attach = (client: Client, id: string, purpose: string, name: string) =>
  upload(client, `/api/rounds/${id}/application-files?purpose=${purpose}`, name, name.endsWith('.docx') ? minimalDocx(name) : minimalPdf(name));

/** Forms the open panel (its kind follows the round's state) with expert1–3, who score to `totals`. */
export async function panelScores(a: Actors, id: string, kind: ScoreSheetKind, totals: readonly number[], vetoes: readonly string[] = []) {
  const formed = ok(await a.yubei.send('POST', `/api/rounds/${id}/panels`, { expertUserIds: a.expertIds, reason: '测试：人工组建专家组' }), 201).json<RoundPanels>();
  const panel = formed.panels.find((p) => p.kind === kind && p.decidedAt === null);
  if (!panel) throw new Error(`no open ${kind} panel`);
  await scorePanel(panel.id, a.experts, totals, kind, vetoes);
  return panel.id;
}

export const opinion = (a: Actors, id: string, kind: 'evaluation' | 'acceptance', no: string) =>
  a.yubei.send('PUT', `/api/rounds/${id}/opinions/${kind}`, {
    opinionNo: no,
    issuedOn: '2021-10-20',
    body: kind === 'evaluation' ? '审核报告基本符合要求，修改完善后通过评估。' : '中/高费方案已实施，达到预期目标，验收合格。',
    optionsToImplement: kind === 'evaluation' ? '电镀废水分质分流改造' : null,
  });

const LOW_COST = ['镀槽加盖', '清洗水逆流漂洗', 'LED节能灯具更换', '压缩空气管网查漏'];

/** Plan entry → approval → publication in the 2021 campaign → written notice, by 渝北 and the city. */
export async function listed(a: Actors, enterpriseId: string): Promise<string> {
  const entry = ok(
    await a.yubei.send('POST', '/api/plan-entries', {
      enterpriseId, plannedYear: 2021, reasons: ['dual_exceed', 'key_industry'], reasonDetails: '总镍排放浓度超标',
    }),
    201,
  ).json<PlanEntry>();
  ok(await a.city.send('POST', `/api/plan-entries/${entry.id}/approve`));
  const publication = ok(await a.city.send('POST', `/api/campaigns/${a.campaign2021}/publication`, { publishedOn: '2021-03-25' })).json<Publication>();
  expect(publication.roundIds).toHaveLength(1);
  const id = publication.roundIds[0] ?? '';
  expect(await stateOf(a, id)).toBe('listed');
  const notice = await attach(a.yubei, id, 'transition', '清洁生产审核告知书.pdf');
  await fire(a, a.yubei, id, 'notify', { attachmentIds: [notice] });
  return id;
}

/** Listed, then the enterprise engages the agency, which discloses, audits, reports and registers five options. */
export async function listedAndAudited(a: Actors, enterpriseId: string, enterpriseUser: Client): Promise<string> {
  const id = await listed(a, enterpriseId);
  ok(await enterpriseUser.send('PUT', `/api/rounds/${id}/engagement`, { mode: 'agency', agencyId: a.agencyId }));
  ok(
    await a.agency.send('PUT', `/api/rounds/${id}/disclosure`, {
      items: {
        enterprise_name: '重庆某表面处理企业',
        legal_representative: '王建国',
        address: '重庆市渝北区空港工业园',
        pollutant_names: '总镍、总铬、COD',
        discharge_method: '间歇排放',
        discharge_concentrations: '总镍 0.8 mg/L',
        discharge_totals: '总镍 0.12 t/a',
        exceedances: '2020年总镍超标1次',
      },
      platformName: '企业官网',
      platformUrl: 'https://enterprise.example/cp',
    }),
  );
  await fire(a, a.agency, id, 'disclose');
  await fire(a, a.agency, id, 'startAudit');
  await upload(a.agency, `/api/rounds/${id}/reports`, '清洁生产审核报告.docx', minimalDocx('审核报告 v1'));
  await fire(a, a.agency, id, 'submitReport');
  for (const [i, name] of LOW_COST.entries()) {
    ok(
      await a.agency.send('POST', `/api/rounds/${id}/options`, {
        category: 'low_cost', direction: 'management', optionName: name, investment: 0.5 + i,
        status: 'implemented', predictedBenefits: { economic: 1 + i }, actualBenefits: { economic: 1 + i },
      }),
      201,
    );
  }
  ok(
    await a.agency.send('POST', `/api/rounds/${id}/options`, {
      category: 'high_cost', direction: 'technology', optionName: '电镀废水分质分流改造', investment: 380,
      feasibility: 'feasible', feasibilityNote: '技术、环境、经济可行', predictedBenefits: { economic: 58, wastewater: 40000 },
    }),
    201,
  );
  return id;
}

export async function applyForEvaluation(a: Actors, id: string) {
  await attach(a.agency, id, 'evaluation_evidence', '物料平衡测试记录.pdf');
  await attach(a.agency, id, 'capacity_proof', '咨询机构能力证明.pdf');
  await fire(a, a.agency, id, 'applyForEvaluation');
}

export async function applyForAcceptance(a: Actors, id: string) {
  const options = ok(await a.agency.get(`/api/rounds/${id}/options`)).json<{ items: { id: string; category: string }[] }>();
  for (const o of options.items.filter((x) => x.category === 'high_cost')) {
    ok(await a.agency.send('PATCH', `/api/rounds/${id}/options/${o.id}/progress`, { status: 'implementing' }));
    ok(
      await a.agency.send('PATCH', `/api/rounds/${id}/options/${o.id}/progress`, {
        status: 'implemented', actualEffectiveOn: '2022-06-01', actualBenefits: { economic: 61.6, wastewater: 36800 },
      }),
    );
  }
  await attach(a.agency, id, 'acceptance_report', '清洁生产审核验收报告.pdf');
  await attach(a.agency, id, 'monitoring_before', '实施前监测报告.pdf');
  await attach(a.agency, id, 'monitoring_after', '实施后监测报告.pdf');
  await fire(a, a.agency, id, 'applyForAcceptance');
}
