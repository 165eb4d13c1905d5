/**
 * The admin command line: finds the command for argv and runs it with translated errors.
 *
 * The catalog names every command without loading it: a command's module (and the store,
 * importer or spreadsheet code it pulls in) is imported only when that command runs, so `help`,
 * `--version` and a mistyped command answer at once, without a database.
 */
import { packageVersion } from '../paths.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliEnv, type CliIo, type OfflineEnv } from './types.js';

export interface CliEntry {
  /** Words that select it, e.g. ['staff', 'import']; must equal the loaded command's path. */
  path: string[];
  usageKey: string;
  load(): Promise<CliCommand>;
}

const pick = (list: CliCommand[], words: string[]): CliCommand => {
  const found = list.find((c) => c.path.join(' ') === words.join(' '));
  if (!found) throw new Error(`no CLI command ${words.join(' ')}`);
  return found;
};
const calendar = (mark: string) => async () => pick((await import('./calendar.js')).CALENDAR_COMMANDS, ['calendar', mark]);
const policy = (verb: string) => async () => pick((await import('./policy.js')).POLICY_COMMANDS, ['policy', verb]);
const round = (verb: string) => async () => pick((await import('./round.js')).ROUND_COMMANDS, ['round', verb]);

export const CLI_CATALOG: CliEntry[] = [
  { path: ['migrate'], usageKey: 'cli-usage-migrate', load: async () => (await import('./migrate.js')).migrate },
  { path: ['staff', 'import'], usageKey: 'cli-usage-staff-import', load: async () => (await import('./staff-import.js')).staffImport },
  { path: ['staff', 'link-code'], usageKey: 'cli-usage-staff-link-code', load: async () => (await import('./staff-link-code.js')).staffLinkCode },
  { path: ['task', 'add'], usageKey: 'cli-usage-task-add', load: async () => (await import('./task-add.js')).taskAdd },
  { path: ['plan', 'import'], usageKey: 'cli-usage-plan-import', load: async () => (await import('./plan-import.js')).planImport },
  { path: ['remind'], usageKey: 'cli-usage-remind', load: async () => (await import('./remind.js')).remind },
  { path: ['digest'], usageKey: 'cli-usage-digest', load: async () => (await import('./digest.js')).digestCommand },
  { path: ['demo'], usageKey: 'cli-usage-demo', load: async () => (await import('./demo.js')).demo },
  { path: ['report'], usageKey: 'cli-usage-report', load: async () => (await import('./report.js')).report },
  { path: ['login-link'], usageKey: 'cli-usage-login-link', load: async () => (await import('./login-link.js')).loginLink },
  { path: ['calendar', 'list'], usageKey: 'cli-usage-calendar-list', load: calendar('list') },
  { path: ['calendar', 'off'], usageKey: 'cli-usage-calendar-off', load: calendar('off') },
  { path: ['calendar', 'work'], usageKey: 'cli-usage-calendar-work', load: calendar('work') },
  { path: ['calendar', 'clear'], usageKey: 'cli-usage-calendar-clear', load: calendar('clear') },
  { path: ['policy', 'show'], usageKey: 'cli-usage-policy-show', load: policy('show') },
  { path: ['policy', 'set'], usageKey: 'cli-usage-policy-set', load: policy('set') },
  { path: ['policy', 'reset'], usageKey: 'cli-usage-policy-reset', load: policy('reset') },
  { path: ['round', 'open'], usageKey: 'cli-usage-round-open', load: round('open') },
  { path: ['round', 'list'], usageKey: 'cli-usage-round-list', load: round('list') },
  { path: ['round', 'policy'], usageKey: 'cli-usage-round-policy', load: round('policy') },
  { path: ['monitoring', 'export'], usageKey: 'cli-usage-monitoring', load: async () => (await import('./report.js')).monitoringExport },
];

const HELP_WORDS = new Set(['help', '--help', '-h']);
const VERSION_WORDS = new Set(['--version', '-v', 'version']);

export function findCliEntry(argv: string[]): { entry: CliEntry; args: string[] } | null {
  const matches = CLI_CATALOG.filter((c) => c.path.every((word, i) => argv[i] === word)).sort((a, b) => b.path.length - a.path.length);
  const entry = matches[0];
  return entry ? { entry, args: argv.slice(entry.path.length) } : null;
}

export function usage(env: Pick<CliEnv, 't'>): string {
  return [env.t('cli-usage-header'), ...CLI_CATALOG.map((c) => `  ${env.t(c.usageKey)}`)].join('\n');
}

/**
 * Answers what needs no database: help, the version, an unknown command, and commands whose
 * arguments need none (a dry run, a usage error). Returns null when the command needs one.
 */
export async function runCliOffline(argv: string[], io: CliIo, env: OfflineEnv): Promise<number | null> {
  const [first] = argv;
  if (first !== undefined && VERSION_WORDS.has(first) && argv.length === 1) {
    io.stdout(`dondoc ${packageVersion()}`);
    return EXIT_OK;
  }
  const found = findCliEntry(argv);
  if (!found) {
    if (first !== undefined && !HELP_WORDS.has(first)) io.stderr(env.t('cli-unknown-command', { command: argv.join(' ') }));
    if (first !== undefined && HELP_WORDS.has(first)) {
      io.stdout(usage(env));
      return EXIT_OK;
    }
    io.stderr(usage(env));
    return EXIT_USAGE;
  }
  try {
    const command = await found.entry.load();
    if (!command.runOffline) return null;
    const running = command.runOffline(found.args, io, env);
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
  const found = findCliEntry(argv);
  if (!found) return (await runCliOffline(argv, io, env)) ?? EXIT_USAGE;
  try {
    const command = await found.entry.load();
    return await command.run(found.args, io, env);
  } catch (error) {
    return failed(error, io, env);
  }
}
