/** The admin command line: finds the command for argv and runs it with translated errors. */
import { CALENDAR_COMMANDS } from './calendar.js';
import { demo } from './demo.js';
import { digestCommand } from './digest.js';
import { migrate } from './migrate.js';
import { planImport } from './plan-import.js';
import { POLICY_COMMANDS } from './policy.js';
import { remind } from './remind.js';
import { report } from './report.js';
import { staffImport } from './staff-import.js';
import { staffLinkCode } from './staff-link-code.js';
import { taskAdd } from './task-add.js';
import { EXIT_FAILURE, EXIT_USAGE, UsageError, type CliCommand, type CliEnv, type CliIo, type OfflineEnv } from './types.js';

export const CLI_COMMANDS: CliCommand[] = [
  migrate,
  staffImport,
  staffLinkCode,
  taskAdd,
  planImport,
  remind,
  digestCommand,
  demo,
  report,
  ...CALENDAR_COMMANDS,
  ...POLICY_COMMANDS,
];

export function findCliCommand(argv: string[]): { command: CliCommand; args: string[] } | null {
  const matches = CLI_COMMANDS.filter((c) => c.path.every((word, i) => argv[i] === word)).sort((a, b) => b.path.length - a.path.length);
  const command = matches[0];
  return command ? { command, args: argv.slice(command.path.length) } : null;
}

export function usage(env: Pick<CliEnv, 't'>): string {
  return [env.t('cli-usage-header'), ...CLI_COMMANDS.map((c) => `  ${env.t(c.usageKey)}`)].join('\n');
}

/** Runs a command that needs no database for these arguments; null when it needs one. */
export async function runCliOffline(argv: string[], io: CliIo, env: OfflineEnv): Promise<number | null> {
  const found = findCliCommand(argv);
  if (!found?.command.runOffline) return null;
  try {
    const running = found.command.runOffline(found.args, io, env);
    return running === null ? null : await running;
  } catch (error) {
    return failed(error, io, env);
  }
}

function failed(error: unknown, io: CliIo, env: OfflineEnv): number {
  if (error instanceof UsageError) {
    io.stderr(error.message);
    return EXIT_USAGE;
  }
  env.logger.error({ err: error }, 'admin command failed');
  io.stderr(env.t('cli-failed', { message: error instanceof Error ? error.message : String(error) }));
  return EXIT_FAILURE;
}

/** Runs one admin command; never throws, returns the exit code. */
export async function runCli(argv: string[], io: CliIo, env: CliEnv): Promise<number> {
  const found = findCliCommand(argv);
  if (!found) {
    if (argv.length > 0 && !['help', '--help', '-h'].includes(argv[0]!)) io.stderr(env.t('cli-unknown-command', { command: argv.join(' ') }));
    io.stderr(usage(env));
    return EXIT_USAGE;
  }
  try {
    return await found.command.run(found.args, io, env);
  } catch (error) {
    return failed(error, io, env);
  }
}
