/** `digest [--at ISO]`: plans the morning digest and delivers it as if it were that instant; prints what happened. */
import { EXIT_OK, type CliCommand } from './types.js';
import { kindLabel, parseAt, printDelivery, schedulerAt, staffNames } from './scheduler-run.js';
import { formatVnDate, formatVnDateTime } from '../domain/time.js';

export const digestCommand: CliCommand = {
  path: ['digest'],
  usageKey: 'cli-usage-digest',
  async run(args, io, env) {
    const at = parseAt(args, env, 'cli-usage-digest');
    const { scheduler, channels } = schedulerAt(env, at);
    io.stdout(env.t('cli-digest-at', { at: formatVnDateTime(at) }));
    if (channels.length === 0) {
      io.stdout(env.t('cli-no-channel'));
      return EXIT_OK;
    }
    const plan = await scheduler.planDigest();
    if (!plan.ran) io.stdout(env.t('cli-planner-locked'));
    else if (!plan.date) io.stdout(env.t('cli-digest-not-owed'));
    const names = await staffNames(
      env,
      plan.queued.map((q) => q.staffId),
    );
    io.stdout(env.t('cli-queued', { count: plan.queued.length }));
    for (const q of plan.queued) {
      io.stdout(env.t('cli-queued-line', { kind: kindLabel(env, 'digest'), name: names.get(q.staffId) ?? '', channel: q.channel, chat: q.chatId, items: 1 }));
    }
    if (plan.date) io.stdout(env.t('cli-digest-date', { date: formatVnDate(plan.date) }));
    await printDelivery(env, io, await scheduler.deliver());
    return EXIT_OK;
  },
};
