/**
 * /metrics: absent unless configured; with a token, refused without it; what it counts agrees
 * with what happened (an inbound message, a delivery, a 429 and a 5xx, the outbox backlog).
 */
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/app/metrics.js';
import { startTelegramHarness, type TelegramHarness } from '../helpers/telegram-app.js';
import { harnessWithPeople, type People, task, unitOf } from '../scheduler/helpers.js';

const TOKEN = 'metrics-token-0123456789';

function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics when not configured', () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await startTelegramHarness();
  });

  it('does not exist', async () => {
    const res = await fetch(`http://127.0.0.1:${h.app.port}/metrics`);
    expect(res.status).toBe(404);
  });
});

describe('/metrics with a token', () => {
  let h: TelegramHarness;
  let p: People;
  const scrape = async () => {
    const res = await fetch(`http://127.0.0.1:${h.app.port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  };

  harnessWithPeople({ at: '2025-12-02T02:00:00Z', env: { METRICS_TOKEN: TOKEN } }, (started, people) => {
    h = started;
    p = people;
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses a scrape without the token or with a wrong one', async () => {
    expect((await fetch(`http://127.0.0.1:${h.app.port}/metrics`)).status).toBe(401);
    const wrong = await fetch(`http://127.0.0.1:${h.app.port}/metrics`, { headers: { authorization: 'Bearer nope-nope-nope-nope' } });
    expect(wrong.status).toBe(401);
  });

  it('counts inbound handling, the database and the outbox backlog', async () => {
    const text = await scrape();
    // linkPeople sent four /start messages through the webhook-less poller.
    expect(value(text, 'dondoc_inbound_seconds_count{channel="telegram"}')).toBeGreaterThanOrEqual(4);
    expect(value(text, 'dondoc_database_up')).toBe(1);
    const office = await unitOf(h, p.ids.an);
    await task(h, 'Báo cáo quý', '2025-12-02', office, [p.ids.an]);
    await task(h, 'Báo cáo tháng', '2025-12-02', office, [p.ids.binh]);
    await h.app.scheduler.planNudges();
    expect(value(await scrape(), 'dondoc_outbox_messages{channel="telegram",kind="nudge",status="pending"}')).toBe(2);
  });

  it('counts deliveries, their wait and send errors by class', async () => {
    h.tg.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    h.tg.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    await h.app.scheduler.deliver();
    let text = await scrape();
    expect(value(text, 'dondoc_send_errors_total{channel="telegram",class="429"}')).toBe(1);
    expect(value(text, 'dondoc_send_errors_total{channel="telegram",class="5xx"}')).toBe(1);
    h.clock.set('2025-12-02T02:10:00Z');
    await h.app.scheduler.deliver();
    text = await scrape();
    expect(value(text, 'dondoc_outbox_sent_total{channel="telegram",kind="nudge"}')).toBe(2);
    expect(value(text, 'dondoc_outbox_wait_seconds_count{channel="telegram"}')).toBe(2);
    expect(value(text, 'dondoc_outbox_messages{channel="telegram",kind="nudge",status="pending"}')).toBeUndefined();
  });
});

describe('the Grafana dashboard in deploy/', () => {
  it('reads only series that dondoc exposes', async () => {
    const handle = { db: {} as never, kind: 'postgres' as const, poolStats: () => ({ total: 0, idle: 0, waiting: 0 }), close: async () => undefined };
    const { registry } = createMetrics(handle, pino({ level: 'silent' }));
    const exposed = new Set(registry.getMetricsAsArray().map((m) => m.name));
    const dashboard = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'deploy', 'grafana-dondoc.json'), 'utf8');
    const used = [...new Set([...dashboard.matchAll(/dondoc_[a-z_]+/g)].map((m) => m[0].replace(/_(bucket|sum|count)$/, '')))];
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((name) => !exposed.has(name))).toEqual([]);
  });
});
