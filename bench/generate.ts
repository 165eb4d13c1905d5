/**
 * Synthetic organisations for the benchmark, generated inside Postgres with INSERT … SELECT
 * generate_series (no rows cross the wire). Shape: [national root →] provinces → 100 units each
 * (20 departments, 80 communes) → 5 divisions each. Staff: a unit head per second-level unit and
 * per division, three leaders per province, the rest spread over divisions; every person linked
 * on Telegram (chat id = staff id). One task per occurrence, owned by a staff member of the lead
 * division (one in twenty unowned). Due dates spread over ±400 days around `today`; 92.5% of past
 * ones are done (5% open, 2.5% blocked), so about 3.75% of occurrences are overdue and ~0.5% fall
 * in today's nudge sets.
 */
import { sql } from 'kysely';
import type { Db } from '../src/db/index.js';

export interface Scale {
  name: 'province' | 'national';
  provinces: number;
  national: boolean;
  staff: number;
  occurrences: number;
}

export const SCALES: Record<Scale['name'], Scale> = {
  province: { name: 'province', provinces: 1, national: false, staff: 20_000, occurrences: 200_000 },
  national: { name: 'national', provinces: 63, national: true, staff: 500_000, occurrences: 2_000_000 },
};

export const SECOND_LEVEL = 100;
export const DIVISIONS = 5;

export interface Layout {
  rootId: number;
  provinceIds: number[];
  secondBase: number;
  divisionBase: number;
  seconds: number;
  divisions: number;
  /** Staff ids at or below this are heads and leaders. */
  firstPlainStaff: number;
}

export function layout(scale: Scale): Layout {
  const provinceBase = scale.national ? 2 : 1;
  const provinceIds = Array.from({ length: scale.provinces }, (_, i) => provinceBase + i);
  const seconds = scale.provinces * SECOND_LEVEL;
  const secondBase = provinceBase + scale.provinces;
  const divisionBase = secondBase + seconds;
  return {
    rootId: scale.national ? 1 : provinceBase,
    provinceIds,
    secondBase,
    divisionBase,
    seconds,
    divisions: seconds * DIVISIONS,
    firstPlainStaff: seconds + scale.provinces * 3 + seconds * DIVISIONS + 1,
  };
}

async function units(db: Db, scale: Scale, l: Layout): Promise<void> {
  const depth0 = scale.national ? 1 : 0;
  if (scale.national)
    await sql`insert into units (id, parent_id, name, name_folded, path, depth) values (1, null, 'Việt Nam', 'viet nam', 'VN', 0)`.execute(db);
  await sql`
    insert into units (id, parent_id, name, name_folded, path, depth)
    select ${l.provinceIds[0]!}::int + p, ${scale.national ? 1 : null}::int, 'Tỉnh ' || (p + 1), 'tinh ' || (p + 1), 'P' || p, ${depth0}
    from generate_series(0, ${scale.provinces - 1}::int) p`.execute(db);
  await sql`
    insert into units (id, parent_id, name, name_folded, path, depth)
    select ${l.secondBase}::int + s, ${l.provinceIds[0]!}::int + s / ${SECOND_LEVEL},
      case when s % ${SECOND_LEVEL} < 20 then 'Sở ' else 'Xã ' end || (s % ${SECOND_LEVEL} + 1) || ' tỉnh ' || (s / ${SECOND_LEVEL} + 1),
      'unit ' || s, 'P' || (s / ${SECOND_LEVEL}) || '/S' || s, ${depth0 + 1}
    from generate_series(0, ${l.seconds - 1}::int) s`.execute(db);
  await sql`
    insert into units (id, parent_id, name, name_folded, path, depth)
    select ${l.divisionBase}::int + d, ${l.secondBase}::int + d / ${DIVISIONS}, 'Phòng ' || (d % ${DIVISIONS} + 1) || ' / đơn vị ' || (d / ${DIVISIONS}),
      'phong ' || d, 'S' || (d / ${DIVISIONS}) || '/D' || d, ${depth0 + 2}
    from generate_series(0, ${l.divisions - 1}::int) d`.execute(db);
  await sql`select setval(pg_get_serial_sequence('units', 'id'), (select max(id) from units))`.execute(db);
  await sql`
    insert into unit_closure (ancestor_id, unit_id, depth)
    with recursive c(ancestor_id, unit_id, depth) as (
      select id, id, 0 from units
      union all
      select u.parent_id, c.unit_id, c.depth + 1 from c join units u on u.id = c.ancestor_id where u.parent_id is not null
    ) select * from c`.execute(db);
}

/** Unit of staff i: second-level heads, then province leaders, then division heads, then staff round-robin over divisions. */
async function staff(db: Db, scale: Scale, l: Layout): Promise<void> {
  const leaders = scale.provinces * 3;
  await sql`
    insert into staff (id, unit_id, name, name_folded, phone, role, updated_at)
    select i,
      case when i <= ${l.seconds} then ${l.secondBase}::int + i - 1
           when i <= ${l.seconds + leaders} then ${l.provinceIds[0]!}::int + (i - ${l.seconds} - 1) / 3
           else ${l.divisionBase}::int + (i - ${l.seconds + leaders} - 1) % ${l.divisions} end,
      'Cán bộ ' || i, 'can bo ' || i, '09' || lpad(i::text, 8, '0'),
      case when i <= ${l.seconds} then 'unit_head'
           when i <= ${l.seconds + leaders} then 'leader'
           when i < ${l.firstPlainStaff} then 'unit_head' else 'staff' end,
      now()
    from generate_series(1, ${scale.staff}::int) i`.execute(db);
  if (scale.national) {
    await sql`insert into staff (id, unit_id, name, name_folded, phone, role, updated_at) values (${scale.staff + 1}, 1, 'Quản trị quốc gia', 'quan tri quoc gia', '0800000000', 'admin', now())`.execute(
      db,
    );
  }
  await sql`select setval(pg_get_serial_sequence('staff', 'id'), (select max(id) from staff))`.execute(db);
  await sql`
    insert into chat_links (staff_id, channel, user_id, chat_id, linked_at)
    select id, 'telegram', id::text, id::text, now() from staff`.execute(db);
}

/** Due dates spread evenly (by a hash of the task id) over 400 days either side of today. */
const dueOffset = sql`(abs(hashint4(j)) % 800 - 400)`;

/**
 * `count` tasks with one occurrence each, ids from `first`. Owners are plain staff (one task in
 * twenty has none); the lead unit is the owner's division.
 */
export async function tasks(db: Db, scale: Scale, l: Layout, today: string, first: number, count: number, periodKey = 'once'): Promise<void> {
  const plain = scale.staff - l.firstPlainStaff + 1;
  const owner = sql`(${l.firstPlainStaff}::int + ((j::bigint * 7919) % ${plain})::int)`;
  await sql`
    insert into tasks (id, title, due_kind, due_date, created_at)
    select j, 'Nhiệm vụ số ' || j || ' theo kế hoạch năm', 'date', ${today}::date + ${dueOffset}, now() - interval '30 days'
    from generate_series(${first}::int, ${first + count - 1}::int) j`.execute(db);
  await sql`
    insert into task_units (task_id, unit_id, role)
    select j, s.unit_id, 'lead' from generate_series(${first}::int, ${first + count - 1}::int) j join staff s on s.id = ${owner}`.execute(db);
  await sql`
    insert into task_owners (task_id, staff_id, assigned_at)
    select j, ${owner}, now() from generate_series(${first}::int, ${first + count - 1}::int) j where j % 20 <> 3`.execute(db);
  await occurrences(db, today, first, count, periodKey, 0);
}

/**
 * One occurrence per task first..first+count-1, due `shiftDays` after the task's date. Past ones:
 * one in twenty open and one in forty blocked (overdue), the rest done; future ones open or in
 * progress, one in fifty blocked. `onlyNotDue` keeps only rows no nudge set can reach: done in the
 * past, or due more than 60 days ahead.
 */
export async function occurrences(
  db: Db,
  today: string,
  first: number,
  count: number,
  periodKey: string,
  shiftDays: number,
  onlyNotDue = false,
): Promise<void> {
  const due = sql`(${today}::date + ${dueOffset} + ${shiftDays}::int)`;
  const pick = sql`(abs(hashint4(j + 7)) % 200)`;
  const status = sql`case
      when d.due < ${today}::date then case when not ${onlyNotDue} and ${pick} < 10 then 'open' when not ${onlyNotDue} and ${pick} < 15 then 'blocked' else 'done' end
      when ${pick} < 4 then 'blocked' when ${pick} % 2 = 0 then 'in_progress' else 'open' end`;
  await sql`
    insert into occurrences (task_id, period_key, due_date, lead_unit_id, status, completed_at, created_at)
    select j, ${periodKey}, d.due, tu.unit_id, st.status,
      case when st.status = 'done' then now() - interval '1 day' end, now() - interval '30 days'
    from generate_series(${first}::int, ${first + count - 1}::int) j
    cross join lateral (select ${due} as due) d
    cross join lateral (select ${status} as status) st
    join task_units tu on tu.task_id = j and tu.role = 'lead'
    where not ${onlyNotDue} or d.due < ${today}::date - 30 or d.due > ${today}::date + 60`.execute(db);
}

/**
 * Flushes the bulk load's dirty pages now (CHECKPOINT needs a superuser or pg_checkpoint; without
 * it the next measurement may share the disk with the checkpointer).
 */
export async function settle(db: Db): Promise<void> {
  await sql`checkpoint`.execute(db).catch(() => undefined);
}

const BULK_TABLES = ['staff', 'chat_links', 'tasks', 'task_units', 'task_owners', 'occurrences'];

/**
 * Runs a bulk load the way one restores a dump: secondary indexes dropped and rebuilt afterwards,
 * foreign-key triggers off for the session (`db` must be a single-connection handle of a superuser;
 * without the right, the load simply runs with them on). The schema ends up exactly as migrated.
 */
export async function bulk(db: Db, work: () => Promise<void>): Promise<void> {
  const { rows } = await sql<{ name: string; def: string }>`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = current_schema() and i.tablename = any(${BULK_TABLES}::text[])
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.connamespace = current_schema()::regnamespace)`.execute(db);
  await sql`set maintenance_work_mem = '256MB'`.execute(db);
  await sql`set session_replication_role = replica`.execute(db).catch(() => undefined);
  for (const index of rows) await sql`drop index ${sql.id(index.name)}`.execute(db);
  try {
    await work();
  } finally {
    for (const index of rows) await sql.raw(index.def).execute(db);
    await sql`set session_replication_role = origin`.execute(db).catch(() => undefined);
  }
}

export async function generate(db: Db, scale: Scale, today: string, log: (line: string) => void): Promise<Layout> {
  const l = layout(scale);
  const step = async (what: string, work: () => Promise<void>) => {
    const t0 = performance.now();
    await work();
    log(`  ${what.padEnd(34)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  await step(`units (${l.divisions + l.seconds + scale.provinces + (scale.national ? 1 : 0)})`, () => units(db, scale, l));
  await step(`staff + links (${scale.staff})`, () => bulk(db, () => staff(db, scale, l)));
  await step(`tasks + occurrences (${scale.occurrences})`, () => bulk(db, () => tasks(db, scale, l, today, 1, scale.occurrences)));
  // What autovacuum does on a live database: statistics and the visibility map (index-only scans).
  await step('vacuum analyze, checkpoint', async () => {
    await sql`vacuum analyze`.execute(db);
    await settle(db);
  });
  return l;
}
