/**
 * The German message catalogue, every family: `@deliberate/react/locales/de`.
 *
 * German is the default locale and built in: the decision components' German messages are part
 * of `@deliberate/react`, and the explanation's come with the explanation panel. Importing this
 * module is only needed to read the messages (`de.messages[key]`) or to register all of them at
 * once with `registerCatalogue(de)`.
 *
 * @example
 * import { de } from '@deliberate/react/locales/de';
 * de.messages['actions.accept']; // 'Empfehlung übernehmen: {option}'
 *
 * @packageDocumentation
 */
import type { Catalogue } from '../index.ts';
import { decision } from './decision.ts';
import { explanation } from './explanation.ts';

/** Every Deliberate message in German. */
export const de: Catalogue = { locale: 'de', messages: { ...decision, ...explanation } };
