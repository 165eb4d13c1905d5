/**
 * `round open --period 2026-Q4|2026 [--due YYYY-MM-DD] [--plan DOC_ID]`: opens a report round by
 * hand (due date from the plan's own anchors, else the policy, unless given); `round list`;
 * `round policy [--quarter-day N] [--year-day DD/MM] [--collect-days N] [--ask unit_head|owner]
 * [--auto on|off]`: shows or sets the organisation's report policy.
 */
import { parseArgs } from 'node:util';
import { collectFrom, defaultDue, parsePeriod, rangePeriod, type Period } from '../domain/rounds.js';
import { formatVnDate, isoDate } from '../domain/time.js';
import { roundProgress } from '../store/round-report.js';
import {
  documentExists,
  listRounds,
  loadReportPolicy,
  openRound,
  planReportAnchors,
  REPORT_POLICY_KEY,
  storedReportPolicy,
  type StoredReportPolicy,
} from '../store/rounds.js';
import { loadCalendar } from '../store/schedule.js';
import { setSetting } from '../store/settings.js';
import { parseCliDate } from './report.js';
import { EXIT_OK, UsageError, type CliCommand } from './types.js';

/** --period 2026-Q4|2026, or --from D --to D (a period of dates, due on its last day unless --due). */
function readPeriod(
  env: Parameters<CliCommand['run']>[2],
  values: { period?: string | undefined; from?: string | undefined; to?: string | undefined },
): Period {
  const dates = values.from !== undefined || values.to !== undefined;
  if (values.period !== undefined && !dates) {
    const period = parsePeriod(values.period);
    if (!period) throw new UsageError(env.t('cli-round-bad-period', { value: values.period }));
    return period;
  }
  const from = parseCliDate(env, values.from);
  const to = parseCliDate(env, values.to);
  if (values.period !== undefined || !from || !to) throw new UsageError(env.t('cli-usage-round-open'));
  if (from > to) throw new UsageError(env.t('cli-report-range', { from, to }));
  return rangePeriod(from, to);
}

export const roundOpen: CliCommand = {
  path: ['round', 'open'],
  usageKey: 'cli-usage-round-open',
  async run(args, io, env) {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        options: { period: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, due: { type: 'string' }, plan: { type: 'string' } },
        strict: true,
      }));
    } catch {
      throw new UsageError(env.t('cli-usage-round-open'));
    }
    const period = readPeriod(env, values);
    const documentId = values.plan === undefined ? null : Number(values.plan);
    if (documentId !== null && (!Number.isInteger(documentId) || !(await documentExists(env.db, documentId)))) {
      throw new UsageError(env.t('cli-round-bad-plan', { value: values.plan ?? '' }));
    }
    const policy = await loadReportPolicy(env.db);
    const anchors = documentId === null ? [] : await planReportAnchors(env.db, documentId);
    const due = parseCliDate(env, values.due) ?? defaultDue(period, policy, anchors);
    const calendar = await loadCalendar(env.db);
    const from = collectFrom(due, calendar, policy.collectWorkingDays);
    const { round, created } = await openRound(env.db, { period, due, collectFrom: from, documentId, openedBy: 'office', now: env.clock.now() });
    const vars = { id: round.id, period: round.periodKey, due: formatVnDate(round.due), from: formatVnDate(round.collectFrom) };
    io.stdout(env.t(created ? 'cli-round-opened' : 'cli-round-exists', vars));
    return EXIT_OK;
  },
};

export const roundList: CliCommand = {
  path: ['round', 'list'],
  usageKey: 'cli-usage-round-list',
  async run(args, io, env) {
    if (args.length > 0) throw new UsageError(env.t('cli-usage-round-list'));
    const rounds = await listRounds(env.db);
    if (rounds.length === 0) io.stdout(env.t('cli-round-none'));
    for (const round of rounds) {
      const progress = await roundProgress(env.db, round);
      const reported = progress.filter((p) => p.answered === p.asked).length;
      io.stdout(
        env.t('cli-round-line', {
          id: round.id,
          period: round.periodKey,
          due: formatVnDate(round.due),
          status: env.t(`round-status-${round.status}`),
          reported,
          units: progress.length,
        }),
      );
      for (const p of progress.filter((x) => x.answered < x.asked))
        io.stdout(`  ${env.t('cli-round-missing', { unit: p.unit, answered: p.answered, asked: p.asked })}`);
    }
    return EXIT_OK;
  },
};

function intOption(env: Parameters<CliCommand['run']>[2], value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d{1,2}$/.test(value) || n < min || n > max) throw new UsageError(env.t('cli-round-bad-number', { value, min, max }));
  return n;
}

export const roundPolicy: CliCommand = {
  path: ['round', 'policy'],
  usageKey: 'cli-usage-round-policy',
  async run(args, io, env) {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        options: {
          'quarter-day': { type: 'string' },
          'year-day': { type: 'string' },
          'collect-days': { type: 'string' },
          ask: { type: 'string' },
          auto: { type: 'string' },
        },
        strict: true,
      }));
    } catch {
      throw new UsageError(env.t('cli-usage-round-policy'));
    }
    const given: StoredReportPolicy = {};
    if (values['quarter-day'] !== undefined) given.quarterDay = intOption(env, values['quarter-day'], 1, 31);
    if (values['year-day'] !== undefined) {
      const m = /^(\d{1,2})\/(\d{1,2})$/.exec(values['year-day']);
      // 2000 is a leap year: 29/02 is a real day (clamped to 28/02 in common years), 31/02 is not.
      if (!m || isoDate(2000, Number(m[2]), Number(m[1])) === null) throw new UsageError(env.t('cli-round-bad-year-day', { value: values['year-day'] }));
      given.yearDay = intOption(env, m[1]!, 1, 31);
      given.yearMonth = intOption(env, m[2]!, 1, 12);
    }
    if (values['collect-days'] !== undefined) given.collectWorkingDays = intOption(env, values['collect-days'], 0, 30);
    if (values.ask !== undefined) {
      if (values.ask !== 'unit_head' && values.ask !== 'owner') throw new UsageError(env.t('cli-usage-round-policy'));
      given.ask = values.ask;
    }
    if (values.auto !== undefined) {
      if (values.auto !== 'on' && values.auto !== 'off') throw new UsageError(env.t('cli-usage-round-policy'));
      given.autoOpen = values.auto === 'on';
    }
    if (Object.keys(given).length > 0) {
      await setSetting(env.db, REPORT_POLICY_KEY, { ...(await storedReportPolicy(env.db)), ...given }, env.clock.now());
      io.stdout(env.t('cli-policy-saved'));
    }
    const p = await loadReportPolicy(env.db);
    io.stdout(
      env.t('cli-round-policy', {
        quarterDay: p.quarterDay,
        yearDay: `${p.yearDay}/${p.yearMonth}`,
        days: p.collectWorkingDays,
        ask: env.t(`cli-round-ask-${p.ask}`),
        auto: env.t(p.autoOpen ? 'digest-state-on' : 'digest-state-off'),
      }),
    );
    return EXIT_OK;
  },
};

export const ROUND_COMMANDS = [roundOpen, roundList, roundPolicy];
