/**
 * Translations from locales/*.ftl (Fluent), one FluentBundle per locale, so that Telegram, Zalo,
 * the web chat and the CLI share one set of strings. Vietnamese is the default, and a message
 * missing in another locale is said in Vietnamese. Each message is looked up in its bundle
 * directly: a chat answer formats a dozen of them, and negotiating the locale on every call (what
 * a general-purpose i18n layer does) cost more than formatting them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FluentBundle, FluentNumber, FluentResource } from '@fluent/bundle';
import type { Locale } from './domain/types.js';
import { packageRoot } from './paths.js';

export const LOCALES_DIR = path.join(packageRoot(), 'locales');

export type TranslationVars = Record<string, string | number | Date>;
/** Translates a message id in a fixed locale. */
export type Translate = (key: string, vars?: TranslationVars) => string;

export interface Translator {
  locales: readonly Locale[];
  t(locale: Locale, key: string, vars?: TranslationVars): string;
  for(locale: Locale): Translate;
}

const LOCALES: readonly Locale[] = ['vi', 'en'];
const DEFAULT_LOCALE: Locale = 'vi';

let shared: Translator | undefined;

function loadBundle(locale: Locale): FluentBundle {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(fs.readFileSync(path.join(LOCALES_DIR, `${locale}.ftl`), 'utf8')));
  if (errors.length > 0) throw new Error(`locales/${locale}.ftl: ${errors.map((e) => e.message).join('; ')}`);
  return bundle;
}

/** Loads the locale files once per process. */
export function getTranslator(): Translator {
  if (shared) return shared;
  const bundles = new Map(LOCALES.map((locale) => [locale, loadBundle(locale)] as const));
  const fallback = bundles.get(DEFAULT_LOCALE)!;
  const t = (locale: Locale, key: string, vars?: TranslationVars): string => {
    for (const bundle of [bundles.get(locale) ?? fallback, fallback]) {
      const message = bundle.getMessage(key);
      if (message?.value) return bundle.formatPattern(message.value, vars && plain(vars));
    }
    return `{${key}}`;
  };
  shared = { locales: LOCALES, t, for: (locale) => (key, vars) => t(locale, key, vars) };
  return shared;
}

/**
 * Numbers reach Fluent as numbers, so plural variants (`[one]`, `*[other]`) match, but without
 * digit grouping: ids and counts read "#1234", never "#1.234".
 */
function plain(vars: TranslationVars): Record<string, string | Date | FluentNumber> {
  const out: Record<string, string | Date | FluentNumber> = {};
  for (const [key, value] of Object.entries(vars)) out[key] = typeof value === 'number' ? new FluentNumber(value, { useGrouping: false }) : value;
  return out;
}

/** Maps a platform language code ("vi", "en-US", undefined) to a supported locale. */
export function pickLocale(code: string | undefined | null, fallback: Locale = 'vi'): Locale {
  if (!code) return fallback;
  const base = code.toLowerCase().split(/[-_]/)[0];
  return base === 'en' ? 'en' : base === 'vi' ? 'vi' : fallback;
}
