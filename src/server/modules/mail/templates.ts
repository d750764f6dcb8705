import type { Locale } from '../../../shared/i18n/locales';

/**
 * E-mail templates, one per language, filled in SQL with format() (each %s is replaced once, in
 * order, and never re-scanned, so user text cannot inject placeholders). '{{link}}' stays in the
 * stored body and becomes the absolute address when the message is sent (sender.ts).
 */
export interface MailTemplate {
  /** %s: the notification's title. */
  subject: string;
  /** %s: display name, title, body, link line (empty without a link). */
  body: string;
  linkLine: string;
  /** %s: number of unread notifications. */
  digestSubject: string;
  /** %s: display name, number of unread notifications, their list (one per line). */
  digestBody: string;
}

export const SYSTEM_NAME: Readonly<Record<Locale, string>> = {
  'zh-CN': '清洁生产审核信息系统',
  en: 'Cleaner Production Audit Information System',
};

const SIGNATURE: Readonly<Record<Locale, string>> = {
  'zh-CN': `——\n${SYSTEM_NAME['zh-CN']}\n本邮件由系统自动发送，请勿直接回复。可在系统的“邮件设置”中选择接收哪些邮件。`,
  en: `--\n${SYSTEM_NAME.en} (cpaudit)\nThis message was sent automatically; please do not reply. Choose which e-mails you receive under "E-mail settings".`,
};

export const MAIL_TEMPLATES: Readonly<Record<Locale, MailTemplate>> = {
  'zh-CN': {
    subject: `【${SYSTEM_NAME['zh-CN']}】%s`,
    body: `%s，您好：\n\n%s\n\n%s\n\n%s${SIGNATURE['zh-CN']}\n`,
    linkLine: '查看详情：{{link}}\n\n',
    digestSubject: `【${SYSTEM_NAME['zh-CN']}】您有 %s 条未读通知`,
    digestBody: `%s，您好：\n\n您有 %s 条未读通知：\n\n%s\n\n查看全部通知：{{link}}\n\n${SIGNATURE['zh-CN']}\n`,
  },
  en: {
    subject: `[${SYSTEM_NAME.en}] %s`,
    body: `Dear %s,\n\n%s\n\n%s\n\n%s${SIGNATURE.en}\n`,
    linkLine: 'Open: {{link}}\n\n',
    digestSubject: `[${SYSTEM_NAME.en}] You have %s unread notifications`,
    digestBody: `Dear %s,\n\nYou have %s unread notifications:\n\n%s\n\nSee them all: {{link}}\n\n${SIGNATURE.en}\n`,
  },
};

/** The page the daily digest links to. */
export const DIGEST_LINK = '/notifications';
/** At most this many titles are listed in a digest. */
export const DIGEST_MAX_ITEMS = 20;

/** The message as sent: '{{link}}' replaced by the absolute address of the link. */
export function resolveLinks(body: string, link: string | null, baseUrl: string): string {
  const absolute = link ? new URL(link, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString() : '';
  return body.split('{{link}}').join(absolute);
}
