/**
 * The English message catalogue, every family: `@deliberate/react/locales/en`.
 *
 * German is built in; English is loaded on demand when a provider asks for `locale="en"`.
 * Register it up front to skip that step (server rendering, tests, an English-only app):
 *
 * @example
 * import { registerCatalogue } from '@deliberate/react';
 * import { en } from '@deliberate/react/locales/en';
 * registerCatalogue(en);
 *
 * @packageDocumentation
 */
import type { Catalogue } from '../index.ts';
import { decision } from './decision.ts';
import { explanation } from './explanation.ts';

/** Every Deliberate message in English. */
export const en: Catalogue = { locale: 'en', messages: { ...decision, ...explanation } };
