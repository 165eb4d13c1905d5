/**
 * Reads a multipart/form-data post with one file (busboy): its fields and the file's bytes, or
 * why it was refused. A file over the limit is drained and reported, never kept whole in memory.
 */
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';

export type Upload = { ok: true; fields: URLSearchParams; file: { name: string; bytes: Buffer } | null } | { ok: false; reason: 'too_large' | 'malformed' };

export function readUpload(req: IncomingMessage, maxFileBytes: number): Promise<Upload> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxFileBytes, fields: 20, fieldSize: 64 * 1024 } });
    } catch {
      req.resume();
      resolve({ ok: false, reason: 'malformed' });
      return;
    }
    const fields = new URLSearchParams();
    let file: { name: string; bytes: Buffer } | null = null;
    let tooLarge = false;
    parser.on('field', (name, value) => fields.append(name, value));
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        tooLarge = true;
        chunks.length = 0;
      });
      stream.on('end', () => {
        if (!tooLarge && info.filename) file = { name: info.filename, bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('error', () => resolve({ ok: false, reason: 'malformed' }));
    parser.on('close', () => resolve(tooLarge ? { ok: false, reason: 'too_large' } : { ok: true, fields, file }));
    req.pipe(parser);
  });
}
