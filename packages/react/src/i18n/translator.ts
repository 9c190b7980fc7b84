/*
 * Messages are flat records per locale (`{ 'judgement.commit': 'Commit my assessment' }`), one
 * file per component family and locale under `src/messages/<locale>/`, so that integrators can
 * override any string and translators see plain text. Placeholders are `{name}`; plural forms
 * are separate keys with an Intl.PluralRules category suffix (`…_one`, `…_other`).
 */

import { fillTemplate } from '@deliberate/charts/messages';

export type MessageRecord = Record<string, string>;
export type Vars = Record<string, string | number>;

export interface Translator {
  locale: string;
  /** The message for `key` with `{placeholders}` filled in. A missing key returns the key itself. */
  t(key: string, vars?: Vars): string;
  /** The plural form of `key` for `count` (`key_one`, `key_other`, …); `{count}` is filled in. */
  plural(key: string, count: number, vars?: Vars): string;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** `{name}` placeholders, filled as the charts fill them (one syntax, one home: charts' `fillTemplate`). */
function fill(template: string, vars: Vars | undefined): string {
  return vars ? fillTemplate(template, vars) : template;
}

/**
 * A translator over a message record.
 *
 * @example
 * const { t } = createTranslator('en', { greet: 'Hello {name}' });
 * t('greet', { name: 'Ada' }); // "Hello Ada"
 */
export function createTranslator(locale: string, messages: MessageRecord): Translator {
  const t = (key: string, vars?: Vars) => fill(messages[key] ?? key, vars);
  const plural = (key: string, count: number, vars?: Vars) => {
    let rules = pluralRules.get(locale);
    if (!rules) {
      rules = new Intl.PluralRules(locale);
      pluralRules.set(locale, rules);
    }
    const category = rules.select(count);
    const template = messages[`${key}_${category}`] ?? messages[`${key}_other`] ?? key;
    return fill(template, { count, ...vars });
  };
  return { locale, t, plural };
}
