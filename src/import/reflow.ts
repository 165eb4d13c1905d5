/**
 * Restores line structure to text that lost every line break (pasted from a chat, or folded
 * with whitespace collapsed): breaks before outline markers that follow a sentence end or a
 * heading ("… như sau: II. NỘI DUNG 1. … a) … - Đơn vị thực hiện: …") and before "Nơi nhận".
 * Used only when a long text has almost no line breaks.
 */
import { foldAligned } from './fold.js';

const FIELD = String.raw`(?:don vi(?:, ca nhan)?|co quan|thoi gian|thoi han|san pham|noi dung|phoi hop)[^:.;,\-–]{0,50}:`;

const BREAKS: RegExp[] = [
  // roman numerals: "… như sau: II. NỘI DUNG"
  /(?<=[.:;]["”)]?)\s+(?=(?:x{0,3}(?:ix|iv|v?i{1,3}|v|x))\.\s+[a-z])/g,
  // numbered items: "2.1. …", "3. …"
  /(?<=\S)\s+(?=\d{1,2}(?:\.\d{1,2}){0,3}\.\s+[a-z(])/g,
  // lettered items: "a) …"
  /(?<=\S)\s+(?=[a-z]\)\s+[a-z(])/g,
  // bullets after a sentence end, a colon, a closing parenthesis or a "Nội dung" label
  /(?<=[.:;)]|\bnoi dung)\s+(?=[-–+•]\s+\S)/g,
  // bullets or bare labels that open a field: "- Đơn vị thực hiện: …"
  new RegExp(String.raw`\s+(?=[-–+•]\s+${FIELD})`, 'g'),
  new RegExp(String.raw`(?<=[.;:)])\s+(?=${FIELD})`, 'g'),
  /\s+(?=noi nhan\s*:)/g,
  /\s+(?=(?:dong )?kinh gui\s*:)/g,
  // a letter's opening after its addressees: "…; - Ủy ban nhân dân các xã, phường. Căn cứ …"
  /(?<=[.;])\s+(?=(?:can cu|thuc hien|theo de nghi)\s)/g,
];

/** True for a long text with (almost) no line breaks. */
export function needsReflow(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  return text.length > 400 && (lines.length <= 3 || text.length / lines.length > 2000);
}

/** Inserts line breaks before outline markers; positions are found on folded text. */
export function reflow(text: string): string {
  const folded = foldAligned(text);
  const cuts = new Set<number>();
  for (const re of BREAKS) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) cuts.add(m.index + m[0].length);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  for (const cut of sorted) {
    parts.push(text.slice(from, cut).trim());
    from = cut;
  }
  parts.push(text.slice(from).trim());
  return parts.filter(Boolean).join('\n');
}
