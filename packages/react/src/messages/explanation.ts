/*
 * The explanation family's default messages for the explanation components: German only, so
 * that they are bundled with those components (loaded after the reveal) and not with every
 * decision screen. Other locales bring the family in their catalogue (docs/architecture.md §1,
 * "Locales and bundle size").
 */
import { explanation } from './de/explanation.ts';
import type { MessageFamily } from './index.ts';

/** @internal The explanation family, for `useI18n(explanationMessages)`. */
export const explanationMessages: MessageFamily = { de: explanation };
