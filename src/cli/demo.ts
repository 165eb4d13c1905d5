/** `demo`: loads the demo organisation (a Sở Tư pháp, its people, the tasks of the seed plan) into an empty database. */
import { loadDemo } from '../demo/load.js';
import { EXIT_FAILURE, EXIT_OK, type CliCommand } from './types.js';

export const demo: CliCommand = {
  path: ['demo'],
  usageKey: 'cli-usage-demo',
  async run(_args, io, env) {
    const result = await loadDemo(env.db, env.clock.now(), { linkCodeTtlDays: env.config.linkCodeTtlDays });
    if (result.loaded) {
      io.stdout(env.t('cli-demo-loaded', { units: result.units, people: result.people, tasks: result.tasks }));
      io.stdout(env.t('cli-demo-next'));
      return EXIT_OK;
    }
    if (result.reason === 'already_loaded') {
      io.stdout(env.t('cli-demo-already'));
      return EXIT_OK;
    }
    io.stderr(env.t('cli-demo-not-empty'));
    return EXIT_FAILURE;
  },
};
