/**
 * `remind [--at ISO]`: one planner tick and one delivery pass as if it were that instant (what
 * the cron jobs do every few minutes); prints what was queued and what was sent.
 */
import { EXIT_OK, type CliCommand } from './types.js';
import { formatVnDateTime } from '../domain/time.js';
import { kindLabel, parseAt, printDelivery, schedulerAt, staffNames } from './scheduler-run.js';

export const remind: CliCommand = {
  path: ['remind'],
  usageKey: 'cli-usage-remind',
  async run(args, io, env) {
    const at = parseAt(args, env, 'cli-usage-remind');
    const { scheduler, channels } = schedulerAt(env, at);
    io.stdout(env.t('cli-remind-at', { at: formatVnDateTime(at) }));
    if (channels.length === 0) {
      io.stdout(env.t('cli-no-channel'));
      return EXIT_OK;
    }
    const plan = await scheduler.planNudges();
    if (!plan.ran) io.stdout(env.t('cli-planner-locked'));
    else if (!plan.nudgeTime) io.stdout(env.t('cli-remind-outside'));
    if (plan.occurrencesCreated > 0) io.stdout(env.t('cli-occurrences-created', { count: plan.occurrencesCreated }));
    const names = await staffNames(
      env,
      plan.queued.map((q) => q.staffId),
    );
    io.stdout(env.t('cli-queued', { count: plan.queued.length }));
    for (const q of plan.queued) {
      io.stdout(
        env.t('cli-queued-line', { kind: kindLabel(env, q.kind), name: names.get(q.staffId) ?? '', channel: q.channel, chat: q.chatId, items: q.total }),
      );
    }
    await printDelivery(env, io, await scheduler.deliver());
    return EXIT_OK;
  },
};
