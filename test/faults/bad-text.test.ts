/**
 * Issue 11, defect 7: a message or button with a NUL byte or a lone surrogate is cleaned and
 * handled like any other, and stored; when handling does fail, the person is told in their own
 * language, and told "saved" only when it was.
 */
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../commands/dispatch.js';
import type { Deps, Incoming } from '../../src/chat/types.js';
import type { Db } from '../../src/db/index.js';
import type { DatabaseHandle } from '../../src/db/index.js';
import { fixedClock } from '../../src/domain/time.js';
import { storable } from '../../src/domain/text.js';
import { getTranslator } from '../../src/i18n.js';
import { actions } from '../../src/chat/actions.js';
import { createLinkCode } from '../../src/store/links.js';
import { createTask } from '../../src/store/tasks.js';
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
  return update({ message: { text } }, { kind: 'text', text }, languageCode);
}

function update(payload: object, body: Incoming['body'], languageCode = 'vi'): Incoming {
  const key = String(++n);
  return { channel: 'telegram', updateKey: key, userId: '42', chatId: '42', languageCode, payload: { update_id: n, ...payload }, body };
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

  /** The database, failing the first statement sent through it and refusing transactions. */
  function firstStatementFails(db: Db, what: string): Db {
    let sent = 0;
    return new Proxy(db, {
      get(target, prop) {
        if (prop === 'transaction') throw new Error(`${what} must not open a transaction`);
        // The claim fails; what comes after (the person's language, the failure's record) works.
        if (prop === 'executeQuery' && sent++ === 0) return () => Promise.reject(new Error('boom'));
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  it('a command that only reads (no transaction) whose statement fails leaves the update recorded as failed', async () => {
    const incoming = tg('/tasks', 'vi');
    const response = await dispatch({ ...deps, db: firstStatementFails(handle.db, '/tasks') }, incoming);
    expect(response!.replies[0]!.text).toContain('Your message has been saved');
    const row = await stored(incoming.updateKey);
    expect(row?.outcome).toBe('error');
    expect(JSON.stringify(row?.payload)).toContain('/tasks');
  });

  it('a status button (claim and answer in one statement) that fails changes nothing and leaves the update recorded as failed', async () => {
    const staff = await handle.db.selectFrom('staff').select(['id', 'unit_id']).executeTakeFirstOrThrow();
    const { occurrenceIds } = await createTask(
      handle.db,
      { title: 'Báo cáo tổng kết năm', leadUnitId: staff.unit_id, ownerIds: [staff.id], due: { kind: 'date', date: '2026-12-10' } },
      clock.now(),
    );
    const occurrenceId = occurrenceIds[0]!;
    const data = actions.status('done', occurrenceId);
    const press = () => update({ callback_query: { data } }, { kind: 'action', action: data, messageId: '777' });
    // The answer's part of the statement fails inside Postgres, after the claim's part ran.
    await sql`create function refuse_update() returns trigger language plpgsql as $$ begin raise exception 'no updates now'; end $$`.execute(handle.db);
    await sql`create trigger refuse_update before insert on updates for each row execute function refuse_update()`.execute(handle.db);
    const failed = press();
    try {
      const response = await dispatch(deps, failed);
      expect(response!.replies[0]!.text).toContain('Your message has been saved');
    } finally {
      await sql`drop trigger refuse_update on updates`.execute(handle.db);
      await sql`drop function refuse_update()`.execute(handle.db);
    }
    expect((await stored(failed.updateKey))?.outcome).toBe('error');
    const occurrence = () => handle.db.selectFrom('occurrences').select('status').where('id', '=', occurrenceId).executeTakeFirstOrThrow();
    expect((await occurrence()).status).toBe('open');
    expect(await handle.db.selectFrom('updates').select('id').where('occurrence_id', '=', occurrenceId).execute()).toEqual([]);
    expect(await handle.db.selectFrom('message_refs').select('message_id').where('message_id', '=', '777').execute()).toEqual([]);
    // Pressed again, it works, in one statement and without a transaction.
    const noTransaction = new Proxy(handle.db, {
      get(target, prop) {
        if (prop === 'transaction') throw new Error('a status button must not open a transaction');
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const again = await dispatch({ ...deps, db: noTransaction }, press());
    expect(again!.notice?.text).toMatch(/Hoàn thành|Done/);
    expect(again!.editRemembered).toBe(true);
    expect((await occurrence()).status).toBe('done');
  });
});
