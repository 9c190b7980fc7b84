import type { ChartLocale } from './format.ts';

/** A catalogue of flat message strings, one object per locale. */
export type MessageCatalog<M> = Record<ChartLocale, M>;

/** Overrides for some messages; `undefined` keeps the default. */
export type MessageOverrides<M> = { [K in keyof M]?: M[K] | undefined };

/**
 * The messages for one locale with the consumer's overrides on top. Undefined overrides are
 * ignored, so `{ title: undefined }` keeps the default title.
 */
export function resolveMessages<M extends object>(
  catalog: MessageCatalog<M>,
  locale: ChartLocale,
  overrides?: MessageOverrides<M>,
): M {
  const base = catalog[locale] ?? catalog.en;
  if (!overrides) return base;
  const merged = { ...base };
  for (const key of Object.keys(overrides) as (keyof M)[]) {
    const value = overrides[key];
    if (value !== undefined) merged[key] = value as M[keyof M];
  }
  return merged;
}

/**
 * Fills `{name}` placeholders. Unknown placeholders stay visible, so a typo in an override shows up
 * on screen instead of silently vanishing.
 *
 * @example
 * fillTemplate('{count} von {total}', { count: 8, total: 10 }); // "8 von 10"
 */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match,
  );
}

/** Picks the singular or plural form with `Intl.PluralRules`. */
export function plural(locale: ChartLocale, count: number, one: string, other: string): string {
  return new Intl.PluralRules(locale).select(count) === 'one' ? one : other;
}
