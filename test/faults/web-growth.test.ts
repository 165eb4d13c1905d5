/**
 * Issue 11, defect 6: opening the web chat must not write to the database; a session starts when
 * the visitor acts; what one visitor can write is bounded; old sessions and the messages no one
 * can see any more are pruned by the daily upkeep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SENDS_PER_MINUTE } from '../../src/channels/web/routes.js';
import { startWebHarness, type WebHarness } from '../helpers/web-app.js';
import { webClient } from '../helpers/web-client.js';

let h: WebHarness;
beforeAll(async () => {
  h = await startWebHarness({ demo: false, env: { DEMO: '0' } });
});
afterAll(async () => {
  await h?.close();
});

const count = async (table: 'web_sessions' | 'web_messages') =>
  Number(
    (
      await h.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the web chat and the database', () => {
  it('writes nothing when pages are opened without a cookie, and still says how to link', async () => {
    for (let i = 0; i < 25; i++) {
      const page = await webClient(h.base).get('/');
      expect(page.status).toBe(200);
      expect(page.text).toContain('/start');
    }
    expect(await count('web_sessions')).toBe(0);
    expect(await count('web_messages')).toBe(0);
  });

  it('bounds what one visitor can write', async () => {
    const browser = webClient(h.base);
    const statuses: number[] = [];
    for (let i = 0; i < SENDS_PER_MINUTE + 15; i++) statuses.push((await browser.json('/chat/send', { text: `xin chào ${i}` })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(SENDS_PER_MINUTE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(await count('web_sessions')).toBe(1);
    expect(await count('web_messages')).toBe(SENDS_PER_MINUTE * 2);
  });

  it('prunes expired sessions and the messages of their chats on the daily upkeep', async () => {
    expect(await count('web_messages')).toBeGreaterThan(0);
    h.clock.set('2027-01-05T02:00:00Z');
    await h.app.scheduler.planNudges();
    expect(await count('web_sessions')).toBe(0);
    expect(await count('web_messages')).toBe(0);
  });
});
