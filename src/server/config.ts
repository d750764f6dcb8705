import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/** Unset and empty variables both mean "use the default". */
const blankAsUnset = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  CPAUDIT_DEMO: bool.optional(),
  COOKIE_SECURE: bool.default(false),
  TRUST_PROXY: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().default('dist/web'),
  MAX_UPLOAD_MB: z.coerce.number().min(0.01).max(1024).default(20),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  SMTP_SECURE: bool.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  MAIL_FROM: z.string().default('cpaudit <noreply@localhost>'),
  MAIL_WORKER_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'embedded'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };
  demo: boolean;
  cookieSecure: boolean;
  trustProxy: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  login: { maxFailures: number; lockMinutes: number };
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  webDist: string;
  /** The file store (`<DATA_DIR>/files`). */
  filesDir: string;
  maxUploadBytes: number;
  /** E-mail: SMTP (null: mail stays in the outbox), sender address, worker interval, base of links. */
  mail: {
    smtp: { host: string; port: number; secure: boolean; user?: string; pass?: string } | null;
    from: string;
    intervalSeconds: number;
    publicUrl: string;
  };
  /** Minutes between runs of the deadline engine (reminders, overdue notices, escalations). */
  reminderIntervalMinutes: number;
}

export class ConfigError extends Error {}

/** Read the configuration from the environment; every variable is documented in the README. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(blankAsUnset(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const database: Config['database'] = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
    : { kind: 'embedded', dataDir: path.join(dataDir, 'pgdata') };
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database,
    // Demo data only on the embedded database, unless switched off.
    demo: database.kind === 'embedded' && (e.CPAUDIT_DEMO ?? true),
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    login: { maxFailures: e.LOGIN_MAX_FAILURES, lockMinutes: e.LOGIN_LOCK_MINUTES },
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(e.WEB_DIST),
    filesDir: path.join(dataDir, 'files'),
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    mail: {
      smtp: e.SMTP_HOST
        ? { host: e.SMTP_HOST, port: e.SMTP_PORT ?? (e.SMTP_SECURE ? 465 : 587), secure: e.SMTP_SECURE, user: e.SMTP_USER, pass: e.SMTP_PASS }
        : null,
      from: e.MAIL_FROM,
      intervalSeconds: e.MAIL_WORKER_INTERVAL_SECONDS,
      publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    },
    reminderIntervalMinutes: e.REMINDER_INTERVAL_MINUTES,
  };
}
