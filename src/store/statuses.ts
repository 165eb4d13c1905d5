/** OPEN_STATUSES as SQL: a literal list, so Postgres matches the partial indexes built on it. */
import { sql } from 'kysely';
import { OPEN_STATUSES } from '../domain/types.js';

/** `('open', 'in_progress', 'blocked')`, for `status in ${OPEN}`. */
export const OPEN = sql`(${sql.join(OPEN_STATUSES.map((s) => sql.lit(s)))})`;
