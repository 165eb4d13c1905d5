/**
 * /metrics in Prometheus text (prom-client), off unless METRICS=1 (this machine only) or
 * METRICS_TOKEN (anyone who sends it as a Bearer token). Counted in this process: inbound
 * handling time by channel, messages sent and the wait from planned to sent, send errors by
 * class, scheduler job durations. Read from the database at each scrape: the outbox backlog
 * (pending and dead by channel and kind), whether the database answers, and the pool's use.
 * Each app has its own registry, so several apps in one process (tests) never share counts.
 */
import client from 'prom-client';
import type { Logger } from 'pino';
import type { Observer } from '../chat/observe.js';
import type { Config } from '../config.js';
import { ping, type DatabaseHandle } from '../db/index.js';
import { secretMatches } from '../http/secret.js';
import type { HttpServer } from '../http/server.js';
import { outboxBacklog } from '../store/outbox.js';

const LOCAL = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];
const PING_TIMEOUT_MS = 2000;

export interface AppMetrics {
  observer: Observer;
  registry: client.Registry;
}

async function reachable(handle: DatabaseHandle): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS)));
  try {
    return await Promise.race([ping(handle.db).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function createMetrics(handle: DatabaseHandle, logger: Logger): AppMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'dondoc_process_' });
  const inbound = new client.Histogram({
    name: 'dondoc_inbound_seconds',
    help: 'Time to handle one inbound update (read, answer, store), by channel',
    labelNames: ['channel'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const sent = new client.Counter({
    name: 'dondoc_outbox_sent_total',
    help: 'Outbox messages delivered by this process, by channel and kind',
    labelNames: ['channel', 'kind'],
    registers: [registry],
  });
  const waited = new client.Histogram({
    name: 'dondoc_outbox_wait_seconds',
    help: 'Time from planning an outbox message to its delivery, by channel',
    labelNames: ['channel'],
    buckets: [1, 5, 15, 60, 300, 900, 3600, 14400, 86400],
    registers: [registry],
  });
  const errors = new client.Counter({
    name: 'dondoc_send_errors_total',
    help: 'Failed send attempts, by channel and class (429, 5xx, timeout, network, 403, other)',
    labelNames: ['channel', 'class'],
    registers: [registry],
  });
  const jobs = new client.Histogram({
    name: 'dondoc_job_seconds',
    help: 'Scheduler job durations (nudges = planner tick, digest, deliver); quiet="true" when the planner had nothing new',
    labelNames: ['job', 'quiet'],
    buckets: [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  new client.Gauge({
    name: 'dondoc_outbox_messages',
    help: 'Outbox messages waiting (pending) or given up (dead), by channel and kind',
    labelNames: ['channel', 'kind', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const row of await outboxBacklog(handle.db)) this.set({ channel: row.channel, kind: row.kind, status: row.status }, row.count);
      } catch (error) {
        logger.warn({ err: error }, 'metrics: the outbox backlog could not be read');
      }
    },
  });
  new client.Gauge({
    name: 'dondoc_database_up',
    help: '1 when the database answered a query within 2 s at this scrape',
    registers: [registry],
    async collect() {
      this.set((await reachable(handle)) ? 1 : 0);
    },
  });
  if (handle.poolStats) {
    const stats = handle.poolStats;
    new client.Gauge({
      name: 'dondoc_db_pool_connections',
      help: 'Postgres pool connections: total open, idle, and callers waiting for one',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const s = stats();
        this.set({ state: 'total' }, s.total);
        this.set({ state: 'idle' }, s.idle);
        this.set({ state: 'waiting' }, s.waiting);
      },
    });
  }
  const observer: Observer = {
    inbound: (channel, seconds) => inbound.observe({ channel }, seconds),
    sent(channel, kind, waitedSeconds) {
      sent.inc({ channel, kind });
      waited.observe({ channel }, waitedSeconds);
    },
    sendFailed: (channel, errorClass) => errors.inc({ channel, class: errorClass }),
    job: (job, seconds, quiet) => jobs.observe({ job, quiet: quiet ? 'true' : 'false' }, seconds),
  };
  return { observer, registry };
}

/** Serves GET /metrics as configured; with metrics off the route does not exist. */
export function registerMetrics(http: HttpServer, metrics: AppMetrics, config: Config['metrics']): void {
  if (!config) return;
  http.route('GET', '/metrics', async (req, res) => {
    const allowed = config.token
      ? secretMatches(String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, ''), config.token)
      : LOCAL.includes(req.socket.remoteAddress ?? '');
    if (!allowed) {
      res.writeHead(config.token ? 401 : 403, { 'content-type': 'text/plain; charset=utf-8' }).end('forbidden\n');
      return;
    }
    const body = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body);
  });
}
