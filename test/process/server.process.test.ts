import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/server';

/** Real server processes on one embedded data folder: the folder lock, clean shutdown, durability. */
interface Proc {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function launch(dataDir: string, port: number): Proc {
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => log, exit };
}

async function healthy(port: number, proc: Proc): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (proc.child.exitCode !== null) throw new Error(`server exited early:\n${proc.output()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not healthy:\n${proc.output()}`);
}

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cpaudit-proc-'));
});
afterAll(async () => rm(dataDir, { recursive: true, force: true }));

describe('server process on the embedded database', () => {
  it('refuses a second process on the same data folder, shuts down cleanly, and keeps the data', async () => {
    const port = await freePort();
    const first = launch(dataDir, port);
    await healthy(port, first);
    expect(first.output()).toContain('Demo sign-ins');

    // A second process on the same folder stops at once with a clear message.
    const second = launch(dataDir, await freePort());
    expect(await second.exit).toBe(1);
    expect(second.output()).toMatch(/in use by another cpaudit process \(pid \d+\)/);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).ok).toBe(true);

    // A change made before shutdown must survive it.
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Demo@2021' }),
    });
    expect(login.status).toBe(200);

    // SIGTERM: in-flight requests finish, the process exits 0 and releases its lock.
    const inFlight = fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'city', password: 'Demo@2021' }),
    });
    await new Promise((r) => setTimeout(r, 30));
    first.child.kill('SIGTERM');
    const [response, code] = await Promise.all([inFlight, first.exit]);
    expect(response.status).toBe(200);
    expect(code).toBe(0);
    expect(existsSync(path.join(dataDir, 'cpaudit.lock'))).toBe(false);

    // The folder opens again: no demo data is loaded twice, the sign-in recorded before shutdown is there.
    const port2 = await freePort();
    const third = launch(dataDir, port2);
    try {
      await healthy(port2, third);
      const again = await fetch(`http://127.0.0.1:${port2}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'Demo@2021' }),
      });
      expect(again.status).toBe(200);
      const cookie = again.headers.get('set-cookie')?.split(';')[0] ?? '';
      const audit = await fetch(`http://127.0.0.1:${port2}/api/audit-events?action=auth.login&actor=admin`, {
        headers: { cookie },
      });
      const body = (await audit.json()) as { total: number };
      expect(body.total).toBe(2); // the one before the restart and this one
      expect(third.output()).not.toContain('Demo data loaded');
    } finally {
      third.child.kill('SIGTERM');
      expect(await third.exit).toBe(0);
    }
  });
});
