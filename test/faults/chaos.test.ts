/**
 * The short chaos run (bench/chaos.ts --short) inside the normal suite: two dondoc processes on
 * Postgres deliver 150 nudges through the fake Bot API with 20 % failures, one SIGKILL, every
 * database connection terminated, and 1 000 fuzzed updates; the targets must hold. Postgres only:
 * PGlite is one process with no connections to drop.
 */
import { describe, expect, it } from 'vitest';
import { runChaos } from '../../bench/chaos.js';
import { usingPostgres } from '../helpers/db.js';

describe('chaos (short)', () => {
  if (!usingPostgres) {
    it.skip('runs on Postgres only (set DATABASE_URL): PGlite has one process and no connections to kill', () => undefined);
    return;
  }
  it('loses nothing, changes nothing it should not, and stays within the send rate', async () => {
    expect(await runChaos({ people: 150, kills: 1, fuzz: 1000 })).toBe(true);
  }, 300_000);
});
