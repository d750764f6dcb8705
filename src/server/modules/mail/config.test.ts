import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config';

describe('mail configuration', () => {
  it('keeps mail in the outbox without SMTP_HOST', () => {
    const mail = loadConfig({ PORT: '3100' }).mail;
    expect(mail).toEqual({ smtp: null, from: 'cpaudit <noreply@localhost>', intervalSeconds: 30, publicUrl: 'http://localhost:3100' });
  });

  it('reads the SMTP settings, with the port following TLS', () => {
    const mail = loadConfig({
      SMTP_HOST: 'smtp.example.gov.cn',
      SMTP_SECURE: '1',
      SMTP_USER: 'cpaudit',
      SMTP_PASS: 'secret',
      MAIL_FROM: '清洁生产审核 <cp@example.gov.cn>',
      MAIL_WORKER_INTERVAL_SECONDS: '10',
      PUBLIC_URL: 'https://cp.example.gov.cn',
    }).mail;
    expect(mail).toEqual({
      smtp: { host: 'smtp.example.gov.cn', port: 465, secure: true, user: 'cpaudit', pass: 'secret' },
      from: '清洁生产审核 <cp@example.gov.cn>',
      intervalSeconds: 10,
      publicUrl: 'https://cp.example.gov.cn',
    });
    expect(loadConfig({ SMTP_HOST: 'mail', SMTP_PORT: '2525' }).mail.smtp).toMatchObject({ port: 2525, secure: false });
  });

  it('names a wrong value', () => {
    expect(() => loadConfig({ SMTP_PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_SECURE: 'maybe' })).toThrow(/SMTP_SECURE/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL/);
  });
});
