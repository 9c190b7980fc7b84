/*
 * `@deliberate/react`: the decision screen. Import the stylesheet once:
 * `import '@deliberate/react/styles.css'`. German messages are built in; other locales are
 * `@deliberate/react/locales/<locale>` (registered, or loaded on demand).
 */
export * from './decision/index.ts';
export * from './confidence/index.ts';
export * from './recommendation/index.ts';
export * from './judgement/index.ts';
export * from './contrast/index.ts';
export * from './actions/index.ts';
export * from './justification/index.ts';
export * from './oversight/index.ts';
export * from './screen/index.ts';
export * from './explanation/index.ts';
export { I18nProvider, useI18n, type I18nProviderProps } from './i18n/context.tsx';
export { createTranslator, type Translator } from './i18n/translator.ts';
export { formatNumber, formatPercent, formatPercentRange, formatSeconds } from './i18n/format.ts';
export {
  LOCALES,
  loadCatalogue,
  messagesFor,
  registerCatalogue,
  type Catalogue,
  type Locale,
  type Messages,
} from './messages/index.ts';
export { useControllableState } from './utils/use-controllable-state.ts';
