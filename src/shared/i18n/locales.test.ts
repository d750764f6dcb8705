import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, interpolate, pickLocale } from './locales';

describe('pickLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    [null, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh-Hant-HK', 'zh-CN'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['fr-FR, en;q=0.5', 'en'],
    ['fr-FR,de', 'zh-CN'],
    ['*', 'zh-CN'],
    ['en;q=0.3, zh;q=0.7', 'zh-CN'],
    ['zh;q=0.2, en;q=0.7', 'en'],
    ['en;q=0, zh-CN;q=0.1', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
    ['en;q=abc, zh', 'zh-CN'],
    [' en ; q=1 , zh ; q=1', 'en'],
    ['zh;q=1, en;q=1', 'zh-CN'],
    [',,;', 'zh-CN'],
  ] as const)('%j → %s', (header, expected) => {
    expect(pickLocale(header)).toBe(expected);
  });

  it('defaults to Chinese', () => {
    expect(DEFAULT_LOCALE).toBe('zh-CN');
  });
});

describe('interpolate', () => {
  it('replaces known placeholders and keeps unknown ones', () => {
    expect(interpolate('{a} and {b} and {a}', { a: 1 })).toBe('1 and {b} and 1');
    expect(interpolate('no placeholders')).toBe('no placeholders');
    expect(interpolate('{n} 分钟', { n: 0 })).toBe('0 分钟');
  });
});
