/**
 * Live delivery to open web chats over Server-Sent Events: each open page holds one stream, keyed
 * by its chat; a message stored for that chat is written to every stream of it at once. Streams
 * live in this process; with several instances on one Postgres, a relay (app/web-relay.ts) tells
 * the others, which push the message to the pages connected to them (pushLocal). A page that
 * reconnects catches up from its Last-Event-ID.
 */
import type { ServerResponse } from 'node:http';
import type { WebMessage } from '../../store/web-chat.js';

const HEARTBEAT_MS = 25_000;

export interface ChatHub {
  /** Subscribes first, then writes the backlog, so nothing published meanwhile is missed (the page dedupes by id). */
  open(chatKey: string, res: ServerResponse, backlog: () => Promise<WebMessage[]>): Promise<void>;
  /** Pushes to this process's pages and tells the relay, if one is set. */
  publish(chatKey: string, event: 'message' | 'edit', message: WebMessage): void;
  /** Pushes to this process's pages only (what the relay calls for another instance's message). */
  pushLocal(chatKey: string, event: 'message' | 'edit', message: WebMessage): void;
  /** Whether a page of this chat is open here. */
  watching(chatKey: string): boolean;
  setRelay(relay: (chatKey: string, event: 'message' | 'edit', message: WebMessage) => void): void;
  closeAll(): void;
}

function frame(event: string, message: WebMessage, withId: boolean): string {
  return `${withId ? `id: ${message.id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(message)}\n\n`;
}

export function createChatHub(): ChatHub {
  const streams = new Map<string, Set<ServerResponse>>();
  let relay: ((chatKey: string, event: 'message' | 'edit', message: WebMessage) => void) | undefined;

  function drop(chatKey: string, res: ServerResponse): void {
    const set = streams.get(chatKey);
    set?.delete(res);
    if (set && set.size === 0) streams.delete(chatKey);
  }

  const hub: ChatHub = {
    async open(chatKey, res, backlog) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 3000\n\n');
      let set = streams.get(chatKey);
      if (!set) {
        set = new Set();
        streams.set(chatKey, set);
      }
      set.add(res);
      const beat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      beat.unref();
      res.on('close', () => {
        clearInterval(beat);
        drop(chatKey, res);
      });
      for (const message of await backlog()) res.write(frame('message', message, true));
      res.write('event: ready\ndata: {}\n\n');
    },
    publish(chatKey, event, message) {
      hub.pushLocal(chatKey, event, message);
      relay?.(chatKey, event, message);
    },
    pushLocal(chatKey, event, message) {
      for (const res of streams.get(chatKey) ?? []) res.write(frame(event, message, event === 'message'));
    },
    watching: (chatKey) => streams.has(chatKey),
    setRelay(next) {
      relay = next;
    },
    closeAll() {
      for (const set of streams.values()) for (const res of set) res.end();
      streams.clear();
    },
  };
  return hub;
}
