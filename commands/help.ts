/** /help: the commands this person can use, in their language. */
import type { Command } from '../src/chat/types.js';
import { reply } from '../src/chat/types.js';

export function helpCommand(all: () => Command[]): Command {
  return {
    name: 'help',
    aliases: ['trogiup'],
    descriptionKey: 'cmd-help',
    public: true,
    async run(ctx) {
      const visible = all().filter((c) => (ctx.staff ? !c.roles || c.roles.includes(ctx.staff.role) : c.public));
      const lines = visible.map((c) => {
        const names = [c.name, ...(c.aliases ?? [])].map((n) => `/${n}`).join(', ');
        return `${names} — ${ctx.t(c.descriptionKey)}`;
      });
      const intro = ctx.t(ctx.staff ? 'help-intro' : 'help-intro-unlinked');
      return reply([intro, '', ...lines, '', ctx.t('help-answers')].join('\n'));
    },
  };
}
