/** The few static files of dondoc's pages (no build step): held in memory, served at /assets/<name>. */
import type { HttpServer } from './server.js';
import { sendAsset } from './pages.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export function serveAssets(http: HttpServer, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const body = Buffer.from(text, 'utf8');
    const type = TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';
    http.route('GET', `/assets/${name}`, (_req, res) => sendAsset(res, body, type));
  }
}
