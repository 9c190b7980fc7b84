/*
 * Message catalogues, one per locale (docs/architecture.md §1, "Locales and bundle size").
 *
 * Every user-facing string lives in `messages/<locale>/<family>.ts`, one module per component
 * family; German modules are typed against the English keys (a type-only import), and
 * `messages.test.ts` checks that both locales have the same keys and placeholders.
 *
 * German is the default locale (German public administration is the main audience) and built
 * in: its decision messages are imported here, and its explanation messages come with the
 * explanation components (`./explanation.ts`), which `DecisionScreen` loads after the reveal.
 * No English module is imported statically, so a German-only app ships no English. Another
 * locale is registered by the host (`registerCatalogue(en)` with
 * `@deliberate/react/locales/en`), or loaded on demand (`import()`) when a provider asks for
 * it; see `I18nProvider` for what is shown meanwhile.
 */
import { decision as germanDecision } from './de/decision.ts';
import type { decision as englishDecision } from './en/decision.ts';
import type { explanation as englishExplanation } from './en/explanation.ts';
import { isDev } from '../utils/dev.ts';

export type Locale = 'de' | 'en';
export const LOCALES: readonly Locale[] = ['de', 'en'];

/** Every message, by key (the keys of the English catalogue; every locale has the same). */
export type Messages = typeof englishDecision & typeof englishExplanation;

/** A locale's complete message catalogue, as `@deliberate/react/locales/<locale>` exports it. */
export interface Catalogue {
  readonly locale: Locale;
  readonly messages: Readonly<Messages>;
}

/**
 * @internal One component family's default messages by locale, layered under the provider's
 * messages (`useI18n(family)`): the explanation components bring the German explanation family
 * this way, so that it is bundled only with them.
 */
export type MessageFamily = Partial<Record<Locale, Readonly<Record<string, string>>>>;

/**
 * @internal What is known of a locale's messages: `ready` (registered; for German from the
 * start, with the decision families), `loading`, `failed` (the on-demand import was rejected) or
 * `missing` (nobody asked yet).
 */
export type CatalogueEntry =
  | { readonly status: 'ready'; readonly messages: Readonly<Record<string, string>> }
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'missing' };

const MISSING: CatalogueEntry = { status: 'missing' };
const LOADING: CatalogueEntry = { status: 'loading' };

const entries = new Map<Locale, CatalogueEntry>([['de', { status: 'ready', messages: germanDecision }]]);
const listeners = new Set<() => void>();
const loads = new Map<Locale, Promise<Catalogue>>();

// Each catalogue is its own chunk for a bundler; nothing here imports one statically.
const loaders: Record<Locale, () => Promise<Catalogue>> = {
  de: () => import('./de/index.ts').then((module) => module.de),
  en: () => import('./en/index.ts').then((module) => module.en),
};

function setEntry(locale: Locale, entry: CatalogueEntry): void {
  entries.set(locale, entry);
  for (const listener of [...listeners]) listener();
}

function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

/**
 * Registers a locale's catalogue, so that providers with that `locale` render at once instead of
 * loading it first. Call it once at start-up (before the first render), e.g. for server
 * rendering, tests, or an app that is always English. Registering again replaces the messages.
 *
 * @example
 * import { registerCatalogue } from '@deliberate/react';
 * import { en } from '@deliberate/react/locales/en';
 * registerCatalogue(en);
 */
export function registerCatalogue(catalogue: Catalogue): void {
  if (!isLocale(catalogue.locale)) {
    throw new TypeError(
      `registerCatalogue: unknown locale ${JSON.stringify(catalogue.locale)}; one of ${LOCALES.join(', ')}`,
    );
  }
  const current = entries.get(catalogue.locale);
  const messages =
    current?.status === 'ready' ? { ...current.messages, ...catalogue.messages } : catalogue.messages;
  setEntry(catalogue.locale, { status: 'ready', messages });
}

/**
 * Loads a locale's complete catalogue (a dynamic `import()`, once) and registers it. Providers
 * do this by themselves; call it to load a language ahead of time, e.g. when a person picks it.
 *
 * @example
 * await loadCatalogue('en');
 */
export function loadCatalogue(locale: Locale): Promise<Catalogue> {
  let load = loads.get(locale);
  if (!load) {
    load = loaders[locale]().then(
      (catalogue) => {
        registerCatalogue(catalogue);
        return catalogue;
      },
      (error: unknown) => {
        // Not cached: the next request tries again (a flaky network, a redeployed chunk).
        loads.delete(locale);
        if (entries.get(locale)?.status !== 'ready') setEntry(locale, { status: 'failed', error });
        throw error;
      },
    );
    loads.set(locale, load);
  }
  return load;
}

/**
 * The complete message record of a locale (a new object on every call), loading its catalogue
 * first. Asynchronous since catalogues are split per locale; to read messages synchronously,
 * import the locale's module: `import { de } from '@deliberate/react/locales/de'`.
 *
 * @example
 * (await messagesFor('en'))['common.error.title'];
 */
export async function messagesFor(locale: Locale): Promise<Messages> {
  return { ...(await loadCatalogue(locale)).messages };
}

/** @internal The registry's current entry for `locale` (stable until it changes). */
export function catalogueEntry(locale: Locale): CatalogueEntry {
  return entries.get(locale) ?? MISSING;
}

/** @internal Calls `listener` whenever an entry changes; returns the unsubscribe function. */
export function subscribeCatalogues(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * @internal Starts loading `locale` unless it is registered or already loading; a failure is
 * recorded as the `failed` entry (and warned about in development), never thrown.
 */
export function requestCatalogue(locale: Locale): void {
  const status = catalogueEntry(locale).status;
  if (status === 'ready' || status === 'loading') return;
  setEntry(locale, LOADING);
  loadCatalogue(locale).catch((error: unknown) => {
    if (isDev()) {
      console.warn(
        `[deliberate] the '${locale}' messages could not be loaded, so German is shown instead. ` +
          `Register them up front with registerCatalogue() from '@deliberate/react/locales/${locale}'.`,
        error,
      );
    }
  });
}
