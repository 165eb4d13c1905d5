/**
 * dondoc with its web side on a test database and a fixed clock: by default a demo (no chat
 * token, DEMO=1, the demo organisation loaded), with the cron jobs off so tests run the
 * scheduler by hand.
 */
import pino from 'pino';
import { createApp, type App } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/db/index.js';
import { loadDemo } from '../../src/demo/load.js';
import { fixedClock } from '../../src/domain/time.js';
import { createTestDatabase } from './db.js';
import { freePort } from './telegram-app.js';

/** Tuesday 24/11/2026, 09:00 in Hà Nội: a working day inside office hours. */
export const WEB_TEST_AT = '2026-11-24T02:00:00Z';

export interface WebHarness {
  app: App;
  database: DatabaseHandle;
  clock: ReturnType<typeof fixedClock>;
  base: string;
  close(): Promise<void>;
}

export async function startWebHarness(options: { demo?: boolean; env?: Record<string, string>; at?: string } = {}): Promise<WebHarness> {
  const database = await createTestDatabase();
  const clock = fixedClock(options.at ?? WEB_TEST_AT);
  const port = await freePort();
  const demo = options.demo ?? true;
  const base = `http://127.0.0.1:${port}`;
  const config = parseConfig({ PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base, SCHEDULER: 'off', DEMO: demo ? '1' : '0', ...options.env });
  if (demo) await loadDemo(database.db, clock.now(), { linkCodeTtlDays: config.linkCodeTtlDays });
  const app = await createApp({ config, logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), clock, database });
  await app.start();
  return {
    app,
    database,
    clock,
    base,
    async close() {
      await app.stop();
      await database.close();
    },
  };
}

/** The id of a demo person by name. */
export async function staffId(h: WebHarness, name: string): Promise<number> {
  const row = await h.database.db.selectFrom('staff').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}
