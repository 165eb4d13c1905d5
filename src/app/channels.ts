/**
 * The chat channels of one app: their senders first (shared by replies and the outbox), then
 * Telegram and Zalo when configured, with their webhook routes, and the web chat, always on.
 */
import type { Sender } from '../chat/sender.js';
import type { Deps } from '../chat/types.js';
import { createSenders } from '../channels/senders.js';
import { createTelegramChannel, type TelegramChannel, type TelegramOptions } from '../channels/telegram/channel.js';
import { createWebChannel, type WebChannel } from '../channels/web/channel.js';
import { createZaloChannel, type ZaloChannel, type ZaloOptions } from '../channels/zalo/channel.js';
import type { Config } from '../config.js';
import { demoWanted } from '../demo/mode.js';
import type { Channel } from '../domain/types.js';
import type { HttpServer } from '../http/server.js';

export interface Channels {
  telegram?: TelegramChannel;
  zalo?: ZaloChannel;
  web: WebChannel;
  /** What the scheduler sends the outbox through, by channel. */
  senders: Map<Channel, Sender>;
}

export function createChannels(
  config: Config,
  deps: Deps,
  http: HttpServer,
  overrides: { telegram?: Partial<TelegramOptions> | undefined; zalo?: Partial<ZaloOptions> | undefined },
): Channels {
  const zalo = config.zalo ? createZaloChannel({ ...config.zalo, ...overrides.zalo }, deps) : undefined;
  const senders = createSenders(config, deps, { zaloClient: zalo?.client });
  const telegram =
    config.telegram && senders.telegram ? createTelegramChannel({ ...config.telegram, ...overrides.telegram }, deps, senders.telegram) : undefined;
  for (const channel of [telegram, zalo]) {
    if (channel?.webhookHandler && channel.webhookPath) http.route('POST', channel.webhookPath, channel.webhookHandler);
  }
  const web = createWebChannel(deps);
  // The web chat is only pushed to in a demo, where it is the one channel; in a real deployment
  // nudges go to Telegram and Zalo (a page that is closed would swallow them).
  if (demoWanted(config)) senders.all.set('web', web.sender);
  return { ...(telegram ? { telegram } : {}), ...(zalo ? { zalo } : {}), web, senders: senders.all };
}
