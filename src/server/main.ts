import { buildApp } from './app';
import { openAndPrepare } from './bootstrap';
import { ConfigError, loadConfig } from './config';
import { DataDirLockedError } from './platform/dataLock';
import { createSmtpTransport, startMailWorker } from './modules/mail/sender';
import { purgeExpiredSessions } from './platform/auth/sessions';
import { startDeadlineScheduler } from './modules/reminders/scheduler';
import { DEMO_PASSWORD } from './seed/demo/demoData';
import { demoUsers } from './seed/demo/demoUsers';
import { VERSION } from './version';

async function main(): Promise<void> {
  const config = loadConfig();
  const { db, release, demoUsers: created } = await openAndPrepare(config, { seedDemo: config.demo });
  const app = await buildApp({
    db,
    session: config.session,
    login: config.login,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    webDist: config.webDist,
    version: VERSION,
    logger: { level: config.logLevel },
    filesDir: config.filesDir,
    maxUploadBytes: config.maxUploadBytes,
  });

  // Housekeeping every hour: expired sessions and old sign-in failure records (harmless on several instances).
  const housekeeping = setInterval(() => {
    purgeExpiredSessions(db).catch((error: unknown) => app.log.warn({ err: error }, 'session housekeeping failed'));
  }, 3_600_000);
  housekeeping.unref();

  // E-mail: the outbox worker sends due messages and daily digests; without SMTP mail stays pending.
  const mail = config.mail;
  const mailWorker = startMailWorker({
    db,
    sender: mail.smtp ? { transport: createSmtpTransport(mail.smtp), from: mail.from, baseUrl: mail.publicUrl } : null,
    intervalSeconds: mail.intervalSeconds,
    log: app.log,
  });

  // Deadline engine: reminders, overdue notices and escalations (one run at a time per database).
  const deadlines = startDeadlineScheduler({ db, intervalMinutes: config.reminderIntervalMinutes, log: app.log });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    clearInterval(housekeeping);
    try {
      await mailWorker.stop();
      await deadlines.stop();
      await app.close(); // stops accepting, waits for in-flight requests
      await db.close();
    } finally {
      release();
    }
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `cpaudit ${VERSION} — 清洁生产审核信息系统`,
    `  Web app:  ${url}`,
    `  API docs: ${url}/api/docs`,
    `  Database: ${config.database.kind === 'embedded' ? `embedded (PGlite) in ${config.database.dataDir}` : 'PostgreSQL'}`,
  ];
  if (config.demo) {
    lines.push(
      created.length ? '  Demo data loaded. Demo sign-ins (password ' + DEMO_PASSWORD + '):' : '  Demo sign-ins (password ' + DEMO_PASSWORD + '):',
      ...demoUsers.map((u) => `    ${u.username.padEnd(10)} ${u.displayName} (${u.role})`),
    );
  } else {
    const { rows } = await db.query('SELECT 1 FROM users LIMIT 1');
    if (!rows.length) lines.push('  No users yet: create the first administrator with  npm run cli -- create-admin');
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError || error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('cpaudit failed to start:', error);
  }
  process.exit(1);
});
