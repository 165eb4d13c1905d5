import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createApp, DataDirBusyError, type App } from '../../src/app.js';
import { runCli } from '../../src/cli/index.js';
import { parseConfig } from '../../src/config.js';
import { acquireDataDirLock, LOCK_FILE } from '../../src/db/lock.js';
import { usingPostgres } from '../helpers/db.js';
import { freePort } from '../helpers/telegram-app.js';

const run = promisify(execFile);
const cliEntry = path.resolve(import.meta.dirname, '..', '..', 'src', 'cli.ts');
const tsx = path.resolve(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');

describe('the data dir lock', () => {
  it('refuses a second holder while the first is alive, and takes over a dead one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-lock-'));
    const first = acquireDataDirLock(dir, 'server');
    expect('lock' in first).toBe(true);
    const second = acquireDataDirLock(dir, 'cli');
    expect(second).toMatchObject({ heldBy: { pid: process.pid, role: 'server' } });
    if ('lock' in first) first.lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 7, role: 'server', port: 1, token: 'x', startedAt: '' }));
    const third = acquireDataDirLock(dir, 'cli');
    expect('lock' in third).toBe(true);
    if ('lock' in third) third.lock.release();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe.skipIf(usingPostgres)('the CLI while the server holds the embedded database', () => {
  let app: App;
  let dir: string;
  const env = () => ({ ...process.env, DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-bridge-'));
    const config = parseConfig({ DATA_DIR: dir, PORT: String(await freePort()), HOST: '127.0.0.1' });
    app = await createApp({ config, logger: pino({ level: 'silent' }), adminCli: runCli });
    await app.start();
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a second server on the same data dir stops with a clear message', async () => {
    const config = parseConfig({ DATA_DIR: dir, PORT: '0' });
    await expect(createApp({ config, logger: pino({ level: 'silent' }) })).rejects.toBeInstanceOf(DataDirBusyError);
  });

  it('runs the command through the running server, which sees the result at once', async () => {
    fs.writeFileSync(path.join(dir, 'people.csv'), 'name,unit,role,phone\nNguyễn Văn An,Sở Tư pháp / Văn phòng Sở,staff,0912000001\n');
    const imported = await run(tsx, [cliEntry, 'staff', 'import', 'people.csv'], { cwd: dir, env: env() });
    expect(imported.stdout).toContain('1 cán bộ mới');
    const staff = await app.deps.db.selectFrom('staff').select('name').execute();
    expect(staff).toEqual([{ name: 'Nguyễn Văn An' }]);
    const code = await run(tsx, [cliEntry, 'staff', 'link-code', '0912000001'], { cwd: dir, env: env() });
    expect(code.stdout.trim().split('\n').at(-1)).toMatch(/^[A-Z2-9]{8}$/);
  }, 60_000);

  it('passes usage errors and exit codes through', async () => {
    await expect(run(tsx, [cliEntry, 'staff', 'link-code', '0999999999'], { cwd: dir, env: env() })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('0999999999'),
    });
  }, 60_000);
});
