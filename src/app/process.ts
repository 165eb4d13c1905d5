/**
 * Process-level safety nets, installed once by main.ts. A promise rejection nobody handled is a
 * bug to log, not a reason to stop serving; an exception that reached the event loop leaves the
 * process in an unknown state, so it is logged as fatal and the process exits non-zero (the
 * supervisor, e.g. compose's restart policy, starts it again).
 */
import type { Logger } from 'pino';

export function installProcessHandlers(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): () => void {
  const onRejection = (reason: unknown) => logger.error({ err: reason }, 'unhandled promise rejection (a bug: please report it)');
  const onException = (error: unknown) => {
    logger.fatal({ err: error }, 'uncaught exception; exiting so that dondoc restarts clean');
    logger.flush?.();
    exit(1);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
