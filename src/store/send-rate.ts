/**
 * A bot's send rate, shared by every dondoc process on the database: one row per bot (a bucket)
 * holds the next instant a message may leave, and each send reserves the next free slot in one
 * statement (GCRA: a token bucket without a burst allowance). The row lock orders concurrent
 * reservations, and the database's clock is the one clock all processes agree on.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';

export interface SendSlot {
  /** The instant this send may go, by the database's clock. */
  at: Date;
  /** How long to wait from now for it (0 when it may go at once). */
  waitMs: number;
}

/** Reserves the next slot of `bucket`, `intervalMs` after the previous one. */
export async function reserveSendSlot(db: Db, bucket: string, intervalMs: number): Promise<SendSlot> {
  const step = sql`(${intervalMs}::float8 * interval '1 millisecond')`;
  const { rows } = await sql<{ at: Date; wait_ms: number }>`
    insert into send_slots as s (bucket, next_at) values (${bucket}, clock_timestamp() + ${step})
    on conflict (bucket) do update set next_at = greatest(s.next_at, clock_timestamp()) + ${step}
    returning s.next_at - ${step} as at,
      greatest(0, extract(epoch from (s.next_at - ${step} - clock_timestamp())) * 1000)::float8 as wait_ms`.execute(db);
  const row = rows[0]!;
  return { at: new Date(row.at), waitMs: Number(row.wait_ms) };
}

/** The platform asked to slow down: no slot of `bucket` is given out for `ms`. */
export async function holdSendSlots(db: Db, bucket: string, ms: number): Promise<void> {
  const until = sql`clock_timestamp() + (${ms}::float8 * interval '1 millisecond')`;
  await sql`
    insert into send_slots as s (bucket, next_at) values (${bucket}, ${until})
    on conflict (bucket) do update set next_at = greatest(s.next_at, ${until})`.execute(db);
}
