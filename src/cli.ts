/**
 * The `dondoc` admin command line. On Postgres it opens the database itself. On the embedded
 * database it either takes the data dir's lock, or, when the server holds it, sends the command
 * through the server's admin bridge so both never open one data dir.
 */
import { acquireDataDirLock, type LockInfo } from './db/lock.js';
import { ConfigError, parseConfig } from './config.js';
import { systemClock } from './domain/time.js';
import { getTranslator, type Translate } from './i18n.js';
import { createLogger, secretsOf } from './logger.js';
import { runCli, runCliOffline } from './cli/index.js';
import type { CliIo } from './cli/types.js';

const io: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
};

async function forward(holder: LockInfo, argv: string[], t: Translate): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${holder.port}/admin/cli`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dondoc-admin-token': holder.token ?? '' },
      body: JSON.stringify({ argv, cwd: process.cwd() }),
    });
    const result = (await res.json()) as { code: number; stdout: string[]; stderr: string[] };
    result.stderr.forEach(io.stderr);
    result.stdout.forEach(io.stdout);
    return result.code;
  } catch {
    io.stderr(t('cli-db-busy-unreachable', { pid: holder.pid }));
    return 1;
  }
}

async function main(argv: string[]): Promise<number> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(error.message);
      return 2;
    }
    throw error;
  }
  const logger = createLogger(process.env.LOG_LEVEL ? config.logLevel : 'warn', { name: 'dondoc-cli', secrets: secretsOf(config) });
  const translator = getTranslator();
  const t = translator.for(config.defaultLocale);
  const offline = await runCliOffline(argv, io, { config, clock: systemClock, translator, logger, t });
  if (offline !== null) return offline;
  let lock;
  if (!config.databaseUrl) {
    const taken = acquireDataDirLock(config.dataDir, 'cli');
    if ('heldBy' in taken) {
      const holder = taken.heldBy;
      if (holder.role === 'server' && holder.port && holder.token) return forward(holder, argv, t);
      io.stderr(t('cli-db-busy', { pid: holder.pid, dir: config.dataDir }));
      return 1;
    }
    lock = taken.lock;
  }
  // Loaded here, not at the top: commands that need no database start without PGlite.
  const { openDatabase } = await import('./db/index.js');
  const { migrateToLatest, schemaIsCurrent } = await import('./db/migrate.js');
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    if (!(await schemaIsCurrent(handle.db))) await migrateToLatest(handle.db);
    return await runCli(argv, io, { db: handle.db, config, clock: systemClock, translator, logger, t });
  } finally {
    await handle.close();
    lock?.release();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
