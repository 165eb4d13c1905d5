/** Shared set-up for scheduler tests: linked people on the fake Telegram, tasks, ticks on the fixed clock. */
import type { Message } from 'grammy/types';
import type { FakeUser } from '../fakes/telegram-api.js';
import { afterAll, beforeAll } from 'vitest';
import { seedPeople, startTelegramHarness, type TelegramHarness } from '../helpers/telegram-app.js';
import { createTask } from '../../src/store/tasks.js';

export const AN = '0912000001';
export const BINH = '0912000002';
export const CUONG = '0912000003';
export const DUNG = '0912000004';

export interface People {
  an: FakeUser;
  binh: FakeUser;
  cuong: FakeUser;
  dung: FakeUser;
  ids: Record<'an' | 'binh' | 'cuong' | 'dung', number>;
}

/** Imports the four people of PEOPLE_CSV and links each to a Telegram user (1001…1004). */
export async function linkPeople(h: TelegramHarness): Promise<People> {
  const phones = [AN, BINH, CUONG, DUNG];
  const codes = await seedPeople(h, ...phones);
  const names = ['an', 'binh', 'cuong', 'dung'] as const;
  const users = names.map((name, i) => h.tg.user({ id: 1001 + i, first_name: name, language_code: 'vi' }));
  for (const [i, user] of users.entries()) await h.expectMessages(user, 2, () => user.send(`/start ${codes[i]}`));
  const rows = await h.database.db.selectFrom('staff').select(['id', 'phone']).execute();
  const idOf = (phone: string) => rows.find((r) => r.phone === phone)!.id;
  return {
    an: users[0]!,
    binh: users[1]!,
    cuong: users[2]!,
    dung: users[3]!,
    ids: { an: idOf(AN), binh: idOf(BINH), cuong: idOf(CUONG), dung: idOf(DUNG) },
  };
}

/** A task (with its one occurrence) led by `unitId`, owned by `owners`; returns task and occurrence ids. */
export async function task(h: TelegramHarness, title: string, due: string | null, unitId: number, owners: number[]) {
  const { taskId, occurrenceIds } = await createTask(
    h.database.db,
    { title, leadUnitId: unitId, ownerIds: owners, due: due ? { kind: 'date', date: due } : { kind: 'none', date: null } },
    h.clock.now(),
  );
  return { taskId, occurrenceId: occurrenceIds[0]! };
}

export async function unitOf(h: TelegramHarness, staffId: number): Promise<number> {
  const row = await h.database.db.selectFrom('staff').select('unit_id').where('id', '=', staffId).executeTakeFirstOrThrow();
  return row.unit_id;
}

/** Plans and delivers at `at` (an ISO instant); returns what each user received during it. */
export async function tickAt(h: TelegramHarness, at: string, users: FakeUser[]): Promise<Map<FakeUser, Message[]>> {
  h.clock.set(at);
  const before = new Map(users.map((u) => [u, h.tg.sentTo(u.id, { includeDeleted: true }).length]));
  await h.app.scheduler.planNudges();
  await h.app.scheduler.deliver();
  return new Map(users.map((u) => [u, h.tg.sentTo(u.id, { includeDeleted: true }).slice(before.get(u))]));
}

/** "#12 quá hạn 5" / "#15 hôm nay" / "#18 còn 7" for each item of a nudge, in order. */
export function nudgeItems(message: Message): string[] {
  const lines = (message.text ?? '').split('\n');
  const items: string[] = [];
  lines.forEach((line, i) => {
    const head = /^\d+\. (#\d+) ·/.exec(line);
    if (!head) return;
    const when = lines[i + 1] ?? '';
    const late = /Quá hạn (\d+) ngày|quá hạn (\d+) ngày/.exec(when);
    const left = /Còn (\d+) ngày làm việc/.exec(when);
    if (late) items.push(`${head[1]} quá hạn ${late[1] ?? late[2]}`);
    else if (left) items.push(`${head[1]} còn ${left[1]}`);
    else if (when.includes('Hạn là hôm nay')) items.push(`${head[1]} hôm nay`);
    else items.push(`${head[1]} ?`);
  });
  return items;
}

/**
 * A Telegram harness with the four people linked, started before the tests of the file (or of the
 * describe it is called in) and closed after them. `ready` receives both, and may set up more.
 */
export function harnessWithPeople(options: Parameters<typeof startTelegramHarness>[0], ready: (h: TelegramHarness, p: People) => void | Promise<void>): void {
  let h: TelegramHarness | undefined;
  beforeAll(async () => {
    h = await startTelegramHarness(options);
    await ready(h, await linkPeople(h));
  });
  afterAll(async () => {
    await h?.close();
  });
}
