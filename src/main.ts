/** Starts dondoc: reads the configuration, builds the app, and shuts it down cleanly on SIGINT/SIGTERM. */
import { ChannelStartError, createApp, DataDirBusyError } from './app.js';
import { installProcessHandlers } from './app/process.js';
import { runCli } from './cli/index.js';
import { ConfigError, parseConfig } from './config.js';
import { prepareDemo } from './demo/startup.js';
import { getTranslator } from './i18n.js';
import { createLogger, secretsOf } from './logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, { secrets: secretsOf(config) });
  installProcessHandlers(logger);
  let app;
  try {
    app = await createApp({ config, logger, adminCli: runCli });
    await prepareDemo(app.deps, config, logger);
    await app.start();
  } catch (error) {
    if (error instanceof DataDirBusyError) {
      console.error(error.message);
      process.exit(1);
    }
    if (error instanceof ChannelStartError) {
      await app?.stop().catch(() => undefined);
      const variable = error.channel === 'telegram' ? 'TELEGRAM_BOT_TOKEN' : 'ZALO_BOT_TOKEN';
      console.error(getTranslator().t(config.defaultLocale, 'server-channel-refused', { channel: error.channel, detail: error.detail, variable }));
      process.exit(1);
    }
    logger.fatal({ err: error }, 'dondoc could not start');
    await app?.stop().catch(() => undefined);
    process.exit(1);
  }
  const url = config.publicUrl ?? `http://localhost:${app.port}`;
  logger.info({ url }, 'dondoc started');
  const line = (await app.demo.active()) ? 'server-listening-demo' : 'server-listening';
  process.stdout.write(`${getTranslator().t(config.defaultLocale, line, { url })}\n`);

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
