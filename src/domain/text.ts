/**
 * Vietnamese text helpers shared by the reply grammar, the plan importer and unit matching.
 * Folding removes diacritics (including đ → d) so "Đã xong", "da xong" and "DA XONG" compare equal.
 */

/** Lower-case, strip Vietnamese diacritics, map đ→d, collapse whitespace. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Collapse runs of whitespace (including non-breaking spaces) to one space and trim. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as Postgres can store it: NUL bytes dropped (text and jsonb refuse them) and lone UTF-16
 * surrogates (half of an emoji, cut by a client) replaced by U+FFFD. Everything else is kept.
 */
export function storable(text: string): string {
  const noNul = text.includes('\u0000') ? text.split('\u0000').join('') : text;
  return noNul.replace(LONE_SURROGATE, '\uFFFD');
}

/** `storable` applied to every string (and key) of a JSON-like value: a platform update, stored whole. */
export function storableDeep(value: unknown): unknown {
  if (typeof value === 'string') return storable(value);
  if (Array.isArray(value)) return value.map(storableDeep);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storableDeep(v)]));
  }
  return value;
}
