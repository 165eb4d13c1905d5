/**
 * Every migration, in order. A static list (not a folder scan) behaves the same under tsx,
 * vitest and compiled `node dist` (PLATFORMS.md §5). Add new files here; never edit landed ones.
 */
import type { Migration } from 'kysely';
import * as m0001 from './2026_11_23_0001_init.js';
import * as m0130 from './2026_11_23_0130_scheduler.js';
import * as m0131 from './2026_11_23_0131_nudge_log_key.js';
import * as m0201 from './2026_11_23_0201_chat_menus.js';
import * as m0301 from './2026_11_23_0301_plans.js';
import * as m0601 from './2026_11_23_0601_web.js';
import * as m0701 from './2026_11_23_0701_outbox_parts.js';
import * as m0702 from './2026_11_23_0702_planner_scan.js';
import * as m1203_0801 from './2026_12_03_0801_planner_changes.js';
import * as m1203_0802 from './2026_12_03_0802_outbox_dead_idx.js';
import * as m1203_1001 from './2026_12_03_1001_office_drafts.js';
import * as m1201 from './2026_12_03_1201_rounds.js';
import * as m1203_1100 from './2026_12_03_1100_faults.js';

export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_init': m0001,
  '2026_11_23_0130_scheduler': m0130,
  '2026_11_23_0131_nudge_log_key': m0131,
  '2026_11_23_0201_chat_menus': m0201,
  '2026_11_23_0301_plans': m0301,
  '2026_11_23_0601_web': m0601,
  '2026_11_23_0701_outbox_parts': m0701,
  '2026_11_23_0702_planner_scan': m0702,
  '2026_12_03_0801_planner_changes': m1203_0801,
  '2026_12_03_0802_outbox_dead_idx': m1203_0802,
  '2026_12_03_1001_office_drafts': m1203_1001,
  '2026_12_03_1201_rounds': m1201,
  '2026_12_03_1100_faults': m1203_1100,
};
