import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import {
  catalogueEntry,
  requestCatalogue,
  subscribeCatalogues,
  type CatalogueEntry,
  type Locale,
  type MessageFamily,
  type Messages,
} from '../messages/index.ts';
import { createTranslator, type Translator } from './translator.ts';

interface I18nValue {
  translator: Translator;
  /** The messages behind `translator` (the catalogue with the overrides on top). */
  messages: Readonly<Record<string, string>>;
  locale: Locale;
}

const I18nContext = createContext<I18nValue | null>(null);

export interface I18nProviderProps {
  /**
   * The language of every Deliberate string below. German is built in; any other locale is
   * loaded on demand unless it was registered with `registerCatalogue`. @default 'de'
   */
  locale?: Locale;
  /** Overrides for any message, by key (see `messages/<locale>/*.ts` for the keys). */
  messages?: Partial<Messages>;
  /**
   * Rendered instead of the children while the locale's catalogue is loaded for the first time
   * (never a mix of languages). Pass your own loading status, in the host's language, if you
   * want one. @default nothing
   */
  fallback?: ReactNode;
  children: ReactNode;
}

// One shared translator per catalogue when nothing is overridden: decision screens come in lists
// (a caseworker's queue), and each would otherwise copy the whole message table.
const shared = new WeakMap<Readonly<Record<string, string>>, I18nValue>();

function valueFor(
  locale: Locale,
  catalogue: Readonly<Record<string, string>>,
  overrides: Partial<Messages> | undefined,
): I18nValue {
  if (overrides) {
    const messages = { ...catalogue, ...overrides } as Record<string, string>;
    return { translator: createTranslator(locale, messages), messages, locale };
  }
  let value = shared.get(catalogue);
  if (!value) {
    value = { translator: createTranslator(locale, catalogue), messages: catalogue, locale };
    shared.set(catalogue, value);
  }
  return value;
}

/** German, the built-in default: always registered. */
function germanValue(): I18nValue {
  const entry = catalogueEntry('de');
  return valueFor('de', entry.status === 'ready' ? entry.messages : {}, undefined);
}

function valueOf(entry: CatalogueEntry, locale: Locale, overrides: Partial<Messages> | undefined) {
  if (entry.status === 'ready') return valueFor(locale, entry.messages, overrides);
  // The catalogue could not be loaded: German throughout (the host's overrides are written for
  // the other language and would mix the two), so that the person can still decide.
  if (entry.status === 'failed') return germanValue();
  return null;
}

/**
 * Sets the language for the Deliberate components below it. `DecisionProvider` renders one for
 * you; use it directly for components outside a decision (charts, the dashboard).
 *
 * German is built in. For another locale the provider uses the registered catalogue
 * (`registerCatalogue(en)` with `@deliberate/react/locales/en`), or loads it on demand (a
 * dynamic `import()`): on the first load it renders `fallback` (nothing by default) instead of
 * its children, and when the locale changes it keeps the previous language until the new one is
 * there, so a screen never shows two languages at once. A catalogue that cannot be loaded leaves
 * the components in German, so that the person can still decide.
 *
 * @example
 * <I18nProvider locale="en" messages={{ 'actions.accept': 'Approve as suggested' }}>…</I18nProvider>
 */
export function I18nProvider({ locale = 'de', messages, fallback = null, children }: I18nProviderProps) {
  const entry = useSyncExternalStore(
    subscribeCatalogues,
    () => catalogueEntry(locale),
    () => catalogueEntry(locale),
  );
  // On mount and on a change of locale (a failed load is retried by the next provider).
  useEffect(() => {
    const status = catalogueEntry(locale).status;
    if (status === 'missing' || status === 'failed') requestCatalogue(locale);
  }, [locale]);

  const value = useMemo(() => valueOf(entry, locale, messages), [entry, locale, messages]);
  // The last language shown, kept while the next one loads (React's "information from previous
  // renders" pattern: a state set during render, only when it changes).
  const [shown, setShown] = useState(value);
  if (value !== null && value !== shown) setShown(value);
  const current = value ?? shown;
  if (current === null) return <>{fallback}</>;
  return <I18nContext.Provider value={current}>{children}</I18nContext.Provider>;
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
    // The family's defaults first, so that the catalogue and the overrides (in `messages`) win.
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
  const value = useContext(I18nContext) ?? germanValue();
  return family ? withFamily(value, family) : value.translator;
}
