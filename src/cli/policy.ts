/**
 * `policy show`, `policy set [--due-soon 7,3,1] [--send-at HH:MM] [--window HH:MM-HH:MM]
 * [--escalate-after N] [--digest-at HH:MM]`, `policy reset`: the organisation's nudge policy, the
 * `nudge_policy` setting that src/store/schedule.ts lays over DEFAULT_NUDGE_POLICY.
 */
import { parseArgs } from 'node:util';
import type { Db } from '../db/index.js';
import { DEFAULT_NUDGE_POLICY, validateNudgePolicy, type NudgePolicy } from '../domain/nudge-policy.js';
import { formatClock } from '../domain/time.js';
import { NUDGE_POLICY_KEY, storedNudgePolicy } from '../store/schedule.js';
import { getSetting, setSetting } from '../store/settings.js';
import { EXIT_OK, UsageError, type CliCommand, type CliEnv, type CliIo } from './types.js';

type PolicyKey = keyof NudgePolicy;
type StoredPolicy = Partial<NudgePolicy>;

/**
 * The send window must lie inside 05:00–21:00 local: nudges land on the personal phones of civil
 * servants, and a message at night is a nuisance that makes people mute the bot.
 */
export const EARLIEST_WINDOW_START = 5 * 60;
export const LATEST_WINDOW_END = 21 * 60;

/** The CLI option that sets each key, to name it in messages in any language. */
const OPTION_OF: Record<PolicyKey, string> = {
  dueSoonWorkingDays: '--due-soon',
  sendAtMinutes: '--send-at',
  windowStartMinutes: '--window',
  windowEndMinutes: '--window',
  escalateAfterWorkingDays: '--escalate-after',
  digestAtMinutes: '--digest-at',
};

/** A policy time as "08:00"; a mistyped stored value is shown as it is. */
export function formatMinutes(minutes: number): string {
  return Number.isInteger(minutes) ? formatClock(minutes) : String(minutes);
}

/** Only the keys of NudgePolicy from whatever is stored (a stray key is dropped; anything unreadable is no policy). */
function pickPolicy(raw: unknown): StoredPolicy {
  return storedNudgePolicy.safeParse(raw).data ?? {};
}

async function readStored(db: Db): Promise<StoredPolicy> {
  return pickPolicy(await getSetting(db, NUDGE_POLICY_KEY));
}

/**
 * What the CLI adds to validateNudgePolicy: the window inside 05:00–21:00, and the digest time
 * inside the window (the worker drops a digest it would send outside the window, so a digest time
 * before the window opens or after it closes means no digest at all).
 */
function officeHoursProblems(policy: NudgePolicy, env: Pick<CliEnv, 't'>): string[] {
  const problems: string[] = [];
  const { windowStartMinutes: from, windowEndMinutes: to, digestAtMinutes: digest } = policy;
  if (from < EARLIEST_WINDOW_START || to > LATEST_WINDOW_END) {
    problems.push(env.t('cli-policy-problem-office-hours', { earliest: formatMinutes(EARLIEST_WINDOW_START), latest: formatMinutes(LATEST_WINDOW_END) }));
  }
  if (from < to && (digest < from || digest >= to)) {
    problems.push(env.t('cli-policy-problem-digest', { time: formatMinutes(digest), from: formatMinutes(from), to: formatMinutes(to) }));
  }
  return problems;
}

const MINUTE_PROBLEM = /^(\w+) must be an integer minute of the day/;

/** validateNudgePolicy's English problems in the admin's language; an unknown one is kept as is. */
export function translatePolicyProblem(problem: string, policy: NudgePolicy, env: Pick<CliEnv, 't'>): string {
  const from = formatMinutes(policy.windowStartMinutes);
  const to = formatMinutes(policy.windowEndMinutes);
  switch (problem) {
    case 'the send window is empty':
      return env.t('cli-policy-problem-window-empty', { from, to });
    case 'sendAtMinutes is after the window closes':
      return env.t('cli-policy-problem-send-after-window', { time: formatMinutes(policy.sendAtMinutes), to });
    case 'dueSoonWorkingDays must be whole numbers of at least 1':
      return env.t('cli-policy-problem-due-soon');
    case 'escalateAfterWorkingDays must be a whole number of at least 1':
      return env.t('cli-policy-problem-escalate');
  }
  const minute = MINUTE_PROBLEM.exec(problem);
  const key = minute?.[1] as PolicyKey | undefined;
  if (key && key in OPTION_OF) return env.t('cli-policy-problem-minute', { option: OPTION_OF[key] });
  return problem;
}

/** Every problem of a policy, translated: validateNudgePolicy's and the CLI's office-hours rules. */
export function policyProblems(policy: NudgePolicy, env: Pick<CliEnv, 't'>): string[] {
  return [...validateNudgePolicy(policy).map((p) => translatePolicyProblem(p, policy, env)), ...officeHoursProblems(policy, env)];
}

/** The policy the scheduler uses (as loadNudgePolicy computes it) and the keys the office set. */
async function effectivePolicy(db: Db): Promise<{ stored: StoredPolicy; policy: NudgePolicy; storedProblems: string[] }> {
  const stored = await readStored(db);
  const merged: NudgePolicy = { ...DEFAULT_NUDGE_POLICY, ...stored };
  const storedProblems = validateNudgePolicy(merged);
  return { stored, policy: storedProblems.length === 0 ? merged : DEFAULT_NUDGE_POLICY, storedProblems };
}

async function printPolicy(env: CliEnv, io: CliIo): Promise<void> {
  const { stored, policy, storedProblems } = await effectivePolicy(env.db);
  const office = storedProblems.length === 0;
  const source = (keys: PolicyKey[], defaultText: string): string =>
    office && keys.some((k) => k in stored) ? env.t('cli-policy-office', { default: defaultText }) : env.t('cli-policy-default');
  const d = DEFAULT_NUDGE_POLICY;
  const days = (list: readonly number[]) => list.join(', ');
  io.stdout(env.t('cli-policy-header'));
  io.stdout(`  ${env.t('cli-policy-due-soon', { days: days(policy.dueSoonWorkingDays), source: source(['dueSoonWorkingDays'], days(d.dueSoonWorkingDays)) })}`);
  io.stdout(
    `  ${env.t('cli-policy-send-at', { time: formatMinutes(policy.sendAtMinutes), source: source(['sendAtMinutes'], formatMinutes(d.sendAtMinutes)) })}`,
  );
  io.stdout(
    `  ${env.t('cli-policy-window', {
      from: formatMinutes(policy.windowStartMinutes),
      to: formatMinutes(policy.windowEndMinutes),
      source: source(['windowStartMinutes', 'windowEndMinutes'], `${formatMinutes(d.windowStartMinutes)}–${formatMinutes(d.windowEndMinutes)}`),
    })}`,
  );
  io.stdout(
    `  ${env.t('cli-policy-escalate', { days: policy.escalateAfterWorkingDays, source: source(['escalateAfterWorkingDays'], String(d.escalateAfterWorkingDays)) })}`,
  );
  io.stdout(
    `  ${env.t('cli-policy-digest-at', { time: formatMinutes(policy.digestAtMinutes), source: source(['digestAtMinutes'], formatMinutes(d.digestAtMinutes)) })}`,
  );
  if (!office) {
    const merged: NudgePolicy = { ...DEFAULT_NUDGE_POLICY, ...stored };
    io.stdout(env.t('cli-policy-stored-invalid', { problems: storedProblems.map((p) => translatePolicyProblem(p, merged, env)).join('; ') }));
  } else {
    for (const problem of officeHoursProblems(policy, env)) io.stdout(env.t('cli-policy-warning', { problem }));
  }
}

export const policyShow: CliCommand = {
  path: ['policy', 'show'],
  usageKey: 'cli-usage-policy-show',
  async run(args, io, env) {
    if (args.length > 0) throw new UsageError(env.t('cli-usage-policy-show'));
    await printPolicy(env, io);
    return EXIT_OK;
  },
};

/** "08:00", "8:00", "8h", "8h30" → minutes after midnight, or null. */
export function parseTime(value: string): number | null {
  const m = /^(\d{1,2})(?::(\d{2})|[hH](\d{2})?)$/.exec(value.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? m[3] ?? 0);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

function timeOption(value: string, env: CliEnv): number {
  const minutes = parseTime(value);
  if (minutes === null) throw new UsageError(env.t('cli-policy-bad-time', { value }));
  return minutes;
}

function parseSetArgs(args: string[], env: CliEnv): StoredPolicy {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        'due-soon': { type: 'string' },
        'send-at': { type: 'string' },
        window: { type: 'string' },
        'escalate-after': { type: 'string' },
        'digest-at': { type: 'string' },
      },
      strict: true,
    }));
  } catch {
    throw new UsageError(env.t('cli-usage-policy-set'));
  }
  const given: StoredPolicy = {};
  if (values['due-soon'] !== undefined) {
    const raw = values['due-soon'];
    const parts = raw.split(',').map((s) => s.trim());
    if (parts.some((p) => !/^-?\d{1,4}$/.test(p))) throw new UsageError(env.t('cli-policy-bad-days', { value: raw }));
    given.dueSoonWorkingDays = [...new Set(parts.map(Number))].sort((a, b) => b - a);
  }
  if (values['send-at'] !== undefined) given.sendAtMinutes = timeOption(values['send-at'], env);
  if (values.window !== undefined) {
    const ends = values.window.split(/\s*[-–]\s*/);
    const [from, to] = ends.map(parseTime);
    if (ends.length !== 2 || from === null || from === undefined || to === null || to === undefined) {
      throw new UsageError(env.t('cli-policy-bad-window', { value: values.window }));
    }
    given.windowStartMinutes = from;
    given.windowEndMinutes = to;
  }
  if (values['escalate-after'] !== undefined) {
    const raw = values['escalate-after'].trim();
    if (!/^-?\d{1,4}$/.test(raw)) throw new UsageError(env.t('cli-policy-bad-number', { value: values['escalate-after'] }));
    given.escalateAfterWorkingDays = Number(raw);
  }
  if (values['digest-at'] !== undefined) given.digestAtMinutes = timeOption(values['digest-at'], env);
  return given;
}

export const policySet: CliCommand = {
  path: ['policy', 'set'],
  usageKey: 'cli-usage-policy-set',
  async run(args, io, env) {
    const given = parseSetArgs(args, env);
    if (Object.keys(given).length === 0) throw new UsageError(env.t('cli-usage-policy-set'));
    const next: StoredPolicy = { ...(await readStored(env.db)), ...given };
    const merged: NudgePolicy = { ...DEFAULT_NUDGE_POLICY, ...next };
    const problems = policyProblems(merged, env);
    if (problems.length > 0) {
      throw new UsageError([env.t('cli-policy-invalid'), ...problems.map((problem) => `  - ${problem}`)].join('\n'));
    }
    await setSetting(env.db, NUDGE_POLICY_KEY, next, env.clock.now());
    io.stdout(env.t('cli-policy-saved'));
    await printPolicy(env, io);
    return EXIT_OK;
  },
};

export const policyReset: CliCommand = {
  path: ['policy', 'reset'],
  usageKey: 'cli-usage-policy-reset',
  async run(args, io, env) {
    if (args.length > 0) throw new UsageError(env.t('cli-usage-policy-reset'));
    await setSetting(env.db, NUDGE_POLICY_KEY, {}, env.clock.now());
    io.stdout(env.t('cli-policy-reset-done'));
    await printPolicy(env, io);
    return EXIT_OK;
  },
};

export const POLICY_COMMANDS: CliCommand[] = [policyShow, policySet, policyReset];
