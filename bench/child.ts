import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { BENCH_PASSWORD } from './datasetSql';
import type { LoadResult } from './report';
import type { ServerReply, ServerRequest } from './server';

/** Where the server process keeps its data: a PostgreSQL database or a PGlite folder. */
export type Target = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string };

export interface ServerProcess {
  appPort: number;
  barePort: number;
  request<K extends ServerReply['kind']>(message: ServerRequest, kind: K): Promise<Extract<ServerReply, { kind: K }>>;
  stop(): Promise<void>;
}

/** Start bench/server.ts in its own process (tsx), with an IPC channel. */
export async function startServer(target: Target): Promise<ServerProcess> {
  const script = fileURLToPath(new URL('./server.ts', import.meta.url));
  const args = target.kind === 'postgres' ? ['--postgres', target.url] : ['--pglite', target.dir];
  const child: ChildProcess = fork(script, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <K extends ServerReply['kind']>(kind: K) =>
    new Promise<Extract<ServerReply, { kind: K }>>((resolve, reject) => {
      const onMessage = (reply: ServerReply) => {
        child.off('exit', onExit);
        child.off('message', onMessage);
        if (reply.kind === kind) resolve(reply as Extract<ServerReply, { kind: K }>);
        else reject(new Error(reply.kind === 'error' ? reply.message : `unexpected reply ${reply.kind}`));
      };
      const onExit = (code: number | null) => {
        child.off('message', onMessage);
        reject(new Error(`bench server exited (${code})`));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next('ready');
  return {
    appPort: ready.appPort,
    barePort: ready.barePort,
    request(message, kind) {
      const reply = next(kind);
      child.send(message);
      return reply;
    },
    async stop() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ cmd: 'stop' } satisfies ServerRequest);
      await exited;
    },
  };
}

/** Sign in through the real login route; returns the Cookie header value. */
export async function signIn(port: number, username: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('cpaudit_sid='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] ?? '';
}

/** An autocannon run over `paths` (each connection cycles through them); fails on any non-2xx answer. */
export async function cannon(
  label: string,
  port: number,
  paths: readonly string[],
  options: { connections: number; duration: number; cookie?: string },
): Promise<LoadResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: options.connections,
    duration: options.duration,
    headers: options.cookie ? { cookie: options.cookie } : {},
    requests: paths.map((p) => ({ method: 'GET' as const, path: p })),
    // Generous: on a loaded machine a slow answer is a figure to report, not a failure.
    timeout: 60,
  });
  // A wrong answer is a failure of the run; time-outs and socket errors are counted and printed.
  if (result.non2xx > 0) throw new Error(`${label}: ${result.non2xx} answers were not 2xx`);
  return {
    label,
    connections: options.connections,
    durationSeconds: options.duration,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.total / result.duration,
  };
}
