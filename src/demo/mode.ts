/**
 * Demo mode: dondoc started with no chat token (or DEMO=1, or after `dondoc demo`) on the demo
 * organisation. The person picker of the web chat exists only then: it lets anyone act as anyone,
 * which is the point of a demo and must never happen in a real deployment. So the picker needs
 * both the wish (config) and the proof (the database holds the demo organisation, marked by the
 * loader), and a database with real people never gets one.
 */
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { getSetting } from '../store/settings.js';

export const DEMO_SETTING = 'demo_organisation';

/** DEMO=1/0 decides; unset, a dondoc with no chat platform configured is a demo. */
export function demoWanted(config: Pick<Config, 'demo' | 'telegram' | 'zalo'>): boolean {
  return config.demo ?? (!config.telegram && !config.zalo);
}

export async function isDemoDatabase(db: Db): Promise<boolean> {
  return (await getSetting(db, DEMO_SETTING)) !== undefined;
}

export interface DemoGate {
  /** True when the web chat may offer the person picker. */
  active(): Promise<boolean>;
}

export function createDemoGate(config: Pick<Config, 'demo' | 'telegram' | 'zalo'>, db: Db): DemoGate {
  if (!demoWanted(config)) return { active: async () => false };
  let known = false;
  return {
    async active() {
      // `dondoc demo` may load the organisation while the server runs, so a "no" is asked again.
      if (!known) known = await isDemoDatabase(db);
      return known;
    },
  };
}
