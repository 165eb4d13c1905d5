import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actions } from '../../src/chat/actions.js';
import { statusActions } from '../../src/chat/cards.js';
import { createKeyedQueue } from '../../src/channels/keyed-queue.js';
import { responseMessages } from '../../src/channels/zalo/channel.js';
import { secretMatches } from '../../src/http/secret.js';
import { renderZaloBatch, withTail } from '../../src/channels/zalo/render.js';
import { ZALO_WORDING } from '../../src/channels/zalo/wording.js';
import { getTranslator, LOCALES_DIR } from '../../src/i18n.js';

const t = getTranslator().for('vi');
const ctx = { t, taskIdOf: (occurrenceId: number) => occurrenceId + 100 };
const MENU = 'Trả lời: 1 Đang làm · 2 Xong · 3 Vướng mắc · 4 Gia hạn';

describe('numbered menus', () => {
  it('one task card: statuses are 1–4 and remembered for that task', () => {
    const batch = renderZaloBatch([{ text: '#107 · Việc', actions: statusActions(t, 7), occurrenceIds: [7] }], ctx);
    expect(batch.messages).toEqual([{ parts: [`#107 · Việc\n\n${MENU}`], occurrenceIds: [7] }]);
    expect(batch.menu).toEqual({
      needsTask: false,
      entries: [
        { n: 1, action: 'st:p:7' },
        { n: 2, action: 'st:d:7' },
        { n: 3, action: 'st:b:7' },
        { n: 4, action: 'st:x:7' },
      ],
    });
  });

  it('several cards: each menu names its task, statuses need it, other actions continue at 5', () => {
    const batch = renderZaloBatch(
      [
        { text: 'Danh sách' },
        { text: 'A', actions: statusActions(t, 1), occurrenceIds: [1] },
        { text: 'B', actions: statusActions(t, 2), occurrenceIds: [2] },
        { text: 'Còn nữa', actions: [{ label: 'Xem tiếp', action: actions.tasksPage(1) }] },
      ],
      ctx,
    );
    expect(batch.messages.map((m) => m.parts.join('|'))).toEqual([
      'Danh sách',
      `A\n\n${MENU} (kèm #101, ví dụ: 2 #101)`,
      `B\n\n${MENU} (kèm #102, ví dụ: 2 #102)`,
      'Còn nữa\n\nTrả lời: 5 Xem tiếp',
    ]);
    expect(batch.menu).toEqual({ needsTask: true, entries: [{ n: 5, action: 'tp:1' }] });
  });

  it('one list of several tasks (a consolidated nudge) shows the four answers once', () => {
    const buttons = [5, 6].flatMap((o) => statusActions(t, o).map((a) => ({ ...a, action: a.action.replace(/^st:/, 'sl:') })));
    const batch = renderZaloBatch([{ text: 'Nhắc việc', actions: buttons, occurrenceIds: [5, 6] }], ctx);
    expect(batch.messages[0]!.parts).toEqual([`Nhắc việc\n\n${MENU} (kèm số việc, ví dụ: 2 #105)`]);
    expect(batch.menu).toEqual({ needsTask: true, entries: [] });
  });

  it('a list nudge about one task answers like its card (the reply names the task)', () => {
    const buttons = statusActions(t, 9).map((a) => ({ ...a, action: a.action.replace(/^st:/, 'sl:') }));
    expect(renderZaloBatch([{ text: 'Nhắc', actions: buttons, occurrenceIds: [9] }], ctx).menu?.entries[1]).toEqual({ n: 2, action: 'st:d:9' });
  });

  it('other actions alone are numbered from 1 with their own labels', () => {
    const out = {
      text: 'Đề nghị gia hạn',
      actions: [
        { label: 'Đồng ý', action: 'xa:3' },
        { label: 'Từ chối', action: 'xr:3' },
      ],
    };
    const batch = renderZaloBatch([out], ctx);
    expect(batch.messages[0]!.parts[0]).toBe('Đề nghị gia hạn\n\nTrả lời: 1 Đồng ý · 2 Từ chối');
    expect(batch.menu?.entries).toEqual([
      { n: 1, action: 'xa:3' },
      { n: 2, action: 'xr:3' },
    ]);
  });

  it('no actions, no menu: the old menu stays', () => {
    expect(renderZaloBatch([{ text: 'Đã ghi nhận.' }], ctx).menu).toBeNull();
  });
});

describe('splitting with the menu on the last part', () => {
  it('keeps the menu whole on the last part, every part within the limit', () => {
    const text = Array.from({ length: 30 }, (_, i) => `dòng ${i} có vài chữ tiếng Việt`).join('\n');
    const parts = withTail(text, MENU, 200);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(200);
    expect(parts.at(-1)!.endsWith(`\n\n${MENU}`)).toBe(true);
    expect(parts.slice(0, -1).join('\n')).not.toContain('Trả lời');
  });

  it('makes room for the menu when the last part is nearly full', () => {
    const text = 'chữ '.repeat(48).trim();
    const parts = withTail(text, MENU, 200);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(200);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(`${text} ${MENU}`);
  });
});

describe('responses without buttons or edits', () => {
  it('a button answer becomes one message: the notice above the updated card', () => {
    const outs = responseMessages({ replies: [], edit: { text: '#1 · Việc' }, notice: { text: 'Đã cập nhật: Hoàn thành.' } });
    expect(outs).toEqual([{ text: 'Đã cập nhật: Hoàn thành.\n\n#1 · Việc' }]);
  });

  it('a notice is dropped when replies say it already, kept when alone or an alert', () => {
    expect(responseMessages({ replies: [{ text: 'Hỏi' }], notice: { text: 'Toast' } })).toEqual([{ text: 'Hỏi' }]);
    expect(responseMessages({ replies: [], notice: { text: 'Không thuộc anh/chị', alert: true } })).toEqual([{ text: 'Không thuộc anh/chị' }]);
    expect(responseMessages({ replies: [], notice: { text: '' } })).toEqual([]);
    expect(responseMessages({ replies: [{ text: 'Lỗi' }], notice: { text: 'Lỗi', alert: true } })).toEqual([{ text: 'Lỗi' }]);
  });
});

describe('plumbing', () => {
  it('compares webhook secrets exactly', () => {
    expect(secretMatches('abcdefgh', 'abcdefgh')).toBe(true);
    expect(secretMatches('abcdefg', 'abcdefgh')).toBe(false);
    expect(secretMatches(undefined, 'abcdefgh')).toBe(false);
    expect(secretMatches('', '')).toBe(false);
  });

  it("runs one chat's updates one after another and other chats alongside", async () => {
    const queue = createKeyedQueue();
    const log: string[] = [];
    const step = (name: string, ms: number) => async () => {
      log.push(`${name}+`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name}-`);
    };
    const ran = [queue.run('a', step('a1', 30)), queue.run('a', step('a2', 1)), queue.run('b', step('b1', 1))];
    expect(queue.size).toBe(3);
    await queue.idle();
    expect(log.indexOf('a1-')).toBeLessThan(log.indexOf('a2+'));
    expect(log.indexOf('b1-')).toBeLessThan(log.indexOf('a1-'));
    expect(queue.size).toBe(0);
    await Promise.all(ran);
  });

  it('hands back what the work returns, and a failure stops only its own work', async () => {
    const queue = createKeyedQueue();
    const failing = queue.run('a', () => Promise.reject(new Error('boom')));
    const after = queue.run('a', async () => 42);
    await expect(failing).rejects.toThrow('boom');
    await expect(after).resolves.toBe(42);
  });

  it('every Zalo wording exists in both languages', () => {
    for (const file of ['vi.ftl', 'en.ftl']) {
      const text = fs.readFileSync(path.join(LOCALES_DIR, file), 'utf8');
      for (const id of Object.values(ZALO_WORDING)) expect(text).toMatch(new RegExp(`^${id} =`, 'm'));
    }
  });
});
