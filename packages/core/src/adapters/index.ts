export { CDS_HOOKS_CONFIDENCE_EXTENSION, fromCdsHooksCard } from './cds-hooks.ts';
export type {
  CdsHooksAction,
  CdsHooksCard,
  CdsHooksCoding,
  CdsHooksLink,
  CdsHooksSource,
  CdsHooksSuggestion,
  FromCdsHooksCardOptions,
} from './cds-hooks.ts';
export { fromClassifierOutput } from './classifier.ts';
export type { ClassifierOutput, FromClassifierOutputOptions } from './classifier.ts';
