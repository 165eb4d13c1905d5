/**
 * Translations from locales/*.ftl (Fluent), through @grammyjs/i18n's I18n so that Telegram, Zalo,
 * the web chat and the CLI share one set of strings. Vietnamese is the default.
 */
import path from 'node:path';
import { FluentNumber } from '@fluent/bundle';
import { I18n } from '@grammyjs/i18n';
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

let shared: Translator | undefined;

/** Loads the locale files once per process. */
export function getTranslator(): Translator {
  if (shared) return shared;
  const i18n = new I18n({ defaultLocale: 'vi', fluentBundleOptions: { useIsolating: false } });
  i18n.loadLocalesDirSync(LOCALES_DIR);
  const t = (locale: Locale, key: string, vars?: TranslationVars) => i18n.t(locale, key, vars && plain(vars));
  shared = { locales: ['vi', 'en'], t, for: (locale) => (key, vars) => t(locale, key, vars) };
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
