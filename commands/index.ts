/** Every chat command, in the order /help and the command menu list them. */
import { assign } from './assign.js';
import { dashboard } from './dashboard.js';
import { digest } from './digest.js';
import { helpCommand } from './help.js';
import { kenh } from './kenh.js';
import { lang } from './lang.js';
import { overdue } from './overdue.js';
import { start } from './start.js';
import { subscribe, unsubscribe } from './subscribe.js';
import { tasks } from './tasks.js';
import type { Command } from '../src/chat/types.js';

export const COMMANDS: Command[] = [];
COMMANDS.push(
  tasks,
  overdue,
  assign,
  digest,
  subscribe,
  unsubscribe,
  dashboard,
  lang,
  kenh,
  helpCommand(() => COMMANDS),
  start,
);

const byName = new Map<string, Command>();
for (const command of COMMANDS) {
  for (const name of [command.name, ...(command.aliases ?? [])]) byName.set(name, command);
}

export function findCommand(name: string): Command | undefined {
  return byName.get(name.toLowerCase());
}
