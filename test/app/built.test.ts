/**
 * The compiled output runs as the sources do. The build is laid out as the Docker image lays it
 * out (package.json, locales/, node_modules/ and dist/ side by side, no src/), then the built
 * server must start, migrate, serve its pages and assets and speak Vietnamese, and the built CLI
 * must find its locales and the plan reader's worker.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usingPostgres } from '../helpers/db.js';
import { dockerfileFlags } from '../helpers/server-flags.js';
import { freePort } from '../helpers/telegram-app.js';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..', '..');

describe.skipIf(usingPostgres)('the compiled build', () => {
  let image: string;
  let server: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    image = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-built-'));
    fs.copyFileSync(path.join(repo, 'package.json'), path.join(image, 'package.json'));
    fs.cpSync(path.join(repo, 'locales'), path.join(image, 'locales'), { recursive: true });
    fs.symlinkSync(path.join(repo, 'node_modules'), path.join(image, 'node_modules'), 'dir');
    const tsc = path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
    await run(process.execPath, [tsc, '-p', path.join(repo, 'tsconfig.build.json'), '--outDir', path.join(image, 'dist'), '--sourceMap', 'false']);
  }, 240_000);

  afterAll(() => {
    server?.kill('SIGKILL');
    if (image) fs.rmSync(image, { recursive: true, force: true });
  });

  it('starts, migrates the embedded database and serves health, pages and assets', async () => {
    const port = await freePort();
    const dataDir = path.join(image, 'data');
    // Started as the Dockerfile's CMD starts it, node flags included.
    server = spawn(process.execPath, [...dockerfileFlags(), path.join(image, 'dist', 'src', 'main.js')], {
      cwd: image,
      env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO: '0', SCHEDULER: 'off' },
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const end = Date.now() + 90_000;
    while (!output.includes('dondoc đang chạy')) {
      if (Date.now() > end || server.exitCode !== null) throw new Error(`the built server did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const css = await fetch(`http://127.0.0.1:${port}/assets/dashboard.css`);
    expect(css.status).toBe(200);
    expect(await css.text()).toContain('{');
    const chat = await fetch(`http://127.0.0.1:${port}/`);
    expect(await chat.text()).toContain('lang="vi"');
    server.kill('SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));
    expect(server.exitCode).toBe(0);
  }, 120_000);

  it('runs the CLI with its locales and reads a plan through the worker', async () => {
    const plan = path.join(image, 'plan.txt');
    fs.writeFileSync(
      plan,
      'UBND TỈNH A\nSỞ TƯ PHÁP\nSố: 12/KH-STP\n\nKẾ HOẠCH\nTriển khai công tác năm 2026\n\nIII. NHIỆM VỤ\n1. Xây dựng báo cáo tổng kết. Đơn vị chủ trì: Văn phòng Sở. Thời gian: trước 15/12/2026.\n',
    );
    const env = { PATH: process.env.PATH, DATA_DIR: path.join(image, 'cli-data'), LOG_LEVEL: 'silent' };
    const help = await run(process.execPath, [path.join(image, 'dist', 'src', 'cli.js'), 'help'], { cwd: image, env });
    expect(help.stdout).toContain('Cách dùng');
    const dry = await run(process.execPath, [path.join(image, 'dist', 'src', 'cli.js'), 'plan', 'import', plan, '--dry-run', '--json'], { cwd: image, env });
    const parsed = JSON.parse(dry.stdout) as { tasks: { title: string; lead: string[] }[] };
    expect(parsed.tasks).toHaveLength(1);
    expect(parsed.tasks[0]!.lead).toEqual(['Văn phòng Sở']);
  }, 120_000);
});
