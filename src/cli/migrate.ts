/** `migrate`: brings the schema to the latest version (start-up does the same). */
import { migrateToLatest } from '../db/migrate.js';
import { EXIT_OK, type CliCommand } from './types.js';

export const migrate: CliCommand = {
  path: ['migrate'],
  usageKey: 'cli-usage-migrate',
  async run(_args, io, env) {
    const applied = await migrateToLatest(env.db);
    io.stdout(applied.length > 0 ? env.t('cli-migrated', { list: applied.join(', ') }) : env.t('cli-migrate-none'));
    return EXIT_OK;
  },
};
