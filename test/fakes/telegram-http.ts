// HTTP plumbing for the fake Telegram Bot API: request body parsing (JSON, urlencoded,
// multipart, query string), the error type every handler throws, and payload coercion.
// See telegram-api.ts for the server itself.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Bot API error: `{ok:false, error_code, description, parameters?}` with HTTP status = error_code. */
export class ApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
  }

  toJSON(): Record<string, unknown> {
    return {
      ok: false,
      error_code: this.errorCode,
      description: this.description,
      ...(this.parameters === undefined ? {} : { parameters: this.parameters }),
    };
  }
}

export const badRequest = (what: string): ApiError => new ApiError(400, `Bad Request: ${what}`);

/** A file part of a multipart request. */
export interface UploadedFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Buffer;
}

export type Payload = Record<string, unknown>;

/** Fields the Bot API carries as JSON-serialized objects when a request is not JSON. */
const JSON_FIELDS = new Set([
  'reply_markup',
  'reply_parameters',
  'link_preview_options',
  'commands',
  'scope',
  'allowed_updates',
  'entities',
  'caption_entities',
  'media',
]);

export async function readBody(req: IncomingMessage, maxBytes = 60 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > maxBytes) throw new ApiError(413, 'Request Entity Too Large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Parses a request into a payload; files of a multipart body are attached where `attach://id` points. */
export function parsePayload(contentType: string | undefined, body: Buffer, query: URLSearchParams): Payload {
  const payload: Payload = {};
  for (const [k, v] of query) payload[k] = v;
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (body.length === 0) return decodeJsonFields(payload);
  if (type === 'application/json' || type === '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (parsed === null) return payload;
    if (typeof parsed !== 'object' || Array.isArray(parsed)) throw badRequest("can't parse JSON object");
    return { ...payload, ...(parsed as Payload) };
  }
  if (type === 'application/x-www-form-urlencoded') {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) payload[k] = v;
    return decodeJsonFields(payload);
  }
  if (type === 'multipart/form-data') {
    const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType ?? '')?.[2];
    if (boundary === undefined) throw badRequest('multipart boundary is missing');
    const files = new Map<string, UploadedFile>();
    for (const part of splitMultipart(body, boundary)) {
      if (part.fileName !== undefined) {
        files.set(part.name, { fileName: part.fileName, mimeType: part.mimeType, bytes: part.bytes });
      } else {
        payload[part.name] = part.bytes.toString('utf8');
      }
    }
    for (const [k, v] of Object.entries(payload)) {
      const id = typeof v === 'string' && v.startsWith('attach://') ? v.slice('attach://'.length) : k;
      const file = files.get(id);
      if (file !== undefined) payload[k] = file;
    }
    for (const [name, file] of files) if (!(name in payload)) payload[name] = file;
    return decodeJsonFields(payload);
  }
  throw badRequest(`unsupported content type ${type}`);
}

function decodeJsonFields(payload: Payload): Payload {
  for (const [k, v] of Object.entries(payload)) {
    if (JSON_FIELDS.has(k) && typeof v === 'string') {
      try {
        payload[k] = JSON.parse(v) as unknown;
      } catch {
        throw badRequest(`can't parse ${k} JSON object`);
      }
    }
  }
  return payload;
}

interface Part {
  name: string;
  fileName: string | undefined;
  mimeType: string;
  bytes: Buffer;
}

function* splitMultipart(body: Buffer, boundary: string): Generator<Part> {
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    let start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') return;
    if (body.subarray(start, start + 2).toString() === '\r\n') start += 2;
    const next = body.indexOf(delimiter, start);
    if (next === -1) return;
    let end = next;
    if (body.subarray(end - 2, end).toString() === '\r\n') end -= 2;
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd !== -1 && headerEnd < end) {
      const headers = body.subarray(start, headerEnd).toString('utf8');
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const fileName = /filename="?([^";\r\n]*)"?/i.exec(headers)?.[1];
      const mimeType = /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
      if (name !== undefined) yield { name, fileName, mimeType, bytes: body.subarray(headerEnd + 4, end) };
    }
    pos = next;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

// ---- payload coercion: JSON bodies carry numbers, form bodies carry strings ----

export function optInt(payload: Payload, key: string): number | undefined {
  const v = payload[key];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isInteger(n)) throw badRequest(`field "${key}" must be of type Integer`);
  return n;
}

export function optStr(payload: Payload, key: string): string | undefined {
  const v = payload[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw badRequest(`field "${key}" must be of type String`);
}

export function optBool(payload: Payload, key: string): boolean | undefined {
  const v = payload[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === '1' || v === 1) return true;
  if (v === 'false' || v === '0' || v === 0 || v === '') return false;
  throw badRequest(`field "${key}" must be of type Boolean`);
}

export function optObj(payload: Payload, key: string): Record<string, unknown> | undefined {
  const v = payload[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw badRequest(`field "${key}" must be of type Object`);
  return v as Record<string, unknown>;
}

/** `chat_id` as the API takes it: an integer, or a numeric string; `@username` chats do not exist here. */
export function chatIdOf(payload: Payload): number {
  const v = payload['chat_id'];
  if (v === undefined || v === null || v === '') throw badRequest('chat_id is empty');
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n)) throw badRequest('chat not found');
  return n;
}
