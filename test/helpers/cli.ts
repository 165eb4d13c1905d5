/** Runs admin commands in-process against a test database, capturing what they print. */
import pino from 'pino';
import { runCli } from '../../src/cli/index.js';
import { parseConfig } from '../../src/config.js';
import type { Db } from '../../src/db/index.js';
import type { Clock } from '../../src/domain/time.js';
import { getTranslator } from '../../src/i18n.js';

export interface CliResult {
  code: number;
  stdout: string[];
  stderr: string[];
}

export function cliRunner(db: Db, clock: Clock, cwd = process.cwd(), env: Record<string, string> = {}) {
  const config = parseConfig(env);
  const translator = getTranslator();
  return async (...argv: string[]): Promise<CliResult> => {
    const out: CliResult = { code: 0, stdout: [], stderr: [] };
    out.code = await runCli(
      argv,
      { stdout: (l) => out.stdout.push(l), stderr: (l) => out.stderr.push(l), cwd },
      { db, config, clock, translator, logger: pino({ level: 'silent' }), t: translator.for(config.defaultLocale) },
    );
    return out;
  };
}
