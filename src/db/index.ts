/**
 * The database: Kysely over a pg Pool when DATABASE_URL is set, over an embedded PGlite in
 * DATA_DIR otherwise. Both drivers are told to return dates as YYYY-MM-DD strings and 64-bit
 * integers (count(*)) as numbers, so the rest of the code never sees a driver difference.
 */
import fs from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { namePreparedStatements } from './prepared.js';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import pino, { type Logger } from 'pino';
import type { Database } from './schema.js';
import { createDbHealth, type DbHealth } from './health.js';
import { PGliteDialect } from './pglite-dialect.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** The embedded instance, when kind is 'pglite' (for dumps in tests and the demo). */
  pglite?: PGlite;
  /**
   * Postgres LISTEN on a connection of its own, reconnecting after a drop (notifications sent
   * while it was down are lost; callers treat them as hints). Absent on the embedded database,
   * which only one process can open.
   */
  listen?(channel: string, onPayload: (payload: string) => void, events?: ListenEvents): Promise<() => Promise<void>>;
  /** The connection pool's use, on Postgres (for /metrics). */
  poolStats?(): { total: number; idle: number; waiting: number };
  /** Outages and recoveries of the connection, each logged once (openDatabase always sets it). */
  health?: DbHealth;
  close(): Promise<void>;
}

const PG_DATE = 1082;
const PG_INT8 = 20;

pg.types.setTypeParser(PG_DATE, (value: string) => value);
pg.types.setTypeParser(PG_INT8, (value: string) => Number(value));

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Directory for PGlite; undefined means in-memory (tests). */
  dataDir?: string | undefined;
  /** A PGlite data-dir dump (tar) to start from, used by tests to skip initdb and migrations. */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
  /** Extra pg options, e.g. `-c search_path=...` for per-test schemas. */
  pgOptions?: string;
  /** Postgres application_name of the pool's sessions (default "dondoc"). */
  applicationName?: string;
  /** Where connection outages are logged (silent when absent). */
  logger?: Logger;
}

/** How long a new connection may take before the query that needed it fails (a hung network). */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * How long an idle connection stays open. pg's default (10 s) closes the pool between two quiet
 * moments, so the next burst of answers first waits for new connections (hundreds of ms when ten
 * open at once); a chat bot's traffic comes in bursts, so the pool stays warm for five minutes.
 */
export const POOL_IDLE_MS = 300_000;

/**
 * Session defaults for dondoc's Postgres connections. No parallel workers: dondoc's queries are
 * short index walks, and launching workers costs more than they save — measured in bench/ at
 * national scale, /overdue for a province leader took 70–96 ms with them and 19–32 ms without
 * (the national root 600–1000 ms and 410–460 ms). An `options` parameter in DATABASE_URL
 * replaces these.
 */
export const PG_SESSION_OPTIONS = '-c max_parallel_workers_per_gather=0';

/** One round trip to the database (the health check); fails after `timeoutMs` rather than hang. */
export async function ping(db: Db, timeoutMs = 1_500): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`the database did not answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs);
  });
  try {
    await Promise.race([sql`select 1`.execute(db), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const LISTEN_RETRY_MS = 1000;

export interface ListenEvents {
  /** The connection failed or dropped; it is being retried. */
  onError?(error: unknown): void;
  /** Listening again after a drop. */
  onBack?(): void;
}

/** A dedicated client that LISTENs on `channel` and comes back after a dropped connection. */
async function listenOn(
  config: pg.ClientConfig,
  channel: string,
  onPayload: (payload: string) => void,
  events: ListenEvents = {},
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client(config);
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    next.on('error', (error) => {
      events.onError?.(error);
      again(next);
    });
    next.on('end', () => again(next));
    try {
      await next.connect();
      await next.query(`listen ${channel}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (stopped) await next.end().catch(() => undefined);
    else client = next;
  };
  const again = (dead: pg.Client) => {
    if (stopped || client !== dead) return;
    client = undefined;
    dead.end().catch(() => undefined);
    retry = setTimeout(function attempt() {
      if (stopped) return;
      connect().then(
        () => events.onBack?.(),
        (error: unknown) => {
          events.onError?.(error);
          retry = setTimeout(attempt, LISTEN_RETRY_MS);
        },
      );
    }, LISTEN_RETRY_MS);
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  const health = createDbHealth(opts.logger ?? pino({ level: 'silent' }));
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      options: [PG_SESSION_OPTIONS, opts.pgOptions].filter(Boolean).join(' '),
      application_name: opts.applicationName ?? 'dondoc',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: POOL_IDLE_MS,
    });
    // Without these a connection the server drops (restart, failover, pg_terminate_backend) is
    // an unhandled 'error' event that kills the process. The pool removes the broken client;
    // the query or job that used it fails and is retried.
    pool.on('error', (error) => health.down(error));
    pool.on('connect', (client) => {
      client.on('error', (error) => health.down(error));
      namePreparedStatements(client);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    const options = [PG_SESSION_OPTIONS, opts.pgOptions].filter(Boolean).join(' ');
    const listen = (channel: string, onPayload: (payload: string) => void, events?: ListenEvents) =>
      listenOn({ connectionString: opts.databaseUrl!, options }, channel, onPayload, events);
    return { db, kind: 'postgres', poolStats, listen, health, close: () => db.destroy() };
  }
  if (opts.dataDir) fs.mkdirSync(opts.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    parsers: {
      [pgliteTypes.DATE]: (value: string) => value,
      [pgliteTypes.INT8]: (value: string) => Number(value),
    },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', pglite, health, close: () => db.destroy() };
}
