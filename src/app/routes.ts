/** The app's own HTTP routes: the health check and the admin bridge the `dondoc` command line uses. */
import { z } from 'zod';
import type { Logger } from 'pino';
import type { CliEnv, CliIo } from '../cli/types.js';
import { ping, type DatabaseHandle } from '../db/index.js';
import { isConnectionError } from '../db/health.js';
import { secretMatches } from '../http/secret.js';
import { readBody, sendJson, type HttpServer } from '../http/server.js';

export type AdminCli = (argv: string[], io: CliIo, env: CliEnv) => Promise<number>;

export function registerHealth(http: HttpServer, handle: DatabaseHandle, logger: Logger): void {
  http.route('GET', '/healthz', async (_req, res) => {
    try {
      await ping(handle.db);
      handle.health?.up();
      sendJson(res, 200, { ok: true, database: handle.kind });
    } catch (error) {
      if (handle.health && isConnectionError(error)) handle.health.down(error);
      else logger.error({ err: error }, 'health check failed');
      sendJson(res, 503, { ok: false, database: handle.kind });
    }
  });
}

const LOCAL = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];
const bridgeRequest = z.object({ argv: z.array(z.string()), cwd: z.string() });

/**
 * Runs admin commands sent by `dondoc` on this machine while this server holds the embedded
 * database (src/cli.ts forwards them): only from localhost, only with the token in the lock file.
 */
export function registerAdminBridge(http: HttpServer, adminCli: AdminCli, token: string, env: CliEnv): void {
  http.route('POST', '/admin/cli', async (req, res) => {
    const given = String(req.headers['x-dondoc-admin-token'] ?? '');
    if (!LOCAL.includes(req.socket.remoteAddress ?? '') || !secretMatches(given, token)) {
      sendJson(res, 403, { ok: false });
      return;
    }
    const parsed = bridgeRequest.safeParse(JSON.parse((await readBody(req, 64 * 1024)).toString('utf8')));
    if (!parsed.success) {
      sendJson(res, 400, { ok: false, error: 'expected {argv, cwd}' });
      return;
    }
    const out = { stdout: [] as string[], stderr: [] as string[] };
    const code = await adminCli(parsed.data.argv, { stdout: (l) => out.stdout.push(l), stderr: (l) => out.stderr.push(l), cwd: parsed.data.cwd }, env);
    sendJson(res, 200, { code, ...out });
  });
}
