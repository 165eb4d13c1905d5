import { describe, expect, it } from 'vitest';
import { ZALO_TEXT_LIMIT, splitForZalo, zaloTextLength } from '../../src/channels/zalo/split.js';

const SYLLABLES = (
  'Sở Nội vụ đôn đốc các đơn vị hoàn thành nhiệm vụ được giao trước ngày 30/11/2025 và báo cáo kết quả ' +
  'thực hiện Kế hoạch số 125/KH-UBND về chuyển đổi số; Phòng Tổ chức cán bộ chủ trì, phối hợp với Văn phòng Sở ' +
  'tổng hợp những khó khăn, vướng mắc, đề xuất giải pháp tháo gỡ; đảm bảo "6 rõ": rõ người, rõ việc, rõ thời gian, ' +
  'rõ trách nhiệm, rõ sản phẩm, rõ thẩm quyền. Trung tâm Phục vụ hành chính công tiếp tục rà soát thủ tục.'
).split(' ');

/** Deterministic pseudo-random text: `lines` lines of roughly the given lengths. */
function vietnameseText(lineLengths: number[], seed = 7): string {
  let state = seed;
  const next = (): number => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31);
  return lineLengths
    .map((length) => {
      const words: string[] = [];
      let size = 0;
      while (size < length) {
        const word = SYLLABLES[next() % SYLLABLES.length] ?? 'việc';
        words.push(word);
        size += word.length + 1;
      }
      return words.join(' ');
    })
    .join('\n');
}

/** Each part is found, in order, in the original, separated only by whitespace, and ends at a word boundary. */
function expectFaithfulSplit(original: string, parts: string[], limit = ZALO_TEXT_LIMIT): void {
  let pos = 0;
  parts.forEach((part, i) => {
    expect(zaloTextLength(part)).toBeLessThanOrEqual(limit);
    expect(part.trim()).not.toBe('');
    const at = original.indexOf(part, pos);
    expect(at, `part ${i} found in order`).toBeGreaterThanOrEqual(pos);
    expect(original.slice(pos, at), `only whitespace before part ${i}`).toMatch(/^\s*$/);
    pos = at + part.length;
    if (i < parts.length - 1) expect(original[pos] ?? '', `part ${i} ends at a word boundary`).toMatch(/\s/);
  });
  expect(original.slice(pos)).toMatch(/^\s*$/);
  expect(parts.join('').replace(/\s/g, '')).toBe(original.replace(/\s/g, ''));
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('splitForZalo', () => {
  it('leaves a text within the limit as one message, and sends nothing for blank text', () => {
    expect(splitForZalo('Xin chào anh An')).toEqual(['Xin chào anh An']);
    expect(splitForZalo('x'.repeat(2000))).toHaveLength(1);
    expect(splitForZalo('')).toEqual([]);
    expect(splitForZalo(' \n\t ')).toEqual([]);
  });

  it('splits a 5000-character Vietnamese text with long lines into parts of at most 2000, cut between words', () => {
    const text = vietnameseText([320, 2600, 150, 1900, 90]);
    expect(text.length).toBeGreaterThan(5000);
    const parts = splitForZalo(text);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expectFaithfulSplit(text, parts);
    expect(parts.flatMap(words)).toEqual(words(text));
  });

  it('keeps whole lines together when every line fits', () => {
    const text = vietnameseText(
      Array.from({ length: 60 }, () => 90),
      3,
    );
    const parts = splitForZalo(text);
    expectFaithfulSplit(text, parts);
    const lines = text.split('\n');
    expect(parts.flatMap((p) => p.split('\n'))).toEqual(lines);
  });

  it('prefers a paragraph break in the second half of the window over a later line break', () => {
    const first = vietnameseText([400, 400, 400], 1);
    const second = vietnameseText([300, 300, 300, 300], 2);
    const parts = splitForZalo(`${first}\n\n${second}`);
    expect(parts[0]).toBe(first);
    expect(parts.join('\n\n')).toBe(`${first}\n\n${second}`);
  });

  it('does not end a part with the \\r of a CRLF line break', () => {
    const text = vietnameseText(
      Array.from({ length: 40 }, () => 120),
      5,
    ).replace(/\n/g, '\r\n');
    const parts = splitForZalo(text);
    for (const part of parts) expect(part).not.toMatch(/\s$/);
    expectFaithfulSplit(text, parts);
  });

  it('never cuts a decomposed (NFD) Vietnamese word or separates a letter from its diacritics', () => {
    const text = vietnameseText([2500, 2500], 9).normalize('NFD');
    const parts = splitForZalo(text);
    expectFaithfulSplit(text, parts);
    expect(parts.flatMap(words)).toEqual(words(text));
    for (const part of parts) expect(part).not.toMatch(/^\p{M}/u);
  });

  it('hard-cuts only a single word longer than the limit, such as a long link', () => {
    const link = `https://vanban.example.gov.vn/${'a'.repeat(4500)}`;
    const parts = splitForZalo(`Xem văn bản: ${link} để biết thêm`);
    expect(parts).toEqual(['Xem văn bản:', link.slice(0, 2000), link.slice(2000, 4000), `${link.slice(4000)} để biết thêm`]);
  });

  it('counts an emoji as two characters and never cuts one in half', () => {
    expect(zaloTextLength('😀')).toBe(2);
    expect(splitForZalo(`${'a'.repeat(1999)}😀`)).toEqual(['a'.repeat(1999), '😀']);
    const emoji = '😀'.repeat(1500);
    const parts = splitForZalo(emoji);
    expect(parts.join('')).toBe(emoji);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      expect(part).not.toMatch(loneSurrogate);
    }
  });

  it('does not split a decomposed letter when a long word must be hard-cut', () => {
    const word = 'ệ'.normalize('NFD').repeat(1000);
    const parts = splitForZalo(word);
    expect(parts.join('')).toBe(word);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      expect(part).not.toMatch(/^\p{M}/u);
    }
  });

  it('does not cut at a no-break space', () => {
    const text = `${'a'.repeat(10)} ${'b'.repeat(5)}\u00a0${'c'.repeat(5)}`;
    expect(splitForZalo(text, 15)).toEqual(['a'.repeat(10), `${'b'.repeat(5)}\u00a0${'c'.repeat(5)}`]);
  });

  it('honours a smaller limit and rejects a nonsensical one', () => {
    const text = vietnameseText([400], 4);
    const parts = splitForZalo(text, 50);
    expectFaithfulSplit(text, parts, 50);
    expect(() => splitForZalo(text, 1)).toThrow(RangeError);
  });
});
