/*
 * All user-facing strings, German and English. One module per component family; this file
 * merges them. `messages.test.ts` checks that both locales have the same keys and placeholders.
 */
import * as common from './common.ts';

export type Locale = 'de' | 'en';
export const LOCALES: readonly Locale[] = ['de', 'en'];

const families = [common] as const;

export type Messages = typeof common.en;

const merged = {
  de: Object.assign({}, ...families.map((family) => family.de)) as Messages,
  en: Object.assign({}, ...families.map((family) => family.en)) as Messages,
};

/**
 * The complete message record of a locale.
 *
 * @example
 * messagesFor('en')['common.error.title'];
 */
export function messagesFor(locale: Locale): Messages {
  return merged[locale];
}
