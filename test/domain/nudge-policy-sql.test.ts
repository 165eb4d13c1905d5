import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/domain/calendar.js';
import {
  DEFAULT_NUDGE_POLICY,
  dueSoonTargetDates,
  dueSoonTargets,
  dueTodayTargetDates,
  escalationCutoffDate,
  escalationDate,
  nudgesFor,
  overdueCutoff,
  type NudgePolicy,
} from '../../src/domain/nudge-policy.js';
import { addDays, localInstant } from '../../src/domain/time.js';

const calendar = createCalendar(new Map([['2026-03-02', 'off']]));

/** Checks that one SQL pass built from the set helpers selects exactly what nudgesFor owes. */
function checkDays(from: string, to: string, policy: NudgePolicy): void {
  const escalationDays = new Map<string, Set<string>>();
  for (let today = from; today <= to; today = addDays(today, 1)) {
    const working = calendar.isWorkingDay(today);
    const soon = new Map(dueSoonTargets(today, calendar, policy).map((t) => [t.dueDate, t.daysLeft]));
    const soonDates = new Set(dueSoonTargetDates(today, calendar, policy));
    const todayDates = new Set(dueTodayTargetDates(today, calendar));
    const overdue = overdueCutoff(today);
    const escalation = escalationCutoffDate(today, calendar, policy);
    for (let offset = -45; offset <= 45; offset++) {
      const dueDate = addDays(today, offset);
      const found = nudgesFor({ dueDate, status: 'open', now: localInstant(today, 9, 0), calendar, policy });
      const get = (kind: string) => found.find((n) => n.kind === kind);
      const where = `${today} due ${dueDate}`;
      const dueSoon = get('due_soon');
      expect(dueSoon !== undefined, where).toBe(soonDates.has(dueDate));
      if (dueSoon?.kind === 'due_soon') expect(dueSoon.daysLeft, where).toBe(soon.get(dueDate));
      expect(get('due_today') !== undefined, where).toBe(todayDates.has(dueDate));
      expect(get('overdue') !== undefined, where).toBe(working && dueDate <= overdue);
      const esc = get('escalation');
      expect(esc !== undefined, where).toBe(working && dueDate <= escalation);
      if (esc) {
        expect(esc.localDate).toBe(escalationDate(dueDate, calendar, policy));
        expect(esc.localDate <= today && calendar.isWorkingDay(esc.localDate)).toBe(true);
        escalationDays.set(dueDate, (escalationDays.get(dueDate) ?? new Set()).add(esc.localDate));
      }
    }
  }
  for (const [dueDate, days] of escalationDays) expect(days.size, dueDate).toBe(1);
}

describe('the SQL planner helpers', () => {
  it('select exactly the due dates nudgesFor owes, around Tết 2026 and an admin day off', () => {
    checkDays('2026-01-20', '2026-03-20', DEFAULT_NUDGE_POLICY);
  });

  it('agree around the National Day swap and Tết 2027', () => {
    checkDays('2026-08-10', '2026-09-20', DEFAULT_NUDGE_POLICY);
    checkDays('2027-01-25', '2027-02-25', DEFAULT_NUDGE_POLICY);
  });

  it('agree for a custom policy', () => {
    checkDays('2026-02-01', '2026-03-10', { ...DEFAULT_NUDGE_POLICY, dueSoonWorkingDays: [5, 2], escalateAfterWorkingDays: 1 });
  });

  it('describe a Friday before a weekend due date and the Monday after Tết', () => {
    expect(dueTodayTargetDates('2025-12-12', calendar)).toEqual(['2025-12-12', '2025-12-13', '2025-12-14']);
    expect(dueSoonTargetDates('2026-02-13', calendar)).toContain('2026-02-23');
    expect(dueTodayTargetDates('2026-02-14', calendar)).toEqual([]);
    expect(overdueCutoff('2026-02-23')).toBe('2026-02-22');
    // Mon 23/2 (1), Tue 24/2 (2), Wed 25/2 (3): due on or before Mon 23/2 is 3 working days late on 25/2.
    expect(escalationCutoffDate('2026-02-25', calendar)).toBe('2026-02-22');
    expect(escalationCutoffDate('2026-02-26', calendar)).toBe('2026-02-23');
  });
});
