/**
 * Delivery throughput: `count` queued messages (the tick's own nudges, rendered and sent by the
 * real worker and Telegram sender) against the fake Bot API with Telegram's flood limits on.
 */
import type { Logger } from 'pino';
import { sql } from 'kysely';
import { createTelegramSender } from '../src/channels/telegram/sender.js';
import type { Db } from '../src/db/index.js';
import { fixedClock, localInstant } from '../src/domain/time.js';
import { getTranslator } from '../src/i18n.js';
import { createRateLimiter, TELEGRAM_RATE } from '../src/channels/rate-limit.js';
import { deliverOutbox } from '../src/scheduler/worker.js';
import { startFakeTelegram } from '../test/fakes/telegram-api.js';

export async function measureDelivery(db: Db, today: string, count: number, log: (line: string) => void, logger: Logger): Promise<void> {
  const rate = TELEGRAM_RATE.perSecond;
  const tg = await startFakeTelegram({ token: '123456:BENCH', rateLimits: { perChatPerSecond: 1, globalPerSecond: rate } });
  try {
    // The sample: the first `count` messages planned today; the rest (and older days) set aside.
    await sql`update outbox set status = 'skipped', last_error = 'bench: an earlier day' where status = 'pending' and created_at < ${localInstant(today)}`.execute(
      db,
    );
    const { rows } = await sql<{ id: number; chat_id: string }>`select id, chat_id from outbox where status = 'pending' order by id limit ${count}`.execute(db);
    await sql`update outbox set status = 'skipped', last_error = 'bench: not part of the delivery sample' where status = 'pending' and id > ${rows.at(-1)?.id ?? 0}`.execute(
      db,
    );
    for (const row of rows) tg.user({ id: Number(row.chat_id), first_name: `Cán bộ ${row.chat_id}` }, { started: true });
    const sender = createTelegramSender({ token: tg.token, apiRoot: tg.apiRoot, limiter: createRateLimiter(TELEGRAM_RATE) });
    const deps = {
      db,
      clock: fixedClock(localInstant(today, 8, 5)),
      logger,
      translator: getTranslator(),
      defaultLocale: 'vi' as const,
      senders: new Map([['telegram' as const, sender]]),
    };
    const t0 = performance.now();
    const report = await deliverOutbox(deps);
    const seconds = (performance.now() - t0) / 1000;
    const perSecond = report.counts.sent / seconds;
    log(`Delivery to the fake Bot API (limits: ${rate}/s overall, 1/s per chat)`);
    log(
      `  ${report.counts.sent} messages sent in ${seconds.toFixed(1)} s = ${perSecond.toFixed(1)} msg/s (${((perSecond / rate) * 100).toFixed(1)}% of ${rate}/s); 429 answers: ${tg.tooManyRequests}; retried ${report.counts.retry}, failed ${report.counts.dead}`,
    );
  } finally {
    await tg.close();
  }
}
