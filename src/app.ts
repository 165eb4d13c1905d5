/**
 * Wires everything once (DESIGN.md §3): config → db → migrations → channels → http. main.ts
 * runs it for production; tests build it with an injected clock, database and fake APIs.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { Deps } from './chat/types.js';
import type { Config } from './config.js';
import { openDatabase, ping, type DatabaseHandle } from './db/index.js';
import { acquireDataDirLock, newAdminToken, type HeldLock } from './db/lock.js';
import { migrateToLatest } from './db/migrate.js';
import { systemClock, type Clock } from './domain/time.js';
import { getTranslator } from './i18n.js';
import { createHttpServer, readBody, sendJson, type HttpServer } from './http/server.js';
import { createTelegramChannel, type TelegramChannel, type TelegramOptions } from './channels/telegram/channel.js';
import { createZaloChannel, type ZaloChannel, type ZaloOptions } from './channels/zalo/channel.js';
import { createWebChannel, type WebChannel } from './channels/web/channel.js';
import { registerWebChat } from './channels/web/routes.js';
import { registerDashboard } from './dashboard/routes.js';
import { createDemoGate, demoWanted, type DemoGate } from './demo/mode.js';
import type { CliEnv, CliIo } from './cli/types.js';
import { createScheduler, type Scheduler } from './scheduler/index.js';
import { createSenders } from './channels/senders.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { classifyError } from './channels/retry.js';

export interface AppOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** An already open (and migrated) database; when absent the app opens the configured one. */
  database?: DatabaseHandle;
  telegram?: Partial<TelegramOptions>;
  zalo?: Partial<ZaloOptions>;
  /**
   * Runs one admin command (cli/index.ts runCli, passed in by main.ts). With it, the server serves
   * the admin bridge that `dondoc` uses while this process holds the embedded database.
   */
  adminCli?: (argv: string[], io: CliIo, env: CliEnv) => Promise<number>;
}

export interface App {
  deps: Deps;
  http: HttpServer;
  telegram?: TelegramChannel;
  zalo?: ZaloChannel;
  /** The web chat (dondoc's own page), always on; in demo mode it also receives nudges. */
  web: WebChannel;
  /** Whether the web chat offers the demo person picker (demo/mode.ts). */
  demo: DemoGate;
  /** Nudges, digests and outbox delivery; its cron jobs run when config.scheduler is on. */
  scheduler: Scheduler;
  /** The port the HTTP server listens on, after start(). */
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A channel the platform refuses for good (wrong token, unknown bot): start-up stops. */
export class ChannelStartError extends Error {
  constructor(readonly channel: 'telegram' | 'zalo', readonly detail: string, cause: unknown) {
    super(`the ${channel} channel could not start: ${detail}`, { cause });
    this.name = 'ChannelStartError';
  }
}

export class DataDirBusyError extends Error {
  constructor(readonly pid: number, dir: string) {
    super(`the embedded database in ${dir} is already in use by process ${pid}; stop it first (or set DATABASE_URL)`);
    this.name = 'DataDirBusyError';
  }
}

async function openConfigured(config: Config, logger: Logger): Promise<{ handle: DatabaseHandle; lock?: HeldLock }> {
  let lock: HeldLock | undefined;
  if (!config.databaseUrl) {
    const taken = acquireDataDirLock(config.dataDir, 'server');
    if ('heldBy' in taken) throw new DataDirBusyError(taken.heldBy.pid, config.dataDir);
    lock = taken.lock;
  }
  try {
    const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    const applied = await migrateToLatest(handle.db);
    logger.info({ database: handle.kind, applied }, applied.length ? 'migrations applied' : 'database schema up to date');
    return { handle, ...(lock ? { lock } : {}) };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function catchUp(scheduler: Scheduler): Promise<void> {
  await scheduler.planNudges();
  await scheduler.planDigest();
  await scheduler.deliver();
}

export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const translator = getTranslator();
  const opened = options.database ? { handle: options.database } : await openConfigured(config, logger);
  const { handle } = opened;
  const lock = 'lock' in opened ? opened.lock : undefined;
  const deps: Deps = {
    db: handle.db,
    clock,
    translator,
    logger,
    settings: { linkCodeTtlDays: config.linkCodeTtlDays, defaultLocale: config.defaultLocale, publicUrl: config.publicUrl },
  };
  const http = createHttpServer(logger);

  http.route('GET', '/healthz', async (_req, res) => {
    try {
      await ping(handle.db);
      sendJson(res, 200, { ok: true, database: handle.kind });
    } catch (error) {
      logger.error({ err: error }, 'health check failed');
      sendJson(res, 503, { ok: false, database: handle.kind });
    }
  });

  const adminToken = newAdminToken();
  const adminCli = options.adminCli;
  if (adminCli) http.route('POST', '/admin/cli', async (req, res) => {
    const remote = req.socket.remoteAddress ?? '';
    const token = String(req.headers['x-dondoc-admin-token'] ?? '');
    if (!['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(remote) || !safeEqual(token, adminToken)) {
      sendJson(res, 403, { ok: false });
      return;
    }
    const { argv, cwd } = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8')) as { argv: string[]; cwd: string };
    const out = { stdout: [] as string[], stderr: [] as string[] };
    const code = await adminCli(
      argv,
      { stdout: (l) => out.stdout.push(l), stderr: (l) => out.stderr.push(l), cwd },
      { db: handle.db, config, clock, translator, logger, t: translator.for(config.defaultLocale) },
    );
    sendJson(res, 200, { code, ...out });
  });

  let telegram: TelegramChannel | undefined;
  if (config.telegram) {
    telegram = createTelegramChannel({ ...config.telegram, ...options.telegram }, deps);
    if (telegram.webhookHandler && telegram.webhookPath) http.route('POST', telegram.webhookPath, telegram.webhookHandler);
  }

  let zalo: ZaloChannel | undefined;
  if (config.zalo) {
    zalo = createZaloChannel({ ...config.zalo, ...options.zalo }, deps);
    if (zalo.webhookHandler && zalo.webhookPath) http.route('POST', zalo.webhookPath, zalo.webhookHandler);
  }

  const secure = config.publicUrl?.startsWith('https://') ?? false;
  const demo = createDemoGate(config, handle.db);
  const web = createWebChannel(deps);
  const senders = createSenders(config, deps, { zaloClient: zalo?.client });
  // The web chat is only pushed to in a demo, where it is the one channel; in a real deployment
  // nudges go to Telegram and Zalo (a page that is closed would swallow them).
  if (demoWanted(config)) senders.set('web', web.sender);
  const scheduler = createScheduler({ db: handle.db, clock, logger, translator, defaultLocale: config.defaultLocale, senders });
  // A person just picked in the demo hears at once what the scheduler owes them (in office hours).
  const afterPick = config.scheduler ? () => catchUp(scheduler) : undefined;
  registerWebChat(http, { deps, web, demo, secure, afterPick });
  registerDashboard(http, { deps, secure });

  let stopped = false;
  const retries = new AbortController();

  /**
   * Starts a channel. A permanent refusal (401 wrong token, 404 unknown bot) stops start-up with
   * ChannelStartError; a transient failure (network, timeout, 5xx, 429) is logged and retried in
   * the background with backoff (up to a minute apart), while the web side, the other channel and
   * the scheduler run: the outbox keeps every message until the platform can be reached.
   */
  async function startChannel(name: 'telegram' | 'zalo', start: () => Promise<void>): Promise<void> {
    const attempt = async (n: number): Promise<number | null> => {
      try {
        await start();
        if (n > 1) logger.info({ channel: name, attempt: n }, `${name} channel started after ${n} attempts`);
        return null;
      } catch (error) {
        const decision = classifyError(error, { attempt: n });
        // The channel's outbox Sender reads platform errors the same way ("401 Unauthorized", never the token).
        if (!decision.retry) throw new ChannelStartError(name, senders.get(name)?.describe(error) ?? String(error), error);
        logger.warn({ err: error, channel: name, attempt: n, retryInMs: decision.afterMs }, `${name} channel could not start; retrying`);
        return decision.afterMs ?? 1000;
      }
    };
    const wait = await attempt(1);
    if (wait === null) return;
    void (async () => {
      let delay = wait;
      for (let n = 2; !stopped; n++) {
        try {
          await sleep(delay, undefined, { signal: retries.signal });
          const next = await attempt(n);
          if (next === null) return;
          delay = next;
        } catch (error) {
          if (!stopped) logger.error({ err: error, channel: name }, `${name} channel gave up starting`);
          return;
        }
      }
    })();
  }

  const app: App = {
    deps,
    http,
    ...(telegram ? { telegram } : {}),
    ...(zalo ? { zalo } : {}),
    web,
    demo,
    scheduler,
    port: 0,
    async start() {
      app.port = await http.listen(config.port, config.host);
      lock?.update({ port: app.port, token: adminToken });
      // Links sent in chat (/dashboard) point here unless PUBLIC_URL says otherwise.
      deps.settings.publicUrl ??= `http://localhost:${app.port}`;
      if (telegram) await startChannel('telegram', () => telegram.start());
      else logger.info('telegram channel off: TELEGRAM_BOT_TOKEN is not set');
      if (zalo) await startChannel('zalo', () => zalo.start());
      else logger.info('zalo channel off: ZALO_BOT_TOKEN is not set');
      if (config.scheduler) scheduler.start();
      else logger.info('scheduler off in this process: SCHEDULER=off');
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      retries.abort();
      await scheduler.stop().catch((error: unknown) => logger.error({ err: error }, 'stopping the scheduler failed'));
      await telegram?.stop().catch((error: unknown) => logger.error({ err: error }, 'stopping telegram failed'));
      await zalo?.stop().catch((error: unknown) => logger.error({ err: error }, 'stopping zalo failed'));
      web.close();
      await http.close();
      if (!options.database) await handle.close();
      lock?.release();
    },
  };
  return app;
}
