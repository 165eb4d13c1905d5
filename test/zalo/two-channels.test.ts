import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preferredLink, preferredLinks } from '../../src/store/links.js';
import type { FakeUser } from '../fakes/telegram-api.js';
import type { FakeZaloUser } from '../fakes/zalo-api.js';
import { addTask, seedPeople } from '../helpers/telegram-app.js';
import { startZaloHarness, type ZaloHarness } from '../helpers/zalo-app.js';

// Monday 23/11/2026, 09:00 in Hà Nội.
const AT = '2026-11-23T02:00:00Z';
const DAY_MS = 86_400_000;
const AN = '0912000001';
const BINH = '0912000002';
let h: ZaloHarness;
let tgAn: FakeUser;
let zAn: FakeZaloUser;
let anId: number;

beforeAll(async () => {
  h = await startZaloHarness({ at: AT, telegram: true });
  const [tgCode, zaloCode, binhCode] = await seedPeople(h, AN, AN, BINH);
  anId = (await h.database.db.selectFrom('staff').select('id').where('phone', '=', AN).executeTakeFirstOrThrow()).id;
  tgAn = h.tg!.user({ id: 1001, first_name: 'An', language_code: 'vi' });
  tgAn.send(`/start ${tgCode}`);
  await h.tg!.waitForSent(1001, 2);
  h.clock.advance(60_000);
  zAn = h.zalo.user('8123456789012345678', 'Nguyễn Văn An');
  await h.say(zAn, zaloCode!, 2);
  await h.say(h.zalo.user('8000000000000000002', 'Trần Thị Bình'), binhCode!, 2);
  await addTask(h, 'Rà soát văn bản quy phạm pháp luật', AN, '2026-11-20');
});
afterAll(async () => {
  await h.close();
});

async function tgSay(text: string): Promise<string> {
  const before = h.tg!.sentTo(1001).length;
  tgAn.send(text);
  await h.tg!.waitForSent(1001, before + 1);
  return h.tg!.sentTo(1001)[before]!.text ?? '';
}

async function nudgeRound(): Promise<{ telegram: number; zalo: number }> {
  const before = { telegram: h.tg!.sentTo(1001).length, zalo: h.zalo.sentTo(zAn.id).length };
  await h.tick('nudges');
  return { telegram: h.tg!.sentTo(1001).length - before.telegram, zalo: h.zalo.sentTo(zAn.id).length - before.zalo };
}

describe('one person on Telegram and Zalo', () => {
  it('keeps one link per platform for the same person', async () => {
    const links = await h.database.db.selectFrom('chat_links').select(['channel', 'staff_id']).where('staff_id', '=', anId).orderBy('channel').execute();
    expect(links.map((l) => l.channel)).toEqual(['telegram', 'zalo']);
  });

  it('without a choice, nudges follow the app the person used last', async () => {
    expect((await preferredLink(h.database.db, anId))?.channel).toBe('zalo');
    h.clock.advance(60_000);
    await tgSay('/help');
    expect((await preferredLink(h.database.db, anId))?.channel).toBe('telegram');
    expect((await preferredLink(h.database.db, anId, { channels: ['zalo'] }))?.channel).toBe('zalo');
    const all = await preferredLinks(h.database.db).execute();
    expect(all.filter((l) => l.staff_id === anId)).toHaveLength(1);
  });

  it('/kenh shows where nudges go and refuses an app the person has not linked', async () => {
    expect(await tgSay('/kenh')).toContain('Telegram (kênh anh/chị dùng gần nhất)');
    expect(await tgSay('/kenh web')).toContain('Cách dùng');
    const binh = h.zalo.user('8000000000000000002', 'Trần Thị Bình');
    expect((await h.say(binh, '/kenh telegram'))[0]).toContain('chưa liên kết Telegram');
  });

  it("/kenh zalo, typed on Telegram, sends the day's nudge to Zalo only", async () => {
    expect(await tgSay('/kenh zalo')).toContain('chỉ nhắc việc qua Zalo');
    expect((await preferredLink(h.database.db, anId))?.channel).toBe('zalo');
    expect(await nudgeRound()).toEqual({ telegram: 0, zalo: 1 });
    expect(h.zalo.sentTo(zAn.id).at(-1)!.text).toContain('Nhắc việc ngày 23/11/2026');
  });

  it("/kenh telegram, typed on Zalo, sends the next day's nudge to Telegram only", async () => {
    expect((await h.say(zAn, '/kenh telegram'))[0]).toContain('chỉ nhắc việc qua Telegram');
    h.clock.advance(DAY_MS);
    expect(await nudgeRound()).toEqual({ telegram: 1, zalo: 0 });
    expect(h.tg!.sentTo(1001).at(-1)!.text).toContain('Nhắc việc ngày 24/11/2026');
  });

  it('/kenh auto goes back to the app used last', async () => {
    h.clock.advance(60_000);
    expect((await h.say(zAn, '/kenh auto'))[0]).toContain('kênh anh/chị dùng gần nhất');
    expect((await preferredLink(h.database.db, anId))?.channel).toBe('zalo');
    const staff = await h.database.db.selectFrom('staff').select('preferred_channel').where('id', '=', anId).executeTakeFirstOrThrow();
    expect(staff.preferred_channel).toBeNull();
  });
});
