// Parse modes of the fake Telegram Bot API: turns `text` + `parse_mode` into the plain text and
// entities Telegram stores, refusing what Telegram refuses with "can't parse entities: ...".
// Rules from core.telegram.org/bots/api#formatting-options (HTML style, MarkdownV2 style);
// error wordings follow tdlib's parser where known. Lengths are UTF-16 code units, like
// MessageEntity offsets. Simplifications are marked "fake:".
import type { MessageEntity } from 'grammy/types';
import { badRequest } from './telegram-http.js';

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

const cantParse = (what: string) => badRequest(`can't parse entities: ${what}`);
const byteOffset = (src: string, i: number) => Buffer.byteLength(src.slice(0, i), 'utf8');

/** Plain text + entities for a text/caption, or throws the Bot API's 400. Trims like Telegram does. */
export function formatText(text: string, parseMode: string | undefined): FormattedText {
  let parsed: FormattedText;
  switch ((parseMode ?? '').toLowerCase()) {
    case '':
      parsed = { text, entities: [] };
      break;
    case 'html':
      parsed = parseHtml(text);
      break;
    case 'markdownv2':
      parsed = parseMarkdownV2(text);
      break;
    case 'markdown':
      // fake: legacy Markdown is passed through unparsed (dondoc does not use it).
      parsed = { text, entities: [] };
      break;
    default:
      throw badRequest(`unsupported parse_mode`);
  }
  return trim(parsed);
}

function trim({ text, entities }: FormattedText): FormattedText {
  const lead = text.length - text.trimStart().length;
  const body = text.trim();
  const out: MessageEntity[] = [];
  for (const e of entities) {
    const start = Math.max(0, e.offset - lead);
    const end = Math.min(body.length, e.offset + e.length - lead);
    if (end > start) out.push({ ...e, offset: start, length: end - start });
  }
  return { text: body, entities: out };
}

function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.filter((e) => e.length > 0).sort((a, b) => a.offset - b.offset || b.length - a.length);
}

// ---------------------------------------------------------------- HTML

const HTML_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'tg-emoji',
  'tg-time',
  'code',
  'pre',
  'blockquote',
]);
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

interface OpenTag {
  tag: string;
  attrs: Map<string, string>;
  start: number;
  language?: string;
}

function decodeEntityAt(src: string, i: number): { char: string; next: number } {
  const m = /^&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[a-zA-Z][a-zA-Z0-9]{0,31});/.exec(src.slice(i, i + 40));
  if (m === null) {
    // fake: tdlib keeps a stray '&' as text; the documentation says to escape it, so the fake refuses.
    throw cantParse(`Character '&' must be escaped as "&amp;" at byte offset ${byteOffset(src, i)}`);
  }
  const name = m[1] ?? '';
  let char: string | undefined;
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) char = String.fromCodePoint(code);
  } else {
    char = NAMED_ENTITIES[name];
  }
  if (char === undefined) throw cantParse(`Unsupported HTML entity "${m[0]}" at byte offset ${byteOffset(src, i)}`);
  return { char, next: i + m[0].length };
}

export function parseHtml(src: string): FormattedText {
  let out = '';
  const stack: OpenTag[] = [];
  const entities: MessageEntity[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '&') {
      const { char, next } = decodeEntityAt(src, i);
      out += char;
      i = next;
    } else if (c === '<' && src[i + 1] === '/') {
      const close = src.indexOf('>', i);
      if (close === -1) throw cantParse(`Unclosed end tag at byte offset ${byteOffset(src, i)}`);
      const name = src
        .slice(i + 2, close)
        .trim()
        .toLowerCase();
      const top = stack.pop();
      if (top === undefined) throw cantParse(`Unexpected end tag at byte offset ${byteOffset(src, i)}`);
      if (top.tag !== name) {
        throw cantParse(`Unmatched end tag at byte offset ${byteOffset(src, i)}, expected "</${top.tag}>", found "</${name}>"`);
      }
      const entity = htmlEntity(top, out.length, stack[stack.length - 1]);
      if (entity !== undefined) entities.push(entity);
      i = close + 1;
    } else if (c === '<') {
      i = openTag(src, i, out.length, stack);
    } else {
      out += c;
      i += 1;
    }
  }
  const unclosed = stack[0];
  if (unclosed !== undefined) throw cantParse(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  return { text: out, entities: sortEntities(entities) };
}

function openTag(src: string, at: number, outPos: number, stack: OpenTag[]): number {
  const m = /^[a-zA-Z][a-zA-Z0-9-]*/.exec(src.slice(at + 1, at + 40));
  const tag = (m?.[0] ?? '').toLowerCase();
  if (!HTML_TAGS.has(tag)) throw cantParse(`Unsupported start tag "${tag}" at byte offset ${byteOffset(src, at)}`);
  let i = at + 1 + tag.length;
  const attrs = new Map<string, string>();
  for (;;) {
    while (i < src.length && /\s/.test(src[i] as string)) i += 1;
    if (i >= src.length) throw cantParse(`Unclosed start tag at byte offset ${byteOffset(src, at)}`);
    if (src[i] === '>') break;
    const name = /^[a-zA-Z0-9_-]+/.exec(src.slice(i, i + 64))?.[0];
    if (name === undefined) throw cantParse(`Empty attribute name in the tag "${tag}" at byte offset ${byteOffset(src, at)}`);
    i += name.length;
    let value = '';
    if (src[i] === '=') {
      i += 1;
      const quote = src[i];
      if (quote === '"' || quote === "'") {
        const end = src.indexOf(quote, i + 1);
        if (end === -1) throw cantParse(`Unclosed start tag at byte offset ${byteOffset(src, at)}`);
        value = decodeAttr(src.slice(i + 1, end));
        i = end + 1;
      } else {
        const raw = /^[^\s>]*/.exec(src.slice(i))?.[0] ?? '';
        value = decodeAttr(raw);
        i += raw.length;
      }
    }
    attrs.set(name.toLowerCase(), value);
  }
  stack.push({ tag, attrs, start: outPos });
  return i + 1;
}

function decodeAttr(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length;) {
    if (raw[i] === '&') {
      const { char, next } = decodeEntityAt(raw, i);
      out += char;
      i = next;
    } else {
      out += raw[i];
      i += 1;
    }
  }
  return out;
}

function htmlEntity(open: OpenTag, end: number, parent: OpenTag | undefined): MessageEntity | undefined {
  const span = { offset: open.start, length: end - open.start };
  switch (open.tag) {
    case 'b':
    case 'strong':
      return { type: 'bold', ...span };
    case 'i':
    case 'em':
      return { type: 'italic', ...span };
    case 'u':
    case 'ins':
      return { type: 'underline', ...span };
    case 's':
    case 'strike':
    case 'del':
      return { type: 'strikethrough', ...span };
    case 'tg-spoiler':
      return { type: 'spoiler', ...span };
    case 'span':
      if (open.attrs.get('class') !== 'tg-spoiler') throw cantParse(`Tag "span" must have class "tg-spoiler"`);
      return { type: 'spoiler', ...span };
    case 'a': {
      const href = open.attrs.get('href');
      return href === undefined || href === '' ? undefined : { type: 'text_link', url: href, ...span };
    }
    case 'code': {
      const lang = /^language-(.+)$/.exec(open.attrs.get('class') ?? '')?.[1];
      if (parent?.tag === 'pre' && lang !== undefined) {
        parent.language = lang;
        return undefined;
      }
      return { type: 'code', ...span };
    }
    case 'pre':
      return open.language === undefined ? { type: 'pre', ...span } : { type: 'pre', language: open.language, ...span };
    case 'blockquote':
      return { type: open.attrs.has('expandable') ? 'expandable_blockquote' : 'blockquote', ...span };
    case 'tg-emoji':
      return { type: 'custom_emoji', custom_emoji_id: open.attrs.get('emoji-id') ?? '', ...span };
    case 'tg-time':
      return {
        type: 'date_time',
        unix_time: Number(open.attrs.get('unix') ?? 0),
        ...(open.attrs.has('format') ? { date_time_format: open.attrs.get('format') } : {}),
        ...span,
      } as MessageEntity;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------- MarkdownV2

const RESERVED = new Set('_*[]()~`>#+-=|{}.!'.split(''));

interface OpenMd {
  kind: 'bold' | 'italic' | 'underline' | 'strikethrough' | 'spoiler' | 'text_link';
  start: number;
  at: number;
}

/**
 * MarkdownV2 as documented: '\' escapes any char 1..126; reserved characters outside markup must be
 * escaped; entities must be closed. fake: `>` quotes, custom emoji `![..](..)` and the `**>`
 * expandable form are not parsed (write them escaped); nesting is checked as a strict stack.
 */
export function parseMarkdownV2(src: string): FormattedText {
  let out = '';
  const stack: OpenMd[] = [];
  const entities: MessageEntity[] = [];
  const toggle = (kind: OpenMd['kind'], at: number) => {
    const top = stack[stack.length - 1];
    if (top?.kind === kind) {
      stack.pop();
      entities.push({ type: kind, offset: top.start, length: out.length - top.start } as MessageEntity);
    } else if (stack.some((s) => s.kind === kind)) {
      throw cantParse(`Can't find end of ${top?.kind ?? kind} entity at byte offset ${byteOffset(src, top?.at ?? at)}`);
    } else {
      stack.push({ kind, start: out.length, at });
    }
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    const code = src.charCodeAt(i + 1);
    if (c === '\\' && code >= 1 && code <= 126) {
      out += src[i + 1];
      i += 2;
    } else if (c === '`') {
      const fence = src.startsWith('```', i);
      const open = i;
      i += fence ? 3 : 1;
      let language: string | undefined;
      if (fence) {
        const nl = src.indexOf('\n', i);
        const first = nl === -1 ? '' : src.slice(i, nl);
        if (nl !== -1 && /^[^\s`\\]*$/.test(first)) {
          language = first === '' ? undefined : first;
          i = nl + 1;
        }
      }
      const start = out.length;
      const closer = fence ? '```' : '`';
      while (i < src.length && !src.startsWith(closer, i)) {
        if (src[i] === '\\' && i + 1 < src.length) i += 1;
        out += src[i];
        i += 1;
      }
      if (i >= src.length) throw cantParse(`Can't find end of the entity starting at byte offset ${byteOffset(src, open)}`);
      i += closer.length;
      if (fence && out.endsWith('\n')) out = out.slice(0, -1);
      const span = { offset: start, length: out.length - start };
      entities.push(fence ? { type: 'pre', ...span, ...(language === undefined ? {} : { language }) } : { type: 'code', ...span });
    } else if (c === '*') {
      toggle('bold', i);
      i += 1;
    } else if (c === '_') {
      const double = src[i + 1] === '_';
      toggle(double ? 'underline' : 'italic', i);
      i += double ? 2 : 1;
    } else if (c === '~') {
      toggle('strikethrough', i);
      i += 1;
    } else if (c === '|' && src[i + 1] === '|') {
      toggle('spoiler', i);
      i += 2;
    } else if (c === '[') {
      stack.push({ kind: 'text_link', start: out.length, at: i });
      i += 1;
    } else if (c === ']' && stack[stack.length - 1]?.kind === 'text_link') {
      const top = stack.pop() as OpenMd;
      if (src[i + 1] !== '(') throw cantParse(`Can't find end of a URL at byte offset ${byteOffset(src, i)}`);
      let url = '';
      i += 2;
      while (i < src.length && src[i] !== ')') {
        if (src[i] === '\\' && i + 1 < src.length) i += 1;
        url += src[i];
        i += 1;
      }
      if (i >= src.length) throw cantParse(`Can't find end of a URL at byte offset ${byteOffset(src, top.at)}`);
      i += 1;
      entities.push({ type: 'text_link', url, offset: top.start, length: out.length - top.start });
    } else if (RESERVED.has(c)) {
      throw cantParse(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
    } else {
      out += c;
      i += 1;
    }
  }
  const open = stack[stack.length - 1];
  if (open !== undefined) throw cantParse(`Can't find end of the entity starting at byte offset ${byteOffset(src, open.at)}`);
  return { text: out, entities: sortEntities(entities) };
}
