import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { pendingDeadlineKinds } from '../../../shared/domain/calendar';
import { buildIcs, escapeText, foldLine } from './ics';

describe('iCalendar writer', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'清洁生产审核'.repeat(20)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    for (const part of folded.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('writes all-day events a parser reads back', () => {
    const text = buildIcs({
      name: '日程',
      language: 'zh-CN',
      now: new Date('2026-01-02T03:04:05.678Z'),
      events: [
        { uid: 'round-1-disclose@cpaudit', date: '2021-12-31', summary: '某公司：信息公开期限', description: '2021年度审核，渝北区；状态,已公布\n第二行', url: 'http://x/rounds/1' },
      ],
    });
    expect(text.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    const vevent = new ICAL.Component(ICAL.parse(text) as unknown[]).getFirstSubcomponent('vevent');
    const start = vevent?.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>;
    const end = vevent?.getFirstPropertyValue('dtend') as InstanceType<typeof ICAL.Time>;
    expect([start.isDate, start.toString(), end.toString()]).toEqual([true, '2021-12-31', '2022-01-01']);
    expect(vevent?.getFirstPropertyValue('description')).toBe('2021年度审核，渝北区；状态,已公布\n第二行');
    expect(vevent?.getFirstPropertyValue('summary')).toBe('某公司：信息公开期限');
    expect(vevent?.getFirstPropertyValue('uid')).toBe('round-1-disclose@cpaudit');
    expect(text).toContain('DTSTAMP:20260102T030405Z\r\n');
  });
});

describe('pendingDeadlineKinds', () => {
  it('keeps the current deadline and the later ones, and none once finished', () => {
    expect(pendingDeadlineKinds('listed')).toEqual(['disclose', 'start', 'report', 'acceptance']);
    expect(pendingDeadlineKinds('disclosed')).toEqual(['start', 'report', 'acceptance']);
    expect(pendingDeadlineKinds('evaluation_review')).toEqual(['acceptance']);
    expect(pendingDeadlineKinds('evaluated')).toEqual(['acceptance']);
    expect(pendingDeadlineKinds('accepted')).toEqual([]);
    expect(pendingDeadlineKinds('withdrawn')).toEqual([]);
  });
});
