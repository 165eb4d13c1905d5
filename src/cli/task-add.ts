/** `task add --title TEXT --owner PHONE [--unit PATH] [--due YYYY-MM-DD] [--product TEXT]`: prints the new task's id. */
import { parseArgs } from 'node:util';
import { normalizePhone } from '../domain/phone.js';
import { squash } from '../domain/text.js';
import { isoDate } from '../domain/time.js';
import { createTask } from '../store/tasks.js';
import { findStaffByPhone } from '../store/staff.js';
import { findUnitByPath } from '../store/units.js';
import { EXIT_OK, UsageError, type CliCommand, type OfflineEnv } from './types.js';

export const MAX_TITLE_LENGTH = 2000;

function parse(args: string[], env: OfflineEnv) {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { title: { type: 'string' }, owner: { type: 'string' }, unit: { type: 'string' }, due: { type: 'string' }, product: { type: 'string' } },
      strict: true,
    }));
  } catch {
    throw new UsageError(env.t('cli-usage-task-add'));
  }
  const title = squash(values.title ?? '');
  if (!title || !values.owner) throw new UsageError(env.t('cli-usage-task-add'));
  if ([...title].length > MAX_TITLE_LENGTH) throw new UsageError(env.t('cli-title-too-long', { max: MAX_TITLE_LENGTH }));
  const phone = normalizePhone(values.owner);
  if (!phone) throw new UsageError(env.t('cli-staff-not-found', { phone: values.owner }));
  let due: string | null = null;
  if (values.due !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.due);
    due = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    if (!due) throw new UsageError(env.t('cli-bad-date', { value: values.due }));
  }
  return { values, title, phone, due };
}

export const taskAdd: CliCommand = {
  path: ['task', 'add'],
  usageKey: 'cli-usage-task-add',
  runOffline(args, _io, env) {
    parse(args, env);
    return null;
  },
  async run(args, io, env) {
    const { values, title, phone, due } = parse(args, env);
    const owner = await findStaffByPhone(env.db, phone);
    if (!owner) throw new UsageError(env.t('cli-staff-not-found', { phone: values.owner ?? '' }));
    let unitId = owner.unit_id;
    if (values.unit) {
      const unit = await findUnitByPath(env.db, values.unit);
      if (!unit) throw new UsageError(env.t('cli-unit-not-found', { unit: values.unit }));
      unitId = unit.id;
    }
    const { taskId } = await env.db.transaction().execute((trx) =>
      createTask(
        trx,
        {
          title,
          product: values.product ? squash(values.product) : null,
          leadUnitId: unitId,
          ownerIds: [owner.id],
          due: due ? { kind: 'date', date: due, text: values.due ?? null } : { kind: 'none', date: null },
        },
        env.clock.now(),
      ),
    );
    io.stdout(String(taskId));
    return EXIT_OK;
  },
};
