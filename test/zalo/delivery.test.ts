import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, STATUS_MENU } from '../../src/chat/actions.js';
import { taskCard } from '../../src/chat/cards.js';
import type { Sender } from '../../src/chat/sender.js';
import { createZaloSender } from '../../src/channels/zalo/sender.js';
import { localDate } from '../../src/domain/time.js';
import type { Outgoing } from '../../src/domain/types.js';
import { getOccurrenceView } from '../../src/store/tasks.js';
import type { FakeZaloUser } from '../fakes/zalo-api.js';
import { addTask, seedPeople } from '../helpers/telegram-app.js';
import { startZaloHarness, type ZaloHarness } from '../helpers/zalo-app.js';

let h: ZaloHarness;
let an: FakeZaloUser;
let sender: Sender;
const AN = '0912000001';

beforeAll(async () => {
  h = await startZaloHarness();
  const [code] = await seedPeople(h, AN);
  an = h.zalo.user('8123456789012345678', 'Nguyễn Văn An');
  await h.say(an, code!, 2);
  sender = createZaloSender({ token: h.zalo.token, apiRoot: h.zalo.apiRoot }, h.app.deps);
});
afterAll(async () => {
  await h.close();
});

async function occurrenceOf(taskId: number): Promise<number> {
  return (await h.database.db.selectFrom('occurrences').select('id').where('task_id', '=', taskId).executeTakeFirstOrThrow()).id;
}

async function statusOf(taskId: number) {
  return (await h.database.db.selectFrom('occurrences').select('status').where('task_id', '=', taskId).executeTakeFirstOrThrow()).status;
}

async function nudgeFor(taskId: number): Promise<Outgoing> {
  const view = await getOccurrenceView(h.database.db, await occurrenceOf(taskId));
  const card = taskCard(h.app.deps.translator.for('vi'), view!, localDate(h.clock.now()));
  return { ...card, text: `Nhắc việc sắp đến hạn:\n${card.text}` };
}

/** A consolidated nudge as the scheduler builds it: several tasks, each with its own status buttons. */
async function listNudge(taskIds: number[]): Promise<Outgoing> {
  const occurrences = await Promise.all(taskIds.map(occurrenceOf));
  return {
    text: ['Anh/chị có việc cần báo cáo:', ...taskIds.map((id, i) => `${i + 1}. #${id}`)].join('\n'),
    actions: occurrences.flatMap((o, row) => STATUS_MENU.map((choice) => ({ label: choice, action: actions.listStatus(choice, o), row }))),
    occurrenceIds: occurrences,
  };
}

describe('nudges and digests sent on Zalo', () => {
  let a: number;
  let b: number;
  let c: number;

  beforeAll(async () => {
    a = await addTask(h, 'Báo cáo tình hình thi hành pháp luật', AN, '2026-11-26');
    b = await addTask(h, 'Rà soát thủ tục hành chính', AN, '2026-11-27');
    c = await addTask(h, 'Cập nhật cơ sở dữ liệu quốc gia về pháp luật', AN, '2026-11-28');
  });

  it('a nudge about one task goes out through the outbox sender, and a bare 2 answers it', async () => {
    const id = await sender.send(an.id, await nudgeFor(a));
    const sent = h.zalo.sentTo(an.id).at(-1)!;
    expect(sent.message_id).toBe(id);
    expect(sent.text.split('\n').at(-1)).toBe('Trả lời: 1 Đang làm · 2 Xong · 3 Vướng mắc · 4 Gia hạn');
    const [done] = await h.say(an, '2');
    expect(done).toContain(`Đã cập nhật: Hoàn thành.\n\n#${a} · Báo cáo tình hình`);
    expect(await statusOf(a)).toBe('done');
    expect(await statusOf(b)).toBe('open');
  });

  it('a bare word answers the task of the last nudge, even with several tasks open', async () => {
    await sender.send(an.id, await nudgeFor(b));
    const [saved, card] = await h.say(an, 'dang lam', 2);
    expect(saved).toBe('Đã cập nhật: Đang thực hiện.');
    expect(card).toContain(`#${b} · Rà soát`);
  });

  it('a nudge listing several tasks asks for "2 #N", and a bare number asks which task', async () => {
    await sender.send(an.id, await listNudge([b, c]));
    const menu = h.zalo.sentTo(an.id).at(-1)!.text.split('\n').at(-1);
    expect(menu).toBe(`Trả lời: 1 Đang làm · 2 Xong · 3 Vướng mắc · 4 Gia hạn (kèm số việc, ví dụ: 2 #${b})`);
    expect((await h.say(an, '2'))[0]).toContain('nhiều việc');
    expect((await h.say(an, 'xong'))[0]).toContain('nhiều việc');
    await h.say(an, `2 #${c}`, 2);
    expect(await statusOf(c)).toBe('done');
    expect(await statusOf(b)).toBe('in_progress');
  });

  it('a digest longer than 2000 characters arrives in parts cut at line ends, the menu on the last', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => `${i + 1}. Phòng Hành chính tư pháp: 3 việc quá hạn, 2 việc vướng mắc`);
    const digest: Outgoing = { text: ['Báo cáo sáng 23/11/2026', ...lines].join('\n'), actions: [{ label: 'Xem tiếp', action: actions.tasksPage(1) }] };
    const before = h.zalo.sentTo(an.id).length;
    await sender.send(an.id, digest);
    const parts = h.zalo
      .sentTo(an.id)
      .slice(before)
      .map((s) => s.text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    const received = parts.join('\n').split('\n');
    expect(received.filter((l) => /^\d+\. Phòng/.test(l))).toEqual(lines);
    expect(parts.slice(0, -1).some((p) => p.includes('Trả lời'))).toBe(false);
    expect(parts.at(-1)!.endsWith('Trả lời: 1 Xem tiếp')).toBe(true);
  });

  it('resumes a split message after the parts an earlier attempt delivered, reporting each part it sends', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => `${i + 1}. Phòng Hộ tịch, quốc tịch, chứng thực: 2 việc quá hạn, 1 việc vướng mắc`);
    const digest: Outgoing = { text: ['Báo cáo sáng 24/11/2026', ...lines].join('\n') };
    const before = h.zalo.sentTo(an.id).length;
    await sender.send(an.id, digest);
    const whole = h.zalo.sentTo(an.id).slice(before);
    expect(whole.length).toBeGreaterThanOrEqual(3);

    const reported: [number, string][] = [];
    const resumed = await sender.send(an.id, digest, {
      done: 1,
      lastId: whole[0]!.message_id,
      sent: async (index, id) => void reported.push([index, id]),
    });
    const again = h.zalo.sentTo(an.id).slice(before + whole.length);
    expect(again.map((m) => m.text)).toEqual(whole.slice(1).map((m) => m.text));
    expect(reported).toEqual(again.map((m, i) => [i + 1, m.message_id]));
    expect(resumed).toBe(again.at(-1)!.message_id);

    // Every part already delivered (the process stopped before recording the row as sent): nothing is sent.
    const count = h.zalo.sentTo(an.id).length;
    expect(await sender.send(an.id, digest, { done: whole.length, lastId: 'm-last', sent: async () => undefined })).toBe('m-last');
    expect(h.zalo.sentTo(an.id)).toHaveLength(count);
  });

  it('a card longer than 2000 characters is split between words', async () => {
    const words = 'Xây dựng kế hoạch triển khai nhiệm vụ trọng tâm về chuyển đổi số của ngành tư pháp';
    const title = Array.from({ length: 24 }, () => words)
      .join(' ')
      .slice(0, 1990)
      .replace(/\s+\S*$/, '');
    const id = await addTask(h, title, AN, '2026-12-05');
    const sent = await h.say(an, `#${id} 20%`, 3);
    const parts = sent.slice(1);
    expect(parts).toHaveLength(2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toContain(title);
    expect(parts[1]!.split('\n').at(-1)).toBe('Trả lời: 1 Đang làm · 2 Xong · 3 Vướng mắc · 4 Gia hạn');
  });

  it('the outbox sender neither retries nor hides failures: it classifies them for the worker', async () => {
    h.zalo.failNext('sendMessage', { status: 500 });
    const error = await sender.send(an.id, { text: 'thử' }).catch((e: unknown) => e);
    expect(sender.classify(error, 1)).toMatchObject({ retry: true, reason: 'server_error' });
    expect(sender.describe(error)).toBe('500 Internal server error');
    h.zalo.failNext('sendMessage', { status: 400 });
    const invalid = await sender.send(an.id, { text: 'thử' }).catch((e: unknown) => e);
    expect(sender.classify(invalid, 1)).toMatchObject({ retry: false, permanent: 'invalid' });
  });
});

describe('receiving', () => {
  it('handles two quick messages from one person in order', async () => {
    const id = await addTask(h, 'Thẩm định dự thảo quyết định', AN, '2026-12-12');
    const sent = await h.expectSent(an, 4, () => {
      an.send(`2 #${id}`);
      an.send(`1 #${id}`);
    });
    expect(sent.map((s) => s.text.split('\n')[0])).toEqual([
      'Đã cập nhật: Hoàn thành.',
      expect.stringContaining(`#${id}`),
      'Đã cập nhật: Đang thực hiện.',
      expect.stringContaining(`#${id}`),
    ]);
    expect(await statusOf(id)).toBe('in_progress');
  });

  it('applies an update delivered twice only once', async () => {
    const before = h.zalo.sentTo(an.id).length;
    const update = an.send('/help');
    await h.zalo.waitForSent(() => h.zalo.sentTo(an.id).length > before);
    h.zalo.queue(update);
    await h.say(an, '/viec', 1);
    await new Promise((r) => setTimeout(r, 200));
    const texts = h.zalo
      .sentTo(an.id)
      .slice(before)
      .map((s) => s.text);
    expect(texts.filter((t) => t.includes('/kenh'))).toHaveLength(1);
    const key = `message.text.received:${update.message.message_id}`;
    expect(await h.database.db.selectFrom('inbound_updates').selectAll().where('update_key', '=', key).execute()).toHaveLength(1);
  });

  it('answers even when Zalo fails a send with 500 or drops the connection, by retrying', async () => {
    const sendsBefore = h.zalo.calls.filter((c) => c.method === 'sendMessage').length;
    h.zalo.failNext('sendMessage', { status: 500 });
    expect((await h.say(an, '/kenh'))[0]).toContain('Zalo');
    h.zalo.failNext('sendMessage', 'network');
    expect((await h.say(an, '/kenh'))[0]).toContain('Zalo');
    expect(h.zalo.calls.filter((c) => c.method === 'sendMessage').length).toBe(sendsBefore + 4);
  });

  it('keeps polling after getUpdates fails', async () => {
    h.zalo.failNext('getUpdates', { status: 502 });
    h.zalo.failNext('getUpdates', 'network');
    expect((await h.say(an, '/kenh'))[0]).toContain('Zalo');
    expect((await h.say(an, '/kenh'))[0]).toContain('Zalo');
  });

  it('stops at once while a long poll is waiting', async () => {
    for (let i = 0; i < 100 && h.zalo.waitingPolls() === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(h.zalo.waitingPolls()).toBe(1);
    const started = Date.now();
    await h.app.zalo!.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.zalo.waitingPolls()).toBe(0);
  });
});
