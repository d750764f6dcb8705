import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Calendar, FeedTokenCreated, FeedTokenStatus } from '../../../shared/contracts/calendar';
import type { CampaignDetail } from '../../../shared/contracts/campaigns';
import type { RoundPanels } from '../../../shared/contracts/reviews';
import type { PlanEntry, Publication } from '../../../shared/contracts/rounds';
import { addMonths, localIsoDate } from '../../../shared/domain/deadlines';
import { auditEventsOf, createTestApp, errorOf, orgIdOf, signIn, userIdOf, type Client, type TestContext } from '../../../../test/helpers/app';
import { createEnterprise } from '../../../../test/helpers/factories';
import { roundInState } from '../../../../test/helpers/reviews';

let t: TestContext;
let city: Client;
let yubei: Client;
let jiangbei: Client;
let ent1: Client;
let ent2: Client;
let expert1: Client;
/** The 2043 rounds of ent1 (渝北区) and ent2 (江北区), published ten days ago. */
let ent1Round: string;
let ent2Round: string;
/** A 2044 round of another 渝北区 enterprise, published two months ago: its disclosure is overdue. */
let lateRound: string;
let campaignId: string;
let panelId: string;

const today = localIsoDate(new Date());
const publishedOn = addDays(today, -10);
const from = addMonths(today, -3);
const to = addMonths(today, 9);

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function calendarOf(client: Client, query = `from=${from}&to=${to}`): Promise<Calendar> {
  const res = await client.get(`/api/calendar?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Calendar>();
}

async function publish(year: number, entries: { proposer: Client; enterpriseId: string }[], on: string, milestones: unknown[] = []) {
  const campaign = await city.send('POST', '/api/campaigns', { year, title: `${year}年度工作`, milestones });
  expect(campaign.statusCode, campaign.body).toBe(201);
  for (const { proposer, enterpriseId } of entries) {
    const res = await proposer.send('POST', '/api/plan-entries', { enterpriseId, plannedYear: year, reasons: ['key_industry'] });
    expect(res.statusCode, res.body).toBe(201);
    expect((await city.send('POST', `/api/plan-entries/${res.json<PlanEntry>().id}/approve`)).statusCode).toBe(200);
  }
  const id = campaign.json<CampaignDetail>().id;
  const res = await city.send('POST', `/api/campaigns/${id}/publication`, { publishedOn: on });
  expect(res.statusCode, res.body).toBe(200);
  return { campaignId: id, roundIds: res.json<Publication>().roundIds };
}

beforeAll(async () => {
  t = await createTestApp();
  const as = (u: string) => signIn(t.app, u);
  [city, yubei, jiangbei, ent1, ent2, expert1] = await Promise.all([as('city'), as('yubei'), as('jiangbei'), as('ent1'), as('ent2'), as('expert1')]);
  const [ent1Org, ent2Org] = await Promise.all([orgIdOf(t.db, 'ent1'), orgIdOf(t.db, 'ent2')]);
  const milestones = [
    { name: '区县报送审核进展', dueOn: addDays(today, 20), actorRole: 'district_staff' },
    { name: '企业报送年度清洁生产总结', dueOn: addDays(today, 25), actorRole: 'enterprise_user' },
    { name: '市局汇总年度审核情况', dueOn: addDays(today, 30), actorRole: 'city_staff' },
  ];
  const first = await publish(2043, [{ proposer: yubei, enterpriseId: ent1Org }, { proposer: jiangbei, enterpriseId: ent2Org }], publishedOn, milestones);
  campaignId = first.campaignId;
  const { rows } = await t.db.query<{ id: string; enterprise_id: string }>('SELECT id, enterprise_id FROM audit_rounds WHERE id = ANY($1::uuid[])', [first.roundIds]);
  ent1Round = rows.find((r) => r.enterprise_id === ent1Org)?.id ?? '';
  ent2Round = rows.find((r) => r.enterprise_id === ent2Org)?.id ?? '';
  const late = await createEnterprise(yubei);
  lateRound = (await publish(2044, [{ proposer: yubei, enterpriseId: late.id }], addMonths(today, -2))).roundIds[0] ?? '';
  // An expert on an open evaluation panel.
  const reviewed = await roundInState(t, city, yubei, 'evaluation_review');
  const experts = (await yubei.get('/api/review-experts')).json<{ id: string; username: string }[]>();
  const ids = ['expert1', 'expert2', 'expert3'].map((u) => experts.find((e) => e.username === u)?.id ?? '');
  const formed = await yubei.send('POST', `/api/rounds/${reviewed}/panels`, { expertUserIds: ids, reason: '测试：人工组建专家组' });
  expect(formed.statusCode, formed.body).toBe(201);
  panelId = formed.json<RoundPanels>().panels[0]?.id ?? '';
});
afterAll(async () => t.close());

const roundsIn = (c: Calendar) => new Set(c.events.filter((e) => e.kind === 'roundDeadline').map((e) => e.roundId));

describe('GET /api/calendar', () => {
  it("shows an enterprise its own round's due dates still ahead and its role's milestones", async () => {
    const c = await calendarOf(ent1);
    expect(roundsIn(c)).toEqual(new Set([ent1Round]));
    const deadlines = c.events.filter((e) => e.roundId === ent1Round);
    expect(deadlines.map((e) => e.deadlineKind)).toEqual(['disclose', 'start']);
    expect(deadlines[0]).toMatchObject({
      uid: `round-${ent1Round}-disclose@cpaudit`,
      date: addMonths(publishedOn, 1),
      link: `/rounds/${ent1Round}`,
      overdue: false,
    });
    expect(deadlines[0]?.title).toContain('信息公开期限');
    expect(c.events.filter((e) => e.kind === 'milestone').map((e) => e.title)).toEqual(['企业报送年度清洁生产总结']);
    expect(c.events.some((e) => e.kind === 'panelFormed')).toBe(false);
    // The report is due in 12 months: inside a wider range.
    const wide = await calendarOf(ent1, `from=${today}&to=${addMonths(today, 13)}`);
    expect(wide.events.filter((e) => e.roundId === ent1Round).map((e) => e.deadlineKind)).toContain('report');
  });

  it("keeps each district to its own rounds, and lets the city filter by district", async () => {
    const y = await calendarOf(yubei);
    expect(roundsIn(y)).toEqual(new Set([ent1Round, lateRound]));
    expect(y.events.filter((e) => e.kind === 'milestone').map((e) => e.title)).toEqual(['区县报送审核进展']);
    const j = await calendarOf(jiangbei);
    expect(roundsIn(j)).toEqual(new Set([ent2Round]));
    const c = await calendarOf(city);
    for (const id of [ent1Round, ent2Round, lateRound]) expect(roundsIn(c)).toContain(id);
    expect(c.events.filter((e) => e.kind === 'milestone').map((e) => e.title)).toEqual(['市局汇总年度审核情况']);
    const filtered = await calendarOf(city, `from=${from}&to=${to}&districtCode=500105`);
    expect(roundsIn(filtered)).toEqual(new Set([ent2Round]));
    const onlyMilestones = await calendarOf(city, `from=${from}&to=${to}&kind=milestone`);
    expect(onlyMilestones.events.map((e) => e.kind)).toEqual(['milestone']);
    expect(onlyMilestones.events[0]?.link).toBe(`/campaigns/${campaignId}`);
  });

  it('marks the current deadline that has passed as overdue', async () => {
    const late = (await calendarOf(yubei)).events.filter((e) => e.roundId === lateRound);
    expect(late.map((e) => [e.deadlineKind, e.overdue])).toEqual([['disclose', true], ['start', false]]);
  });

  it("shows an expert the open panels they sit on, not the rounds' deadlines", async () => {
    const c = await calendarOf(expert1);
    expect(c.events.map((e) => [e.kind, e.link, e.date])).toEqual([['panelFormed', `/reviews/${panelId}`, today]]);
    const ent = await calendarOf(ent2);
    expect(ent.events.some((e) => e.kind === 'panelFormed')).toBe(false);
  });

  it('refuses bad ranges naming the field', async () => {
    let res = await ent1.get(`/api/calendar?from=${to}&to=${from}`);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(res).fields).toHaveProperty('to');
    res = await ent1.get(`/api/calendar?from=2020-01-01&to=2022-01-01`);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields).toHaveProperty('to');
    res = await ent1.get('/api/calendar?from=2021-02-29&to=2021-03-01');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields).toHaveProperty('from');
    res = await ent1.get('/api/calendar?from=2021-01-01');
    expect(res.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/calendar?from=${from}&to=${to}` })).statusCode).toBe(401);
  });
});

interface ParsedEvent {
  uid: string;
  start: string;
  isDate: boolean;
  summary: string;
  description: string;
  url: string;
}

function parseIcs(body: string): ParsedEvent[] {
  const cal = new ICAL.Component(ICAL.parse(body) as unknown[]);
  expect(cal.name).toBe('vcalendar');
  expect(cal.getFirstPropertyValue('version')).toBe('2.0');
  return cal.getAllSubcomponents('vevent').map((v) => {
    const start = v.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>;
    return {
      uid: String(v.getFirstPropertyValue('uid')),
      start: start.toString(),
      isDate: start.isDate,
      summary: String(v.getFirstPropertyValue('summary')),
      description: String(v.getFirstPropertyValue('description')),
      url: String(v.getFirstPropertyValue('url')),
    };
  });
}

function expectWellFormed(body: string): void {
  expect(body.endsWith('\r\n')).toBe(true);
  const lines = body.split('\r\n');
  expect(lines.every((l) => !l.includes('\n') && !l.includes('\r'))).toBe(true);
  expect(Math.max(...lines.map((l) => Buffer.byteLength(l, 'utf8')))).toBeLessThanOrEqual(75);
}

describe('iCalendar export', () => {
  it('exports my calendar as a parseable .ics with the same events', async () => {
    const res = await ent1.get(`/api/calendar.ics?from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toContain('attachment');
    expectWellFormed(res.body);
    const events = parseIcs(res.body);
    const json = await calendarOf(ent1);
    expect(events.map((e) => e.uid)).toEqual(json.events.map((e) => e.uid));
    const disclose = events.find((e) => e.uid === `round-${ent1Round}-disclose@cpaudit`);
    expect(disclose).toMatchObject({ start: addMonths(publishedOn, 1), isDate: true });
    expect(disclose?.url).toMatch(new RegExp(`^http://localhost(:\\d+)?/rounds/${ent1Round}$`));
    expect(disclose?.summary).toBe(json.events.find((e) => e.uid === disclose?.uid)?.title);
    // Commas and the long Chinese description survive escaping and folding.
    expect(disclose?.description).toContain('，当前状态：市局核定公布');
  });

  it('serves the feed by secret token without a session; regeneration revokes the old address', async () => {
    expect((await ent1.get('/api/calendar/feed-token')).json<FeedTokenStatus>()).toEqual({ active: false, createdAt: null });
    let created!: FeedTokenCreated;
    const events = await auditEventsOf(t.db, async () => {
      const res = await ent1.send('POST', '/api/calendar/feed-token');
      expect(res.statusCode, res.body).toBe(200);
      created = res.json<FeedTokenCreated>();
    });
    expect(events.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([['calendar.feedTokenCreated', 'user', await userIdOf(t.db, 'ent1')]]);
    expect(JSON.stringify(events)).not.toContain(created.token);
    expect(created.path).toBe(`/api/calendar/feed/${created.token}.ics`);
    const { rows } = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM calendar_feed_tokens');
    expect(rows.map((r) => r.token_hash)).not.toContain(created.token);

    const feed = await t.app.inject({ method: 'GET', url: created.path });
    expect(feed.statusCode, feed.body).toBe(200);
    expectWellFormed(feed.body);
    const uids = parseIcs(feed.body).map((e) => e.uid);
    expect(uids).toContain(`round-${ent1Round}-disclose@cpaudit`);
    expect(uids.some((u) => u.includes(ent2Round))).toBe(false);

    const wrong = await t.app.inject({ method: 'GET', url: `/api/calendar/feed/${'x'.repeat(43)}.ics` });
    expect(wrong.statusCode).toBe(404);
    expect(errorOf(wrong).code).toBe('NOT_FOUND');

    const again = (await ent1.send('POST', '/api/calendar/feed-token')).json<FeedTokenCreated>();
    expect(again.token).not.toBe(created.token);
    expect((await t.app.inject({ method: 'GET', url: created.path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: again.path })).statusCode).toBe(200);
    expect((await ent1.get('/api/calendar/feed-token')).json<FeedTokenStatus>().active).toBe(true);

    const revoked = await auditEventsOf(t.db, async () => {
      expect((await ent1.send('DELETE', '/api/calendar/feed-token')).statusCode).toBe(200);
    });
    expect(revoked.map((e) => e.action)).toEqual(['calendar.feedTokenRevoked']);
    expect((await t.app.inject({ method: 'GET', url: again.path })).statusCode).toBe(404);
    // Revoking again changes nothing.
    expect(await auditEventsOf(t.db, () => ent1.send('DELETE', '/api/calendar/feed-token'))).toHaveLength(0);
  });

  it("builds the feed in the owner's scope (a district sees only its rounds)", async () => {
    const created = (await jiangbei.send('POST', '/api/calendar/feed-token')).json<FeedTokenCreated>();
    const uids = parseIcs((await t.app.inject({ method: 'GET', url: created.path })).body).map((e) => e.uid);
    expect(uids).toContain(`round-${ent2Round}-disclose@cpaudit`);
    expect(uids.some((u) => u.includes(ent1Round) || u.includes(lateRound))).toBe(false);
    // A disabled account's feed stops working (test-only SQL; user administration has its own tests).
    await t.db.query(`UPDATE users SET disabled_at = now() WHERE username = 'jiangbei'`);
    expect((await t.app.inject({ method: 'GET', url: created.path })).statusCode).toBe(404);
  });
});

describe('panel review meetings', () => {
  const meetingOn = addDays(today, 12);
  // Fresh sessions: the feed tests above disable jiangbei (enabled again here, test-only SQL) and end sessions.
  beforeAll(async () => {
    await t.db.query(`UPDATE users SET disabled_at = NULL WHERE username = 'jiangbei'`);
    [yubei, jiangbei, expert1, ent2] = await Promise.all([
      signIn(t.app, 'yubei'), signIn(t.app, 'jiangbei'), signIn(t.app, 'expert1'), signIn(t.app, 'ent2'),
    ]);
  });

  it('the district schedules the meeting: experts are told, it shows in their and the district’s calendars and .ics, not elsewhere', async () => {
    const notified = async () =>
      (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM notifications WHERE kind = 'panel.meeting' AND link = $1", [`/reviews/${panelId}`])).rows[0]?.n;
    const before = await notified();
    const events = await auditEventsOf(t.db, async () => {
      const res = await yubei.send('PUT', `/api/review-panels/${panelId}/meeting`, { meetingOn, meetingPlace: '渝北区生态环境局三楼会议室' });
      expect(res.statusCode, res.body).toBe(200);
      const panel = res.json<RoundPanels>().panels.find((p) => p.id === panelId);
      expect(panel).toMatchObject({ meetingOn, meetingPlace: '渝北区生态环境局三楼会议室' });
    });
    expect(events.map((e) => e.action)).toEqual(['panel.meetingScheduled']);
    expect((await notified()) ?? 0).toBe((before ?? 0) + 3);

    const meetings = (c: Calendar) => c.events.filter((e) => e.kind === 'panelMeeting').map((e) => [e.date, e.link]);
    expect(meetings(await calendarOf(expert1))).toEqual([[meetingOn, `/reviews/${panelId}`]]);
    expect(meetings(await calendarOf(yubei))).toHaveLength(1);
    expect(meetings(await calendarOf(jiangbei))).toEqual([]);
    expect(meetings(await calendarOf(ent2))).toEqual([]);
    const ics = await expert1.get('/api/calendar.ics');
    expect(ics.statusCode).toBe(200);
    const vevents = new ICAL.Component(ICAL.parse(ics.body) as unknown[]).getAllSubcomponents('vevent');
    const meeting = vevents.find((v) => String(v.getFirstPropertyValue('uid')).startsWith('meeting-'));
    expect(String(meeting?.getFirstPropertyValue('dtstart'))).toBe(meetingOn);
    expect(String(meeting?.getFirstPropertyValue('description'))).toContain('三楼会议室');
  });

  it('refuses a date before the panel was formed, other districts, experts and decided panels', async () => {
    const early = await yubei.send('PUT', `/api/review-panels/${panelId}/meeting`, { meetingOn: addDays(today, -30), meetingPlace: null });
    expect(early.statusCode).toBe(400);
    expect(Object.keys(errorOf(early).fields ?? {})).toEqual(['meetingOn']);
    expect((await jiangbei.send('PUT', `/api/review-panels/${panelId}/meeting`, { meetingOn, meetingPlace: null })).statusCode).toBe(404);
    expect((await expert1.send('PUT', `/api/review-panels/${panelId}/meeting`, { meetingOn, meetingPlace: null })).statusCode).toBe(403);
    expect((await yubei.send('PUT', `/api/review-panels/${panelId}/meeting`, { meetingOn: '2026-02-30', meetingPlace: null })).statusCode).toBe(400);
    // Clearing the date removes the meeting from calendars.
    const cleared = await yubei.send('PUT', `/api/review-panels/${panelId}/meeting`, { meetingOn: null, meetingPlace: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect((await calendarOf(expert1)).events.filter((e) => e.kind === 'panelMeeting')).toEqual([]);
    // A decided panel's meeting cannot be changed (test-only SQL: decide the panel).
    await t.db.query("UPDATE review_panels SET decided_at = now(), grade = 'pass', panel_score = 91 WHERE id = $1", [panelId]);
    const decided = await yubei.send('PUT', `/api/review-panels/${panelId}/meeting`, { meetingOn, meetingPlace: null });
    expect(decided.statusCode).toBe(409);
  });
});
