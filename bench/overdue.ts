/** /overdue timings: the report a province leader (and the national root) gets, median of five runs. */
import { sql } from 'kysely';
import { overdueReport } from '../commands/overdue.js';
import type { Db } from '../src/db/index.js';
import { localInstant } from '../src/domain/time.js';
import { getTranslator } from '../src/i18n.js';
import type { Layout, Scale } from './generate.js';

async function median(work: () => Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export async function measureOverdue(db: Db, scale: Scale, l: Layout, today: string, log: (line: string) => void): Promise<void> {
  const ctx = { db, t: getTranslator().for('vi'), today, now: localInstant(today, 9, 0) };
  log('/overdue (median of 5)');
  const targets: [string, number][] = [['province leader', l.provinceIds[0]!]];
  if (scale.national) targets.push(['national root', l.rootId]);
  for (const [who, unitId] of targets) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from unit_closure v join occurrences o on o.lead_unit_id = v.unit_id
      where v.ancestor_id = ${unitId} and o.status in ('open','in_progress','blocked')`.execute(db);
    let text = '';
    const time = await median(async () => {
      text = await overdueReport(ctx, unitId);
    });
    log(`  ${who.padEnd(34)} ${Math.round(time)} ms — ${rows[0]!.n.toLocaleString('en-US')} open occurrences in the subtree, answer ${text.length} chars`);
  }
}
