/** Zalo's text limit and the shared splitter bound to it (see ../split.ts for where cuts fall). */
import { splitText, textLength } from '../split.js';

export const ZALO_TEXT_LIMIT = 2000;

/** Length of `text` as counted against Zalo's limit. */
export const zaloTextLength = textLength;

/** Split `text` into parts Zalo accepts; blank text gives []. */
export function splitForZalo(text: string, limit: number = ZALO_TEXT_LIMIT): string[] {
  return splitText(text, limit);
}
