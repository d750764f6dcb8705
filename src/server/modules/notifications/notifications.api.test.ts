import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail } from '../../../shared/contracts/campaigns';
import type { MarkedRead, Notification, NotificationPage, UnreadCount } from '../../../shared/contracts/notifications';
import type { PlanEntry, Publication } from '../../../shared/contracts/rounds';
import { DEFAULT_DEADLINE_RULES } from '../../../shared/domain/deadlines';
import {
  auditEventsOf,
  countRows,
  createTestApp,
  errorOf,
  orgIdOf,
  signIn,
  userIdOf,
  type Client,
  type TestContext,
} from '../../../../test/helpers/app';

let t: TestContext;
let city: Client;
let yubei: Client;
let jiangbei: Client;
let ent1: Client;
let ent2: Client;
let ent1Org: string;
let ent2Org: string;
let publication: Publication;

async function list(client: Client, query = ''): Promise<NotificationPage> {
  const res = await client.get(`/api/notifications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<NotificationPage>();
}

async function unread(client: Client): Promise<number> {
  const res = await client.get('/api/notifications/unread-count');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<UnreadCount>().unread;
}

async function approvedEntry(proposer: Client, enterpriseId: string, year: number): Promise<void> {
  const res = await proposer.send('POST', '/api/plan-entries', { enterpriseId, plannedYear: year, reasons: ['key_industry'] });
  expect(res.statusCode, res.body).toBe(201);
  const approve = await city.send('POST', `/api/plan-entries/${res.json<PlanEntry>().id}/approve`);
  expect(approve.statusCode, approve.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  [city, yubei, jiangbei, ent1, ent2] = await Promise.all([
    signIn(t.app, 'city'), signIn(t.app, 'yubei'), signIn(t.app, 'jiangbei'), signIn(t.app, 'ent1'), signIn(t.app, 'ent2'),
  ]);
  [ent1Org, ent2Org] = await Promise.all([orgIdOf(t.db, 'ent1'), orgIdOf(t.db, 'ent2')]);
  // Test-only SQL: start without the demo data's notifications, so every count below is exact.
  await t.db.query('DELETE FROM notifications');
  // Publish a 2042 list holding both demo enterprises (渝北区 and 江北区).
  const campaign = await city.send('POST', '/api/campaigns', { year: 2042, title: '2042年度工作', deadlineRules: DEFAULT_DEADLINE_RULES });
  expect(campaign.statusCode, campaign.body).toBe(201);
  await approvedEntry(yubei, ent1Org, 2042);
  await approvedEntry(jiangbei, ent2Org, 2042);
  const res = await city.send('POST', `/api/campaigns/${campaign.json<CampaignDetail>().id}/publication`, { publishedOn: '2042-01-31' });
  expect(res.statusCode, res.body).toBe(200);
  publication = res.json<Publication>();
});
afterAll(async () => t.close());

describe('notifications of a list publication', () => {
  it('writes one notification per listed enterprise, addressed to its organisation, in the publication', async () => {
    const { rows } = await t.db.query<{ recipient_org_id: string; kind: string; round_id: string; link: string }>(
      `SELECT recipient_org_id, kind, round_id, link FROM notifications WHERE round_id = ANY($1::uuid[]) ORDER BY recipient_org_id`,
      [publication.roundIds],
    );
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.recipient_org_id))).toEqual(new Set([ent1Org, ent2Org]));
    for (const r of rows) {
      expect(r.kind).toBe('list.published');
      expect(r.link).toBe(`/rounds/${r.round_id}`);
    }
  });

  it("shows each enterprise its own notification only, in the request's language", async () => {
    const mine = await list(ent1);
    expect(mine.total).toBe(1);
    const n = mine.items[0] as Notification;
    expect(n).toMatchObject({ kind: 'list.published', readAt: null, title: '您单位已纳入2042年度强制性清洁生产审核名单' });
    expect(n.body).toContain('2042-02-28');
    expect(publication.roundIds).toContain(n.roundId);
    const english = (await ent1.get('/api/notifications', { 'accept-language': 'en' })).json<NotificationPage>();
    expect(english.items[0]?.title).toBe('Your organisation is on the 2042 list of mandatory cleaner production audits');

    const theirs = await list(ent2);
    expect(theirs.total).toBe(1);
    expect(theirs.items[0]?.id).not.toBe(n.id);
    // Bureau users are not recipients of the enterprises' notifications.
    expect((await list(city)).total).toBe(0);
    expect((await list(yubei)).total).toBe(0);
    expect(await unread(ent1)).toBe(1);
  });

  it("answers 404 for another organisation's notification and changes nothing", async () => {
    const theirs = (await list(ent2)).items[0] as Notification;
    const before = await countRows(t.db, ['audit_events']);
    const res = await ent1.send('POST', `/api/notifications/${theirs.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
    expect(await countRows(t.db, ['audit_events'])).toEqual(before);
    expect((await list(ent2)).items[0]?.readAt).toBeNull();
    expect(await unread(ent2)).toBe(1);
  });
});

describe('marking read', () => {
  it('marks one read (audited once), filters unread, and is idempotent', async () => {
    const n = (await list(ent1)).items[0] as Notification;
    let res = await ent1.send('POST', `/api/notifications/${n.id}/read`);
    const events = await auditEventsOf(t.db, async () => {
      res = await ent1.send('POST', `/api/notifications/${n.id}/read`);
    });
    // The first call above marked it; the repeated call answers the same record and records nothing.
    expect(events).toHaveLength(0);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Notification>().readAt).not.toBeNull();
    expect(await unread(ent1)).toBe(0);
    expect((await list(ent1, '?unread=true')).total).toBe(0);
    expect((await list(ent1, '?unread=false')).total).toBe(1);
    const { rows } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'notification.read' AND entity_id = $1`,
      [n.id],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('sees notifications addressed to the user personally, and marks all read', async () => {
    const ent1User = await userIdOf(t.db, 'ent1');
    // Test-only SQL: two notifications addressed to the user ent1 (no producer addresses users yet).
    await t.db.query(
      `INSERT INTO notifications (recipient_user_id, kind, title_zh, title_en, created_at)
       VALUES ($1, 'result.published', '测试一', 'Test one', now() + interval '1 minute'),
              ($1, 'result.published', '测试二', 'Test two', now() + interval '2 minutes')`,
      [ent1User],
    );
    expect(await unread(ent1)).toBe(2);
    const page = await list(ent1, '?pageSize=2');
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.title)).toEqual(['测试二', '测试一']);
    expect((await list(ent1, '?kind=result.published')).total).toBe(2);
    expect((await list(ent2, '?kind=result.published')).total).toBe(0);

    const events = await auditEventsOf(t.db, async () => {
      const res = await ent1.send('POST', '/api/notifications/read-all');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<MarkedRead>()).toEqual({ marked: 2 });
    });
    expect(events.map((e) => [e.action, e.after])).toEqual([['notification.allRead', { marked: 2 }]]);
    expect(await unread(ent1)).toBe(0);
    // Nothing left: no change, no audit event.
    const again = await auditEventsOf(t.db, async () => {
      const res = await ent1.send('POST', '/api/notifications/read-all');
      expect(res.json<MarkedRead>()).toEqual({ marked: 0 });
    });
    expect(again).toHaveLength(0);
    // ent2's notification is untouched.
    expect(await unread(ent2)).toBe(1);
  });

  it('refuses anonymous callers and bad input', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/notifications/unread-count' });
    expect(anon.statusCode).toBe(401);
    const bad = await ent1.get('/api/notifications?unread=maybe');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toHaveProperty('unread');
    const badId = await ent1.send('POST', '/api/notifications/not-a-uuid/read');
    expect(badId.statusCode).toBe(400);
  });
});
