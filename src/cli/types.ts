/** What every admin command gets: the database, a clock, output streams and translations. */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import type { Clock } from '../domain/time.js';
import type { Translate, Translator } from '../i18n.js';

export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  /** Directory relative file paths are resolved against (the caller's, when forwarded to the server). */
  cwd: string;
}

export interface CliEnv {
  db: Db;
  config: Config;
  clock: Clock;
  translator: Translator;
  logger: Logger;
  t: Translate;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export type OfflineEnv = Omit<CliEnv, 'db'>;

export interface CliCommand {
  /** Words that select it, e.g. ['staff', 'import']. */
  path: string[];
  usageKey: string;
  run(args: string[], io: CliIo, env: CliEnv): Promise<number>;
  /** Runs without opening the database when these arguments need none (e.g. a dry run); null otherwise. */
  runOffline?(args: string[], io: CliIo, env: OfflineEnv): Promise<number> | null;
}

/** A user mistake with a translated message; the CLI prints it and exits with EXIT_USAGE. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
