/*
 * All user-facing strings, German and English. One module per component family; this file
 * merges them. `messages.test.ts` checks that both locales have the same keys and placeholders.
 *
 * The translator every provider creates holds the decision families only. The explanation
 * family (the largest) is layered on by the explanation components themselves
 * (`useI18n(explanationMessages)`), so a screen without explanation panels does not ship it.
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

const decisionFamilies = [
  common,
  confidence,
  recommendation,
  judgement,
  contrast,
  actions,
  justification,
  oversight,
  screen,
] as const;

/** One component family's messages in both languages. */
export interface MessageFamily {
  de: Record<string, string>;
  en: Record<string, string>;
}

/** @internal The explanation family, for the explanation components. */
export const explanationMessages: MessageFamily = explanation;

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

type DecisionMessages = Omit<Messages, keyof typeof explanation.en>;

const decision = {
  de: Object.assign({}, ...decisionFamilies.map((family) => family.de)) as DecisionMessages,
  en: Object.assign({}, ...decisionFamilies.map((family) => family.en)) as DecisionMessages,
};

/**
 * @internal The messages of the decision components (everything but the explanation family).
 * @example
 * decisionMessagesFor('en')['common.error.title'];
 */
export function decisionMessagesFor(locale: Locale): DecisionMessages {
  return decision[locale];
}

/**
 * The complete message record of a locale (a new object on every call).
 *
 * @example
 * messagesFor('en')['common.error.title'];
 */
export function messagesFor(locale: Locale): Messages {
  return { ...decision[locale], ...explanation[locale] };
}
