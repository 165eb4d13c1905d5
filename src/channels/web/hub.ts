/**
 * Live delivery to open web chats over Server-Sent Events: each open page holds one stream, keyed
 * by its chat; a message stored for that chat is written to every stream of it at once. Streams
 * live in this process only; a page that reconnects catches up from its Last-Event-ID.
 */
import type { ServerResponse } from 'node:http';
import type { WebMessage } from '../../store/web-chat.js';

const HEARTBEAT_MS = 25_000;

export interface ChatHub {
  /** Subscribes first, then writes the backlog, so nothing published meanwhile is missed (the page dedupes by id). */
  open(chatKey: string, res: ServerResponse, backlog: () => Promise<WebMessage[]>): Promise<void>;
  publish(chatKey: string, event: 'message' | 'edit', message: WebMessage): void;
  closeAll(): void;
}

function frame(event: string, message: WebMessage, withId: boolean): string {
  return `${withId ? `id: ${message.id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(message)}\n\n`;
}

export function createChatHub(): ChatHub {
  const streams = new Map<string, Set<ServerResponse>>();

  function drop(chatKey: string, res: ServerResponse): void {
    const set = streams.get(chatKey);
    set?.delete(res);
    if (set && set.size === 0) streams.delete(chatKey);
  }

  return {
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
      for (const res of streams.get(chatKey) ?? []) res.write(frame(event, message, event === 'message'));
    },
    closeAll() {
      for (const set of streams.values()) for (const res of set) res.end();
      streams.clear();
    },
  };
}
