import { describe, expect, it } from 'vitest';
import { backoffSeconds, MAX_ATTEMPTS } from './sender';
import { MAIL_TEMPLATES, resolveLinks } from './templates';

describe('backoff', () => {
  it('doubles from one minute and stops growing at six hours', () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([60, 120, 240, 480]);
    expect(backoffSeconds(20)).toBe(6 * 3600);
    expect(backoffSeconds(MAX_ATTEMPTS)).toBeLessThanOrEqual(6 * 3600);
  });
});

describe('links in mail', () => {
  it('makes the stored link absolute against the public address', () => {
    expect(resolveLinks('Open: {{link}}\n', '/rounds/1', 'https://cpaudit.example.gov.cn')).toBe('Open: https://cpaudit.example.gov.cn/rounds/1\n');
    expect(resolveLinks('a {{link}} b {{link}}', '/x', 'http://h:3000/')).toBe('a http://h:3000/x b http://h:3000/x');
    expect(resolveLinks('no link', null, 'http://h')).toBe('no link');
  });

  it('has the same placeholders in both languages', () => {
    const count = (s: string) => s.split('%s').length - 1;
    for (const key of ['subject', 'body', 'digestSubject', 'digestBody'] as const) {
      expect(count(MAIL_TEMPLATES.en[key])).toBe(count(MAIL_TEMPLATES['zh-CN'][key]));
    }
    expect(MAIL_TEMPLATES.en.body).not.toMatch(/%[^s%]/);
    expect(MAIL_TEMPLATES['zh-CN'].body).not.toMatch(/%[^s%]/);
  });
});
