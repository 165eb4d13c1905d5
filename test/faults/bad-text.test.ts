/**
 * Issue 11, defect 7: a message or button with a NUL byte or a lone surrogate is cleaned and
 * handled like any other, and stored; when handling does fail, the person is told in their own
 * language, and told "saved" only when it was.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../commands/dispatch.js';
import type { Deps, Incoming } from '../../src/chat/types.js';
import type { Db } from '../../src/db/index.js';
import type { DatabaseHandle } from '../../src/db/index.js';
import { fixedClock } from '../../src/domain/time.js';
import { storable } from '../../src/domain/text.js';
import { getTranslator } from '../../src/i18n.js';
import { createLinkCode } from '../../src/store/links.js';
import { setStaffLocale, upsertStaff } from '../../src/store/staff.js';
import { ensureUnitPath } from '../../src/store/units.js';
import { createTestDatabase } from '../helpers/db.js';

let handle: DatabaseHandle;
let deps: Deps;
let n = 0;
const clock = fixedClock('2026-11-24T02:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  deps = { db: handle.db, clock, translator: getTranslator(), logger: pino({ level: 'silent' }), settings: { linkCodeTtlDays: 7, defaultLocale: 'vi' } };
  const unitId = await ensureUnitPath(handle.db, ['Sở Tư pháp', 'Văn phòng Sở']);
  await upsertStaff(handle.db, { name: 'Nguyễn Văn An', unitId, role: 'staff', phone: '0912000001' }, clock.now());
  const staffId = (await handle.db.selectFrom('staff').select('id').executeTakeFirstOrThrow()).id;
  const { code } = await createLinkCode(handle.db, staffId, clock.now(), 7);
  await dispatch(deps, tg(`/start ${code}`));
  await setStaffLocale(handle.db, staffId, 'en', clock.now());
});
afterAll(async () => {
  await handle.close();
});

function tg(text: string, languageCode = 'vi'): Incoming {
  const key = String(++n);
  return {
    channel: 'telegram',
    updateKey: key,
    userId: '42',
    chatId: '42',
    languageCode,
    payload: { update_id: n, message: { text } },
    body: { kind: 'text', text },
  };
}

const stored = (key: string) =>
  handle.db.selectFrom('inbound_updates').select(['payload', 'outcome']).where('channel', '=', 'telegram').where('update_key', '=', key).executeTakeFirst();

describe('text Postgres cannot store as sent', () => {
  it('cleans NUL bytes and lone surrogates', () => {
    expect(storable('xong\u0000 roi')).toBe('xong roi');
    expect(storable('a\uD800b\uDC00c')).toBe('a\uFFFDb\uFFFDc');
    expect(storable('ok 😀')).toBe('ok 😀');
  });

  it('handles a message with a NUL byte and stores it', async () => {
    const incoming = tg('/help\u0000');
    const response = await dispatch(deps, incoming);
    expect(response!.replies[0]!.text).not.toContain('error');
    expect((await stored(incoming.updateKey))?.outcome).toBe('command:help');
  });

  it('handles a lone surrogate in text and in button data', async () => {
    const text = tg('ghi chú \uD83D');
    expect((await dispatch(deps, text))!.replies[0]!.text).not.toMatch(/hit an error/);
    expect(await stored(text.updateKey)).toBeDefined();
    const button: Incoming = {
      ...tg(''),
      body: { kind: 'action', action: 'a:done:\uDE00\u0000' },
      payload: { callback_query: { data: 'a:done:\uDE00\u0000' } },
    };
    const pressed = await dispatch(deps, button);
    expect(pressed!.notice?.alert).toBe(true);
    expect((await stored(button.updateKey))?.outcome).toBe('forged_action');
  });
});

describe('when handling fails', () => {
  function failing(db: Db, alsoRecording: boolean): Db {
    return new Proxy(db, {
      get(target, prop) {
        if (prop === 'transaction') return () => ({ execute: () => Promise.reject(new Error('boom')) });
        if (alsoRecording && prop === 'insertInto')
          return () => ({
            values: () => {
              throw new Error('disk full');
            },
          });
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  it("says so in the person's language (not the app's) and that the message was saved", async () => {
    const incoming = tg('xong', 'vi');
    const response = await dispatch({ ...deps, db: failing(handle.db, false) }, incoming);
    expect(response!.replies[0]!.text).toContain('Your message has been saved');
    expect((await stored(incoming.updateKey))?.outcome).toBe('error');
  });

  it('does not claim the message was saved when it was not', async () => {
    const response = await dispatch({ ...deps, db: failing(handle.db, true) }, tg('xong'));
    expect(response!.replies[0]!.text).toContain('could not save');
  });

  it('a command that only reads (no transaction) and fails after its claim leaves the update recorded as failed', async () => {
    const incoming = tg('/tasks', 'vi');
    let lists = 0;
    const listing = new Proxy(handle.db, {
      get(target, prop) {
        if (prop === 'transaction') throw new Error('/tasks must not open a transaction');
        // The list fails; what comes after (the person's language, the failure's record) works.
        if (prop === 'selectFrom' && lists++ === 0) throw new Error('boom');
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const response = await dispatch({ ...deps, db: listing }, incoming);
    expect(response!.replies[0]!.text).toContain('Your message has been saved');
    const row = await stored(incoming.updateKey);
    expect(row?.outcome).toBe('error');
    expect(JSON.stringify(row?.payload)).toContain('/tasks');
  });
});
