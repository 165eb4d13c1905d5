/**
 * Wires everything once (DESIGN.md §3): config → db → migrations → channels → http. main.ts
 * runs it for production; tests build it with an injected clock, database and fake APIs.
 */
import type { Logger } from 'pino';
import type { TelegramChannel, TelegramOptions } from './channels/telegram/channel.js';
import type { WebChannel } from './channels/web/channel.js';
import { registerWebChat } from './channels/web/routes.js';
import type { ZaloChannel, ZaloOptions } from './channels/zalo/channel.js';
import type { Deps } from './chat/types.js';
import type { Config } from './config.js';
import { registerDashboard } from './dashboard/routes.js';
import { registerOffice } from './dashboard/office/routes.js';
import { openDatabase, type DatabaseHandle } from './db/index.js';
import { acquireDataDirLock, newAdminToken, type HeldLock } from './db/lock.js';
import { migrateToLatest } from './db/migrate.js';
import { createDemoGate, type DemoGate } from './demo/mode.js';
import { systemClock, type Clock } from './domain/time.js';
import { createHttpServer, type HttpServer } from './http/server.js';
import { getTranslator } from './i18n.js';
import { createScheduler, type Scheduler } from './scheduler/index.js';
import { createChannelStarter } from './app/channel-start.js';
import { createChannels } from './app/channels.js';
import { createMetrics, registerMetrics } from './app/metrics.js';
import { registerAdminBridge, registerHealth, type AdminCli } from './app/routes.js';
import { startWebRelay, type WebRelay } from './app/web-relay.js';
import { registerDownloads } from './app/downloads.js';

export { ChannelStartError } from './app/channel-start.js';

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
  adminCli?: AdminCli;
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

export class DataDirBusyError extends Error {
  constructor(
    readonly pid: number,
    dir: string,
  ) {
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
    const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
    const applied = await migrateToLatest(handle.db);
    logger.info({ database: handle.kind, applied }, applied.length ? 'migrations applied' : 'database schema up to date');
    return { handle, ...(lock ? { lock } : {}) };
  } catch (error) {
    lock?.release();
    throw error;
  }
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
  const metrics = config.metrics ? createMetrics(handle, logger) : undefined;
  const deps: Deps = {
    db: handle.db,
    clock,
    translator,
    logger,
    settings: { linkCodeTtlDays: config.linkCodeTtlDays, defaultLocale: config.defaultLocale, publicUrl: config.publicUrl },
    observe: metrics?.observer,
  };
  const http = createHttpServer(logger);
  registerHealth(http, handle, logger);
  if (metrics) registerMetrics(http, metrics, config.metrics);
  const adminToken = newAdminToken();
  if (options.adminCli)
    registerAdminBridge(http, options.adminCli, adminToken, { db: handle.db, config, clock, translator, logger, t: translator.for(config.defaultLocale) });
  const { telegram, zalo, web, senders } = createChannels(config, deps, http, options);
  const secure = config.publicUrl?.startsWith('https://') ?? false;
  const demo = createDemoGate(config, handle.db, clock);
  const scheduler = createScheduler({
    db: handle.db,
    clock,
    logger,
    translator,
    defaultLocale: config.defaultLocale,
    senders,
    observe: metrics?.observer,
    publicUrl: () => deps.settings.publicUrl,
    health: handle.health,
  });
  // A person just picked in the demo hears at once what the scheduler owes them (in office hours).
  const afterPick = config.scheduler ? () => catchUp(scheduler) : undefined;
  registerWebChat(http, { deps, web, demo, secure, afterPick });
  registerDashboard(http, { deps, secure });
  registerOffice(http, { deps, botUsername: () => telegram?.botUsername(), zalo: Boolean(zalo) });
  registerDownloads(http, deps);
  const starter = createChannelStarter(logger);
  let stopped = false;
  let relay: WebRelay | undefined;

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
      relay = await startWebRelay(handle, web, logger);
      app.port = await http.listen(config.port, config.host);
      lock?.update({ port: app.port, token: adminToken });
      // Links sent in chat (/dashboard) point here unless PUBLIC_URL says otherwise.
      deps.settings.publicUrl ??= `http://localhost:${app.port}`;
      if (telegram) await starter.start('telegram', () => telegram.start(), senders.get('telegram'));
      else logger.info('telegram channel off: TELEGRAM_BOT_TOKEN is not set');
      if (zalo) await starter.start('zalo', () => zalo.start(), senders.get('zalo'));
      else logger.info('zalo channel off: ZALO_BOT_TOKEN is not set');
      if (config.scheduler) scheduler.start();
      else logger.info('scheduler off in this process: SCHEDULER=off');
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      starter.stop();
      await scheduler.stop().catch((error: unknown) => logger.error({ err: error }, 'stopping the scheduler failed'));
      await telegram?.stop().catch((error: unknown) => logger.error({ err: error }, 'stopping telegram failed'));
      await zalo?.stop().catch((error: unknown) => logger.error({ err: error }, 'stopping zalo failed'));
      web.close();
      await relay?.stop();
      await http.close();
      if (!options.database) await handle.close();
      lock?.release();
    },
  };
  return app;
}
