import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import type { TelegramHarness } from '../helpers/telegram-app.js';
import { harnessWithPeople, nudgeItems, type People, task, unitOf } from './helpers.js';

let h: TelegramHarness;
let p: People;

harnessWithPeople({ at: '2025-12-01T01:00:00Z', env: { SCHEDULER: 'on' } }, (started, people) => {
  h = started;
  p = people;
});

const ours = () => [...cron.getTasks().values()].filter((t) => t.name?.startsWith('dondoc-'));

describe('the cron jobs', () => {
  it('are scheduled in Vietnam time and run the same planner and worker as the CLI', async () => {
    expect(
      ours()
        .map((t) => [t.name, t.getPattern()])
        .sort(),
    ).toEqual([
      ['dondoc-deliver', '*/5 * * * * *'],
      ['dondoc-digest', '*/5 * * * *'],
      ['dondoc-nudges', '*/5 * * * *'],
    ]);
    const t = await task(h, 'Việc đến hạn hôm nay', '2025-12-01', await unitOf(h, p.ids.an), [p.ids.an]);
    const before = h.tg.sentTo(p.an.id).length;
    await ours()
      .find((job) => job.name === 'dondoc-nudges')!
      .execute();
    const [nudge] = h.tg.sentTo(p.an.id).slice(before);
    expect(nudgeItems(nudge!)).toEqual([`#${t.taskId} hôm nay`]);
  });

  it('stop with the app', async () => {
    await h.app.stop();
    expect(ours()).toHaveLength(0);
  });
});
