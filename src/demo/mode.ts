/**
 * Demo mode: dondoc started with no chat token (or DEMO=1, or after `dondoc demo`) on the demo
 * organisation. The person picker of the web chat exists only then: it lets anyone act as anyone,
 * which is the point of a demo and must never happen in a real deployment. So the picker needs
 * both the wish (config) and the proof (the database holds the demo organisation, marked by the
 * loader), and a database with real people never gets one.
 */
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { z } from 'zod';
import { getSetting, setSetting } from '../store/settings.js';
import { hasStaffOutside } from '../store/staff.js';
import { DEMO_PEOPLE } from './organisation.js';

export const DEMO_SETTING = 'demo_organisation';

/** DEMO=1/0 decides; unset, a dondoc with no chat platform configured is a demo. */
export function demoWanted(config: Pick<Config, 'demo' | 'telegram' | 'zalo'>): boolean {
  return config.demo ?? (!config.telegram && !config.zalo);
}

const demoSetting = z.object({ loadedAt: z.string().optional(), plan: z.string().optional(), endedAt: z.string().optional() }).passthrough();
const DEMO_PHONES = DEMO_PEOPLE.map((p) => p.phone);

/**
 * True while the database holds the demo organisation and nobody else. The first real person
 * (`staff import`, the office workbench, any process) ends the demo for good: the marker records
 * when, and the picker never comes back, even if those people are removed again.
 */
export async function isDemoDatabase(db: Db, now: Date = new Date()): Promise<boolean> {
  const marker = await getSetting(db, DEMO_SETTING, demoSetting);
  if (!marker || marker.endedAt) return false;
  if (!(await hasStaffOutside(db, DEMO_PHONES))) return true;
  await setSetting(db, DEMO_SETTING, { ...marker, endedAt: now.toISOString() }, now);
  return false;
}

export interface DemoGate {
  /** True when the web chat may offer the person picker. */
  active(): Promise<boolean>;
}

export function createDemoGate(config: Pick<Config, 'demo' | 'telegram' | 'zalo'>, db: Db, clock: { now(): Date } = { now: () => new Date() }): DemoGate {
  if (!demoWanted(config)) return { active: async () => false };
  let ended = false;
  return {
    async active() {
      // Asked each time: `dondoc demo` may load the organisation, and `staff import` may bring
      // real people, while the server runs. Once ended, it stays ended.
      if (ended) return false;
      const active = await isDemoDatabase(db, clock.now());
      if (!active && (await getSetting(db, DEMO_SETTING)) !== undefined) ended = true;
      return active;
    },
  };
}
