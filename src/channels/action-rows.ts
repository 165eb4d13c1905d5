/** Groups an Outgoing's actions into button rows: actions with the same `row` share a line, others get their own. */
import type { Action } from '../domain/types.js';

export function actionRows(actions: Action[] | undefined): Action[][] {
  const rows: Action[][] = [];
  const byRow = new Map<number, Action[]>();
  for (const action of actions ?? []) {
    if (action.row === undefined) {
      rows.push([action]);
      continue;
    }
    let row = byRow.get(action.row);
    if (!row) {
      row = [];
      byRow.set(action.row, row);
      rows.push(row);
    }
    row.push(action);
  }
  return rows;
}
