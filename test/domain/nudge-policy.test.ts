import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/domain/calendar.js';
import {
  compareUrgency,
  DEFAULT_NUDGE_POLICY,
  digestDateAt,
  inSendWindow,
  nudgesFor,
  validateNudgePolicy,
  type Nudge,
  type NudgeInput,
} from '../../src/domain/nudge-policy.js';
import { localInstant } from '../../src/domain/time.js';

const calendar = createCalendar();
const at = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return localInstant(date, h, m);
};
const nudges = (dueDate: string, date: string, hhmm: string, extra: Partial<NudgeInput> = {}) =>
  nudgesFor({ dueDate, status: 'open', now: at(date, hhmm), calendar, ...extra });
const kinds = (list: Nudge[]) => list.map((n) => n.kind);

describe('the send window', () => {
  it('opens at 07:30 and closes at 17:30 on working days only', () => {
    expect(inSendWindow(at('2025-12-03', '07:29'), calendar)).toBe(false);
    expect(inSendWindow(at('2025-12-03', '07:30'), calendar)).toBe(true);
    expect(inSendWindow(at('2025-12-03', '17:29'), calendar)).toBe(true);
    expect(inSendWindow(at('2025-12-03', '17:30'), calendar)).toBe(false);
    expect(inSendWindow(at('2025-12-06', '09:00'), calendar)).toBe(false); // Saturday
    expect(inSendWindow(at('2026-02-18', '09:00'), calendar)).toBe(false); // Tết
    expect(inSendWindow(at('2026-08-22', '09:00'), calendar)).toBe(true); // working Saturday
  });

  it('reads the local time of a UTC instant (08:00 in Hà Nội is 01:00 UTC)', () => {
    expect(nudges('2025-12-03', '2025-12-03', '08:00')).toHaveLength(1);
    expect(nudgesFor({ dueDate: '2025-12-03', status: 'open', now: new Date('2025-12-03T00:59:00Z'), calendar })).toEqual([]);
    expect(nudgesFor({ dueDate: '2025-12-03', status: 'open', now: new Date('2025-12-03T01:00:00Z'), calendar })).toHaveLength(1);
  });

  it('owes the digest from 07:30 to 17:30 on working days', () => {
    expect(digestDateAt(at('2025-12-03', '07:29'), calendar)).toBeNull();
    expect(digestDateAt(at('2025-12-03', '07:30'), calendar)).toBe('2025-12-03');
    expect(digestDateAt(at('2025-12-03', '17:30'), calendar)).toBeNull();
    expect(digestDateAt(at('2026-02-16', '07:30'), calendar)).toBeNull();
  });
});

describe('due-soon nudges', () => {
  // Friday 12/12/2025: 1 working day before is Thu 11/12, 3 is Tue 9/12, 7 is Wed 3/12.
  it('fire 7, 3 and 1 working days before, from 08:00', () => {
    expect(nudges('2025-12-12', '2025-12-03', '08:00')).toEqual([
      { kind: 'due_soon', localDate: '2025-12-03', dueDate: '2025-12-12', daysLeft: 7, calendarDaysLeft: 9 },
    ]);
    expect(nudges('2025-12-12', '2025-12-09', '08:00')).toMatchObject([{ kind: 'due_soon', daysLeft: 3 }]);
    expect(nudges('2025-12-12', '2025-12-11', '08:00')).toMatchObject([{ kind: 'due_soon', daysLeft: 1 }]);
    expect(nudges('2025-12-12', '2025-12-10', '08:00')).toEqual([]);
  });

  it('wait for 08:00 and stop at 17:30', () => {
    expect(nudges('2025-12-12', '2025-12-11', '07:59')).toEqual([]);
    expect(nudges('2025-12-12', '2025-12-11', '07:30')).toEqual([]);
    expect(nudges('2025-12-12', '2025-12-11', '17:29')).toHaveLength(1);
    expect(nudges('2025-12-12', '2025-12-11', '17:30')).toEqual([]);
  });

  it('count from the working day before a due date that falls on a day off', () => {
    // Due Saturday 13/12/2025 counts from Friday 12/12.
    expect(nudges('2025-12-13', '2025-12-11', '08:00')).toMatchObject([{ kind: 'due_soon', daysLeft: 1, calendarDaysLeft: 2 }]);
  });

  it('skip Tết when counting: due Monday 23/2/2026 is one working day after Friday 13/2', () => {
    expect(nudges('2026-02-23', '2026-02-13', '08:00')).toMatchObject([{ kind: 'due_soon', daysLeft: 1 }]);
    expect(nudges('2026-02-23', '2026-02-11', '08:00')).toMatchObject([{ kind: 'due_soon', daysLeft: 3 }]);
    expect(nudges('2026-02-23', '2026-02-05', '08:00')).toMatchObject([{ kind: 'due_soon', daysLeft: 7 }]);
  });

  it('fire on the working Saturday 22/8/2026', () => {
    expect(nudges('2026-08-24', '2026-08-22', '08:00')).toMatchObject([{ kind: 'due_soon', daysLeft: 1 }]);
    expect(nudges('2026-08-24', '2026-08-21', '08:00')).toEqual([]);
  });
});

describe('due-today nudges', () => {
  it('fire from 08:00 on the due date', () => {
    expect(nudges('2025-12-10', '2025-12-10', '07:59')).toEqual([]);
    expect(nudges('2025-12-10', '2025-12-10', '08:00')).toEqual([{ kind: 'due_today', localDate: '2025-12-10', dueDate: '2025-12-10', calendarDaysLeft: 0 }]);
  });

  it('fire on Friday for a Saturday due date, and nothing on the Saturday itself', () => {
    expect(nudges('2025-12-13', '2025-12-12', '08:00')).toEqual([{ kind: 'due_today', localDate: '2025-12-12', dueDate: '2025-12-13', calendarDaysLeft: 1 }]);
    expect(nudges('2025-12-13', '2025-12-13', '09:00')).toEqual([]);
  });

  it('fire before Tết for a due date inside it', () => {
    expect(nudges('2026-02-18', '2026-02-13', '08:00')).toMatchObject([{ kind: 'due_today', calendarDaysLeft: 5 }]);
    expect(nudges('2026-02-18', '2026-02-18', '09:00')).toEqual([]);
  });
});

describe('overdue nudges and escalation', () => {
  it('fire every working day from 08:00 with calendar and working days late', () => {
    expect(nudges('2025-12-01', '2025-12-02', '07:59')).toEqual([]);
    expect(nudges('2025-12-01', '2025-12-02', '08:00')).toEqual([
      { kind: 'overdue', localDate: '2025-12-02', dueDate: '2025-12-01', daysLate: 1, workingDaysLate: 1 },
    ]);
    expect(nudges('2025-12-01', '2025-12-03', '08:00')).toMatchObject([{ kind: 'overdue', daysLate: 2, workingDaysLate: 2 }]);
    expect(nudges('2025-12-01', '2025-12-06', '09:00')).toEqual([]);
    expect(nudges('2025-12-01', '2025-12-08', '09:00')).toContainEqual(
      expect.objectContaining({ kind: 'overdue', localDate: '2025-12-08', daysLate: 7, workingDaysLate: 5 }),
    );
  });

  it('start the first working day after Tết for a due date inside it', () => {
    for (const day of ['2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22']) expect(nudges('2026-02-18', day, '09:00')).toEqual([]);
    expect(nudges('2026-02-18', '2026-02-23', '08:00')).toEqual([
      { kind: 'overdue', localDate: '2026-02-23', dueDate: '2026-02-18', daysLate: 5, workingDaysLate: 1 },
    ]);
  });

  it('escalate once 3 working days late, always for the day the threshold was reached', () => {
    expect(kinds(nudges('2025-12-01', '2025-12-03', '09:00'))).toEqual(['overdue']);
    expect(nudges('2025-12-01', '2025-12-04', '08:00')).toContainEqual({
      kind: 'escalation',
      localDate: '2025-12-04',
      dueDate: '2025-12-01',
      daysLate: 3,
      workingDaysLate: 3,
    });
    expect(nudges('2025-12-01', '2025-12-05', '08:00')).toContainEqual(expect.objectContaining({ kind: 'escalation', localDate: '2025-12-04' }));
  });

  it('count escalation in working days across the National Day swap of 2026', () => {
    // Due Thu 27/8: Fri 28/8 is day 1, 29/8–2/9 are off, Thu 3/9 day 2, Fri 4/9 day 3.
    expect(kinds(nudges('2026-08-27', '2026-09-03', '09:00'))).toEqual(['overdue']);
    expect(nudges('2026-08-27', '2026-09-04', '09:00')).toContainEqual(
      expect.objectContaining({ kind: 'escalation', localDate: '2026-09-04', daysLate: 8, workingDaysLate: 3 }),
    );
  });

  it('keep nudging blocked tasks but stop for done and cancelled ones', () => {
    expect(kinds(nudges('2025-12-01', '2025-12-02', '09:00', { status: 'blocked' }))).toEqual(['overdue']);
    expect(nudges('2025-12-01', '2025-12-05', '09:00', { status: 'done' })).toEqual([]);
    expect(nudges('2025-12-01', '2025-12-05', '09:00', { status: 'cancelled' })).toEqual([]);
  });

  it('spare an owner who answered today but still tell the unit head', () => {
    expect(nudges('2025-12-01', '2025-12-02', '09:00', { answeredToday: true })).toEqual([]);
    expect(kinds(nudges('2025-12-01', '2025-12-05', '09:00', { answeredToday: true }))).toEqual(['escalation']);
    expect(nudges('2025-12-10', '2025-12-10', '09:00', { answeredToday: true })).toEqual([]);
    expect(nudges('2025-12-12', '2025-12-11', '09:00', { answeredToday: true })).toEqual([]);
  });
});

describe('quiet hours and custom policies', () => {
  it('sends nothing after 17:30 or before the window opens, whatever is owed', () => {
    expect(nudges('2025-12-01', '2025-12-05', '17:30')).toEqual([]);
    expect(nudges('2025-12-01', '2025-12-05', '23:59')).toEqual([]);
    expect(nudges('2025-12-01', '2025-12-05', '00:00')).toEqual([]);
    expect(nudges('2025-12-01', '2025-12-05', '07:45')).toEqual([]);
  });

  it('holds a send time set before the window until the window opens', () => {
    const policy = { ...DEFAULT_NUDGE_POLICY, sendAtMinutes: 7 * 60 };
    expect(nudges('2025-12-01', '2025-12-02', '07:15', { policy })).toEqual([]);
    expect(nudges('2025-12-01', '2025-12-02', '07:30', { policy })).toHaveLength(1);
  });

  it('validates a policy an admin edits', () => {
    expect(validateNudgePolicy(DEFAULT_NUDGE_POLICY)).toEqual([]);
    const broken = { ...DEFAULT_NUDGE_POLICY, windowStartMinutes: 1100, sendAtMinutes: 1200, dueSoonWorkingDays: [0], escalateAfterWorkingDays: 0 };
    expect(validateNudgePolicy(broken)).toHaveLength(4);
    // A hand-edited setting of the wrong shape is a problem to report, not a crash.
    const mistyped = { ...DEFAULT_NUDGE_POLICY, dueSoonWorkingDays: '7,3,1' } as unknown as typeof DEFAULT_NUDGE_POLICY;
    expect(validateNudgePolicy(mistyped)).toEqual(['dueSoonWorkingDays must be whole numbers of at least 1']);
  });

  it('orders nudges most urgent first', () => {
    const list: Nudge[] = [
      { kind: 'due_soon', localDate: 'x', dueDate: 'a', daysLeft: 7, calendarDaysLeft: 9 },
      { kind: 'overdue', localDate: 'x', dueDate: 'b', daysLate: 2, workingDaysLate: 2 },
      { kind: 'due_today', localDate: 'x', dueDate: 'c', calendarDaysLeft: 0 },
      { kind: 'due_soon', localDate: 'x', dueDate: 'd', daysLeft: 1, calendarDaysLeft: 1 },
      { kind: 'overdue', localDate: 'x', dueDate: 'e', daysLate: 9, workingDaysLate: 7 },
    ];
    expect(list.sort(compareUrgency).map((n) => n.dueDate)).toEqual(['e', 'b', 'c', 'd', 'a']);
  });
});
