/**
 * Live web chat across instances: with several dondoc processes on one Postgres behind one
 * address, a page's event stream is held by one of them while its messages may be stored by
 * another (the person's post, a reply, the outbox worker's nudge). Each instance NOTIFYs the
 * others of every message it publishes and LISTENs for theirs, then loads the message from the
 * database and pushes it to its own pages of that chat. A lost notification costs only
 * liveness: the page catches up from its Last-Event-ID when it reconnects.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { WebChannel } from '../channels/web/channel.js';
import type { DatabaseHandle } from '../db/index.js';
import { currentSchema, notifyWebMessage, WEB_NOTIFY_CHANNEL, webMessageById, type WebNote } from '../store/web-chat.js';

export interface WebRelay {
  stop(): Promise<void>;
}

export async function startWebRelay(handle: DatabaseHandle, web: WebChannel, logger: Logger): Promise<WebRelay | undefined> {
  if (!handle.listen) return undefined;
  const self = randomUUID();
  const schema = await currentSchema(handle.db);
  const log = logger.child({ component: 'web-relay' });
  let broken = false;
  const stop = await handle.listen(
    WEB_NOTIFY_CHANNEL,
    (payload) => {
      let note: WebNote;
      try {
        note = JSON.parse(payload) as WebNote;
      } catch {
        return;
      }
      if (note.schema !== schema || note.from === self || !web.hub.watching(note.chatKey)) return;
      webMessageById(handle.db, note.chatKey, note.id).then(
        (message) => message && web.hub.pushLocal(note.chatKey, note.event, message),
        (error: unknown) => log.warn({ err: error }, 'a relayed web chat message could not be loaded'),
      );
    },
    {
      onError(error) {
        if (!broken) log.warn({ err: error }, 'web chat relay lost its connection; retrying');
        broken = true;
      },
      onBack() {
        broken = false;
        log.info('web chat relay listening again');
      },
    },
  );
  web.hub.setRelay((chatKey, event, message) => {
    notifyWebMessage(handle.db, { schema, from: self, chatKey, event, id: message.id }).catch((error: unknown) =>
      log.warn({ err: error }, 'a web chat message could not be relayed to other instances'),
    );
  });
  return { stop };
}
