/**
 * Issue 11, defect 5: `dondoc demo`, then `staff import real.csv`, then a start with no token:
 * the picker must not list the real people, nor let anyone act as a real leader. Once real people
 * are imported the demo picker is off for good.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE_CSV } from '../helpers/telegram-app.js';
import { cliRunner } from '../helpers/cli.js';
import { startWebHarness, type WebHarness } from '../helpers/web-app.js';
import { webClient } from '../helpers/web-client.js';

let h: WebHarness;
let dir: string;
beforeAll(async () => {
  h = await startWebHarness({ demo: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-demo-off-'));
});
afterAll(async () => {
  await h?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the demo picker after real people are imported', () => {
  it('is offered on the demo organisation alone', async () => {
    expect(await h.app.demo.active()).toBe(true);
    expect((await webClient(h.base).get('/')).text.match(/class="person"/g)).toHaveLength(14);
  });

  it('is gone once real staff are imported, and picking a real leader is refused', async () => {
    fs.writeFileSync(path.join(dir, 'real.csv'), PEOPLE_CSV);
    const imported = await cliRunner(h.database.db, h.clock, dir)('staff', 'import', 'real.csv');
    expect(imported.code).toBe(0);
    const browser = webClient(h.base);
    const page = await browser.get('/');
    expect(page.text).not.toContain('class="person"');
    expect(page.text).not.toContain('Phạm Thị Dung');
    const leader = await h.database.db.selectFrom('staff').select('id').where('phone', '=', '0912000004').executeTakeFirstOrThrow();
    expect((await browser.form('/chat/pick', { staff: String(leader.id) })).status).toBe(404);
    expect(await h.database.db.selectFrom('chat_links').select('id').where('staff_id', '=', leader.id).execute()).toEqual([]);
  });

  it('stays off for good, even when the real people are deactivated again', async () => {
    await h.database.db.updateTable('staff').set({ active: false }).where('phone', 'like', '0912000%').execute();
    expect(await h.app.demo.active()).toBe(false);
    expect((await webClient(h.base).get('/')).text).not.toContain('class="person"');
  });
});
