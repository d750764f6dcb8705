import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { usernameSchema } from '../shared/contracts/users';
import { openAndPrepare } from '../server/bootstrap';
import { ConfigError, loadConfig } from '../server/config';
import type { Db } from '../server/db/types';
import { recordAudit, verifyAuditChain } from '../server/platform/audit';
import { SYSTEM_ACTOR } from '../server/platform/context';
import { DataDirLockedError } from '../server/platform/dataLock';
import { assertStrongPassword, hashPassword } from '../server/platform/auth/passwords';
import { purgeExpiredSessions } from '../server/platform/auth/sessions';
import { AppError } from '../server/platform/errors';
import { hasUsers, seedDemo } from '../server/seed/demo/load';
import { checkRecordFile, checkStoredDraw, isRecordFile } from './verifyDraw';
import { backfillSignatures } from '../server/modules/similarity/signatures';

const HELP = `cpaudit command line — run as: npm run cli -- <command> [options]

Commands
  migrate                 apply pending migrations and refresh reference data
  create-admin            create a city administrator
      --username NAME     (default: admin)
      --name "显示名"      display name (default: 系统管理员)
      --password PW       or set CPAUDIT_ADMIN_PASSWORD, or type it when asked
  seed-demo               load the demo data set into an empty database
  verify-audit            verify the audit trail's hash chain; exit 1 and name the first broken link
  purge-sessions          delete expired sessions
  backfill-similarity     (re)compute the MinHash signatures of every option and report summary
  verify-draw <id|file>   recompute a panel draw (by id, or from its JSON record file); exit 1 when it does not match
  help                    this text

The database is the one the server uses: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded).
On the embedded database, stop the server first: only one process may open its folder.`;

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('no --password given and no terminal to ask on (set CPAUDIT_ADMIN_PASSWORD)');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Password for the new administrator (8+ characters, letters and digits): ');
  } finally {
    rl.close();
  }
}

async function createAdmin(db: Db, args: { username: string; name: string; password?: string | undefined }) {
  const username = usernameSchema.safeParse(args.username);
  if (!username.success) throw new Error(`invalid username "${args.username}": 3–64 letters, digits, . _ -`);
  const password = args.password ?? process.env.CPAUDIT_ADMIN_PASSWORD ?? (await askPassword());
  try {
    assertStrongPassword(password);
  } catch (error) {
    if (error instanceof AppError) {
      throw new Error('the password needs 8+ characters with letters and digits', { cause: error });
    }
    throw error;
  }
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const taken = await tx.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username.data]);
    if (taken.rows.length) throw new Error(`the username ${username.data} is already taken`);
    const org = await tx.query<{ id: string }>(`SELECT id FROM organizations WHERE kind = 'city_bureau' ORDER BY created_at LIMIT 1`);
    const orgId = org.rows[0]?.id;
    if (!orgId) throw new Error('no city bureau organisation: run `migrate` first');
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO users (username, display_name, role, org_id, password_hash) VALUES ($1, $2, 'city_admin', $3, $4) RETURNING id`,
      [username.data, args.name, orgId, passwordHash],
    );
    const id = rows[0]?.id ?? null;
    await recordAudit(tx, SYSTEM_ACTOR, { ip: null, requestId: null }, {
      action: 'user.created',
      entityId: id,
      after: { username: username.data, displayName: args.name, role: 'city_admin' },
    });
    return username.data;
  });
}

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      username: { type: 'string', default: 'admin' },
      name: { type: 'string', default: '系统管理员' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0] ?? 'help';
  if (command === 'help' || values.help) {
    console.log(HELP);
    return 0;
  }
  if (command === 'verify-draw' && positionals[1] && isRecordFile(positionals[1])) {
    const result = checkRecordFile(positionals[1]);
    for (const line of result.lines) (result.ok ? console.log : console.error)(line);
    return result.ok ? 0 : 1;
  }
  if (!['migrate', 'create-admin', 'seed-demo', 'verify-audit', 'purge-sessions', 'verify-draw', 'backfill-similarity'].includes(command)) {
    console.error(`unknown command: ${command}\n\n${HELP}`);
    return 2;
  }
  const config = loadConfig();
  const { db, release } = await openAndPrepare(config, { seedDemo: false });
  try {
    switch (command) {
      case 'migrate':
        console.log('database is up to date');
        return 0;
      case 'create-admin': {
        const name = await createAdmin(db, { username: values.username, name: values.name, password: values.password });
        console.log(`created city administrator ${name}; sign in at the web app`);
        return 0;
      }
      case 'seed-demo': {
        if (await hasUsers(db)) {
          console.error('the database already has users: demo data goes only into an empty database');
          return 1;
        }
        const users = await seedDemo(db);
        console.log(`demo data loaded; sign-ins: ${users.join(', ')}`);
        return 0;
      }
      case 'verify-audit': {
        const result = await verifyAuditChain(db);
        if (result.ok) {
          console.log(`audit trail intact: ${result.checked} events verified`);
          return 0;
        }
        const broken = result.firstBroken;
        console.error(
          `audit trail BROKEN at event ${broken?.id ?? '?'} (${broken?.reason === 'link' ? 'its link to the previous event does not match: an event before it was removed or altered' : 'its content does not match its hash: it was altered'}); ${result.checked} events before it verified`,
        );
        return 1;
      }
      case 'verify-draw': {
        const result = await checkStoredDraw(db, positionals[1] ?? '');
        for (const line of result.lines) (result.ok ? console.log : console.error)(line);
        return result.ok ? 0 : 1;
      }
      case 'backfill-similarity': {
        const counts = await backfillSignatures(db);
        console.log(`signatures computed: ${counts.option} option texts, ${counts.report_summary} report summaries`);
        return 0;
      }
      case 'purge-sessions':
        console.log(`deleted ${await purgeExpiredSessions(db)} expired sessions`);
        return 0;
      default:
        return 2;
    }
  } finally {
    await db.close();
    release();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DataDirLockedError || error instanceof ConfigError) console.error(error.message);
    else console.error(error instanceof Error ? `error: ${error.message}` : error);
    process.exit(1);
  },
);
