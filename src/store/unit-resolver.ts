/**
 * Turns the unit names a document writes ("Văn phòng Sở", "Phòng xây dựng, kiểm tra VBQPPL",
 * "Các phòng, đơn vị sự nghiệp thuộc Sở") into units of the organisation tree: by folded name,
 * by alias, by abbreviation, by close wording, and group phrases to the children of a unit.
 * What it cannot resolve it says, never guesses between two candidates.
 */
import type { Db } from '../db/index.js';
import { fold } from '../domain/text.js';

export interface ResolvedUnits {
  unitIds: number[];
  how: 'name' | 'alias' | 'abbreviation' | 'wording' | 'group';
}

export interface UnitResolver {
  resolve(name: string): ResolvedUnits | null;
}

interface UnitRow {
  id: number;
  parentId: number | null;
  name: string;
  key: string;
  words: string[];
  initials: string;
}

/** Folded, punctuation-free, single-spaced: "Phòng Phổ biến, giáo dục - PL" → "phong pho bien giao duc pl". */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const STOP_WORDS = new Set(['va', 'cua', 'so', 'thuoc', 'tinh', 'cac']);
const GROUP_KINDS: [string, (u: UnitRow) => boolean][] = [
  ['phong', (u) => /^(phong|van phong)\b/.test(u.key)],
  ['trung tam', (u) => /^trung tam\b/.test(u.key)],
  ['chi cuc', (u) => /^chi cuc\b/.test(u.key)],
];

function initialsOf(words: string[]): string {
  return words.map((w) => w[0] ?? '').join('');
}

/** "Phòng XD VBQPPL" matches a unit when its plain words are the unit's and each abbreviation spells consecutive initials. */
function matchesAbbreviation(query: string[], unit: UnitRow, acronyms: Set<string>): boolean {
  if (![...acronyms].length) return false;
  let initials = unit.initials;
  for (const word of query) {
    if (acronyms.has(word)) {
      const at = initials.indexOf(word);
      if (at < 0) return false;
      initials = initials.slice(0, at) + initials.slice(at + word.length);
    } else if (!STOP_WORDS.has(word) && !unit.words.includes(word)) {
      return false;
    }
  }
  return true;
}

function similarity(a: string[], b: string[]): number {
  const x = new Set(a.filter((w) => !STOP_WORDS.has(w)));
  const y = new Set(b.filter((w) => !STOP_WORDS.has(w)));
  const common = [...x].filter((w) => y.has(w)).length;
  return common / Math.max(1, new Set([...x, ...y]).size);
}

/**
 * Loads the tree once. `context` is the unit the document comes from (the issuing Sở), used for
 * "… thuộc Sở" groups and to prefer candidates inside it when a name occurs more than once.
 */
export async function createUnitResolver(db: Db, context: { issuer?: string | null } = {}): Promise<UnitResolver> {
  const rows = await db.selectFrom('units').select(['id', 'parent_id', 'name']).execute();
  const units: UnitRow[] = rows.map((r) => {
    const key = nameKey(r.name);
    const words = key.split(' ').filter(Boolean);
    return { id: r.id, parentId: r.parent_id, name: r.name, key, words, initials: initialsOf(words) };
  });
  const aliases = await db.selectFrom('unit_aliases').select(['alias_folded', 'unit_id']).execute();
  const byAlias = new Map<string, number[]>();
  for (const a of aliases) byAlias.set(nameKey(a.alias_folded), [...(byAlias.get(nameKey(a.alias_folded)) ?? []), a.unit_id]);
  const children = (id: number) => units.filter((u) => u.parentId === id);
  const roots = units.filter((u) => u.parentId === null);
  const issuerKey = context.issuer ? nameKey(context.issuer) : '';
  const home = units.find((u) => issuerKey && u.key === issuerKey) ?? (roots.length === 1 ? roots[0] : undefined);
  const inHome = (ids: number[]) => {
    if (!home || ids.length < 2) return ids;
    const below = new Set<number>([home.id]);
    for (let grew = true; grew;) {
      grew = false;
      for (const u of units) {
        if (u.parentId !== null && below.has(u.parentId) && !below.has(u.id)) {
          below.add(u.id);
          grew = true;
        }
      }
    }
    const narrowed = ids.filter((id) => below.has(id));
    return narrowed.length > 0 ? narrowed : ids;
  };
  const single = (ids: number[]) => (ids.length === 1 ? ids : null);

  function group(key: string): number[] | null {
    const match = /^cac (.+?) thuoc (.+)$/.exec(key) ?? /^cac (.+)$/.exec(key);
    if (!match) return null;
    const what = match[1] ?? '';
    const ofName = match[2];
    const parent = ofName && ofName !== 'so' ? units.find((u) => u.key === ofName || u.key === `so ${ofName}`) : home;
    if (!parent) return null;
    const kinds = GROUP_KINDS.filter(([word]) => what.includes(word));
    const all = /don vi|co quan/.test(what) || kinds.length === 0;
    const picked = children(parent.id).filter((u) => all || kinds.some(([, test]) => test(u)));
    return picked.length > 0 ? picked.map((u) => u.id) : null;
  }

  return {
    resolve(name) {
      const key = nameKey(name);
      if (!key) return null;
      const grouped = group(key);
      if (grouped) return { unitIds: grouped, how: 'group' };
      const exact = single(inHome(units.filter((u) => u.key === key).map((u) => u.id)));
      if (exact) return { unitIds: exact, how: 'name' };
      const alias = single(inHome(byAlias.get(key) ?? []));
      if (alias) return { unitIds: alias, how: 'alias' };
      // "Văn phòng" for "Văn phòng Sở", "Sở Tài chính" for "Sở Tài chính tỉnh".
      const trimmed = key.replace(/ (so|tinh)$/, '');
      const loose = single(inHome(units.filter((u) => u.key.replace(/ (so|tinh)$/, '') === trimmed).map((u) => u.id)));
      if (loose) return { unitIds: loose, how: 'name' };
      const query = key.split(' ');
      const original = name
        .normalize('NFC')
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      const acronyms = new Set(original.filter((w) => w.length >= 2 && w === w.toUpperCase() && /\p{L}/u.test(w)).map((w) => nameKey(w)));
      const abbreviated = single(inHome(units.filter((u) => matchesAbbreviation(query, u, acronyms)).map((u) => u.id)));
      if (abbreviated) return { unitIds: abbreviated, how: 'abbreviation' };
      const scored = units.map((u) => ({ id: u.id, score: similarity(query, u.words) })).filter((s) => s.score >= 0.75);
      const best = Math.max(0, ...scored.map((s) => s.score));
      const top = single(inHome(scored.filter((s) => s.score === best).map((s) => s.id)));
      return top ? { unitIds: top, how: 'wording' } : null;
    },
  };
}

/** Records another name for a unit (an abbreviation, an older name) for later imports. */
export async function addUnitAlias(db: Db, unitId: number, alias: string): Promise<void> {
  await db
    .insertInto('unit_aliases')
    .values({ alias_folded: nameKey(alias), unit_id: unitId, alias })
    .onConflict((oc) => oc.columns(['alias_folded', 'unit_id']).doNothing())
    .execute();
}
