/*
 * All user-facing strings, German and English. One module per component family; this file
 * merges them. `messages.test.ts` checks that both locales have the same keys and placeholders.
 */
import * as common from './common.ts';
import * as confidence from './confidence.ts';
import * as recommendation from './recommendation.ts';
import * as judgement from './judgement.ts';
import * as contrast from './contrast.ts';
import * as actions from './actions.ts';
import * as justification from './justification.ts';
import * as oversight from './oversight.ts';
import * as screen from './screen.ts';
import * as explanation from './explanation.ts';

export type Locale = 'de' | 'en';
export const LOCALES: readonly Locale[] = ['de', 'en'];

const families = [
  common,
  confidence,
  recommendation,
  judgement,
  contrast,
  actions,
  justification,
  oversight,
  screen,
  explanation,
] as const;

export type Messages = typeof common.en &
  typeof confidence.en &
  typeof recommendation.en &
  typeof judgement.en &
  typeof contrast.en &
  typeof actions.en &
  typeof justification.en &
  typeof oversight.en &
  typeof screen.en &
  typeof explanation.en;

const merged = {
  de: Object.assign({}, ...families.map((family) => family.de)) as Messages,
  en: Object.assign({}, ...families.map((family) => family.en)) as Messages,
};

/**
 * The complete message record of a locale.
 *
 * @example
 * messagesFor('en')['common.error.title'];
 */
export function messagesFor(locale: Locale): Messages {
  return merged[locale];
}
