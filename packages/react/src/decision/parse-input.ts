import {
  parseDecisionOptions,
  parseRecommendation,
  type DecisionOptions,
  type Recommendation,
  type RecommendationIssue,
} from '@deliberate/core';

/*
 * What the host hands `DecisionProvider`, read without trusting it: the recommendation (a value,
 * a promise of one, or `'pending'`) and the procedure's decision options. Nothing here throws;
 * problems come back as issues (docs/architecture.md §2, "Validate and plan").
 */

/** The `recommendation` value that says "the host is still fetching it and will re-render". */
export const RECOMMENDATION_PENDING = 'pending';

/** A recommendation after validation, with what was wrong with it or with its explanation. */
export interface ParsedInput {
  recommendation: Recommendation | null;
  issues: RecommendationIssue[];
  /** The explanation as received, when it failed validation but the rest did not. */
  explanation?: unknown;
  explanationIssues: RecommendationIssue[];
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  try {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * Validates the recommendation. A broken explanation does not cost the advice: when every
 * problem lies inside `explanation`, the recommendation is accepted without it, and the raw
 * explanation goes to the explanation panel, which shows what it can read and names what is
 * missing (issue #4). Anything else wrong makes the whole recommendation invalid.
 */
export function parseInput(input: unknown): ParsedInput {
  if (input === null) return { recommendation: null, issues: [], explanationIssues: [] };
  const parsed = parseRecommendation(input);
  if (parsed.ok) return { recommendation: parsed.value, issues: [], explanationIssues: [] };
  const inExplanation = parsed.issues.every((issue) => issue.path[0] === 'explanation');
  if (inExplanation && isPlainRecord(input)) {
    try {
      const { explanation, ...rest } = input;
      const retry = parseRecommendation(rest);
      if (retry.ok) {
        return { recommendation: retry.value, issues: [], explanation, explanationIssues: parsed.issues };
      }
    } catch {
      // Spreading a hostile object threw: fall through to the strict answer.
    }
  }
  return { recommendation: null, issues: parsed.issues, explanationIssues: [] };
}

/** Whether `value` is a promise or any other thenable. A getter that throws means no. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  try {
    return (
      (typeof value === 'object' || typeof value === 'function') &&
      value !== null &&
      typeof (value as { then?: unknown }).then === 'function'
    );
  } catch {
    return false;
  }
}

/**
 * How the recommendation reaches the provider: `value` (a recommendation or `null`, validated at
 * once), `promise` (settles later), or `pending` (the host re-renders the provider with the value).
 */
export type RecommendationSource =
  | { kind: 'value'; value: unknown; parsed: ParsedInput }
  | { kind: 'promise'; promise: PromiseLike<unknown> }
  | { kind: 'pending' };

/**
 * Marks a promise's rejection as handled at once. The provider follows the promise from an effect
 * after mount; a browser would otherwise report a rejection that happened before then (a host's
 * `Promise.reject(…)`, a fetch that failed during the first render) as unhandled, although the
 * decision goes on without the AI and logs it.
 */
export function markHandled(value: PromiseLike<unknown>): void {
  try {
    Promise.resolve(value).catch(() => undefined);
  } catch {
    // A thenable whose `then` getter throws: the effect reports it as a failed recommendation.
  }
}

/** Sorts the `recommendation` prop into its source; a value is validated here. */
export function recommendationSource(input: unknown): RecommendationSource {
  if (input === RECOMMENDATION_PENDING) return { kind: 'pending' };
  if (isThenable(input)) {
    markHandled(input);
    return { kind: 'promise', promise: input };
  }
  return { kind: 'value', value: input, parsed: parseInput(input) };
}

/**
 * Whether a later `recommendation` prop is the one the decision already has: the same object, or
 * (for plain data, as an inline object literal gives on every render) the same JSON.
 */
export function sameInput(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (isThenable(a) || isThenable(b)) return false;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/** The procedure's options after validation: the clean value, or why they were set aside. */
export type ProcedureOptions =
  { options: DecisionOptions | undefined; problem: null } | { options: undefined; problem: string };

/**
 * Validates the procedure's `options` (absent is fine). Invalid options are a programming error
 * in the host: the problem is named (the first issue, with its path) and the decision goes on
 * with the recommendation's options, so that a person can still decide.
 */
export function procedureOptions(input: unknown): ProcedureOptions {
  if (input === undefined) return { options: undefined, problem: null };
  const parsed = parseDecisionOptions(input);
  if (parsed.ok) return { options: parsed.value, problem: null };
  const first = parsed.issues[0];
  const path = ['options', ...(first?.path ?? [])].join('.');
  const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more)` : '';
  return {
    options: undefined,
    problem: `The decision options were set aside: ${first?.message ?? 'they could not be read.'} (at ${path})${more}. The recommendation's options are used instead.`,
  };
}
