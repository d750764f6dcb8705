import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataLock, DataDirLockedError } from './dataLock';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cpaudit-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('data folder lock', () => {
  it('writes its pid and removes the lock on release', () => {
    const dir = tempDir();
    const release = acquireDataLock(dir);
    expect(readFileSync(path.join(dir, 'cpaudit.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(dir, 'cpaudit.lock'))).toBe(false);
  });

  it('refuses a folder held by another live process, naming it', async () => {
    const dir = tempDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      writeFileSync(path.join(dir, 'cpaudit.lock'), String(other.pid));
      expect(() => acquireDataLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDataLock(dir)).toThrow(/in use by another cpaudit process \(pid \d+\)/);
    } finally {
      other.kill();
      await new Promise((resolve) => other.once('exit', resolve));
    }
  });

  it('takes over the lock of a process that is gone', async () => {
    const dir = tempDir();
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(path.join(dir, 'cpaudit.lock'), String(gone.pid));
    const release = acquireDataLock(dir);
    expect(readFileSync(path.join(dir, 'cpaudit.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
