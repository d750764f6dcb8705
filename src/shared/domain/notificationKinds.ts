import type { Locale } from '../i18n/locales';

/**
 * Kinds of in-app notifications. The kind is a code stored with every notification so that later
 * channels (e-mail, an inbox with preferences) can route on it; the texts are stored with the row.
 */
export const NOTIFICATION_KINDS = ['list.published', 'result.published'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS = {
  'list.published': { 'zh-CN': '纳入审核名单', en: 'Listed for audit' },
  'result.published': { 'zh-CN': '验收结果公布', en: 'Acceptance result published' },
} as const satisfies Record<NotificationKind, Readonly<Record<Locale, string>>>;
