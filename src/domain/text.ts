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
