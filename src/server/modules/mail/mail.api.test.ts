import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail } from '../../../shared/contracts/campaigns';
import type { MailMessageDetail, MailOutboxPage, MailPreferences } from '../../../shared/contracts/mail';
import type { PlanEntry, Publication } from '../../../shared/contracts/rounds';
import { DEFAULT_DEADLINE_RULES } from '../../../shared/domain/deadlines';
import { NOTIFICATION_KINDS } from '../../../shared/domain/notificationKinds';
import { auditEventsOf, createTestApp, errorOf, orgIdOf, signIn, userIdOf, type Client, type TestContext } from '../../../../test/helpers/app';
import { createUser } from '../../../../test/helpers/factories';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/helpers/smtp';
import { insertNotifications } from '../notifications/repository';
import { enqueueDailyDigests } from './outbox';
import { backoffSeconds, createSmtpTransport, MAX_ATTEMPTS, sendDueMail, type MailSender } from './sender';

let t: TestContext;
let smtp: TestSmtpServer;
let sender: MailSender;
let admin: Client;
let city: Client;
let ent1: Client;
let ent1b: Client;
let ent1Org: string;
let publication: Publication;

const ENT1_MAIL = 'wangxy@huaxin-plating.example';
const ENT2_MAIL = 'dengxj@hongda-pack.example';
const inSeconds = (s: number) => new Date(Date.now() + s * 1000);

interface OutboxRow {
  id: string;
  recipient: string;
  status: string;
  attempts: number;
  next: string;
  last_error: string | null;
  kind: string;
}

async function outbox(where = 'TRUE', params: unknown[] = []): Promise<OutboxRow[]> {
  const { rows } = await t.db.query<OutboxRow>(
    `SELECT id, recipient, status, attempts, next_attempt_at::text AS next, last_error, kind
       FROM mail_outbox WHERE ${where} ORDER BY recipient`,
    params as never[],
  );
  return rows;
}

async function approvedEntry(proposer: Client, enterpriseId: string, year: number): Promise<void> {
  const res = await proposer.send('POST', '/api/plan-entries', { enterpriseId, plannedYear: year, reasons: ['key_industry'] });
  expect(res.statusCode, res.body).toBe(201);
  const approve = await city.send('POST', `/api/plan-entries/${res.json<PlanEntry>().id}/approve`);
  expect(approve.statusCode, approve.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtpServer();
  sender = {
    transport: createSmtpTransport({ host: '127.0.0.1', port: smtp.port, secure: false }),
    from: 'cpaudit <noreply@cpaudit.test>',
    baseUrl: 'http://cpaudit.test',
  };
  let yubei: Client;
  let jiangbei: Client;
  [admin, city, yubei, jiangbei, ent1] = await Promise.all([
    signIn(t.app, 'admin'), signIn(t.app, 'city'), signIn(t.app, 'yubei'), signIn(t.app, 'jiangbei'), signIn(t.app, 'ent1'),
  ]);
  ent1Org = await orgIdOf(t.db, 'ent1');
  // Test-only SQL: start from an empty outbox (the demo data's notifications put mail there), and
  // ent2's user prefers English.
  await t.db.query('DELETE FROM mail_outbox');
  await t.db.query(`UPDATE users SET locale = 'en' WHERE username = 'ent2'`);
  // Three more users of ent1's organisation: one turns off e-mail for list publications, one has no
  // address, one is disabled.
  const b = await createUser(admin, { orgId: ent1Org, role: 'enterprise_user', email: 'ent1b@huaxin-plating.example' });
  await createUser(admin, { orgId: ent1Org, role: 'enterprise_user', email: null });
  const gone = await createUser(admin, { orgId: ent1Org, role: 'enterprise_user', email: 'gone@huaxin-plating.example' });
  const disable = await admin.send('PATCH', `/api/users/${gone.id}`, { disabled: true });
  expect(disable.statusCode, disable.body).toBe(200);
  ent1b = await signIn(t.app, b.username, 'Start2024pass');
  const off = await ent1b.send('PUT', '/api/me/mail-preferences', {
    emailKinds: NOTIFICATION_KINDS.filter((k) => k !== 'list.published'),
    dailyDigest: false,
  });
  expect(off.statusCode, off.body).toBe(200);

  const campaign = await city.send('POST', '/api/campaigns', { year: 2042, title: '2042年度工作', deadlineRules: DEFAULT_DEADLINE_RULES });
  expect(campaign.statusCode, campaign.body).toBe(201);
  await approvedEntry(yubei, ent1Org, 2042);
  await approvedEntry(jiangbei, await orgIdOf(t.db, 'ent2'), 2042);
  const res = await city.send('POST', `/api/campaigns/${campaign.json<CampaignDetail>().id}/publication`, { publishedOn: '2042-01-31' });
  expect(res.statusCode, res.body).toBe(200);
  publication = res.json<Publication>();
});
afterAll(async () => {
  sender?.transport.close?.();
  await smtp?.close();
  await t?.close();
});

describe('the outbox', () => {
  it('gets one row per mailable recipient of the publication, written in its transaction', async () => {
    const rows = await outbox();
    // ent1 and ent2 only: ent1b turned list publications off, one user has no address, one is disabled.
    expect(rows.map((r) => [r.recipient, r.status, r.attempts, r.kind])).toEqual([
      [ENT2_MAIL, 'pending', 0, 'list.published'],
      [ENT1_MAIL, 'pending', 0, 'list.published'],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    // now() is the transaction's start time: equal timestamps mean one transaction.
    const { rows: same } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mail_outbox m JOIN notifications n ON n.id = m.notification_id
        WHERE m.created_at = n.created_at AND n.round_id = ANY($1::uuid[])`,
      [publication.roundIds],
    );
    expect(same[0]?.n).toBe(2);
  });

  it('rolls back with the notification: nothing stays when the transaction fails', async () => {
    const ent1User = await userIdOf(t.db, 'ent1');
    await expect(
      t.db.transaction(async (tx) => {
        const ids = await insertNotifications(tx, [{ userId: ent1User, kind: 'result.published', titleZh: '回滚', titleEn: 'Rolled back' }]);
        expect(ids).toHaveLength(1);
        const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM mail_outbox WHERE notification_id = $1', [ids[0] as string]);
        expect(rows[0]?.n).toBe(1);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE title_en = 'Rolled back'`);
    expect(rows[0]?.n).toBe(0);
    expect(await outbox()).toHaveLength(2);
  });

  it('keeps mail pending when no SMTP server is configured', async () => {
    expect(await sendDueMail(t.db, null, inSeconds(5))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect((await outbox()).map((r) => r.status)).toEqual(['pending', 'pending']);
    expect(smtp.messages).toHaveLength(0);
  });
});

describe('sending through SMTP', () => {
  it('retries with growing backoff while the server refuses; the publication and notifications stay', async () => {
    smtp.refuse = 'rcpt';
    const first = inSeconds(5);
    expect(await sendDueMail(t.db, sender, first)).toEqual({ sent: 0, retrying: 2, failed: 0 });
    let rows = await outbox();
    for (const r of rows) {
      expect(r).toMatchObject({ status: 'pending', attempts: 1 });
      expect(r.last_error).toContain('550');
      expect(new Date(r.next).getTime()).toBe(first.getTime() + backoffSeconds(1) * 1000);
    }
    // Not due yet: nothing is tried.
    expect(await sendDueMail(t.db, sender, new Date(first.getTime() + 30_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });

    smtp.refuse = 'data';
    const second = new Date(first.getTime() + 61_000);
    expect(await sendDueMail(t.db, sender, second)).toEqual({ sent: 0, retrying: 2, failed: 0 });
    rows = await outbox();
    for (const r of rows) {
      expect(r.attempts).toBe(2);
      expect(new Date(r.next).getTime()).toBe(second.getTime() + backoffSeconds(2) * 1000);
    }
    expect(backoffSeconds(2)).toBeGreaterThan(backoffSeconds(1));
    expect(smtp.messages).toHaveLength(0);
    // The change itself is not lost.
    const { rows: kept } = await t.db.query<{ rounds: number; notes: number }>(
      `SELECT (SELECT count(*)::int FROM audit_rounds WHERE id = ANY($1::uuid[])) AS rounds,
              (SELECT count(*)::int FROM notifications WHERE round_id = ANY($1::uuid[])) AS notes`,
      [publication.roundIds],
    );
    expect(kept[0]).toEqual({ rounds: 2, notes: 2 });

    smtp.refuse = false;
    const third = new Date(second.getTime() + 121_000);
    expect(await sendDueMail(t.db, sender, third)).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect((await outbox()).map((r) => [r.status, r.attempts, r.last_error])).toEqual([
      ['sent', 3, null],
      ['sent', 3, null],
    ]);
    // Sent once: a later run sends nothing.
    expect(await sendDueMail(t.db, sender, new Date(third.getTime() + 3_600_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('delivers to the right recipient, with subject and text in their language', () => {
    expect(smtp.messages).toHaveLength(2);
    const zh = smtp.messages.find((m) => m.to.includes(ENT1_MAIL));
    const en = smtp.messages.find((m) => m.to.includes(ENT2_MAIL));
    expect(zh?.to).toEqual([ENT1_MAIL]);
    expect(zh?.from).toBe('noreply@cpaudit.test');
    expect(zh?.subject).toBe('【清洁生产审核信息系统】您单位已纳入2042年度强制性清洁生产审核名单');
    expect(zh?.text).toContain('，您好：');
    expect(zh?.text).toContain('请于2042-02-28前完成信息公开');
    expect(zh?.text).toMatch(/查看详情：http:\/\/cpaudit\.test\/rounds\/[0-9a-f-]{36}/);
    expect(en?.to).toEqual([ENT2_MAIL]);
    expect(en?.subject).toBe('[Cleaner Production Audit Information System] Your organisation is on the 2042 list of mandatory cleaner production audits');
    expect(en?.text).toMatch(/^Dear .+,/);
    expect(en?.text).toContain('Disclose by 2042-02-28');
    expect(en?.text).toMatch(/Open: http:\/\/cpaudit\.test\/rounds\/[0-9a-f-]{36}/);
    expect(en?.text).not.toContain('{{link}}');
  });
});

describe('failures and the administrators', () => {
  let failedId: string;

  it('marks a message failed after the maximum of attempts', async () => {
    const ent1User = await userIdOf(t.db, 'ent1');
    await t.db.transaction((tx) =>
      insertNotifications(tx, [{ userId: ent1User, kind: 'result.published', titleZh: '测试失败', titleEn: 'Failing', link: '/notifications' }]),
    );
    const [row] = await outbox(`status = 'pending'`);
    expect(row?.recipient).toBe(ENT1_MAIL);
    failedId = row?.id as string;
    smtp.refuse = 'rcpt';
    let now = inSeconds(5);
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      expect(await sendDueMail(t.db, sender, now)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      now = new Date(now.getTime() + backoffSeconds(i) * 1000);
    }
    expect(await sendDueMail(t.db, sender, now)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect((await outbox(`id = $1`, [failedId]))[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    // A failed message is never tried again by itself.
    expect(await sendDueMail(t.db, sender, new Date(now.getTime() + 86_400_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('shows failures to administrators only, filtered in SQL', async () => {
    const res = await admin.get('/api/mail/outbox?status=failed');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<MailOutboxPage>();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id: failedId, recipient: ENT1_MAIL, status: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    expect(page.items[0]?.lastError).toContain('550');
    expect(page.items[0]?.subject).toBe('【清洁生产审核信息系统】测试失败');
    expect((await admin.get('/api/mail/outbox?status=sent')).json<MailOutboxPage>().total).toBe(2);
    expect((await admin.get('/api/mail/outbox?recipient=dengxj')).json<MailOutboxPage>().total).toBe(1);
    expect((await admin.get('/api/mail/outbox?kind=result.published')).json<MailOutboxPage>().total).toBe(1);
    expect((await admin.get('/api/mail/outbox?pageSize=1&page=2')).json<MailOutboxPage>().items).toHaveLength(1);
    const detail = await admin.get(`/api/mail/outbox/${failedId}`);
    expect(detail.json<MailMessageDetail>().body).toContain('/notifications');

    for (const other of [city, ent1]) {
      const denied = await other.get('/api/mail/outbox');
      expect(denied.statusCode).toBe(403);
      expect(errorOf(denied).code).toBe('FORBIDDEN');
      expect((await other.send('POST', `/api/mail/outbox/${failedId}/retry`)).statusCode).toBe(403);
    }
    const bad = await admin.get('/api/mail/outbox?status=lost');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toHaveProperty('status');
    expect((await admin.get('/api/mail/outbox/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('retries a failed message now (audited once), refuses others, and the retry is delivered', async () => {
    let res = await admin.send('POST', `/api/mail/outbox/${failedId}/retry`);
    const events = await auditEventsOf(t.db, async () => {
      res = await admin.send('POST', `/api/mail/outbox/${failedId}/retry`);
    });
    // The first call made it pending; the second is refused and records nothing.
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('MAIL_NOT_FAILED');
    expect(events).toHaveLength(0);
    const { rows } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'mail.retried' AND entity_id = $1`,
      [failedId],
    );
    expect(rows[0]?.n).toBe(1);
    expect((await outbox(`id = $1`, [failedId]))[0]?.status).toBe('pending');

    smtp.refuse = false;
    const before = smtp.messages.length;
    expect(await sendDueMail(t.db, sender, inSeconds(5))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(before + 1);
    expect(smtp.messages.at(-1)?.text).toContain('http://cpaudit.test/notifications');
  });
});

describe('preferences', () => {
  it('answers the defaults and saves a choice, audited, validating the input', async () => {
    const res = await ent1.get('/api/me/mail-preferences');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MailPreferences>()).toEqual({ email: ENT1_MAIL, emailKinds: [...NOTIFICATION_KINDS], dailyDigest: false });
    expect((await ent1b.get('/api/me/mail-preferences')).json<MailPreferences>().emailKinds).not.toContain('list.published');

    const bad = await ent1.send('PUT', '/api/me/mail-preferences', { emailKinds: ['nonsense'], dailyDigest: true });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toHaveProperty(['emailKinds.0']);

    const events = await auditEventsOf(t.db, async () => {
      const saved = await ent1.send('PUT', '/api/me/mail-preferences', { emailKinds: ['list.published'], dailyDigest: true });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json<MailPreferences>()).toMatchObject({ emailKinds: ['list.published'], dailyDigest: true });
    });
    expect(events.map((e) => e.action)).toEqual(['mail.preferencesUpdated']);
  });

  it('sends nothing for a kind the user turned off', async () => {
    const ent1User = await userIdOf(t.db, 'ent1');
    const count = (await outbox()).length;
    await t.db.transaction((tx) =>
      insertNotifications(tx, [{ userId: ent1User, kind: 'result.published', titleZh: '不发邮件', titleEn: 'No mail' }]),
    );
    expect(await outbox()).toHaveLength(count);
  });
});

describe('the daily digest', () => {
  it('is written once per user and day, from 08:00 China time, listing the unread notifications', async () => {
    // ent1 asked for the digest above. 01:00 UTC tomorrow is 09:00 in China; 23:00 UTC today is 07:00.
    const morning = new Date();
    morning.setUTCDate(morning.getUTCDate() + 1);
    morning.setUTCHours(1, 0, 0, 0);
    const early = new Date(morning.getTime() - 2 * 3_600_000);
    expect(await enqueueDailyDigests(t.db, early)).toBe(0);
    expect(await enqueueDailyDigests(t.db, morning)).toBe(1);
    expect(await enqueueDailyDigests(t.db, new Date(morning.getTime() + 3_600_000))).toBe(0);
    const digests = await outbox(`kind = 'digest'`);
    expect(digests.map((d) => d.recipient)).toEqual([ENT1_MAIL]);
    const { rows } = await t.db.query<{ unread: number }>(
      `SELECT count(*)::int AS unread FROM notifications n JOIN users u ON u.username = 'ent1'
        WHERE (n.recipient_user_id = u.id OR n.recipient_org_id = u.org_id) AND n.read_at IS NULL`,
    );
    const unread = rows[0]?.unread ?? 0;
    expect(unread).toBeGreaterThan(0);

    smtp.refuse = false;
    expect(await sendDueMail(t.db, sender, morning)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const mail = smtp.messages.at(-1);
    expect(mail?.to).toEqual([ENT1_MAIL]);
    expect(mail?.subject).toBe(`【清洁生产审核信息系统】您有 ${unread} 条未读通知`);
    expect(mail?.text).toContain('• 不发邮件');
    expect(mail?.text).toContain('http://cpaudit.test/notifications');
    // The next day gives the next digest.
    expect(await enqueueDailyDigests(t.db, new Date(morning.getTime() + 86_400_000))).toBe(1);
  });
});

describe('several senders', () => {
  it('send each message exactly once when they run at the same time (FOR UPDATE SKIP LOCKED)', async () => {
    const ent2User = await userIdOf(t.db, 'ent2');
    await t.db.transaction((tx) =>
      insertNotifications(
        tx,
        Array.from({ length: 6 }, (_, i) => ({ userId: ent2User, kind: 'result.published' as const, titleZh: `并发${i}`, titleEn: `Concurrent ${i}` })),
      ),
    );
    smtp.refuse = false;
    const before = smtp.messages.length;
    const now = inSeconds(5);
    const other: MailSender = { ...sender, transport: createSmtpTransport({ host: '127.0.0.1', port: smtp.port, secure: false }) };
    const results = await Promise.all([sendDueMail(t.db, sender, now, 4), sendDueMail(t.db, other, now, 4), sendDueMail(t.db, sender, now, 4)]);
    other.transport.close?.();
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(6);
    const subjects = smtp.messages.slice(before).map((m) => m.subject);
    expect(subjects).toHaveLength(6);
    expect(new Set(subjects).size).toBe(6);
    expect(await outbox(`kind = 'result.published' AND status <> 'sent'`)).toHaveLength(0);
  });
});
