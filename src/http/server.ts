/**
 * dondoc's one HTTP server: health, platform webhooks, the admin bridge for the CLI, and (later)
 * web pages. Routes are registered by the parts that own them.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

export interface HttpServer {
  route(method: string, path: string | RegExp, handler: Handler): void;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
  server: http.Server;
}

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error('request body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function createHttpServer(logger: Logger): HttpServer {
  const routes: { method: string; path: string | RegExp; handler: Handler }[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = routes.find(
      (r) =>
        (r.method === req.method || (r.method === 'GET' && req.method === 'HEAD')) &&
        (typeof r.path === 'string' ? r.path === url.pathname : r.path.test(url.pathname)),
    );
    if (!match) {
      sendJson(res, 404, { ok: false, error: 'not found' });
      return;
    }
    Promise.resolve(match.handler(req, res, url)).catch((error: unknown) => {
      const status = (error as { status?: number }).status ?? 500;
      if (status >= 500) logger.error({ err: error, path: url.pathname }, 'http handler failed');
      if (!res.headersSent) sendJson(res, status, { ok: false, error: status >= 500 ? 'internal error' : (error as Error).message });
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  return {
    server,
    route(method, path, handler) {
      routes.push({ method, path, handler });
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
