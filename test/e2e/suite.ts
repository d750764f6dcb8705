import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { launchBrowser, newContext } from './support';

export interface E2E {
  /** The running server (demo data, its own data folder). */
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A new browser context on the server (1366×768, zh-CN). */
  context(): Promise<BrowserContext>;
}

/**
 * A server with the demo data and a browser for the tests of one file: started before them, stopped after.
 * Call it at the top of the file's `describe`.
 */
export function useServerAndBrowser(): E2E {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet (use it inside tests or hooks)`);
    return value;
  };
  return {
    get server() {
      return need(server, 'the server');
    },
    get browser() {
      return need(browser, 'the browser');
    },
    context: () => newContext(need(browser, 'the browser'), need(server, 'the server').url),
  };
}
