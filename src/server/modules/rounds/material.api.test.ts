import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure, Engagement, ReportList, StoredFileInfo } from '../../../shared/contracts/roundMaterial';
import type { Round, RoundDetail, RoundPage } from '../../../shared/contracts/rounds';
import {
  auditEventsOf,
  countRows,
  createTestApp,
  errorOf,
  orgIdOf,
  signIn,
  type Client,
  type TestContext,
} from '../../../../test/helpers/app';
import { minimalDocx, minimalPdf, multipartOf, zipOf } from '../../../../test/helpers/files';

const MAX_UPLOAD = 64 * 1024;
const TABLES = ['files', 'round_files', 'disclosures', 'round_engagements', 'round_reports', 'audit_rounds', 'round_history', 'audit_events'] as const;
const PDF_TYPE = 'application/pdf';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let t: TestContext;
let city: Client;
let yubei: Client;
let jiangbei: Client;
let ent1: Client;
let ent2: Client;
let agency: Client;
let all: Round[];
/** 重庆宏达包装制品有限公司 2021 (江北, ent2's round): notified, listed for 重点行业. */
let hongda: Round;

beforeAll(async () => {
  t = await createTestApp({ maxUploadBytes: MAX_UPLOAD });
  [city, yubei, jiangbei, ent1, ent2, agency] = await Promise.all([
    signIn(t.app, 'city'), signIn(t.app, 'yubei'), signIn(t.app, 'jiangbei'), signIn(t.app, 'ent1'), signIn(t.app, 'ent2'), signIn(t.app, 'agency1'),
  ]);
  all = (await city.get('/api/rounds?pageSize=100')).json<RoundPage>().items;
  const found = all.find((r) => r.enterpriseName === '重庆宏达包装制品有限公司' && r.listingYear === 2021);
  if (!found) throw new Error('demo round missing');
  hongda = found;
});
afterAll(async () => t.close());

function upload(client: Client | null, url: string, filename: string, content: Buffer): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipartOf(filename, content);
  const auth = client ? { cookie: client.cookie, 'x-csrf-token': client.csrf } : {};
  return t.app.inject({ method: 'POST', url, payload, headers: { ...headers, ...auth } });
}

const attachUrl = (id: string) => `/api/rounds/${id}/disclosure/attachments`;
const fire = (client: Client, id: string, name: string, expectedState: string) =>
  client.send('POST', `/api/rounds/${id}/transitions/${name}`, { expectedState });

/** Every blob in the test app's store (excluding the temporary folder). */
async function blobs(): Promise<string[]> {
  const out: string[] = [];
  for (const dir of await readdir(t.filesDir).catch(() => [])) {
    if (dir === 'tmp') continue;
    for (const name of await readdir(path.join(t.filesDir, dir))) out.push(name);
  }
  return out.sort();
}

const tmpFiles = async () => readdir(path.join(t.filesDir, 'tmp')).catch(() => []);

async function expectNothingWritten(fn: () => Promise<void>): Promise<void> {
  const before = await countRows(t.db, TABLES);
  const blobsBefore = await blobs();
  await fn();
  expect(await countRows(t.db, TABLES)).toEqual(before);
  expect(await blobs()).toEqual(blobsBefore);
  expect(await tmpFiles()).toEqual([]);
}

let pdfFile: StoredFileInfo;

describe('files', () => {
  it('stores a PDF and a DOCX with the type detected from their bytes, and records the upload', async () => {
    const pdf = minimalPdf('permit');
    let res: LightMyRequestResponse | undefined;
    const events = await auditEventsOf(t.db, async () => {
      res = await upload(ent2, attachUrl(hongda.id), '排污许可证.pdf', pdf);
    });
    expect(res?.statusCode, res?.body).toBe(201);
    pdfFile = res?.json<StoredFileInfo>() ?? pdfFile;
    expect(pdfFile).toMatchObject({ originalName: '排污许可证.pdf', mediaType: PDF_TYPE, size: pdf.length });
    expect(pdfFile.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(events.map((e) => [e.action, e.entity_id])).toEqual([['round.fileUploaded', hongda.id]]);
    expect(await blobs()).toContain(pdfFile.sha256);

    // The name says .bin; the bytes say Word.
    const docx = await upload(ent2, attachUrl(hongda.id), 'scan.bin', minimalDocx());
    expect(docx.statusCode, docx.body).toBe(201);
    expect(docx.json<StoredFileInfo>().mediaType).toBe(DOCX_TYPE);
  });

  it('stores identical content once on disk (one row per upload)', async () => {
    const again = await upload(ent2, attachUrl(hongda.id), 'copy.pdf', minimalPdf('permit'));
    expect(again.statusCode).toBe(201);
    const copy = again.json<StoredFileInfo>();
    expect(copy.id).not.toBe(pdfFile.id);
    expect(copy.sha256).toBe(pdfFile.sha256);
    expect((await blobs()).filter((b) => b === pdfFile.sha256)).toHaveLength(1);
  });

  it('refuses a text file renamed .pdf and a ZIP that is not a Word or Excel file (400), writing nothing', async () => {
    await expectNothingWritten(async () => {
      const txt = await upload(ent2, attachUrl(hongda.id), 'report.pdf', Buffer.from('just some text, not a PDF\n'));
      expect(txt.statusCode).toBe(400);
      expect(errorOf(txt).code).toBe('FILE_TYPE_NOT_ALLOWED');
      expect(errorOf(txt).message).toContain('PDF');
      expect(errorOf(txt).message).toContain('Word (.docx)');
      const zip = await upload(ent2, attachUrl(hongda.id), 'report.docx', zipOf({ 'notes/readme.txt': 'hello' }));
      expect(zip.statusCode).toBe(400);
      expect(errorOf(zip).code).toBe('FILE_TYPE_NOT_ALLOWED');
    });
  });

  it('refuses a file over the size limit with 413 and the uniform error body, writing nothing', async () => {
    await expectNothingWritten(async () => {
      const big = Buffer.concat([minimalPdf(), Buffer.alloc(MAX_UPLOAD + 1024, 0x20)]);
      const res = await upload(ent2, attachUrl(hongda.id), 'big.pdf', big);
      expect(res.statusCode).toBe(413);
      expect(errorOf(res).code).toBe('FILE_TOO_LARGE');
      expect(errorOf(res).message).toContain('64 KB');
    });
  });

  it('refuses a request without a file (400), other scopes (404) and anonymous callers (401), writing nothing', async () => {
    await expectNothingWritten(async () => {
      const empty = await ent2.send('POST', attachUrl(hongda.id), {});
      expect(empty.statusCode).toBe(400);
      expect(errorOf(empty).code).toBe('FILE_REQUIRED');
      expect((await upload(ent1, attachUrl(hongda.id), 'a.pdf', minimalPdf('x'))).statusCode).toBe(404);
      expect((await upload(agency, attachUrl(hongda.id), 'a.pdf', minimalPdf('x'))).statusCode).toBe(404);
      expect((await upload(yubei, attachUrl(hongda.id), 'a.pdf', minimalPdf('x'))).statusCode).toBe(403);
      expect((await upload(null, attachUrl(hongda.id), 'a.pdf', minimalPdf('x'))).statusCode).toBe(401);
    });
  });

  it('serves a file only through its round, with its stored type and an RFC 5987 file name', async () => {
    const url = `/api/rounds/${hongda.id}/files/${pdfFile.id}`;
    for (const client of [ent2, jiangbei, city]) {
      const res = await client.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(PDF_TYPE);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="_____.pdf"; filename*=UTF-8''${encodeURIComponent('排污许可证.pdf')}`,
      );
      expect(res.rawPayload.equals(minimalPdf('permit'))).toBe(true);
    }
    for (const client of [yubei, ent1, agency]) {
      const res = await client.get(url);
      expect(res.statusCode).toBe(404);
      expect(errorOf(res).code).toBe('NOT_FOUND');
    }
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    // A file of this round asked for through another round in the caller's scope: 404.
    const other = all.find((r) => r.districtCode === '500105' && r.id !== hongda.id);
    expect((await jiangbei.get(`/api/rounds/${other?.id ?? ''}/files/${pdfFile.id}`)).statusCode).toBe(404);
  });
});

describe('disclosure', () => {
  const url = () => `/api/rounds/${hongda.id}/disclosure`;

  it('lists the items the listing reasons require', async () => {
    const res = await ent2.get(url());
    expect(res.statusCode).toBe(200);
    expect(res.json<Disclosure>()).toMatchObject({
      requiredItems: ['enterprise_name', 'legal_representative', 'address', 'pollutant_names', 'discharge_totals'],
      items: {},
      publishedAt: null,
    });
  });

  it('refuses items the round does not require and foreign attachments (400), writing nothing', async () => {
    await expectNothingWritten(async () => {
      const extra = await ent2.send('PUT', url(), { items: { enterprise_name: '宏达', energy_consumption: '电 100 万kWh' } });
      expect(extra.statusCode).toBe(400);
      expect(Object.keys(errorOf(extra).fields ?? {})).toEqual(['items.energy_consumption']);
      const foreign = await ent2.send('PUT', url(), { items: {}, attachmentIds: ['00000000-0000-4000-8000-000000000000'] });
      expect(foreign.statusCode).toBe(400);
      expect(Object.keys(errorOf(foreign).fields ?? {})).toEqual(['attachmentIds.0']);
      expect((await ent1.send('PUT', url(), { items: {} })).statusCode).toBe(404);
      expect((await jiangbei.send('PUT', url(), { items: {} })).statusCode).toBe(403);
    });
  });

  it('refuses to publish with a missing item (422 naming it), writing nothing', async () => {
    const draft = await ent2.send('PUT', url(), {
      items: { enterprise_name: '重庆宏达包装制品有限公司', legal_representative: '王五', address: '重庆市江北区', pollutant_names: 'VOCs', discharge_totals: '  ' },
      attachmentIds: [pdfFile.id],
      platformName: '重庆市企业环境信息依法披露系统',
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json<Disclosure>().attachments.map((a) => a.id)).toEqual([pdfFile.id]);
    await expectNothingWritten(async () => {
      const res = await ent2.send('POST', `${url()}/publish`);
      expect(res.statusCode).toBe(422);
      expect(errorOf(res).code).toBe('GUARD_NOT_MET');
      expect(Object.keys(errorOf(res).fields ?? {}).sort()).toEqual(
        ['disclosure.items.discharge_totals', 'disclosure.platformUrl', 'guards.hasDisclosureItems'].sort(),
      );
      expect(errorOf(res).message).toContain('排放总量');
      expect((await ent1.send('POST', `${url()}/publish`)).statusCode).toBe(404);
      expect((await jiangbei.send('POST', `${url()}/publish`)).statusCode).toBe(403);
    });
  });

  it('publishes a complete disclosure: the round is disclosed with a history row, and the draft is locked', async () => {
    const saved = await ent2.send('PUT', url(), {
      items: {
        enterprise_name: '重庆宏达包装制品有限公司', legal_representative: '王五', address: '重庆市江北区',
        pollutant_names: 'VOCs', discharge_totals: 'VOCs 3.2 吨/年',
      },
      attachmentIds: [pdfFile.id],
      platformName: '重庆市企业环境信息依法披露系统',
      platformUrl: 'https://example.gov.cn/disclosure/1',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    let res: LightMyRequestResponse | undefined;
    const events = await auditEventsOf(t.db, async () => {
      res = await ent2.send('POST', `${url()}/publish`);
    });
    expect(res?.statusCode, res?.body).toBe(200);
    const detail = res?.json<RoundDetail>();
    expect(detail?.state).toBe('disclosed');
    expect(detail?.history.at(-1)).toMatchObject({ transition: 'disclose', fromState: 'notified', toState: 'disclosed' });
    expect(events.map((e) => e.action)).toEqual(['round.transitioned']);
    expect((await jiangbei.get(url())).json<Disclosure>().publishedAt).not.toBeNull();
    await expectNothingWritten(async () => {
      const locked = await ent2.send('PUT', url(), { items: {} });
      expect(locked.statusCode).toBe(409);
      expect(errorOf(locked).code).toBe('ROUND_MATERIAL_LOCKED');
      expect((await upload(ent2, attachUrl(hongda.id), 'late.pdf', minimalPdf('late'))).statusCode).toBe(409);
    });
  });
});

describe('audit mode, agency engagement and report versions', () => {
  const engagementUrl = () => `/api/rounds/${hongda.id}/engagement`;
  const reportsUrl = () => `/api/rounds/${hongda.id}/reports`;
  let agencyId: string;

  const agencyRounds = async () =>
    (await agency.get('/api/rounds?pageSize=100')).json<RoundPage>().items.map((r) => r.id);

  it('refuses to start the audit before the mode is chosen, and refuses bad engagements, writing nothing', async () => {
    agencyId = await orgIdOf(t.db, 'agency1');
    await expectNothingWritten(async () => {
      const start = await fire(ent2, hongda.id, 'startAudit', 'disclosed');
      expect(start.statusCode).toBe(422);
      expect(Object.keys(errorOf(start).fields ?? {})).toEqual(['guards.auditModeChosen']);
      const notAgency = await ent2.send('PUT', engagementUrl(), { mode: 'agency', agencyId: await orgIdOf(t.db, 'ent1') });
      expect(notAgency.statusCode).toBe(400);
      expect(Object.keys(errorOf(notAgency).fields ?? {})).toEqual(['agencyId']);
      expect((await jiangbei.send('PUT', engagementUrl(), { mode: 'self' })).statusCode).toBe(403);
      expect((await ent1.send('PUT', engagementUrl(), { mode: 'self' })).statusCode).toBe(404);
    });
    const choices = (await ent2.get(`/api/rounds/${hongda.id}/agencies`)).json<{ items: { id: string }[] }>();
    expect(choices.items.map((a) => a.id)).toContain(agencyId);
  });

  it('lets the engaged agency see and work on the round, and nothing else', async () => {
    const before = await agencyRounds();
    expect(before).not.toContain(hongda.id);
    const events = await auditEventsOf(t.db, async () => {
      const res = await ent2.send('PUT', engagementUrl(), { mode: 'agency', agencyId });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<Engagement>()).toMatchObject({ auditMode: 'agency', agency: { id: agencyId } });
    });
    expect(events.map((e) => e.action)).toEqual(['round.auditModeChosen']);
    expect((await agencyRounds()).sort()).toEqual([...before, hongda.id].sort());
    expect((await agency.get(`/api/rounds/${hongda.id}`)).statusCode).toBe(200);
    const jiamei = all.find((r) => r.enterpriseName === '重庆嘉美印务有限公司');
    expect((await agency.get(`/api/rounds/${jiamei?.id ?? ''}`)).statusCode).toBe(404);
    const start = await fire(agency, hongda.id, 'startAudit', 'disclosed');
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json<RoundDetail>().state).toBe('audit_started');
  });

  it('keeps report versions and submits the report once one exists', async () => {
    const early = await fire(agency, hongda.id, 'submitReport', 'audit_started');
    expect(early.statusCode).toBe(422);
    expect(Object.keys(errorOf(early).fields ?? {})).toEqual(['guards.reportUploaded']);
    await expectNothingWritten(async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
      const image = await upload(agency, reportsUrl(), 'report.pdf', png);
      expect(image.statusCode).toBe(400);
      expect(errorOf(image).message).not.toContain('PNG');
      expect((await upload(jiangbei, reportsUrl(), 'r.pdf', minimalPdf('r'))).statusCode).toBe(403);
      expect((await upload(ent1, reportsUrl(), 'r.pdf', minimalPdf('r'))).statusCode).toBe(404);
    });
    const v1 = await upload(agency, reportsUrl(), '审核报告.pdf', minimalPdf('report v1'));
    expect(v1.statusCode, v1.body).toBe(201);
    const v2 = await upload(ent2, reportsUrl(), '审核报告（修改稿）.docx', minimalDocx());
    expect(v2.statusCode, v2.body).toBe(201);
    const list = (await jiangbei.get(reportsUrl())).json<ReportList>();
    expect(list.items.map((r) => [r.version, r.file.mediaType, r.uploadedBy])).toEqual([
      [2, DOCX_TYPE, 'ent2'],
      [1, PDF_TYPE, 'agency1'],
    ]);
    const download = await jiangbei.get(`/api/rounds/${hongda.id}/files/${list.items[1]?.file.id ?? ''}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(minimalPdf('report v1'))).toBe(true);
  });

  it('ends the engagement when the enterprise switches to a self-audit; the agency loses the round', async () => {
    const self = await ent2.send('PUT', engagementUrl(), { mode: 'self' });
    expect(self.json<Engagement>()).toMatchObject({ auditMode: 'self', agency: null });
    expect(await agencyRounds()).not.toContain(hongda.id);
    expect((await agency.get(`/api/rounds/${hongda.id}`)).statusCode).toBe(404);
    const submit = await fire(ent2, hongda.id, 'submitReport', 'audit_started');
    expect(submit.statusCode, submit.body).toBe(200);
    expect(submit.json<RoundDetail>().state).toBe('report_submitted');
    await expectNothingWritten(async () => {
      const late = await upload(ent2, reportsUrl(), 'v3.pdf', minimalPdf('v3'));
      expect(late.statusCode).toBe(409);
      expect(errorOf(late).code).toBe('ROUND_MATERIAL_LOCKED');
    });
  });
});
