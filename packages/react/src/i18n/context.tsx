import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { messagesFor, type Locale, type Messages } from '../messages/index.ts';
import { createTranslator, type Translator } from './translator.ts';

const I18nContext = createContext<Translator | null>(null);

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
const shared = new Map<Locale, Translator>();

function translatorFor(locale: Locale, messages: Partial<Messages> | undefined): Translator {
  if (messages) return createTranslator(locale, { ...messagesFor(locale), ...messages });
  let translator = shared.get(locale);
  if (!translator) {
    translator = createTranslator(locale, messagesFor(locale));
    shared.set(locale, translator);
  }
  return translator;
}

export function I18nProvider({ locale = 'de', messages, children }: I18nProviderProps) {
  const translator = useMemo(() => translatorFor(locale, messages), [locale, messages]);
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

/**
 * The translator for the nearest `I18nProvider` (German when there is none).
 *
 * @example
 * const { t, locale } = useI18n();
 */
export function useI18n(): Translator {
  return useContext(I18nContext) ?? translatorFor('de', undefined);
}
