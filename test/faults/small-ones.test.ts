/**
 * Issue 11, defect 10: the small ones. A webhook body that is not JSON is a 400 and a warning;
 * a long delivery does not make node-cron print non-JSON warnings; a card offers the answers that
 * make sense for its state (also on Zalo's numbered menu); numbers reach Fluent as numbers, so
 * plurals match ("1 open task") and ids are not grouped ("#1234").
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createScheduler } from '../../src/scheduler/index.js';
import type { Sender } from '../../src/chat/sender.js';
import { classifyError } from '../../src/channels/retry.js';
import { taskCard } from '../../src/chat/cards.js';
import { renderZaloBatch } from '../../src/channels/zalo/render.js';
import { getTranslator } from '../../src/i18n.js';
import type { OccurrenceView } from '../../src/store/tasks.js';
import { startTelegramHarness, type TelegramHarness } from '../helpers/telegram-app.js';
import { harnessWithPeople, type People, task, unitOf } from '../scheduler/helpers.js';

const t = getTranslator();

describe('the Telegram webhook', () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await startTelegramHarness({ webhookSecret: 'correct_Secret-123' });
  });

  it('answers 400 to a body that is not JSON, and handles nothing', async () => {
    const res = await fetch(h.tg.webhook!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'correct_Secret-123' },
      body: '{"update_id": 1, "message": ',
    });
    expect(res.status).toBe(400);
    expect(await h.database.db.selectFrom('inbound_updates').selectAll().execute()).toHaveLength(0);
  });
});

describe('a delivery longer than the cron interval', () => {
  let h: TelegramHarness;
  let p: People;
  harnessWithPeople({ at: '2025-12-01T01:00:00Z' }, (started, people) => {
    h = started;
    p = people;
  });
  afterAll(async () => {
    await h.close();
  });

  it('skips the overlapping firing quietly (no node-cron console output)', async () => {
    await task(h, 'Báo cáo quý', '2025-12-02', await unitOf(h, p.ids.an), [p.ids.an]);
    await h.app.scheduler.planNudges();
    let release: () => void = () => undefined;
    let sends = 0;
    const slow: Sender = {
      channel: 'telegram',
      send: async () => {
        sends++;
        await new Promise<void>((resolve) => (release = resolve));
        return '1';
      },
      classify: (error, attempt) => classifyError(error, { attempt }),
      describe: String,
    };
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    const logged: string[] = [];
    const logger = pino({ level: 'debug' }, new Writable({ write: (c: Buffer, _e, done) => (logged.push(c.toString()), done()) }));
    const scheduler = createScheduler({
      db: h.database.db,
      clock: h.clock,
      logger,
      translator: t,
      defaultLocale: 'vi',
      senders: new Map([['telegram', slow]]),
    });
    scheduler.start();
    try {
      await h.tg.waitFor(() => sends === 1, { timeoutMs: 10_000, label: 'the slow send to start' });
      // Two more firings of the 5-second delivery job come and go while the send hangs.
      await new Promise((r) => setTimeout(r, 10_500));
      expect(sends).toBe(1);
      expect([...warn.mock.calls, ...error.mock.calls].flat().join(' ')).not.toMatch(/NODE-CRON/);
    } finally {
      release();
      await scheduler.stop();
      warn.mockRestore();
      error.mockRestore();
    }
  }, 30_000);
});

function view(status: OccurrenceView['status']): OccurrenceView {
  return {
    occurrenceId: 77,
    taskId: 1234,
    title: 'Báo cáo quý IV',
    status,
    percent: null,
    dueDate: '2026-11-30',
    dueText: null,
    leadUnitName: null,
    product: null,
    lastNote: null,
  };
}

describe('a task card', () => {
  it('offers all four answers while open, only "in progress" once done, none once cancelled', () => {
    const labels = (status: OccurrenceView['status']) => (taskCard(t.for('vi'), view(status), '2026-11-24').actions ?? []).map((a) => a.label);
    expect(labels('open')).toEqual(['Đang thực hiện', 'Hoàn thành', 'Vướng mắc', 'Xin gia hạn']);
    expect(labels('done')).toEqual(['Đang thực hiện']);
    expect(labels('cancelled')).toEqual([]);
  });

  it('on Zalo, a done card does not offer "2 Xong"', () => {
    const batch = renderZaloBatch([taskCard(t.for('vi'), view('done'), '2026-11-24')], { t: t.for('vi'), taskIdOf: () => 1234 });
    const text = batch.messages.flatMap((m) => m.parts).join('\n');
    expect(text).not.toContain('2 Xong');
    expect(text).toContain('1 Đang làm');
  });
});

describe('numbers in messages', () => {
  it('use plurals in English and are never grouped', () => {
    expect(t.t('en', 'tasks-header', { total: 1, from: 1, to: 1 })).toBe('You have 1 open task:');
    expect(t.t('en', 'tasks-header', { total: 3, from: 1, to: 3 })).toContain('You have 3 open tasks');
    expect(t.t('en', 'task-due-left', { date: '30/11/2026', days: 1 })).toContain('1 day left');
    expect(t.t('vi', 'answer-task-not-found', { id: 12345 })).toContain('#12345');
    expect(t.t('en', 'tasks-more', { remaining: 1234 })).toBe('1234 more tasks.');
  });
});
