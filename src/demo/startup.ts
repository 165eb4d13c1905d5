/** At `npm start`: in demo mode, an empty database gets the demo organisation before the server opens. */
import type { Logger } from 'pino';
import type { Deps } from '../chat/types.js';
import type { Config } from '../config.js';
import { loadDemo } from './load.js';
import { demoWanted } from './mode.js';

export async function prepareDemo(deps: Pick<Deps, 'db' | 'clock'>, config: Config, logger: Logger): Promise<void> {
  if (!demoWanted(config)) return;
  const result = await loadDemo(deps.db, deps.clock.now(), { linkCodeTtlDays: config.linkCodeTtlDays });
  if (result.loaded) logger.info(result, 'demo organisation loaded');
  else if (result.reason === 'not_empty') {
    logger.warn('demo mode: the database already holds an organisation that is not the demo, so the web chat offers no person picker');
  }
}
