/**
 * What the inbound log says each update came to. The dispatcher records the outcome an update
 * alone suggests when it claims it, and corrects it only when the conversation led elsewhere (a
 * number that picks from a menu): the log must read the same as if it were written at the end.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../commands/dispatch.js';
import type { Deps, Incoming } from '../../src/chat/types.js';
import type { DatabaseHandle } from '../../src/db/index.js';
import { fixedClock } from '../../src/domain/time.js';
import { getTranslator } from '../../src/i18n.js';
import { rememberMessage } from '../../src/store/conversation.js';
import { createLinkCode } from '../../src/store/links.js';
import { upsertStaff } from '../../src/store/staff.js';
import { ensureUnitPath } from '../../src/store/units.js';
import { createTestDatabase } from '../helpers/db.js';

let handle: DatabaseHandle;
let deps: Deps;
let staffId: number;
let code: string;
let n = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  const clock = fixedClock('2026-11-24T02:00:00Z');
  deps = { db: handle.db, clock, translator: getTranslator(), logger: pino({ level: 'silent' }), settings: { linkCodeTtlDays: 7, defaultLocale: 'vi' } };
  const unitId = await ensureUnitPath(handle.db, ['Sở Tư pháp', 'Văn phòng Sở']);
  await upsertStaff(handle.db, { name: 'Nguyễn Văn An', unitId, role: 'staff', phone: '0912000001' }, clock.now());
  staffId = (await handle.db.selectFrom('staff').select('id').executeTakeFirstOrThrow()).id;
  code = (await createLinkCode(handle.db, staffId, clock.now(), 7)).code;
});
afterAll(async () => {
  await handle.close();
});

function zalo(text: string, updateKey = `u${++n}`): Incoming {
  return { channel: 'zalo', updateKey, userId: 'z1', chatId: 'c1', payload: { text }, body: { kind: 'text', text, threadless: true } };
}

async function logged(updateKey: string) {
  return handle.db
    .selectFrom('inbound_updates')
    .select(['staff_id', 'outcome'])
    .where('channel', '=', 'zalo')
    .where('update_key', '=', updateKey)
    .executeTakeFirstOrThrow();
}

describe('the inbound log', () => {
  it('records what each update came to, corrected when a menu number changed the route', async () => {
    const steps: [text: string, outcome: string, linked: boolean][] = [
      ['xong', 'not_linked', false],
      [code, 'link_attempt', false],
      ['xong', 'text', true],
      ['/help', 'command:help', true],
      ['/frobnicate', 'unknown_command', true],
    ];
    for (const [text, outcome, linked] of steps) {
      const incoming = zalo(text);
      await dispatch(deps, incoming);
      expect(await logged(incoming.updateKey), text).toEqual({ staff_id: linked ? staffId : null, outcome });
    }
    const menu = { entries: [{ n: 5, action: 'tp:1' }], needsTask: false };
    await rememberMessage(handle.db, { channel: 'zalo', chatId: 'c1', messageId: 'm1', occurrenceIds: [], menu, now: deps.clock.now() });
    const picked = zalo('5');
    await dispatch(deps, picked);
    expect(await logged(picked.updateKey)).toEqual({ staff_id: staffId, outcome: 'menu:action:tasks_page' });
    const stray = zalo('7');
    await dispatch(deps, stray);
    expect(await logged(stray.updateKey)).toEqual({ staff_id: staffId, outcome: 'menu:unknown' });
  });

  it('handles a redelivered update once and leaves its record as it was', async () => {
    const first = zalo('/help', 'same-key');
    expect(await dispatch(deps, first)).not.toBeNull();
    expect(await dispatch(deps, zalo('xong', 'same-key'))).toBeNull();
    expect(await logged('same-key')).toMatchObject({ outcome: 'command:help' });
  });
});
