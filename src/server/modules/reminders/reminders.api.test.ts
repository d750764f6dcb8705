import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { NotificationPage } from '../../../shared/contracts/notifications';
import type { ReminderPage, ReminderSettingsDto } from '../../../shared/contracts/reminders';
import type { RoundState } from '../../../shared/domain/roundStates';
import { auditEventsOf, createTestApp, errorOf, orgIdOf, signIn, type Client, type TestContext } from '../../../../test/helpers/app';
import { roundInState } from '../../../../test/helpers/reviews';
import { openPostgres } from '../../db/pg';
import type { Db } from '../../db/types';
import { runDeadlineJob } from './job';

let t: TestContext;
let city: Client;
let yubei: Client;
let jiangbei: Client;
let ent1: Client;
let orgs: { yubei: string; jiangbei: string; city: string; agency: string; ent1: string; ent2: string };

/** An instant whose Asia/Shanghai date is `date` + `days` (10:00 in Chongqing). */
function at(date: string, days: number): Date {
  const d = new Date(`${date}T02:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}

interface LogRow {
  step: string;
  due_on: string;
  days_left: number;
  proposed_step: string | null;
  recipients: string[];
}

async function logOf(roundId: string): Promise<LogRow[]> {
  const { rows } = await t.db.query<LogRow>(
    `SELECT step, to_char(due_on, 'YYYY-MM-DD') AS due_on, days_left, proposed_step,
            ARRAY(SELECT x::text FROM unnest(recipient_org_ids) x ORDER BY x::text) AS recipients
       FROM reminder_log WHERE round_id = $1 ORDER BY sent_at, step`,
    [roundId],
  );
  return rows;
}

async function notificationsOf(roundId: string): Promise<{ kind: string; org: string; title_zh: string; body_zh: string; body_en: string }[]> {
  const { rows } = await t.db.query<{ kind: string; org: string; title_zh: string; body_zh: string; body_en: string }>(
    `SELECT kind, recipient_org_id::text AS org, title_zh, body_zh, body_en FROM notifications
      WHERE round_id = $1 AND kind LIKE 'deadline.%' ORDER BY created_at, kind, recipient_org_id`,
    [roundId],
  );
  return rows;
}

async function dueOf(roundId: string): Promise<string> {
  const { rows } = await t.db.query<{ due: string }>(`SELECT to_char(next_due_on, 'YYYY-MM-DD') AS due FROM audit_rounds WHERE id = $1`, [roundId]);
  return rows[0]?.due ?? '';
}

/** A 渝北区 round in `state`, optionally with agency1 engaged (test-only SQL, as the engagement needs an enterprise user). */
async function round(state: RoundState, engaged = false): Promise<{ id: string; due: string; enterprise: string }> {
  const id = await roundInState(t, city, yubei, state);
  if (engaged) {
    await t.db.query(
      `INSERT INTO round_engagements (round_id, agency_id, city_code, district_code)
       SELECT id, $2, city_code, district_code FROM audit_rounds WHERE id = $1`,
      [id, orgs.agency],
    );
  }
  const { rows } = await t.db.query<{ enterprise_id: string }>('SELECT enterprise_id FROM audit_rounds WHERE id = $1', [id]);
  return { id, due: await dueOf(id), enterprise: rows[0]?.enterprise_id ?? '' };
}

const sorted = (ids: string[]) => [...ids].sort();

beforeAll(async () => {
  t = await createTestApp();
  [city, yubei, jiangbei, ent1] = await Promise.all([signIn(t.app, 'city'), signIn(t.app, 'yubei'), signIn(t.app, 'jiangbei'), signIn(t.app, 'ent1')]);
  const { rows } = await t.db.query<{ kind: string; district_code: string | null; id: string }>(
    `SELECT kind, district_code, id FROM organizations WHERE kind IN ('city_bureau', 'district_bureau') AND city_code = '500000'`,
  );
  const bureau = (code: string) => rows.find((r) => r.kind === 'district_bureau' && r.district_code === code)?.id ?? '';
  orgs = {
    yubei: bureau('500112'),
    jiangbei: bureau('500105'),
    city: rows.find((r) => r.kind === 'city_bureau')?.id ?? '',
    agency: await orgIdOf(t.db, 'agency1'),
    ent1: await orgIdOf(t.db, 'ent1'),
    ent2: await orgIdOf(t.db, 'ent2'),
  };
  expect(Object.values(orgs).every(Boolean)).toBe(true);
});

afterAll(async () => {
  await t.close();
});

describe('reminders before a due date', () => {
  it('reminds the enterprise and its engaged agency 14, 7 and 1 days before, each once, and nobody else', async () => {
    const r = await round('notified', true);
    const runOn = (days: number) => runDeadlineJob(t.db, at(r.due, days));
    await runOn(-15);
    expect(await logOf(r.id)).toEqual([]);
    const first = await runOn(-14);
    expect(first.skipped).toBe(false);
    await runOn(-14);
    await runOn(-13);
    let log = await logOf(r.id);
    expect(log.map((l) => [l.step, l.days_left])).toEqual([['remind:14', 14]]);
    expect(log[0]?.recipients).toEqual(sorted([r.enterprise, orgs.agency]));
    await runOn(-7);
    await runOn(-2);
    // The agency's engagement ends: it is no longer told.
    await t.db.query('UPDATE round_engagements SET ended_at = now() WHERE round_id = $1', [r.id]);
    await runOn(-1);
    await runOn(0);
    log = await logOf(r.id);
    expect(log.map((l) => l.step)).toEqual(['remind:14', 'remind:7', 'remind:1']);
    expect(log[2]?.recipients).toEqual([r.enterprise]);
    const sent = await notificationsOf(r.id);
    expect(sent).toHaveLength(5);
    expect(new Set(sent.map((n) => n.kind))).toEqual(new Set(['deadline.reminder']));
    expect(new Set(sent.map((n) => n.org))).toEqual(new Set([r.enterprise, orgs.agency]));
    expect(sent[0]?.title_zh).toContain('信息公开期限将至');
    expect(sent.map((n) => n.body_zh).filter((b) => b.includes('还剩 7 天'))).toHaveLength(2);
    // Scope: no bureau, other district or other enterprise heard of this round.
    for (const other of [orgs.yubei, orgs.jiangbei, orgs.city, orgs.ent1, orgs.ent2]) expect(sent.some((n) => n.org === other)).toBe(false);
  });

  it('uses the Asia/Shanghai date: 20:00 UTC is already the next day in Chongqing', async () => {
    const r = await round('listed');
    const d = new Date(`${r.due}T20:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 15); // UTC: 15 days before; Shanghai: 14 days before
    await runDeadlineJob(t.db, d);
    const log = await logOf(r.id);
    expect(log.map((l) => [l.step, l.recipients])).toEqual([['remind:14', [orgs.yubei]]]);
  });

  it('gives a changed due date (an extension) its own reminders', async () => {
    const r = await round('listed');
    await runDeadlineJob(t.db, at(r.due, -14));
    await t.db.query(`UPDATE audit_rounds SET disclose_due = next_due_on + 10, next_due_on = next_due_on + 10 WHERE id = $1`, [r.id]);
    const extended = await dueOf(r.id);
    await runDeadlineJob(t.db, at(r.due, -13));
    await runDeadlineJob(t.db, at(extended, -14));
    expect((await logOf(r.id)).map((l) => [l.step, l.due_on])).toEqual([
      ['remind:14', r.due],
      ['remind:14', extended],
    ]);
  });
});

describe('overdue notices and escalation', () => {
  it('tells the acting party and the district on the first overdue day, then the city after the delay', async () => {
    const r = await round('notified');
    const events = await auditEventsOf(t.db, () => runDeadlineJob(t.db, at(r.due, 1)));
    expect(events.map((e) => [e.action, e.actor_username, e.entity_type])).toEqual([['reminder.sent', 'system', 'system']]);
    expect(await auditEventsOf(t.db, () => runDeadlineJob(t.db, at(r.due, 1)))).toEqual([]);
    // The inbox API: the district bureau sees the overdue notice, another district does not.
    const inbox = async (client: Client) =>
      (await client.get('/api/notifications?kind=deadline.overdue&pageSize=100')).json<NotificationPage>().items.filter((n) => n.roundId === r.id);
    expect((await inbox(yubei)).map((n) => n.title)).toEqual([expect.stringContaining('已逾期')]);
    expect(await inbox(jiangbei)).toEqual([]);
    let log = await logOf(r.id);
    expect(log.map((l) => [l.step, l.days_left, l.proposed_step])).toEqual([['overdue', -1, 'orderCorrection']]);
    expect(log[0]?.recipients).toEqual(sorted([r.enterprise, orgs.yubei]));
    await runDeadlineJob(t.db, at(r.due, 14));
    expect(await logOf(r.id)).toHaveLength(1);
    await runDeadlineJob(t.db, at(r.due, 15));
    await runDeadlineJob(t.db, at(r.due, 16));
    log = await logOf(r.id);
    expect(log.map((l) => [l.step, l.days_left, l.proposed_step])).toEqual([
      ['overdue', -1, 'orderCorrection'],
      ['escalated', -15, 'penalty'],
    ]);
    expect(log[1]?.recipients).toEqual([orgs.city]);
    const sent = await notificationsOf(r.id);
    expect(sent.map((n) => [n.kind, n.org])).toEqual([
      ...sorted([r.enterprise, orgs.yubei]).map((org) => ['deadline.overdue', org]),
      ['deadline.escalated', orgs.city],
    ]);
    expect(sent[0]?.body_zh).toContain('建议下一步：责令限期改正');
    expect(sent[2]?.body_zh).toContain('依法处罚');
    expect(sent[2]?.body_en).toContain('escalated to the city');
    expect(sent.some((n) => n.org === orgs.jiangbei)).toBe(false);
  });

  it('proposes roll-over for work long overdue, sending both steps in order at once', async () => {
    const r = await round('listed');
    const result = await runDeadlineJob(t.db, at(r.due, 120));
    expect(result.sent).toBeGreaterThanOrEqual(2);
    const log = await logOf(r.id);
    expect(log.map((l) => [l.step, l.proposed_step, l.recipients])).toEqual([
      ['escalated', 'rollover', [orgs.city]],
      ['overdue', 'rollover', [orgs.yubei]],
    ]);
  });
});

describe('reminder settings', () => {
  it('are edited by the city, validated with field-named messages and audited', async () => {
    const defaults = (await city.get('/api/reminder-settings')).json<ReminderSettingsDto>();
    expect(defaults.settings).toEqual({ remindDays: [14, 7, 1], escalateAfterDays: 15, enabled: true });
    expect(defaults.updatedAt).toBeNull();
    for (const [body, field] of [
      [{ remindDays: [7, 7], escalateAfterDays: 15, enabled: true }, 'remindDays'],
      [{ remindDays: [0], escalateAfterDays: 15, enabled: true }, 'remindDays.0'],
      [{ remindDays: [], escalateAfterDays: 15, enabled: true }, 'remindDays'],
      [{ remindDays: [7], escalateAfterDays: 400, enabled: true }, 'escalateAfterDays'],
      [{ remindDays: [7], escalateAfterDays: 15 }, 'enabled'],
    ] as const) {
      const res = await city.send('PUT', '/api/reminder-settings', body, { 'accept-language': 'en' });
      expect(res.statusCode, res.body).toBe(400);
      expect(errorOf(res).code).toBe('VALIDATION_FAILED');
      expect(Object.keys(errorOf(res).fields ?? {})).toEqual([field]);
    }
    const dup = await city.send('PUT', '/api/reminder-settings', { remindDays: [7, 7], escalateAfterDays: 15, enabled: true });
    expect(errorOf(dup).message).toContain('提前提醒天数');
    expect((await yubei.send('PUT', '/api/reminder-settings', defaults.settings)).statusCode).toBe(403);
    expect((await yubei.get('/api/reminder-settings')).statusCode).toBe(403);
    expect((await ent1.get('/api/reminder-settings')).statusCode).toBe(403);
    const events = await auditEventsOf(t.db, async () => {
      const res = await city.send('PUT', '/api/reminder-settings', { remindDays: [3, 30], escalateAfterDays: 5, enabled: true });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<ReminderSettingsDto>().settings).toEqual({ remindDays: [30, 3], escalateAfterDays: 5, enabled: true });
    });
    expect(events.map((e) => [e.action, e.entity_id, e.actor_username])).toEqual([['reminder.settingsUpdated', '500000', 'city']]);
    expect(events[0]?.after).toEqual({ remindDays: [30, 3], escalateAfterDays: 5 });
  });

  it('are respected by the job: days 30/3, escalation after 5 days, and nothing while disabled', async () => {
    const r = await round('listed');
    for (const days of [-31, -30, -14, -7, -3, -1, 1, 4, 5]) await runDeadlineJob(t.db, at(r.due, days));
    expect((await logOf(r.id)).map((l) => [l.step, l.days_left])).toEqual([
      ['remind:30', 30],
      ['remind:3', 3],
      ['overdue', -1],
      ['escalated', -5],
    ]);
    const off = await round('listed');
    const res = await city.send('PUT', '/api/reminder-settings', { remindDays: [30, 3], escalateAfterDays: 5, enabled: false });
    expect(res.statusCode, res.body).toBe(200);
    for (const days of [-30, -3, 1, 5]) await runDeadlineJob(t.db, at(off.due, days));
    expect(await logOf(off.id)).toEqual([]);
    const back = await city.send('PUT', '/api/reminder-settings', { remindDays: [14, 7, 1], escalateAfterDays: 15, enabled: true });
    expect(back.statusCode, back.body).toBe(200);
  });
});

describe('campaign milestones', () => {
  it('remind the district bureaus of the city, and tell them and the city when overdue', async () => {
    const res = await city.send('POST', '/api/campaigns', {
      year: 2099,
      title: '2099年度工作',
      milestones: [{ name: '报送2099年度工作总结', dueOn: '2099-11-30', actorRole: 'district_staff' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { rows: bureaus } = await t.db.query<{ id: string }>(
      `SELECT id::text AS id FROM organizations WHERE kind = 'district_bureau' AND city_code = '500000' ORDER BY id::text`,
    );
    for (const days of [-15, -14, -7, -6, 1, 2]) await runDeadlineJob(t.db, at('2099-11-30', days));
    const { rows } = await t.db.query<{ step: string; recipients: string[] }>(
      `SELECT l.step, ARRAY(SELECT x::text FROM unnest(l.recipient_org_ids) x ORDER BY x::text) AS recipients
         FROM reminder_log l JOIN campaign_milestones m ON m.id = l.milestone_id WHERE m.name = '报送2099年度工作总结'
        ORDER BY l.sent_at`,
    );
    expect(rows.map((r) => r.step)).toEqual(['remind:14', 'remind:7', 'overdue']);
    expect(rows[0]?.recipients).toEqual(bureaus.map((b) => b.id));
    expect(rows[2]?.recipients).toEqual(sorted([...bureaus.map((b) => b.id), orgs.city]));
    const { rows: sent } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE kind LIKE 'deadline.%' AND title_zh LIKE '%报送2099年度工作总结%'`,
    );
    expect(sent[0]?.n).toBe(3 * bureaus.length + 1);
  });
});

describe('exactly once', () => {
  it('sends each reminder once when two runs start at the same time', async () => {
    const r = await round('notified', true);
    let second: Db = t.db;
    const testDb = inject('testDb');
    if (testDb.kind === 'postgres') {
      // A second instance: its own pool on the same database.
      const { rows } = await t.db.query<{ name: string }>('SELECT current_database() AS name');
      const url = new URL(testDb.adminUrl);
      url.pathname = `/${rows[0]?.name ?? ''}`;
      second = await openPostgres(url.toString(), 2);
    }
    try {
      const now = at(r.due, -7);
      const results = await Promise.all([runDeadlineJob(t.db, now), runDeadlineJob(second, now), runDeadlineJob(second, now)]);
      expect(results.filter((x) => !x.skipped && x.sent > 0)).toHaveLength(1);
      expect((await logOf(r.id)).map((l) => l.step)).toEqual(['remind:7']);
      expect(await notificationsOf(r.id)).toHaveLength(2);
    } finally {
      if (second !== t.db) await second.close();
    }
  });
});

describe('GET /api/rounds/:id/reminders', () => {
  it('shows who was told what and when, in the round scope', async () => {
    const r = await round('listed');
    await runDeadlineJob(t.db, at(r.due, -7));
    await runDeadlineJob(t.db, at(r.due, 20));
    const res = await city.get(`/api/rounds/${r.id}/reminders`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<ReminderPage>();
    expect(page.total).toBe(3);
    expect(page.items.map((i) => [i.step, i.deadlineKind, i.dueOn, i.proposedStep])).toEqual([
      ['escalated', 'disclose', r.due, 'penalty'],
      ['overdue', 'disclose', r.due, 'penalty'],
      ['remind:7', 'disclose', r.due, null],
    ]);
    expect(page.items[0]?.recipients).toEqual(['重庆市生态环境局']);
    expect(page.items[1]?.recipients).toEqual(['重庆市渝北区生态环境局']);
    const second = (await yubei.get(`/api/rounds/${r.id}/reminders?page=2&pageSize=2`)).json<ReminderPage>();
    expect([second.total, second.items.length]).toEqual([3, 1]);
    expect((await jiangbei.get(`/api/rounds/${r.id}/reminders`)).statusCode).toBe(404);
    expect((await ent1.get(`/api/rounds/${r.id}/reminders`)).statusCode).toBe(404);
    expect((await city.get('/api/rounds/00000000-0000-4000-8000-000000000000/reminders')).statusCode).toBe(404);
  });
});
