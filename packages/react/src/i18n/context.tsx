import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { decisionMessagesFor, type Locale, type MessageFamily, type Messages } from '../messages/index.ts';
import { createTranslator, type Translator } from './translator.ts';

interface I18nValue {
  translator: Translator;
  /** The messages behind `translator` (defaults with the overrides on top). */
  messages: Record<string, string>;
  locale: Locale;
}

const I18nContext = createContext<I18nValue | null>(null);

export interface I18nProviderProps {
  /** The language of every Deliberate string below. @default 'de' */
  locale?: Locale;
  /** Overrides for any message, by key (see `messages/*.ts` for the keys). */
  messages?: Partial<Messages>;
  children: ReactNode;
}

/**
 * Sets the language for the Deliberate components below it. `DecisionProvider` renders one for
 * you; use it directly for components outside a decision (charts, the dashboard).
 *
 * @example
 * <I18nProvider locale="en" messages={{ 'actions.accept': 'Approve as suggested' }}>…</I18nProvider>
 */
// One shared translator per locale when nothing is overridden: decision screens come in lists
// (a caseworker's queue), and each would otherwise copy the whole message table.
const shared = new Map<Locale, I18nValue>();

function valueFor(locale: Locale, overrides: Partial<Messages> | undefined): I18nValue {
  if (overrides) {
    const messages = { ...decisionMessagesFor(locale), ...overrides } as Record<string, string>;
    return { translator: createTranslator(locale, messages), messages, locale };
  }
  let value = shared.get(locale);
  if (!value) {
    const messages = decisionMessagesFor(locale) as Record<string, string>;
    value = { translator: createTranslator(locale, messages), messages, locale };
    shared.set(locale, value);
  }
  return value;
}

export function I18nProvider({ locale = 'de', messages, children }: I18nProviderProps) {
  const value = useMemo(() => valueFor(locale, messages), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

// Translators with a component family layered on, one per provider value and family.
const extended = new WeakMap<I18nValue, Map<MessageFamily, Translator>>();

function withFamily(value: I18nValue, family: MessageFamily): Translator {
  let byFamily = extended.get(value);
  if (!byFamily) {
    byFamily = new Map();
    extended.set(value, byFamily);
  }
  let translator = byFamily.get(family);
  if (!translator) {
    // The family's defaults first, so that the provider's overrides (already in `messages`) win.
    translator = createTranslator(value.locale, { ...family[value.locale], ...value.messages });
    byFamily.set(family, translator);
  }
  return translator;
}

/**
 * The translator for the nearest `I18nProvider` (German when there is none). Components whose
 * messages are not part of every decision screen pass their family, which is then bundled only
 * with them.
 *
 * @example
 * const { t, locale } = useI18n();
 */
export function useI18n(family?: MessageFamily): Translator {
  const value = useContext(I18nContext) ?? valueFor('de', undefined);
  return family ? withFamily(value, family) : value.translator;
}
