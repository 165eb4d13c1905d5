/**
 * Turns the bytes of a text file exported by Excel or an old system into text. UTF-8 (with or
 * without BOM) and UTF-16 (with BOM, or recognised by its zero bytes) are read as they are; other
 * bytes are tried as the two legacy Vietnamese encodings (Windows-1258 and TCVN3) and the one
 * that yields Vietnamese is kept. Anything else is refused with the encoding a detector guesses,
 * so the message can say what the file is and how to save it as UTF-8.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as ("UTF-8", "UTF-16LE", "windows-1258", …). */
  encoding: string;
}

/** The bytes are text in an encoding dondoc does not convert; `guess` is the detector's best name. */
export class EncodingError extends Error {
  readonly guess: string;

  constructor(guess: string) {
    super(`text is not UTF-8, UTF-16 or a Vietnamese legacy encoding (looks like ${guess})`);
    this.name = 'EncodingError';
    this.guess = guess;
  }
}

const LEGACY_VIETNAMESE = ['windows-1258', 'tcvn'] as const;

/** Share of zero bytes at even and odd positions among the first bytes. */
function zeroShares(buf: Buffer): { even: number; odd: number } {
  const n = Math.min(buf.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (buf[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const half = Math.max(1, n / 2);
  return { even: even / half, odd: odd / half };
}

// A Vietnamese syllable without its tone: onset, one to three vowels, a final consonant.
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(ch|ng|nh|[cmnpt])?$/;
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * How much a decoded text reads as Vietnamese: the share of its words with non-ASCII letters
 * that are Vietnamese syllables. A wrong decoding puts letters where no syllable has them.
 */
function vietnameseScore(text: string): number {
  let wide = 0;
  let good = 0;
  for (const word of text.split(/[^\p{L}]+/u)) {
    if (!/[^\p{ASCII}]/u.test(word)) continue;
    wide++;
    if (SYLLABLE.test(word.toLowerCase().normalize('NFD').replace(TONES, '').normalize('NFC'))) good++;
  }
  return wide === 0 ? 0 : good / wide;
}

function decodeLegacy(buf: Buffer): DecodedText | null {
  let best: DecodedText | null = null;
  let bestScore = 0;
  for (const encoding of LEGACY_VIETNAMESE) {
    const text = iconv.decode(buf, encoding).normalize('NFC');
    const score = vietnameseScore(text);
    if (score > bestScore) [best, bestScore] = [{ text, encoding }, score];
  }
  // Nearly every word must come out as a Vietnamese syllable; Latin-1 text or a binary file
  // read as Vietnamese gives letters no syllable has.
  return bestScore >= 0.9 ? best : null;
}

/** Reads text bytes; throws EncodingError for an encoding it does not convert. NUL characters are dropped. */
export function decodeTextBytes(buf: Buffer): DecodedText {
  const done = (text: string, encoding: string): DecodedText => ({ text: text.replace(/^\ufeff/, '').replaceAll('\u0000', ''), encoding });
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return done(buf.subarray(3).toString('utf8'), 'UTF-8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return done(new TextDecoder('utf-16le').decode(buf.subarray(2)), 'UTF-16LE');
  if (buf[0] === 0xfe && buf[1] === 0xff) return done(new TextDecoder('utf-16be').decode(buf.subarray(2)), 'UTF-16BE');
  const zeros = zeroShares(buf);
  // UTF-16 without a BOM: ASCII letters leave a zero in every other byte.
  if (zeros.odd > 0.3 && zeros.even < 0.05) return done(new TextDecoder('utf-16le').decode(buf), 'UTF-16LE');
  if (zeros.even > 0.3 && zeros.odd < 0.05) return done(new TextDecoder('utf-16be').decode(buf), 'UTF-16BE');
  try {
    return done(new TextDecoder('utf-8', { fatal: true }).decode(buf), 'UTF-8');
  } catch {
    const legacy = decodeLegacy(buf);
    if (legacy) return done(legacy.text, legacy.encoding);
    throw new EncodingError(chardet.detect(buf) ?? 'unknown');
  }
}
